package vn.ntm.criteria.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A province and the region whose thresholds its communes use (unless a commune flag forces region 1). */
@Entity
@Table(name = "province")
public class Province {
    @Id
    private String code;
    private String name;
    private int region;

    protected Province() {
    }

    public Province(String code, String name, int region) {
        this.code = code;
        this.name = name;
        this.region = region;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int region() {
        return region;
    }
}
