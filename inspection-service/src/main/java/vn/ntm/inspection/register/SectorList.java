package vn.ntm.inspection.register;

import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.util.Optional;

/** The sector list (Sở/ngành) with each sector's validity, as criteria-service announces it. */
@FunctionalInterface
public interface SectorList {
    Optional<Sector> sector(String code);

    /** {@code validFrom} null: since ever; {@code validTo} inclusive, null: still valid. */
    record Sector(String code, String name, LocalDate validFrom, LocalDate validTo) {
        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        public LocalizedText validity() {
            if (validFrom == null) {
                return validTo == null ? LocalizedText.of("inspection.sector.validAlways")
                        : LocalizedText.of("inspection.sector.validTo", validTo);
            }
            return validTo == null ? LocalizedText.of("inspection.sector.validFrom", validFrom)
                    : LocalizedText.of("inspection.sector.validBetween", validFrom, validTo);
        }
    }
}
