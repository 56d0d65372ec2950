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
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
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
public class RegisterService {
    private static final Set<String> LEVELS = Set.of(RegisterUnit.PROVINCE, RegisterUnit.DISTRICT,
            RegisterUnit.COMMUNE);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public RegisterService(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        // fields this service does not use (successions) and later additions are ignored
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
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select code, name, type, level, parent_code, province_code, valid_from, valid_to from admin_unit"
                        + " where code = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)"
                        + " order by valid_from desc limit 1")) {
            st.setString(1, code);
            st.setObject(2, on);
            st.setObject(3, on);
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
     * Applies one {@code ntm.admin-units.changed} record exactly once (by ce_id): the province's rows become
     * exactly the event's units. A record that cannot be read, or of a later schema version, throws, so the channel
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
        Log.infof("register of province %s (%s): %d unit version(s) from event %s", event.provinceCode(),
                event.registerVersion(), event.units().size(), eventId);
        return true;
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
