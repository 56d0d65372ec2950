package vn.ntm.criteria.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A provincial sector (Sở/ngành) responsible for criteria, e.g. GTVT "Giao thông vận tải". */
@Entity
@Table(name = "sector")
public class Sector {
    @Id
    private String code;
    private String name;
    private int position;

    protected Sector() {
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
