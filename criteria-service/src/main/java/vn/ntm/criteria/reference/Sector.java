package vn.ntm.criteria.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;

/**
 * A provincial sector (Sở/ngành) responsible for criteria, e.g. GTVT "Giao thông vận tải", valid from
 * {@code validFrom} (null: since ever) to {@code validTo} inclusive (null: still valid); {@code successors} took over
 * its duties when it ceased, the primary one first (the succession itself: {@code sector_succession}).
 */
@Entity
@Table(name = "sector")
public class Sector {
    @Id
    private String code;
    private String name;
    private int position;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(columnDefinition = "text[]")
    private String[] successors;
    @Column(name = "legal_basis")
    private String legalBasis;

    protected Sector() {
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    /** The legal basis of the sector's end (null while it is valid, or when none was recorded). */
    public String legalBasis() {
        return legalBasis;
    }

    public List<String> successors() {
        return successors == null ? List.of() : List.of(successors);
    }
}
