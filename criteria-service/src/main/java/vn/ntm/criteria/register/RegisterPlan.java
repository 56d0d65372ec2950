package vn.ntm.criteria.register;

import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.criteria.register.Validity.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a checked file changes in a register, whatever holds the register: the import applies the plan to the tables,
 * the first-start seed to the register it builds in memory before copying it in ({@link SeededRegister}). One rule
 * for both, so the seed gives the rows the import would.
 */
public final class RegisterPlan {
    private RegisterPlan() {
    }

    /** The writes of a units file and what they count as. */
    public record Units(List<Long> deletes, List<AdminUnitStore.UnitWrite> updates,
                        List<AdminUnitStore.UnitWrite> inserts, int inserted, int updated, int unchanged, int closed,
                        Set<String> provinces) {
    }

    /** The writes of a succession file and what they count as. */
    public record Successions(List<AdminUnitsChanged.Succession> inserts, Map<Long, String> legalBasisUpdates,
                              int unchanged, Set<String> provinces) {
    }

    /** Lays {@code wanted} (the complete register of {@code from..to}) over the stored versions of every code. */
    public static Units units(Map<String, List<Version<UnitAttributes>>> stored, Map<String, UnitAttributes> wanted,
                              LocalDate from, LocalDate to) {
        Set<String> codes = new HashSet<>(stored.keySet());
        codes.addAll(wanted.keySet());
        List<Long> deletes = new ArrayList<>();
        List<AdminUnitStore.UnitWrite> updates = new ArrayList<>();
        List<AdminUnitStore.UnitWrite> inserts = new ArrayList<>();
        Set<String> provinces = new TreeSet<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int closed = 0;
        for (String code : codes) {
            List<Version<UnitAttributes>> versions = stored.getOrDefault(code, List.of());
            UnitAttributes value = wanted.get(code);
            Validity.Plan<UnitAttributes> plan = Validity.overlay(versions, value, from, to);
            if (plan.isEmpty()) {
                if (value != null) {
                    unchanged++;
                }
                continue;
            }
            if (value == null) {
                closed++;
            } else if (plan.inserts().stream().anyMatch(v -> v.value().equals(value) && v.covers(from))) {
                inserted++;
            } else {
                updated++;
            }
            Map<Long, Version<UnitAttributes>> byId = new HashMap<>();
            versions.forEach(v -> byId.put(v.id(), v));
            for (Version<UnitAttributes> v : plan.deletes()) {
                deletes.add(v.id());
                provinces.add(v.value().provinceCode());
            }
            for (Version<UnitAttributes> v : plan.updates()) {
                updates.add(new AdminUnitStore.UnitWrite(v.id(), code, v.value(), v.from(), v.to()));
                provinces.add(byId.get(v.id()).value().provinceCode());
                provinces.add(v.value().provinceCode());
            }
            for (Version<UnitAttributes> v : plan.inserts()) {
                inserts.add(new AdminUnitStore.UnitWrite(null, code, v.value(), v.from(), v.to()));
                provinces.add(v.value().provinceCode());
            }
        }
        return new Units(deletes, updates, inserts, inserted, updated, unchanged, closed, provinces);
    }

    /** Adds the checked successions that are new; a row with another legal basis updates the stored one. */
    public static Successions successions(List<SuccessionFile.Succession> checked,
                                          Map<String, AdminUnitStore.StoredSuccession> stored,
                                          SuccessionFile.Register register) {
        List<AdminUnitsChanged.Succession> inserts = new ArrayList<>();
        Map<Long, String> legalBasisUpdates = new LinkedHashMap<>();
        Set<String> provinces = new TreeSet<>();
        int unchanged = 0;
        for (SuccessionFile.Succession s : checked) {
            AdminUnitStore.StoredSuccession existing = stored.get(s.key());
            // a row without a legal basis keeps the one recorded
            if (existing != null && (s.legalBasis() == null || Objects.equals(existing.legalBasis(), s.legalBasis()))) {
                unchanged++;
                continue;
            }
            if (existing == null) {
                inserts.add(new AdminUnitsChanged.Succession(s.fromCode(), s.toCode(), s.effectiveOn(), s.legalBasis()));
            } else {
                legalBasisUpdates.put(existing.id(), s.legalBasis());
            }
            Optional<UnitAttributes> from = register.at(s.fromCode(), s.effectiveOn().minusDays(1));
            from.ifPresent(u -> provinces.add(u.provinceCode()));
        }
        return new Successions(inserts, legalBasisUpdates, unchanged, provinces);
    }

    /** The unit versions of a register by code, looked up by day. */
    public static SuccessionFile.Register lookup(Map<String, List<Version<UnitAttributes>>> units) {
        return (code, day) -> units.getOrDefault(code, List.of()).stream()
                .filter(v -> v.covers(day)).map(Version::value).findFirst();
    }
}
