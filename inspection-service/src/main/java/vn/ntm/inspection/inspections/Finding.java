package vn.ntm.inspection.inspections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The result for one criterion of one commune. */
@Entity
@Table(name = "finding")
public class Finding {
    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_id")
    private InspectionCommune commune;
    private int criterion;
    @Enumerated(EnumType.STRING)
    private FindingResult result;
    private String note;
    private String remedy;
    private LocalDate deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private List<OrganisationRef> responsible;
    /** The register date of the responsible organisations' codes (the inspection's). */
    @Column(name = "register_date")
    private LocalDate registerDate;

    protected Finding() {
    }

    Finding(InspectionCommune commune, FindingEntry entry) {
        this.id = UUID.randomUUID();
        this.commune = commune;
        this.criterion = entry.criterion();
        this.registerDate = commune.registerDate();
        update(entry);
    }

    void update(FindingEntry entry) {
        this.result = entry.result();
        this.note = entry.note();
        this.remedy = entry.remedy();
        this.deadline = entry.deadline();
        this.responsible = entry.responsible() == null ? List.of() : List.copyOf(entry.responsible());
    }

    public LocalDate registerDate() {
        return registerDate;
    }

    public int criterion() {
        return criterion;
    }

    public FindingResult result() {
        return result;
    }

    public String note() {
        return note;
    }

    public String remedy() {
        return remedy;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public List<OrganisationRef> responsible() {
        return responsible;
    }
}
