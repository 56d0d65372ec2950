package vn.ntm.criteria.sets;

import vn.ntm.contracts.CriteriaSetPublished;

import java.util.Comparator;

/** Maps a set to the data of {@code ntm.criteria-set.published} (structure and sectors, no thresholds). */
public final class CriteriaSetEvents {
    private CriteriaSetEvents() {
    }

    public static CriteriaSetPublished published(CriteriaSetDocument d) {
        return new CriteriaSetPublished(CriteriaSetPublished.SCHEMA_VERSION, d.code(), d.name(), d.level().name(),
                d.tier().name(), d.periodFrom(), d.periodTo(), d.provinceCode(), d.baseSet(),
                d.criteria().stream().sorted(Comparator.comparing(CriteriaSetDocument.Criterion::number))
                        .map(c -> new CriteriaSetPublished.Criterion(c.number(), c.code(), c.name(), c.group(),
                                c.sectors(), CriteriaSetPublished.lead(c.sectors()),
                                CriteriaSetPublished.cooperating(c.sectors()), c.continues().stream()
                                .map(r -> new CriteriaSetPublished.CriterionRef(r.set(), r.criterion())).toList(),
                                c.indicators().stream()
                                .map(i -> new CriteriaSetPublished.Indicator(i.code(), i.name(), i.sectors()))
                                .toList()))
                        .toList());
    }
}
