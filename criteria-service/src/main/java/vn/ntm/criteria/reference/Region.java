package vn.ntm.criteria.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 7 socio-economic regions thresholds differ by. */
@Entity
@Table(name = "region")
public class Region {
    @Id
    private int number;
    private String name;

    protected Region() {
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }
}
