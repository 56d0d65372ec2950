package vn.ntm.criteria.register;

import io.agroal.api.AgroalDataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.criteria.register.Validity.Version;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of the register, in the caller's transaction (the connection joins it). Writes go as one statement per kind of
 * change, the rows passed as arrays ({@code unnest}), so a whole register of ~14,000 units is a handful of round trips.
 */
@ApplicationScoped
public class AdminUnitStore implements RegisterState {
    private static final long REGISTER_LOCK = 0x4e544d_0002L;
    static final String LEVEL_ORDER = "array_position(array['province','district','commune'], u.level)";

    private final AgroalDataSource dataSource;

    public AdminUnitStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record StoredSuccession(long id, String fromCode, String toCode, LocalDate effectiveOn, String legalBasis) {
    }

    /** Serialises register changes (imports, the first-start seed) across threads and instances. */
    public void lock() {
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                st.setLong(1, REGISTER_LOCK);
                st.execute();
            }
            return null;
        });
    }

    /** The province codes of every stored unit, in order. */
    public List<String> provinceCodes() {
        return run(c -> {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select distinct province_code from admin_unit"
                    + " order by province_code"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    /** The version of the last register file that changed something (null before the first). */
    public String latestRegisterVersion() {
        return run(c -> {
            try (PreparedStatement st = c.prepareStatement("select register_version from admin_unit_import"
                    + " where kind = 'units' order by id desc limit 1"); ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    public boolean isEmpty() {
        return run(c -> {
            try (PreparedStatement st = c.prepareStatement("select not exists (select 1 from admin_unit)");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Every stored version, by code, oldest first. */
    @Override
    public Map<String, List<Version<UnitAttributes>>> units() {
        return run(c -> {
            Map<String, List<Version<UnitAttributes>>> byCode = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select id, code, name, type, level, parent_code,"
                    + " province_code, valid_from, valid_to from admin_unit order by code, valid_from");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCode.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(new Version<>(
                            rs.getLong("id"), new UnitAttributes(rs.getString("name"), rs.getString("type"),
                            AdminLevel.fromWire(rs.getString("level")).orElseThrow(), rs.getString("parent_code"),
                            rs.getString("province_code")), date(rs, "valid_from"), date(rs, "valid_to")));
                }
            }
            return byCode;
        });
    }

    /** A planned or updated version together with its code. */
    public record UnitWrite(Long id, String code, UnitAttributes attributes, LocalDate from, LocalDate to) {
    }

    public void deleteUnits(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("delete from admin_unit where id = any(?)")) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                return st.executeUpdate();
            }
        });
    }

    public void updateUnits(List<UnitWrite> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    update admin_unit u set name = v.name, name_search = lower(unaccent(v.name)), type = v.type,
                        level = v.level, parent_code = v.parent_code, province_code = v.province_code,
                        valid_from = v.valid_from, valid_to = v.valid_to
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[])
                        as v (id, name, type, level, parent_code, province_code, valid_from, valid_to)
                    where u.id = v.id""")) {
                st.setArray(1, c.createArrayOf("bigint", rows.stream().map(UnitWrite::id).toArray()));
                bindAttributes(c, st, 2, rows);
                return st.executeUpdate();
            }
        });
    }

    public void insertUnits(List<UnitWrite> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into admin_unit (code, name, name_search, type, level, parent_code, province_code,
                        valid_from, valid_to)
                    select v.code, v.name, lower(unaccent(v.name)), v.type, v.level, v.parent_code, v.province_code,
                        v.valid_from, v.valid_to
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[])
                        as v (code, name, type, level, parent_code, province_code, valid_from, valid_to)""")) {
                st.setArray(1, c.createArrayOf("text", rows.stream().map(UnitWrite::code).toArray()));
                bindAttributes(c, st, 2, rows);
                return st.executeUpdate();
            }
        });
    }

    private static void bindAttributes(Connection c, PreparedStatement st, int first, List<UnitWrite> rows)
            throws SQLException {
        st.setArray(first, c.createArrayOf("text", rows.stream().map(r -> r.attributes().name()).toArray()));
        st.setArray(first + 1, c.createArrayOf("text", rows.stream().map(r -> r.attributes().type()).toArray()));
        st.setArray(first + 2, c.createArrayOf("text",
                rows.stream().map(r -> r.attributes().level().wire()).toArray()));
        st.setArray(first + 3, c.createArrayOf("text", rows.stream().map(r -> r.attributes().parentCode()).toArray()));
        st.setArray(first + 4, c.createArrayOf("text",
                rows.stream().map(r -> r.attributes().provinceCode()).toArray()));
        st.setArray(first + 5, dates(c, rows.stream().map(UnitWrite::from).toList()));
        st.setArray(first + 6, dates(c, rows.stream().map(UnitWrite::to).toList()));
    }

    @Override
    public Map<String, StoredSuccession> successions() {
        return run(c -> {
            Map<String, StoredSuccession> byKey = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "select id, from_code, to_code, effective_on, legal_basis from admin_unit_succession");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredSuccession s = new StoredSuccession(rs.getLong(1), rs.getString(2), rs.getString(3),
                            date(rs, "effective_on"), rs.getString(5));
                    byKey.put(s.fromCode() + ">" + s.toCode() + "@" + s.effectiveOn(), s);
                }
            }
            return byKey;
        });
    }

    public void insertSuccessions(List<AdminUnitsChanged.Succession> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into admin_unit_succession (from_code, to_code, effective_on, legal_basis)
                    select * from unnest(?::text[], ?::text[], ?::date[], ?::text[])""")) {
                st.setArray(1, c.createArrayOf("text", rows.stream().map(AdminUnitsChanged.Succession::fromCode).toArray()));
                st.setArray(2, c.createArrayOf("text", rows.stream().map(AdminUnitsChanged.Succession::toCode).toArray()));
                st.setArray(3, dates(c, rows.stream().map(AdminUnitsChanged.Succession::effectiveOn).toList()));
                st.setArray(4, c.createArrayOf("text", rows.stream().map(AdminUnitsChanged.Succession::legalBasis).toArray()));
                return st.executeUpdate();
            }
        });
    }

    public void updateSuccessionLegalBasis(Map<Long, String> legalBasisById) {
        if (legalBasisById.isEmpty()) {
            return;
        }
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    update admin_unit_succession s set legal_basis = v.legal_basis
                    from unnest(?::bigint[], ?::text[]) as v (id, legal_basis) where s.id = v.id""")) {
                st.setArray(1, c.createArrayOf("bigint", legalBasisById.keySet().toArray()));
                st.setArray(2, c.createArrayOf("text", legalBasisById.values().toArray()));
                return st.executeUpdate();
            }
        });
    }

    public record ImportRecord(String kind, String version, String sha256, LocalDate validFrom, LocalDate validTo,
                               int rows, int inserted, int updated, int unchanged, int closed, String by) {
    }

    @Override
    public void apply(RegisterPlan.Units plan) {
        deleteUnits(plan.deletes());
        updateUnits(plan.updates());
        insertUnits(plan.inserts());
    }

    @Override
    public void apply(RegisterPlan.Successions plan) {
        insertSuccessions(plan.inserts());
        updateSuccessionLegalBasis(plan.legalBasisUpdates());
    }

    /**
     * Copies a register built in memory into the empty tables: one {@code COPY} per table. {@code name_search} is
     * folded by the database's own {@code lower(unaccent(…))}, once per distinct name, as the import folds it.
     */
    public void copy(SeededRegister register) {
        List<UnitWrite> units = register.unitRows();
        List<AdminUnitsChanged.Succession> successions = register.successionRows();
        run(c -> {
            long started = System.nanoTime();
            Map<String, String> folded = fold(c, units.stream().map(u -> u.attributes().name()).distinct().toList());
            long foldedAt = System.nanoTime();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(units.size() * 96);
            for (UnitWrite u : units) {
                UnitAttributes a = u.attributes();
                CopyText.row(rows, u.code(), a.name(), folded.get(a.name()), a.type(), a.level().wire(),
                        a.parentCode(), a.provinceCode(), text(u.from()), text(u.to()));
            }
            CopyText.copyIn(copy, "copy admin_unit (code, name, name_search, type, level, parent_code, province_code,"
                    + " valid_from, valid_to) from stdin", rows);
            long unitsAt = System.nanoTime();
            rows.setLength(0);
            for (AdminUnitsChanged.Succession s : successions) {
                CopyText.row(rows, s.fromCode(), s.toCode(), text(s.effectiveOn()), s.legalBasis());
            }
            CopyText.copyIn(copy, "copy admin_unit_succession (from_code, to_code, effective_on, legal_basis)"
                    + " from stdin", rows);
            io.quarkus.logging.Log.infof("copied %d unit versions in %d ms (names folded in %d ms) and %d successions"
                    + " in %d ms", units.size(), (unitsAt - started) / 1_000_000, (foldedAt - started) / 1_000_000,
                    successions.size(), (System.nanoTime() - unitsAt) / 1_000_000);
            return null;
        });
        register.importRecords().forEach(this::recordImport);
    }

    private static Map<String, String> fold(Connection c, List<String> names) throws SQLException {
        Map<String, String> folded = new HashMap<>(names.size() * 2);
        try (PreparedStatement st = c.prepareStatement(
                "select n, lower(unaccent(n)) from unnest(?::text[]) as t(n)")) {
            st.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    folded.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return folded;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public void recordImport(ImportRecord r) {
        run(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into admin_unit_import (kind, register_version,"
                    + " sha256, valid_from, valid_to, rows_read, inserted, updated, unchanged, closed, imported_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, r.kind());
                st.setString(2, r.version());
                st.setString(3, r.sha256());
                st.setObject(4, r.validFrom());
                st.setObject(5, r.validTo());
                st.setInt(6, r.rows());
                st.setInt(7, r.inserted());
                st.setInt(8, r.updated());
                st.setInt(9, r.unchanged());
                st.setInt(10, r.closed());
                st.setString(11, r.by());
                return st.executeUpdate();
            }
        });
    }

    /** The data of one {@code ntm.admin-units.changed} per province code, in the order of the codes given. */
    public Map<String, AdminUnitsChanged> provinceStates(Collection<String> provinceCodes, String registerVersion) {
        return run(c -> {
            Array codes = c.createArrayOf("text", provinceCodes.toArray());
            Map<String, List<AdminUnitsChanged.Unit>> units = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select u.code, u.name, u.type, u.level, u.parent_code,"
                    + " u.province_code, u.valid_from, u.valid_to from admin_unit u where u.province_code = any(?)"
                    + " order by " + LEVEL_ORDER + ", u.code, u.valid_from")) {
                st.setArray(1, codes);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        units.computeIfAbsent(rs.getString("province_code"), k -> new ArrayList<>()).add(
                                new AdminUnitsChanged.Unit(rs.getString("code"), rs.getString("name"),
                                        rs.getString("type"), rs.getString("level"), rs.getString("parent_code"),
                                        rs.getString("province_code"), date(rs, "valid_from"), date(rs, "valid_to")));
                    }
                }
            }
            Map<String, List<AdminUnitsChanged.Succession>> successions = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select u.province_code, s.from_code, s.to_code, s.effective_on, s.legal_basis
                    from admin_unit_succession s
                    join admin_unit u on u.code = s.from_code and u.valid_from < s.effective_on
                        and (u.valid_to is null or u.valid_to >= s.effective_on - 1)
                    where u.province_code = any(?)
                    order by s.from_code, s.effective_on, s.to_code""")) {
                st.setArray(1, codes);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        successions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                                new AdminUnitsChanged.Succession(rs.getString(2), rs.getString(3),
                                        date(rs, "effective_on"), rs.getString(5)));
                    }
                }
            }
            Map<String, AdminUnitsChanged> states = new LinkedHashMap<>();
            for (String province : provinceCodes) {
                states.put(province, new AdminUnitsChanged(AdminUnitsChanged.SCHEMA_VERSION, registerVersion, province,
                        units.getOrDefault(province, List.of()), successions.getOrDefault(province, List.of())));
            }
            return states;
        });
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Array dates(Connection c, List<LocalDate> dates) throws SQLException {
        return c.createArrayOf("date", dates.stream().map(d -> d == null ? null : d.toString()).toArray());
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("register query failed: " + e.getMessage(), e);
        }
    }
}
