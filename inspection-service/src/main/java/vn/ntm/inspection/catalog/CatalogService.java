package vn.ntm.inspection.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.inspection.shared.Json;
import vn.ntm.inspection.shared.ReferenceVersions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The criteria catalog as this service sees it: a local copy fed by {@code criteria-events}, read through from
 * criteria-service on a miss. A set already in the copy never needs criteria-service again.
 */
@ApplicationScoped
public class CatalogService {
    static final String SOURCE_EVENT = "EVENT";
    static final String SOURCE_CRITERIA_SERVICE = "CRITERIA_SERVICE";

    private final AgroalDataSource dataSource;
    private final CriteriaServiceClient criteriaService;
    private final ObjectMapper json;
    private final ReferenceVersions versions;

    public CatalogService(AgroalDataSource dataSource, @RestClient CriteriaServiceClient criteriaService,
                          ObjectMapper json, ReferenceVersions versions) {
        this.dataSource = dataSource;
        this.versions = versions;
        this.criteriaService = criteriaService;
        this.json = json;
    }

    /** The set, from the local copy or else from criteria-service; empty when neither knows it. */
    public Optional<CatalogSet> find(String code) {
        CatalogSet local = CatalogSet.findById(code);
        if (local != null && local.isPublished()) {
            return Optional.of(local);
        }
        Optional<CatalogSet> remote = fetch(code);
        return remote.isPresent() ? remote : Optional.ofNullable(local);
    }

    private Optional<CatalogSet> fetch(String code) {
        CriteriaServiceClient.CriteriaSet set;
        try {
            set = criteriaService.get(code);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                Log.warnf("criteria-service answered %d for set %s", e.getResponse().getStatus(), code);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.warnf("criteria-service unreachable for set %s: %s", code, e.getMessage());
            return Optional.empty();
        }
        if (set == null || set.code() == null || set.status() == null || set.criteria() == null) {
            Log.warnf("criteria-service gave an incomplete set for %s", code);
            return Optional.empty();
        }
        List<CatalogCriterion> criteria = set.criteria().stream()
                .map(c -> new CatalogCriterion(c.number(), c.code(), c.name(), c.group(),
                        c.sectors() == null ? List.of()
                                : c.sectors().stream().map(CriteriaServiceClient.Sector::code).toList()))
                .toList();
        // its own transaction: the copy is kept even when the request that needed it is refused
        QuarkusTransaction.requiringNew().run(() -> upsert(set.code(), set.name(), set.level(), set.tier(),
                set.status(), criteria, SOURCE_CRITERIA_SERVICE));
        CatalogSet copy = CatalogSet.of(set.code());
        copy.update(set.name(), set.level(), set.tier(), set.status(), criteria, SOURCE_CRITERIA_SERVICE);
        return Optional.of(copy);
    }

    /**
     * Applies one {@code criteria-reference} record exactly once (by CloudEvents id) unless the copy holds a newer
     * snapshot of the set ({@link ReferenceVersions}). A record that cannot be read throws, so the channel
     * dead-letters it.
     */
    @Transactional
    public boolean applyEvent(UUID eventId, String eventType, String payload) {
        if (!EventTypes.CRITERIA_SET_PUBLISHED.equals(eventType)) {
            Log.debugf("ignoring %s event %s", eventType, eventId);
            return false;
        }
        if (!markProcessed(eventId, eventType)) {
            Log.infof("criteria event %s already applied", eventId);
            return false;
        }
        CriteriaSetPublished set;
        try {
            set = json.readValue(payload, CriteriaSetPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable CriteriaSetPublished: " + e.getOriginalMessage(), e);
        }
        if (set.code() == null || set.code().isBlank() || set.criteria() == null || set.criteria().isEmpty()) {
            throw new IllegalArgumentException("CriteriaSetPublished without code or criteria");
        }
        if (!versions.admit(set.code(), set.version(), eventId)) {
            return false;
        }
        List<CatalogCriterion> criteria = set.criteria().stream()
                .map(c -> new CatalogCriterion(c.number(), c.code(), c.name(), c.group(),
                        c.sectors() == null ? List.of() : c.sectors()))
                .toList();
        upsert(set.code(), set.name(), set.level(), set.tier(), CatalogSet.PUBLISHED, criteria, SOURCE_EVENT);
        Log.infof("criteria set %s copied from event %s", set.code(), eventId);
        return true;
    }

    private void upsert(String code, String name, String level, String tier, String status,
                        List<CatalogCriterion> criteria, String source) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into catalog_set (code, name, level, tier, status, criteria, source, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?, now()) on conflict (code) do update set"
                        + " name = excluded.name, level = excluded.level, tier = excluded.tier,"
                        + " status = excluded.status, criteria = excluded.criteria, source = excluded.source,"
                        + " updated_at = excluded.updated_at")) {
            st.setString(1, code);
            st.setString(2, name == null ? code : name);
            st.setString(3, level);
            st.setString(4, tier);
            st.setString(5, status);
            st.setString(6, Json.write(criteria));
            st.setString(7, source);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store criteria set " + code, e);
        }
    }

    /** False when the event was already applied; the primary key makes a duplicate impossible under a race. */
    private boolean markProcessed(UUID id, String type) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into processed_event (event_id, event_type) values (?, ?) on conflict do nothing")) {
            st.setObject(1, id);
            st.setString(2, type);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + id, e);
        }
    }
}
