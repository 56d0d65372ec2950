package vn.ntm.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.sectors.changed} on {@code criteria-events}, key {@link #KEY}: the whole sector list (Sở/ngành)
 * with each sector's validity, so a consumer replaces its copy wholesale. Sent by criteria-service when the list
 * differs from the one it last announced (at its first start, and after a change of the list). A sector is valid
 * from {@code validFrom} (null: since ever) to {@code validTo} inclusive (null: still valid); {@code successors} are
 * the sectors that took over its duties when it ceased (empty while none is known), the primary one first.
 * <p>
 * Version 2 adds, per sector, the {@code legalBasis} of its end and its {@code successions}: for each successor
 * whether it is the {@code primary} one (it takes the sector's work where nothing more specific applies), the
 * duties it took over, and the criteria whose work went to it ({@code criteria}: a criteria set, or null for any
 * set, a criterion number and {@code LEAD} — the work on that criterion goes to this successor — or
 * {@code COOPERATING} — it cooperates on it). Version 1 events read into this record with both null.
 * <p>
 * On {@link Topics#CRITERIA_REFERENCE} (compacted) the list carries {@code version}, the snapshot's place in the
 * sequence of key {@link #KEY} ({@link ReferenceSnapshots#supersedes}); on {@code criteria-events} it is absent.
 */
public record SectorsChanged(int schemaVersion, List<Sector> sectors,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long version) {

    /** A list without a snapshot version (as {@code criteria-events} carries it). */
    public SectorsChanged(int schemaVersion, List<Sector> sectors) {
        this(schemaVersion, sectors, null);
    }

    /** The same list as the snapshot {@code version} of its key. */
    public SectorsChanged withVersion(Long snapshotVersion) {
        return new SectorsChanged(schemaVersion, sectors, snapshotVersion);
    }

    public static final int SCHEMA_VERSION = 2;
    public static final String KEY = "sectors";

    public record Sector(String code, String name, LocalDate validFrom, LocalDate validTo, List<String> successors,
                         String legalBasis, List<Successor> successions) {

        /** A sector as version 1 described it: no legal basis, no successions. */
        public Sector(String code, String name, LocalDate validFrom, LocalDate validTo, List<String> successors) {
            this(code, name, validFrom, validTo, successors, null, null);
        }

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /**
     * A sector that took over duties of a ceased one: the {@code primary} successor takes the ceased sector's work
     * where no criterion names another; {@code duties} says which (free text, as the source states it).
     */
    public record Successor(String code, boolean primary, String duties, List<CriterionDuty> criteria) {
    }

    /**
     * The work on criterion {@code criterion} of set {@code set} (null: of any set) that went to a successor:
     * {@link #LEAD} (the successor takes the criterion's work) or {@link #COOPERATING} (it cooperates on it).
     */
    public record CriterionDuty(String set, int criterion, String role) {
        public static final String LEAD = "LEAD";
        public static final String COOPERATING = "COOPERATING";
    }
}
