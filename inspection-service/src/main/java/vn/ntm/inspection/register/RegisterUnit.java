package vn.ntm.inspection.register;

import java.time.LocalDate;

/**
 * One version of an administrative unit in the register: valid from {@code validFrom} to {@code validTo} inclusive
 * ({@code validTo} null = still valid). {@code level} is province, district or commune.
 */
public record RegisterUnit(String code, String name, String type, String level, String parentCode,
                           String provinceCode, LocalDate validFrom, LocalDate validTo) {
    public static final String PROVINCE = "province";
    public static final String DISTRICT = "district";
    public static final String COMMUNE = "commune";

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
