package vn.ntm.criteria.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.contracts.Topics;
import vn.ntm.criteria.shared.ReferenceSnapshotLog;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces the sector list with its validity ({@code ntm.sectors.changed} on {@code criteria-events}) whenever it
 * differs from the list announced last: at the first start, after a sector import ({@link SectorImportService}), and
 * at the start after a change of the list (called by {@link SectorSeeder} at start, after the seed). The other
 * services check {@code SO_NGANH <province>:<sector>} references against their copy; task-service moves the work of
 * ceased departments to their successors. Several instances starting
 * together announce once: the announcement row is locked while comparing.
 */
@ApplicationScoped
public class SectorAnnouncer {
    private final ReferenceService references;
    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ReferenceSnapshotLog snapshots;

    public SectorAnnouncer(ReferenceService references, EntityManager em, Outbox outbox, ObjectMapper json,
                           ReferenceSnapshotLog snapshots) {
        this.references = references;
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.snapshots = snapshots;
    }

    /** Announces the list if it differs from the one announced last; returns whether it did. */
    @Transactional
    public boolean announceIfChanged() {
        SectorsChanged list = current();
        String listJson;
        try {
            listJson = json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the sector list", e);
        }
        em.createNativeQuery("insert into sector_announcement (id, list_json, event_id, announced_at)"
                + " values (1, '', gen_random_uuid(), now()) on conflict (id) do nothing").executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery("select list_json from sector_announcement where id = 1 for update")
                .getResultList();
        if (!last.isEmpty() && listJson.equals(last.get(0))) {
            return false;
        }
        UUID eventId = outbox.append(OutboxEvent.of(Topics.CRITERIA_EVENTS, SectorsChanged.KEY,
                EventTypes.SECTORS_CHANGED, list).withDataSchema(CloudEventHeaders.SECTORS_CHANGED_V2_SCHEMA));
        snapshot(list);
        em.createNativeQuery("update sector_announcement set list_json = ?1, event_id = ?2, announced_at = ?3"
                        + " where id = 1").setParameter(1, listJson).setParameter(2, eventId)
                .setParameter(3, Timestamp.from(Instant.now())).executeUpdate();
        Log.infof("announced the sector list (%d sectors) as event %s", list.sectors().size(), eventId);
        return true;
    }

    /** Writes the sector list to criteria-reference as its next snapshot (key {@link SectorsChanged#KEY}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshot() {
        snapshot(current());
    }

    private void snapshot(SectorsChanged list) {
        snapshots.append(SectorsChanged.KEY, EventTypes.SECTORS_CHANGED, list::withVersion,
                CloudEventHeaders.SECTORS_CHANGED_V2_SCHEMA);
    }

    private SectorsChanged current() {
        return new SectorsChanged(SectorsChanged.SCHEMA_VERSION, references.sectors().stream()
                .map(s -> new SectorsChanged.Sector(s.code(), s.name(), s.validFrom(), s.validTo(), s.successors(),
                        s.legalBasis(), s.successions().stream().map(n -> new SectorsChanged.Successor(n.code(),
                                n.primary(), n.duties(), n.criteria().stream().map(d -> new SectorsChanged
                                        .CriterionDuty(d.set(), d.criterion(), d.role())).toList())).toList()))
                .toList());
    }
}
