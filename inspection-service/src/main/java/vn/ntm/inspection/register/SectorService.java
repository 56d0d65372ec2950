package vn.ntm.inspection.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.inspection.shared.ReferenceVersions;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local copy of criteria-service's sector list with validity, fed by {@code ntm.sectors.changed} on
 * {@code criteria-events}: each event replaces the list wholesale, exactly once per ce_id.
 */
@ApplicationScoped
public class SectorService {
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ReferenceVersions versions;

    public SectorService(AgroalDataSource dataSource, ObjectMapper json, ReferenceVersions versions) {
        this.dataSource = dataSource;
        this.versions = versions;
        this.json = json;
    }

    /** The whole list, read once per request; 503 while it has not arrived from criteria-service. */
    public SectorList sectors() {
        Map<String, SectorList.Sector> all = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select code, name, valid_from, valid_to from sector"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Date from = rs.getDate(3);
                Date to = rs.getDate(4);
                all.put(rs.getString(1), new SectorList.Sector(rs.getString(1), rs.getString(2),
                        from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sector list copy", e);
        }
        if (all.isEmpty()) {
            throw new SectorListNotLoadedException();
        }
        return code -> Optional.ofNullable(all.get(code));
    }

    /**
     * Applies one {@code ntm.sectors.changed} record exactly once (by ce_id) unless the copy holds a newer snapshot
     * of the list ({@link ReferenceVersions}): the copy becomes exactly the event's list. A record that cannot be read throws, so the channel dead-letters it.
     */
    @Transactional
    public boolean applyEvent(UUID eventId, String payload) {
        SectorsChanged event;
        try {
            event = json.readValue(payload, SectorsChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable SectorsChanged: " + e.getOriginalMessage(), e);
        }
        if (event == null || event.sectors() == null || event.sectors().isEmpty()) {
            throw new IllegalArgumentException("SectorsChanged without sectors");
        }
        for (SectorsChanged.Sector s : event.sectors()) {
            if (s == null || s.code() == null || s.code().isBlank() || s.name() == null
                    || s.validFrom() != null && s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
                throw new IllegalArgumentException("SectorsChanged has an incomplete or inconsistent sector: " + s);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("insert into processed_event (event_id, event_type)"
                    + " values (?, ?) on conflict do nothing")) {
                st.setObject(1, eventId);
                st.setString(2, EventTypes.SECTORS_CHANGED);
                if (st.executeUpdate() == 0) {
                    Log.infof("sectors event %s already applied", eventId);
                    return false;
                }
            }
            if (!versions.admit(SectorsChanged.KEY, event.version(), eventId)) {
                return false;
            }
            try (PreparedStatement delete = c.prepareStatement("delete from sector")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into sector (code, name, valid_from,"
                    + " valid_to, successors) values (?, ?, ?, ?, ?)")) {
                for (SectorsChanged.Sector s : event.sectors()) {
                    insert.setString(1, s.code());
                    insert.setString(2, s.name());
                    insert.setObject(3, s.validFrom());
                    insert.setObject(4, s.validTo());
                    insert.setString(5, json.writeValueAsString(s.successors() == null ? List.of()
                            : s.successors()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the sector list", e);
        }
        Log.infof("sector list: %d sector(s) from event %s", event.sectors().size(), eventId);
        return true;
    }

    /** No sector in the copy yet: criteria-service has not announced its list (503, Retry-After). */
    public static class SectorListNotLoadedException extends ServiceException {
        public SectorListNotLoadedException() {
            super(503, LocalizedText.of("inspection.sectors.notLoaded"), List.of());
        }
    }
}
