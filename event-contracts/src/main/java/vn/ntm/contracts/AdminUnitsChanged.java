package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.admin-units.changed} on {@code criteria-events}, key {@code admin-units:<provinceCode>}: every
 * version of every unit whose province is {@code provinceCode} (the province itself, its districts, its communes),
 * and the successions out of those units, so a consumer replaces its copy of that province wholesale (upsert by
 * code and validFrom, delete the province's other rows). Sent after each register import that changed the province,
 * and once after the register is seeded.
 */
public record AdminUnitsChanged(
        int schemaVersion,
        String registerVersion,
        String provinceCode,
        List<Unit> units,
        List<Succession> successions) {

    public static final int SCHEMA_VERSION = 1;
    public static final String KEY_PREFIX = "admin-units:";

    public static String key(String provinceCode) {
        return KEY_PREFIX + provinceCode;
    }

    /**
     * One version of a unit. {@code level}: province, district or commune. {@code validTo} is the last day it was
     * valid (inclusive); null while it still is.
     */
    public record Unit(String code, String name, String type, String level, String parentCode, String provinceCode,
                       LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * {@code fromCode}: the unit with that code valid on the day before {@code effectiveOn}; {@code toCode}: the unit
     * with that code valid on {@code effectiveOn}. A unit split between several successors has one row per successor.
     */
    public record Succession(String fromCode, String toCode, LocalDate effectiveOn, String legalBasis) {
    }
}
