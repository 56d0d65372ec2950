package vn.ntm.inspection.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.EventTypes;
import vn.ntm.inspection.shared.ProvinceSuccessions;
import vn.ntm.inspection.shared.ReferenceVersions;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The local copy of criteria-service's administrative-unit register, fed by {@code ntm.admin-units.changed}
 * on {@code criteria-events}: each event replaces one province's units wholesale, exactly once per ce_id.
 */
@ApplicationScoped
public class RegisterService implements ProvinceSuccessions {
    private static final Set<String> LEVELS = Set.of(RegisterUnit.PROVINCE, RegisterUnit.DISTRICT,
            RegisterUnit.COMMUNE);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ReferenceVersions versions;

    public RegisterService(AgroalDataSource dataSource, ObjectMapper json, ReferenceVersions versions) {
        this.dataSource = dataSource;
        this.versions = versions;
        // later additions are ignored
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The register for one request: each code is looked up once. Refuses with 503 while the copy is still empty
     * (criteria-service has not announced the register yet).
     */
    public Register register() {
        if (empty()) {
            throw new RegisterNotLoadedException();
        }
        Map<String, Optional<RegisterUnit>> seen = new HashMap<>();
        return (code, on) -> seen.computeIfAbsent(code + "@" + on, k -> unit(code, on));
    }

    public Optional<RegisterUnit> unit(String code, LocalDate on) {
        return one("select code, name, type, level, parent_code, province_code, valid_from, valid_to from admin_unit"
                + " where code = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)"
                + " order by valid_from desc limit 1", code, on, on);
    }

    /** The latest version of the unit with {@code code} at {@code level} (the one valid now, or the last one). */
    public Optional<RegisterUnit> latest(String code, String level) {
        return one("select code, name, type, level, parent_code, province_code, valid_from, valid_to from admin_unit"
                + " where code = ? and level = ? order by valid_from desc limit 1", code, level);
    }

    /**
     * The lineage of the unit {@code code} meant on {@code on} (null: its latest version): the unit and every unit
     * of its level the register says it succeeded. A code the register does not know is taken alone.
     */
    public Lineage lineage(String code, LocalDate on, String level) {
        Optional<RegisterUnit> unit = (on == null ? latest(code, level) : unit(code, on))
                .filter(u -> u.level().equals(level));
        return unit.map(u -> Lineage.of(u, this::predecessors)).orElseGet(() -> Lineage.codeAlone(code));
    }

    /** The units of the same level that {@code unit} succeeded directly (successions into it while it is valid). */
    public List<RegisterUnit> predecessors(RegisterUnit unit) {
        List<RegisterUnit> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select from_code, effective_on from admin_unit_succession where to_code = ? and effective_on >= ?"
                        + " and (?::date is null or effective_on <= ?::date) order by from_code, effective_on")) {
            st.setString(1, unit.code());
            st.setObject(2, unit.validFrom());
            st.setObject(3, unit.validTo(), java.sql.Types.DATE);
            st.setObject(4, unit.validTo(), java.sql.Types.DATE);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate dayBefore = rs.getObject("effective_on", LocalDate.class).minusDays(1);
                    unit(rs.getString("from_code"), dayBefore).filter(u -> u.level().equals(unit.level()))
                            .ifPresent(out::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
        return out;
    }

    @Override
    public Set<String> predecessorsOf(String provinceCode) {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "with recursive p(code) as (select ?::text union select s.from_code from admin_unit_succession s"
                        + " join p on s.to_code = p.code where exists (select 1 from admin_unit u"
                        + " where u.code = s.from_code and u.level = 'province')) select code from p")) {
            st.setString(1, provinceCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
        out.remove(provinceCode);
        return Set.copyOf(out);
    }

    private Optional<RegisterUnit> one(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date to = rs.getDate("valid_to");
                return Optional.of(new RegisterUnit(rs.getString("code"), rs.getString("name"), rs.getString("type"),
                        rs.getString("level"), rs.getString("parent_code"), rs.getString("province_code"),
                        rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
    }

    boolean empty() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select not exists (select 1 from admin_unit)"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
    }

    /**
     * Applies one {@code ntm.admin-units.changed} record exactly once (by ce_id) unless the copy holds a newer
     * snapshot of the province ({@link ReferenceVersions}): the province's rows become exactly the event's units. A record that cannot be read, or of a later schema version, throws, so the channel
     * dead-letters it.
     */
    @Transactional
    public boolean applyEvent(UUID eventId, String payload) {
        AdminUnitsChanged event;
        try {
            event = json.readValue(payload, AdminUnitsChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable AdminUnitsChanged: " + e.getOriginalMessage(), e);
        }
        validate(event);
        if (!markProcessed(eventId)) {
            Log.infof("admin-units event %s already applied", eventId);
            return false;
        }
        if (!versions.admit(AdminUnitsChanged.key(event.provinceCode()), event.version(), eventId)) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("delete from admin_unit where province_code = ?")) {
                delete.setString(1, event.provinceCode());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into admin_unit (code, valid_from, valid_to,"
                    + " name, type, level, parent_code, province_code) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (code, valid_from) do update set valid_to = excluded.valid_to,"
                    + " name = excluded.name, type = excluded.type, level = excluded.level,"
                    + " parent_code = excluded.parent_code, province_code = excluded.province_code")) {
                for (AdminUnitsChanged.Unit u : event.units()) {
                    insert.setString(1, u.code());
                    insert.setObject(2, u.validFrom());
                    insert.setObject(3, u.validTo());
                    insert.setString(4, u.name());
                    insert.setString(5, u.type());
                    insert.setString(6, u.level());
                    insert.setString(7, u.parentCode());
                    insert.setString(8, u.provinceCode() == null ? event.provinceCode() : u.provinceCode());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from admin_unit_succession where province_code = ?")) {
                delete.setString(1, event.provinceCode());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into admin_unit_succession (from_code, to_code,"
                    + " effective_on, legal_basis, province_code) values (?, ?, ?, ?, ?) on conflict (from_code,"
                    + " to_code, effective_on) do update set legal_basis = excluded.legal_basis,"
                    + " province_code = excluded.province_code")) {
                for (AdminUnitsChanged.Succession s : successions(event)) {
                    insert.setString(1, s.fromCode());
                    insert.setString(2, s.toCode());
                    insert.setObject(3, s.effectiveOn());
                    insert.setString(4, s.legalBasis());
                    insert.setString(5, event.provinceCode());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement province = c.prepareStatement("insert into admin_unit_province (province_code,"
                    + " register_version, received_at) values (?, ?, now()) on conflict (province_code) do update"
                    + " set register_version = excluded.register_version, received_at = excluded.received_at")) {
                province.setString(1, event.provinceCode());
                province.setString(2, event.registerVersion());
                province.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the register of province " + event.provinceCode(), e);
        }
        Log.infof("register of province %s (%s): %d unit version(s), %d succession(s) from event %s",
                event.provinceCode(), event.registerVersion(), event.units().size(), successions(event).size(), eventId);
        return true;
    }

    private static List<AdminUnitsChanged.Succession> successions(AdminUnitsChanged event) {
        return event.successions() == null ? List.of() : event.successions();
    }

    private static void validate(AdminUnitsChanged event) {
        if (event == null || event.schemaVersion() > AdminUnitsChanged.SCHEMA_VERSION) {
            throw new IllegalArgumentException("AdminUnitsChanged of unsupported schemaVersion "
                    + (event == null ? null : event.schemaVersion()) + "; expected " + AdminUnitsChanged.SCHEMA_VERSION);
        }
        if (event.provinceCode() == null || event.provinceCode().isBlank() || event.units() == null) {
            throw new IllegalArgumentException("AdminUnitsChanged without provinceCode or units");
        }
        for (AdminUnitsChanged.Unit u : event.units()) {
            if (u == null || u.code() == null || u.name() == null || u.validFrom() == null
                    || !LEVELS.contains(u.level())
                    || u.validTo() != null && u.validTo().isBefore(u.validFrom())) {
                throw new IllegalArgumentException("AdminUnitsChanged of province " + event.provinceCode()
                        + " has an incomplete or inconsistent unit: " + u);
            }
        }
        for (AdminUnitsChanged.Succession s : successions(event)) {
            if (s == null || s.fromCode() == null || s.toCode() == null || s.effectiveOn() == null) {
                throw new IllegalArgumentException("AdminUnitsChanged of province " + event.provinceCode()
                        + " has an incomplete succession: " + s);
            }
        }
    }

    private boolean markProcessed(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into processed_event (event_id, event_type) values (?, ?) on conflict do nothing")) {
            st.setObject(1, id);
            st.setString(2, EventTypes.ADMIN_UNITS_CHANGED);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + id, e);
        }
    }

    /** No unit at all in the copy yet: criteria-service has not announced its register (503, Retry-After). */
    public static class RegisterNotLoadedException extends ServiceException {
        public static final int RETRY_AFTER_SECONDS = 10;

        public RegisterNotLoadedException() {
            super(503, LocalizedText.of("inspection.register.notLoaded"), List.of());
        }
    }
}
