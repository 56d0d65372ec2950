package vn.ntm.criteria.register;

import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.criteria.register.Validity.Version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register the first-start seed builds in memory by applying the bundled files with the import's own rules
 * ({@link RegisterPlan}), so that it can be copied into empty tables in one {@code COPY} per table rather than
 * written and rewritten file by file. Ids here only tie a plan to the version it changes; the tables give their own.
 */
public final class SeededRegister implements RegisterState {
    private final Map<String, List<Version<UnitAttributes>>> units = new HashMap<>();
    private final Map<Long, String> codeOfId = new HashMap<>();
    private final Map<String, AdminUnitStore.StoredSuccession> successions = new LinkedHashMap<>();
    private final List<AdminUnitStore.ImportRecord> imports = new ArrayList<>();
    private long nextId = 1;

    @Override
    public Map<String, List<Version<UnitAttributes>>> units() {
        return units;
    }

    @Override
    public Map<String, AdminUnitStore.StoredSuccession> successions() {
        return successions;
    }

    @Override
    public void apply(RegisterPlan.Units plan) {
        for (Long id : plan.deletes()) {
            String code = codeOfId.remove(id);
            units.get(code).removeIf(v -> v.id().equals(id));
        }
        for (AdminUnitStore.UnitWrite w : plan.updates()) {
            List<Version<UnitAttributes>> versions = units.get(w.code());
            versions.replaceAll(v -> v.id().equals(w.id()) ? new Version<>(w.id(), w.attributes(), w.from(), w.to()) : v);
        }
        for (AdminUnitStore.UnitWrite w : plan.inserts()) {
            long id = nextId++;
            codeOfId.put(id, w.code());
            units.computeIfAbsent(w.code(), k -> new ArrayList<>()).add(new Version<>(id, w.attributes(), w.from(), w.to()));
        }
        plan.updates().forEach(w -> units.get(w.code()).sort(Comparator.comparing(Version::from)));
        plan.inserts().forEach(w -> units.get(w.code()).sort(Comparator.comparing(Version::from)));
    }

    @Override
    public void apply(RegisterPlan.Successions plan) {
        for (AdminUnitsChanged.Succession s : plan.inserts()) {
            AdminUnitStore.StoredSuccession stored = new AdminUnitStore.StoredSuccession(nextId++, s.fromCode(),
                    s.toCode(), s.effectiveOn(), s.legalBasis());
            successions.put(s.fromCode() + ">" + s.toCode() + "@" + s.effectiveOn(), stored);
        }
        plan.legalBasisUpdates().forEach((id, basis) -> successions.replaceAll((key, s) -> s.id() == id
                ? new AdminUnitStore.StoredSuccession(s.id(), s.fromCode(), s.toCode(), s.effectiveOn(), basis) : s));
    }

    @Override
    public void recordImport(AdminUnitStore.ImportRecord record) {
        imports.add(record);
    }

    /** Every unit version, as rows to copy. */
    public List<AdminUnitStore.UnitWrite> unitRows() {
        List<AdminUnitStore.UnitWrite> rows = new ArrayList<>();
        units.forEach((code, versions) -> versions.forEach(v -> rows.add(
                new AdminUnitStore.UnitWrite(null, code, v.value(), v.from(), v.to()))));
        return rows;
    }

    public List<AdminUnitsChanged.Succession> successionRows() {
        return successions.values().stream().map(s -> new AdminUnitsChanged.Succession(s.fromCode(), s.toCode(),
                s.effectiveOn(), s.legalBasis())).toList();
    }

    /**
     * What {@link AdminUnitStore#provinceStates} reads from the tables once this register is copied in, without
     * reading it back: each province code's versions by level, code and start, and the successions out of them
     * (their unit is the one valid the day before) by from code, date and to code.
     */
    public Map<String, AdminUnitsChanged> provinceStates(Collection<String> provinceCodes, String registerVersion) {
        Map<String, List<AdminUnitsChanged.Unit>> unitsOf = new HashMap<>();
        List<AdminUnitStore.UnitWrite> rows = new ArrayList<>(unitRows());
        rows.sort(Comparator.comparing((AdminUnitStore.UnitWrite u) -> u.attributes().level())
                .thenComparing(AdminUnitStore.UnitWrite::code).thenComparing(AdminUnitStore.UnitWrite::from));
        for (AdminUnitStore.UnitWrite u : rows) {
            UnitAttributes a = u.attributes();
            unitsOf.computeIfAbsent(a.provinceCode(), k -> new ArrayList<>()).add(new AdminUnitsChanged.Unit(u.code(),
                    a.name(), a.type(), a.level().wire(), a.parentCode(), a.provinceCode(), u.from(), u.to()));
        }
        Map<String, List<AdminUnitsChanged.Succession>> successionsOf = new HashMap<>();
        SuccessionFile.Register lookup = RegisterPlan.lookup(units);
        List<AdminUnitsChanged.Succession> all = new ArrayList<>(successionRows());
        all.sort(Comparator.comparing(AdminUnitsChanged.Succession::fromCode)
                .thenComparing(AdminUnitsChanged.Succession::effectiveOn)
                .thenComparing(AdminUnitsChanged.Succession::toCode));
        for (AdminUnitsChanged.Succession s : all) {
            lookup.at(s.fromCode(), s.effectiveOn().minusDays(1)).ifPresent(from -> successionsOf
                    .computeIfAbsent(from.provinceCode(), k -> new ArrayList<>()).add(s));
        }
        Map<String, AdminUnitsChanged> states = new LinkedHashMap<>();
        for (String province : provinceCodes) {
            states.put(province, new AdminUnitsChanged(AdminUnitsChanged.SCHEMA_VERSION, registerVersion, province,
                    unitsOf.getOrDefault(province, List.of()), successionsOf.getOrDefault(province, List.of())));
        }
        return states;
    }

    public List<AdminUnitStore.ImportRecord> importRecords() {
        return List.copyOf(imports);
    }
}
