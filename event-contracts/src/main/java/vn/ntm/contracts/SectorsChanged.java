package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.sectors.changed} on {@code criteria-events}, key {@link #KEY}: the whole sector list (Sở/ngành)
 * with each sector's validity, so a consumer replaces its copy wholesale. Sent by criteria-service when the list
 * differs from the one it last announced (at its first start, and after a change of the list). A sector is valid
 * from {@code validFrom} (null: since ever) to {@code validTo} inclusive (null: still valid); {@code successors} are
 * the sectors that took over its duties when it ceased (empty while the list names none: the 2025 mergers of
 * provincial departments are not confirmed in detail).
 */
public record SectorsChanged(int schemaVersion, List<Sector> sectors) {

    public static final int SCHEMA_VERSION = 1;
    public static final String KEY = "sectors";

    public record Sector(String code, String name, LocalDate validFrom, LocalDate validTo, List<String> successors) {

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }
}
