package vn.ntm.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ntm.contracts.AdminUnit;
import vn.ntm.contracts.OrganisationRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The record of one inspection: scope, findings per commune, recommendations. DRAFT until finalized, then frozen. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {
    @Id
    private UUID id;
    private String title;
    @Column(name = "inspected_on")
    private LocalDate inspectedOn;
    /** The register date every unit code of the record refers to: its {@code inspectedOn}. */
    @Column(name = "register_date")
    private LocalDate registerDate;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lead_agency")
    private OrganisationRef leadAgency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_basis")
    private List<LegalBasis> legalBasis;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private List<OrganisationRef> participants;
    @Column(name = "province_code")
    private String provinceCode;
    @Column(name = "province_name")
    private String provinceName;
    @Column(name = "district_code")
    private String districtCode;
    @Column(name = "district_name")
    private String districtName;
    private String assessment;
    // text, not jsonb: jsonb reorders an object's keys, and the figures keep the order the notice states them in
    @Convert(converter = Converters.Figures.class)
    @Column(name = "stated_figures", columnDefinition = "text")
    private LinkedHashMap<String, BigDecimal> statedFigures;
    /** The basis of stated figures, by name (e.g. the district's communes for its average); text, in order. */
    @Convert(converter = Converters.FigureBases.class)
    @Column(name = "stated_figure_bases", columnDefinition = "text")
    private LinkedHashMap<String, String> statedFigureBases = new LinkedHashMap<>();
    /** The notice's number and symbol ("245/TB-SNNMT"), its place ("Hà Tĩnh"), signer and recipients: optional. */
    @Column(name = "notice_number")
    private String number;
    @Column(name = "notice_place")
    private String place;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private Signer signer;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column
    private List<String> recipients;
    /** The version of the findings: 1 as finalized, one more for each correction (đính chính). */
    @Column(name = "findings_version")
    private int findingsVersion = 1;
    @Enumerated(EnumType.STRING)
    private InspectionStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "finalized_at")
    private Instant finalizedAt;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "finalized_by")
    private String finalizedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "inspection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InspectionCommune> communes = new ArrayList<>();
    @OneToMany(mappedBy = "inspection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Recommendation> recommendations = new ArrayList<>();

    protected Inspection() {
    }

    public static Inspection draft(String title, LocalDate inspectedOn, OrganisationRef leadAgency,
                                   List<LegalBasis> legalBasis, List<OrganisationRef> participants,
                                   AdminUnit province, AdminUnit district, String assessment,
                                   Map<String, BigDecimal> statedFigures, Map<String, String> statedFigureBases,
                                   NoticeFields notice, String recordedBy) {
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.title = title;
        i.inspectedOn = inspectedOn;
        i.registerDate = inspectedOn;
        i.leadAgency = leadAgency;
        i.legalBasis = List.copyOf(legalBasis);
        i.participants = List.copyOf(participants);
        i.provinceCode = province.code();
        i.provinceName = province.name();
        i.districtCode = district == null ? null : district.code();
        i.districtName = district == null ? null : district.name();
        i.assessment = assessment;
        i.statedFigures = new LinkedHashMap<>(statedFigures);
        i.statedFigureBases = statedFigureBases == null ? new LinkedHashMap<>() : new LinkedHashMap<>(statedFigureBases);
        i.status = InspectionStatus.DRAFT;
        i.number = notice.number();
        i.place = notice.place();
        i.signer = notice.signer();
        i.recipients = notice.recipients() == null ? null : List.copyOf(notice.recipients());
        i.recordedBy = recordedBy;
        i.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return i;
    }

    public InspectionCommune addCommune(String code, String name, String criteriaSet, TargetTier targetTier,
                                        int targetYear, Integer statedMet) {
        ensureDraft();
        InspectionCommune commune = new InspectionCommune(this, communes.size(), code, name, criteriaSet,
                targetTier, targetYear, statedMet);
        communes.add(commune);
        return commune;
    }

    public void replaceFindings(String communeCode, List<FindingEntry> entries) {
        ensureDraft();
        commune(communeCode).orElseThrow().replaceFindings(entries);
        touch();
    }

    public Recommendation recommend(OrganisationRef assignee, String communeCode, String content,
                                    LocalDate deadline) {
        ensureDraft();
        // after a deletion the positions have a gap: the next one follows the last, never reuses one
        int position = recommendations.stream().mapToInt(Recommendation::position).max().orElse(-1) + 1;
        Recommendation r = new Recommendation(this, position, assignee, communeCode, content, deadline);
        recommendations.add(r);
        touch();
        return r;
    }

    /** Replaces the notice's fields of a DRAFT (its number, place, signer and recipients). */
    public void changeNotice(NoticeFields notice) {
        ensureDraft();
        number = notice.number();
        place = notice.place();
        signer = notice.signer();
        recipients = notice.recipients() == null ? null : List.copyOf(notice.recipients());
        touch();
    }

    /** Removes one recommendation of a DRAFT; the record's version moves. */
    public void removeRecommendation(Recommendation recommendation) {
        ensureDraft();
        recommendations.remove(recommendation);
        touch();
    }

    /** Freezes the record; completeness against the catalog is checked by the caller, which knows the sets. */
    public void finalizeAt(Instant at, String by) {
        ensureDraft();
        finalizedBy = by;
        status = InspectionStatus.FINALIZED;
        finalizedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A correction (đính chính) of a FINALIZED record: the findings of each commune in {@code findings} become exactly
     * those, its {@code statedMet} the given one when not null; the findings' version moves by one.
     */
    public void correct(Map<String, List<FindingEntry>> findings, Map<String, Integer> statedMet) {
        ensureFinalized();
        findings.forEach((code, entries) -> commune(code).orElseThrow().replaceFindings(entries));
        statedMet.forEach((code, met) -> commune(code).orElseThrow().stateMet(met));
        findingsVersion++;
        touch();
    }

    /** Only a FINALIZED record is corrected; a DRAFT is still changed directly (409). */
    public void ensureFinalized() {
        if (status != InspectionStatus.FINALIZED) {
            throw InspectionStatusConflict.notFinalized(id);
        }
    }

    /** A change of a child row is a change of the record: its version (the ETag clients send back) moves. */
    private void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void ensureDraft() {
        if (status == InspectionStatus.FINALIZED) {
            throw InspectionStatusConflict.frozen(id);
        }
    }

    public Optional<Recommendation> recommendation(UUID recommendationId) {
        return recommendations.stream().filter(r -> r.id().equals(recommendationId)).findFirst();
    }

    public Optional<InspectionCommune> commune(String code) {
        return communes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public LocalDate inspectedOn() {
        return inspectedOn;
    }

    /** The register date of the record's unit codes (province, district, communes, organisations). */
    public LocalDate registerDate() {
        return registerDate;
    }

    public OrganisationRef leadAgency() {
        return leadAgency;
    }

    public List<LegalBasis> legalBasis() {
        return legalBasis;
    }

    public List<OrganisationRef> participants() {
        return participants;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String finalizedBy() {
        return finalizedBy;
    }

    public AdminUnit province() {
        return new AdminUnit(provinceCode, provinceName);
    }

    /** Null for an inspection without a district (every one from 2025-07-01 on). */
    public AdminUnit district() {
        return districtCode == null ? null : new AdminUnit(districtCode, districtName);
    }

    public String assessment() {
        return assessment;
    }

    public Map<String, BigDecimal> statedFigures() {
        return statedFigures;
    }

    public Map<String, String> statedFigureBases() {
        return statedFigureBases == null ? Map.of() : statedFigureBases;
    }

    public NoticeFields notice() {
        return new NoticeFields(number, place, signer, recipients == null ? List.of() : recipients);
    }

    public int findingsVersion() {
        return findingsVersion;
    }

    public InspectionStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finalizedAt() {
        return finalizedAt;
    }

    public long version() {
        return version;
    }

    public List<InspectionCommune> communes() {
        return List.copyOf(communes);
    }

    public List<Recommendation> recommendations() {
        return List.copyOf(recommendations);
    }
}
