package vn.ntm.task.register;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.shared.ReferenceVersions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * task-service's copy of the administrative-unit register: {@code ntm.admin-units.changed} replaces the units and
 * successions of its province wholesale, once per event id (the id goes into {@code processed_event} in the same
 * transaction).
 */
@ApplicationScoped
public class RegisterCopyService {
    private static final Set<String> LEVELS = Set.of("province", "district", "commune");

    private final AgroalDataSource dataSource;

    public RegisterCopyService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A register event the copy can never apply (the consumer dead-letters it). */
    public static final class InvalidRegisterEvent extends RuntimeException {
        public InvalidRegisterEvent(String message) {
            super(message);
        }
    }

    /** Checks what the copy relies on, before anything is written. */
    public static void validate(AdminUnitsChanged event) {
        if (event == null || event.provinceCode() == null || event.provinceCode().isBlank()) {
            throw new InvalidRegisterEvent("provinceCode is required");
        }
        if (event.units() == null) {
            throw new InvalidRegisterEvent("units is required");
        }
        for (int i = 0; i < event.units().size(); i++) {
            AdminUnitsChanged.Unit u = event.units().get(i);
            if (u == null || u.code() == null || u.name() == null || u.validFrom() == null
                    || !LEVELS.contains(u.level()) || u.provinceCode() == null) {
                throw new InvalidRegisterEvent("units[" + i + "] needs code, name, level (province, district or"
                        + " commune), provinceCode and validFrom");
            }
            if (u.validTo() != null && u.validTo().isBefore(u.validFrom())) {
                throw new InvalidRegisterEvent("units[" + i + "] (" + u.code() + ") ends before it begins");
            }
        }
        List<AdminUnitsChanged.Succession> successions = event.successions() == null ? List.of()
                : event.successions();
        for (int i = 0; i < successions.size(); i++) {
            AdminUnitsChanged.Succession s = successions.get(i);
            if (s == null || s.fromCode() == null || s.toCode() == null || s.effectiveOn() == null) {
                throw new InvalidRegisterEvent("successions[" + i + "] needs fromCode, toCode and effectiveOn");
            }
        }
    }

    /**
     * Applies the event unless its id was applied before or the copy holds a newer snapshot of the province
     * ({@link ReferenceVersions}); returns false when it did not apply it.
     */
    @Transactional
    public boolean apply(UUID eventId, AdminUnitsChanged event) {
        validate(event);
        String province = event.provinceCode();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement mark = c.prepareStatement("insert into processed_event (event_id, event_type,"
                    + " subject) values (?, ?, ?) on conflict (event_id) do nothing")) {
                mark.setObject(1, eventId);
                mark.setString(2, EventTypes.ADMIN_UNITS_CHANGED);
                mark.setString(3, AdminUnitsChanged.key(province));
                if (mark.executeUpdate() == 0) {
                    Log.infof("register event %s (province %s) was already applied: skipped", eventId, province);
                    return false;
                }
            }
            if (!ReferenceVersions.admit(c, AdminUnitsChanged.key(province), event.version(), eventId)) {
                return false;
            }
            execute(c, "delete from admin_unit_succession where event_province = ?", province);
            execute(c, "delete from admin_unit where event_province = ?", province);
            Map<String, String> levelOfCeased = new HashMap<>();
            try (PreparedStatement insert = c.prepareStatement("insert into admin_unit (code, valid_from, valid_to,"
                    + " level, name, type, parent_code, province_code, event_province)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code, valid_from) do update set"
                    + " valid_to = excluded.valid_to, level = excluded.level, name = excluded.name,"
                    + " type = excluded.type, parent_code = excluded.parent_code,"
                    + " province_code = excluded.province_code, event_province = excluded.event_province")) {
                for (AdminUnitsChanged.Unit u : event.units()) {
                    insert.setString(1, u.code());
                    insert.setObject(2, u.validFrom());
                    insert.setObject(3, u.validTo());
                    insert.setString(4, u.level());
                    insert.setString(5, u.name());
                    insert.setString(6, u.type());
                    insert.setString(7, u.parentCode());
                    insert.setString(8, u.provinceCode());
                    insert.setString(9, province);
                    insert.addBatch();
                    if (u.validTo() != null) {
                        levelOfCeased.put(u.code() + "@" + u.validTo().plusDays(1), u.level());
                    }
                }
                insert.executeBatch();
            }
            List<AdminUnitsChanged.Succession> successions = event.successions() == null ? List.of()
                    : event.successions();
            try (PreparedStatement insert = c.prepareStatement("insert into admin_unit_succession (from_code,"
                    + " to_code, effective_on, from_level, legal_basis, event_province) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict (from_code, effective_on, to_code) do update set"
                    + " from_level = excluded.from_level, legal_basis = excluded.legal_basis,"
                    + " event_province = excluded.event_province")) {
                for (AdminUnitsChanged.Succession s : successions) {
                    insert.setString(1, s.fromCode());
                    insert.setString(2, s.toCode());
                    insert.setObject(3, s.effectiveOn());
                    insert.setString(4, levelOfCeased.getOrDefault(s.fromCode() + "@" + s.effectiveOn(),
                            levelByCode(s.fromCode())));
                    insert.setString(5, s.legalBasis());
                    insert.setString(6, province);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Log.infof("register copy of province %s: %d unit version(s), %d succession(s) (%s, event %s)", province,
                    event.units().size(), successions.size(), event.registerVersion(), eventId);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply the register of province " + province, e);
        }
    }

    /** Official codes: 2 digits for a province, 3 for a district, 5 for a commune. */
    private static String levelByCode(String code) {
        return switch (code.length()) {
            case 2 -> "province";
            case 3 -> "district";
            default -> "commune";
        };
    }

    private static void execute(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
