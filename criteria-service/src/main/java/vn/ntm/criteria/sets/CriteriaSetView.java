package vn.ntm.criteria.sets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A criteria set as the public contract shows it (sectors with their names). */
public record CriteriaSetView(String code, String name, Level level, Tier tier, int periodFrom, int periodTo,
                              String legalBasis, String provinceCode, String baseSet, SetStatus status,
                              List<GroupView> groups, List<CriterionView> criteria) {

    public record GroupView(String code, String name, int order) {
    }

    /** A sector of a criterion or indicator; {@code SectorView} in the OpenAPI document (the list's is SectorView1). */
    @Schema(name = "SectorView")
    public record SectorView(String code, String name) {
    }

    /**
     * {@code sectors} lead first; {@code leadSector} (chủ trì) and {@code cooperatingSectors} (phối hợp) say it
     * explicitly; {@code continues}: the criteria of other sets this one continues.
     */
    public record CriterionView(int number, String code, String name, String englishName, String group,
                                List<SectorView> sectors, SectorView leadSector, List<SectorView> cooperatingSectors,
                                List<CriterionRefView> continues, List<IndicatorView> indicators) {
    }

    public record CriterionRefView(String set, int criterion) {
    }

    /** {@code sectors}: the indicator's own (empty = the criterion's), lead first. */
    public record IndicatorView(String code, String name, List<SectorView> sectors, SectorView leadSector,
                                List<SectorView> cooperatingSectors, List<ThresholdView> thresholds) {
    }

    public record ThresholdView(Integer region, Integer year, String kind, BigDecimal value, String unit) {
    }

    /** One line of {@code GET /criteria-sets}. */
    public record Summary(String code, String name, Level level, Tier tier, int periodFrom, int periodTo,
                          String legalBasis, String provinceCode, String baseSet, SetStatus status,
                          int criteriaCount) {
    }
}
