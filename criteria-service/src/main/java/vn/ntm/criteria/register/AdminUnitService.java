package vn.ntm.criteria.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.criteria.register.Validity.Version;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.SearchTerms;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the register as of a date (today in Vietnam unless given), and the especially-disadvantaged / safe-zone
 * status of communes, which has its own validity.
 */
@ApplicationScoped
public class AdminUnitService {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 100_000;
    private static final int MAX_Q = 200;

    /**
     * A unit as of a date. {@code region}: the region of its province (from {@code /provinces}) when known;
     * {@code especiallyDisadvantaged} and {@code safeZone}: a commune's status on that date (null above communes).
     */
    public record UnitView(String code, String name, String type, String level, String parentCode,
                           String provinceCode, LocalDate validFrom, LocalDate validTo, Integer region,
                           Boolean especiallyDisadvantaged, Boolean safeZone) {
    }

    /**
     * A page of units, in the envelope of every paged list: {@code total} is exact ({@code totalExact} always true
     * here); {@code next} is the opaque value to send as {@code after} for the following page, null on the last.
     */
    public record UnitPage(List<UnitView> items, long total, int page, int size, boolean totalExact, String next) {
    }

    /** A predecessor or successor: the unit as it was on its side of {@code effectiveOn}. */
    public record LinkedUnit(String code, String name, String type, String level, LocalDate validFrom,
                             LocalDate validTo, LocalDate effectiveOn, String legalBasis) {
    }

    public record FlagPeriod(boolean especiallyDisadvantaged, boolean safeZone, LocalDate validFrom, LocalDate validTo,
                             String legalBasis) {
    }

    private record Flags(boolean especiallyDisadvantaged, boolean safeZone, String legalBasis) {
    }

    private static final String VIEW = """
            select u.code, u.name, u.type, u.level, u.parent_code, u.province_code, u.valid_from, u.valid_to,
                   p.region, f.especially_disadvantaged, f.safe_zone
            from admin_unit u
            left join province p on p.code = u.province_code
            left join commune_flag f on u.level = 'commune' and f.commune_code = u.code
                and f.valid_from <= ? and (f.valid_to is null or f.valid_to >= ?)
            """;

    private final AdminUnitStore store;

    public AdminUnitService(AdminUnitStore store) {
        this.store = store;
    }

    /** {@code page} and {@code after} (the {@code next} of the previous page) are exclusive; neither: page 0. */
    @Transactional
    public UnitPage list(AdminLevel level, String parent, String province, String q, LocalDate at, Integer page,
                         String after, int s) {
        List<FieldError> errors = new ArrayList<>();
        Integer position = after == null || after.isBlank() ? null : PageLinks.positionOf(after);
        if (after != null && !after.isBlank()) {
            if (page != null) {
                errors.add(FieldError.of("page", "criteria.query.pageAndAfter"));
            } else if (position == null || position > MAX_PAGE) {
                errors.add(FieldError.of("after", "criteria.query.cursor"));
            }
        }
        int p = position != null ? position : page == null ? 0 : page;
        LocalDate day = at == null ? today() : at;
        String lvl = level == null ? null : level.wire();
        String parentCode = code(parent, "parent", errors);
        String provinceCode = code(province, "province", errors);
        String text = null;
        if (present(q)) {
            if (q.length() > MAX_Q) {
                errors.add(FieldError.of("q", "criteria.field.maxChars", MAX_Q));
            } else {
                text = q.strip().replaceAll("\\s+", " ");
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.query.invalid"), errors);
        }
        String where = " where u.valid_from <= ? and (u.valid_to is null or u.valid_to >= ?)"
                + " and (cast(? as text) is null or u.level = ?)"
                + " and (cast(? as text) is null or u.parent_code = ?)"
                + " and (cast(? as text) is null or u.province_code = ?)"
                + " and (cast(? as text) is null or u.code = ? or u.name_search like "
                + SearchTerms.containsPattern("lower(unaccent(?))") + SearchTerms.ESCAPE_CLAUSE + ")";
        String search = text;
        String lv = lvl;
        return store.run(c -> {
            long total;
            try (PreparedStatement st = c.prepareStatement("select count(*) from admin_unit u" + where)) {
                bindFilters(st, 1, day, lv, parentCode, provinceCode, search);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<UnitView> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(VIEW + where + " order by "
                    + AdminUnitStore.LEVEL_ORDER + ", u.code limit ? offset ?")) {
                st.setObject(1, day);
                st.setObject(2, day);
                int next = bindFilters(st, 3, day, lv, parentCode, provinceCode, search);
                st.setInt(next, s + 1);
                st.setLong(next + 1, (long) p * s);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs));
                    }
                }
            }
            boolean more = items.size() > s;
            List<UnitView> shown = more ? items.subList(0, s) : items;
            return new UnitPage(List.copyOf(shown), total, p, s, true,
                    more && p < MAX_PAGE ? PageLinks.positionCursor(p + 1) : null);
        });
    }

    @Transactional
    public UnitView get(String code, LocalDate at) {
        List<FieldError> errors = new ArrayList<>();
        String c = pathCode(code, errors);
        LocalDate day = at == null ? today() : at;
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.request.invalidParameters"), errors);
        }
        return find(c, day);
    }

    /** The commune that had the code on a day; 422 when none (for evaluations naming a commune). */
    @Transactional
    public UnitView commune(String code, LocalDate day) {
        UnitView unit = store.run(c -> {
            try (PreparedStatement st = c.prepareStatement(VIEW + " where u.code = ? and u.level = 'commune'"
                    + " and u.valid_from <= ? and (u.valid_to is null or u.valid_to >= ?)")) {
                st.setObject(1, day);
                st.setObject(2, day);
                st.setString(3, code);
                st.setObject(4, day);
                st.setObject(5, day);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? view(rs) : null;
                }
            }
        });
        if (unit == null) {
            throw ServiceException.invalid(LocalizedText.of("criteria.unit.noCommune", code, day),
                    List.of(FieldError.of("communeCode", "criteria.unit.noCommuneField", day)))
                    .withCode(ProblemCode.UNIT_NOT_VALID_ON_DATE);
        }
        return unit;
    }

    @Transactional
    public List<LinkedUnit> successors(String code, LocalDate at) {
        UnitView unit = get(code, at);
        return linked("""
                select t.code, t.name, t.type, t.level, t.valid_from, t.valid_to, s.effective_on, s.legal_basis
                from admin_unit_succession s
                join admin_unit t on t.code = s.to_code and t.valid_from <= s.effective_on
                    and (t.valid_to is null or t.valid_to >= s.effective_on)
                where s.from_code = ? and s.effective_on > ? and (cast(? as date) is null or s.effective_on <= cast(? as date) + 1)
                order by s.effective_on, t.code""", unit);
    }

    @Transactional
    public List<LinkedUnit> predecessors(String code, LocalDate at) {
        UnitView unit = get(code, at);
        return linked("""
                select f.code, f.name, f.type, f.level, f.valid_from, f.valid_to, s.effective_on, s.legal_basis
                from admin_unit_succession s
                join admin_unit f on f.code = s.from_code and f.valid_from < s.effective_on
                    and (f.valid_to is null or f.valid_to >= s.effective_on - 1)
                where s.to_code = ? and s.effective_on >= ? and (cast(? as date) is null or s.effective_on <= ?)
                order by s.effective_on, f.code""", unit);
    }

    @Transactional
    public List<FlagPeriod> flags(String code) {
        List<FieldError> errors = new ArrayList<>();
        String c = pathCode(code, errors);
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.request.invalidParameters"), errors);
        }
        return store.run(conn -> {
            // the register tells an unknown code from a commune without recorded status (an empty list)
            try (PreparedStatement st = conn.prepareStatement(
                    "select 1 from admin_unit where code = ? and level = 'commune' limit 1")) {
                st.setString(1, c);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw ServiceException.notFound(LocalizedText.of("criteria.unit.noRegisterCommune", c));
                    }
                }
            }
            return storedFlags(conn, c);
        }).stream()
                .map(v -> new FlagPeriod(v.value().especiallyDisadvantaged(), v.value().safeZone(), v.from(), v.to(),
                        v.value().legalBasis())).toList();
    }

    /**
     * Sets a commune's status from {@code validFrom} to {@code validTo} (or for as long as that commune exists),
     * replacing what was recorded for that period.
     */
    @Transactional
    public List<FlagPeriod> setFlags(String code, FlagRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String c = pathCode(code, errors);
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            errors.add(FieldError.of("validTo", "criteria.field.validTo"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("problem.validation.detail"), errors);
        }
        store.lock(); // one change of the register at a time: two overlapping settings would break the exclusion
        UnitView commune = find(c, request.validFrom());
        if (!commune.level().equals(AdminLevel.COMMUNE.wire())) {
            throw ServiceException.invalid(LocalizedText.of("criteria.unit.communeOnly"), List.of(FieldError.of("code",
                    "criteria.unit.isLevel", c, LocalizedText.of("criteria.level." + commune.level()),
                    request.validFrom()))).withCode(ProblemCode.NOT_A_COMMUNE);
        }
        // a code may mean another commune later: the status ends with the commune it was set for
        LocalDate to = request.validTo();
        if (commune.validTo() != null && (to == null || to.isAfter(commune.validTo()))) {
            to = commune.validTo();
        }
        Flags value = new Flags(request.especiallyDisadvantaged(), request.safeZone(), request.legalBasis());
        LocalDate until = to;
        store.run(conn -> {
            Validity.Plan<Flags> plan = Validity.overlay(storedFlags(conn, c), value, request.validFrom(), until);
            try (PreparedStatement delete = conn.prepareStatement("delete from commune_flag where id = ?")) {
                for (Version<Flags> v : plan.deletes()) {
                    delete.setLong(1, v.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement update = conn.prepareStatement("update commune_flag set especially_disadvantaged"
                    + " = ?, safe_zone = ?, legal_basis = ?, valid_from = ?, valid_to = ? where id = ?")) {
                for (Version<Flags> v : plan.updates()) {
                    bindFlag(update, v);
                    update.setLong(6, v.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            try (PreparedStatement insert = conn.prepareStatement("insert into commune_flag (especially_disadvantaged,"
                    + " safe_zone, legal_basis, valid_from, valid_to, commune_code) values (?, ?, ?, ?, ?, ?)")) {
                for (Version<Flags> v : plan.inserts()) {
                    bindFlag(insert, v);
                    insert.setString(6, c);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        return flags(c);
    }

    private static void bindFlag(PreparedStatement st, Version<Flags> v) throws SQLException {
        st.setBoolean(1, v.value().especiallyDisadvantaged());
        st.setBoolean(2, v.value().safeZone());
        st.setString(3, v.value().legalBasis());
        st.setObject(4, v.from());
        st.setObject(5, v.to());
    }

    private static List<Version<Flags>> storedFlags(Connection c, String code) throws SQLException {
        List<Version<Flags>> versions = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id, especially_disadvantaged, safe_zone, legal_basis,"
                + " valid_from, valid_to from commune_flag where commune_code = ? order by valid_from")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.add(new Version<>(rs.getLong("id"), new Flags(rs.getBoolean(2), rs.getBoolean(3),
                            rs.getString(4)), AdminUnitStore.date(rs, "valid_from"),
                            AdminUnitStore.date(rs, "valid_to")));
                }
            }
        }
        return versions;
    }

    private UnitView find(String code, LocalDate day) {
        UnitView unit = store.run(c -> {
            try (PreparedStatement st = c.prepareStatement(VIEW
                    + " where u.code = ? and u.valid_from <= ? and (u.valid_to is null or u.valid_to >= ?)")) {
                st.setObject(1, day);
                st.setObject(2, day);
                st.setString(3, code);
                st.setObject(4, day);
                st.setObject(5, day);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? view(rs) : null;
                }
            }
        });
        if (unit == null) {
            throw ServiceException.notFound(LocalizedText.of("criteria.unit.notFound", day));
        }
        return unit;
    }

    private List<LinkedUnit> linked(String sql, UnitView unit) {
        return store.run(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, unit.code());
                st.setObject(2, unit.validFrom());
                st.setObject(3, unit.validTo());
                st.setObject(4, unit.validTo());
                List<LinkedUnit> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LinkedUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                AdminUnitStore.date(rs, "valid_from"), AdminUnitStore.date(rs, "valid_to"),
                                AdminUnitStore.date(rs, "effective_on"), rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    private static int bindFilters(PreparedStatement st, int first, LocalDate day, String level, String parent,
                                   String province, String q) throws SQLException {
        int i = first;
        st.setObject(i++, day);
        st.setObject(i++, day);
        for (String value : new String[] {level, parent, province}) {
            st.setString(i++, value);
            st.setString(i++, value);
        }
        st.setString(i++, q);
        st.setString(i++, q);
        st.setString(i++, q);
        return i;
    }

    private static UnitView view(ResultSet rs) throws SQLException {
        boolean commune = AdminLevel.COMMUNE.wire().equals(rs.getString("level"));
        Object region = rs.getObject("region");
        return new UnitView(rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("level"),
                rs.getString("parent_code"), rs.getString("province_code"), AdminUnitStore.date(rs, "valid_from"),
                AdminUnitStore.date(rs, "valid_to"), region == null ? null : ((Number) region).intValue(),
                commune ? rs.getBoolean("especially_disadvantaged") : null,
                commune ? rs.getBoolean("safe_zone") : null);
    }

    /** Today in Vietnam, the register's own calendar. */
    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private static String code(String value, String field, List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        if (!AdminLevel.isCode(value.strip())) {
            errors.add(FieldError.of(field, "criteria.field.unitCode"));
            return null;
        }
        return value.strip();
    }

    private static String pathCode(String value, List<FieldError> errors) {
        if (!AdminLevel.isCode(value)) {
            errors.add(FieldError.of("code", "criteria.field.unitCode"));
            return null;
        }
        return value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
