package vn.ntm.criteria.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A commune's especially-disadvantaged / safe-zone status from {@code validFrom} to {@code validTo} (inclusive, null = open). */
public record FlagRequest(@NotNull Boolean especiallyDisadvantaged, @NotNull Boolean safeZone,
                          @NotNull LocalDate validFrom, LocalDate validTo, @Size(max = 1000) String legalBasis) {
}
