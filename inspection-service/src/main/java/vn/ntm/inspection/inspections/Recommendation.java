package vn.ntm.inspection.inspections;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ntm.contracts.OrganisationRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A task the notice asks of a named organisation (section II of the notice). */
@Entity
@Table(name = "recommendation")
public class Recommendation {
    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "inspection_id")
    private Inspection inspection;
    private int position;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private OrganisationRef assignee;
    @Column(name = "commune_code")
    private String communeCode;
    /** The register date of the assignee's code and {@code communeCode} (the inspection's). */
    @Column(name = "register_date")
    private LocalDate registerDate;
    private String content;
    private LocalDate deadline;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Recommendation() {
    }

    Recommendation(Inspection inspection, int position, OrganisationRef assignee, String communeCode,
                   String content, LocalDate deadline) {
        this.id = UUID.randomUUID();
        this.inspection = inspection;
        this.position = position;
        this.assignee = assignee;
        this.communeCode = communeCode;
        this.registerDate = inspection.registerDate();
        this.content = content;
        this.deadline = deadline;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    int position() {
        return position;
    }

    public OrganisationRef assignee() {
        return assignee;
    }

    public String communeCode() {
        return communeCode;
    }

    public String content() {
        return content;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public LocalDate registerDate() {
        return registerDate;
    }
}
