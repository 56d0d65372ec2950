package vn.ntm.criteria.sets;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A versioned criteria set. Only a draft changes; publishing freezes it, a correction is a new set. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Level level;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    @Column(name = "period_from")
    private int periodFrom;
    @Column(name = "period_to")
    private int periodTo;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Column(name = "province_code")
    private String provinceCode;
    @Column(name = "base_set")
    private String baseSet;
    @Enumerated(EnumType.STRING)
    private SetStatus status;
    @Column(name = "announced_event_id")
    private UUID announcedEventId;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "retired_at")
    private Instant retiredAt;

    @OneToMany(mappedBy = "set", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CriteriaGroup> groups = new ArrayList<>();

    @OneToMany(mappedBy = "set", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Criterion> criteria = new ArrayList<>();

    protected CriteriaSet() {
    }

    public static CriteriaSet draft(CriteriaSetDocument document) {
        CriteriaSet set = new CriteriaSet();
        set.code = document.code();
        set.status = SetStatus.DRAFT;
        set.fill(document);
        return set;
    }

    /** Replaces the whole content of a draft (the code stays). */
    public void edit(CriteriaSetDocument document) {
        requireDraft();
        groups.clear();
        criteria.clear();
        fill(document);
    }

    public Threshold addThreshold(int criterionNumber, String indicatorCode, CriteriaSetDocument.Threshold t) {
        requireDraft();
        return indicator(criterionNumber, indicatorCode).addThreshold(t);
    }

    public Indicator indicator(int criterionNumber, String indicatorCode) {
        return criteria.stream().filter(c -> c.number() == criterionNumber).findFirst()
                .flatMap(c -> c.indicator(indicatorCode))
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + indicatorCode + " in criterion "
                        + criterionNumber));
    }

    public void publish(UUID eventId) {
        requireDraft();
        status = SetStatus.PUBLISHED;
        publishedAt = Instant.now();
        announcedEventId = eventId;
    }

    public void retire() {
        if (status != SetStatus.PUBLISHED) {
            throw new IllegalStateException("only a published set can be retired; " + code + " is " + status);
        }
        status = SetStatus.RETIRED;
        retiredAt = Instant.now();
    }

    /** Records the event that announced this (already published) set to other services. */
    public void announced(UUID eventId) {
        announcedEventId = eventId;
    }

    private void requireDraft() {
        if (status != SetStatus.DRAFT) {
            throw new IllegalStateException("set " + code + " is " + status + " and can no longer change;"
                    + " create a new set for a correction");
        }
    }

    private void fill(CriteriaSetDocument d) {
        name = d.name();
        level = d.level();
        tier = d.tier();
        periodFrom = d.periodFrom();
        periodTo = d.periodTo();
        legalBasis = d.legalBasis();
        provinceCode = d.provinceCode();
        baseSet = d.baseSet();
        for (int g = 0; g < d.groups().size(); g++) {
            CriteriaSetDocument.Group group = d.groups().get(g);
            groups.add(new CriteriaGroup(this, group.order() == null ? g + 1 : group.order(), group.code(),
                    group.name()));
        }
        groups.sort(Comparator.comparingInt(CriteriaGroup::position));
        for (int i = 0; i < d.criteria().size(); i++) {
            criteria.add(new Criterion(this, i + 1, d.criteria().get(i)));
        }
    }

    public CriteriaSetDocument toDocument() {
        return new CriteriaSetDocument(code, name, level, tier, periodFrom, periodTo, legalBasis, provinceCode,
                baseSet, groups.stream().map(CriteriaGroup::toDocument).toList(),
                criteria.stream().map(Criterion::toDocument).toList());
    }

    public String code() {
        return code;
    }

    public SetStatus status() {
        return status;
    }

    public UUID announcedEventId() {
        return announcedEventId;
    }
}
