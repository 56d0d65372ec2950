package vn.ntm.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.admin-units.changed} on {@code criteria-events}, key {@code admin-units:<provinceCode>}: every
 * version of every unit whose province is {@code provinceCode} (the province itself, its districts, its communes),
 * and the successions out of those units, so a consumer replaces its copy of that province wholesale (upsert by
 * code and validFrom, delete the province's other rows). Sent after each register import that changed the province,
 * and once after the register is seeded.
 * <p>
 * On {@link Topics#CRITERIA_REFERENCE} (compacted) the same data carries {@code version}: the snapshot's place in the
 * sequence of its key, increasing by one per snapshot; a consumer applies a snapshot only if its version is above
 * the one it holds for the key ({@link ReferenceSnapshots#supersedes}). On {@code criteria-events} it is absent.
 */
public record AdminUnitsChanged(
        int schemaVersion,
        String registerVersion,
        String provinceCode,
        List<Unit> units,
        List<Succession> successions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long version) {

    /** A state without a snapshot version (as {@code criteria-events} carries it). */
    public AdminUnitsChanged(int schemaVersion, String registerVersion, String provinceCode, List<Unit> units,
                             List<Succession> successions) {
        this(schemaVersion, registerVersion, provinceCode, units, successions, null);
    }

    /** The same state as the snapshot {@code version} of its key. */
    public AdminUnitsChanged withVersion(Long snapshotVersion) {
        return new AdminUnitsChanged(schemaVersion, registerVersion, provinceCode, units, successions,
                snapshotVersion);
    }

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
