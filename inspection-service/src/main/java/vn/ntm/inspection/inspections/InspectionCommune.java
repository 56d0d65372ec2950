package vn.ntm.inspection.inspections;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One commune in an inspection's scope, with its target and the findings about it. */
@Entity
@Table(name = "inspection_commune")
public class InspectionCommune {
    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "inspection_id")
    private Inspection inspection;
    private int position;
    private String code;
    private String name;
    /** The register date of {@code code} (the inspection's). */
    @Column(name = "register_date")
    private java.time.LocalDate registerDate;
    @Column(name = "criteria_set")
    private String criteriaSet;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_tier")
    private TargetTier targetTier;
    @Column(name = "target_year")
    private int targetYear;
    @Column(name = "stated_met")
    private Integer statedMet;
    @OneToMany(mappedBy = "commune", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("criterion")
    private List<Finding> findings = new ArrayList<>();

    protected InspectionCommune() {
    }

    InspectionCommune(Inspection inspection, int position, String code, String name, String criteriaSet,
                      TargetTier targetTier, int targetYear, Integer statedMet) {
        this.id = UUID.randomUUID();
        this.inspection = inspection;
        this.position = position;
        this.code = code;
        this.name = name;
        this.registerDate = inspection.registerDate();
        this.criteriaSet = criteriaSet;
        this.targetTier = targetTier;
        this.targetYear = targetYear;
        this.statedMet = statedMet;
    }

    /**
     * Makes the findings exactly {@code entries}. Rows of criteria kept are updated in place, so the unique
     * (commune, criterion) key never sees a delete and an insert of the same criterion in one flush.
     */
    void replaceFindings(List<FindingEntry> entries) {
        Map<Integer, FindingEntry> wanted = entries.stream()
                .collect(Collectors.toMap(FindingEntry::criterion, Function.identity()));
        findings.removeIf(f -> !wanted.containsKey(f.criterion()));
        Map<Integer, Finding> kept = findings.stream()
                .collect(Collectors.toMap(Finding::criterion, Function.identity()));
        for (FindingEntry entry : entries) {
            Finding existing = kept.get(entry.criterion());
            if (existing != null) {
                existing.update(entry);
            } else {
                findings.add(new Finding(this, entry));
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::criterion));
    }

    void stateMet(Integer met) {
        this.statedMet = met;
    }

    public Inspection inspection() {
        return inspection;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String criteriaSet() {
        return criteriaSet;
    }

    public TargetTier targetTier() {
        return targetTier;
    }

    public int targetYear() {
        return targetYear;
    }

    public Integer statedMet() {
        return statedMet;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public java.time.LocalDate registerDate() {
        return registerDate;
    }
}
