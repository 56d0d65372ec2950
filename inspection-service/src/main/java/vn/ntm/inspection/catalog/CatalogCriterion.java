package vn.ntm.inspection.catalog;

import java.util.List;

/** One criterion of a set as the inspection needs it: number, name, group and the responsible sector codes. */
public record CatalogCriterion(int number, String code, String name, String group, List<String> sectors) {
}
