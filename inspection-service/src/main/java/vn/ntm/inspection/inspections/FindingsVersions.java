package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ntm.inspection.shared.Json;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The versions of an inspection's findings (table {@code inspection_findings_version}): version 1 as finalized,
 * written when the inspection is first corrected, then one per correction with its reason, actor and time. The
 * finding rows always hold the latest version. Plain SQL through the request's transaction.
 */
@ApplicationScoped
public class FindingsVersions {
    /** The findings of one commune in one version. */
    public record CommuneFindings(String code, Integer statedMet, List<FindingEntry> findings) {
    }

    /** One stored version; {@code reason} is null for version 1. */
    public record Stored(int version, List<CommuneFindings> communes, String reason, String createdBy,
                         Instant createdAt) {
    }

    private final EntityManager em;

    public FindingsVersions(EntityManager em) {
        this.em = em;
    }

    /** The findings the inspection's rows hold now. */
    static List<CommuneFindings> current(Inspection inspection) {
        return inspection.communes().stream()
                .map(c -> new CommuneFindings(c.code(), c.statedMet(), InspectionViews.entries(c))).toList();
    }

    boolean has(UUID inspectionId, int version) {
        return !em.createNativeQuery("select 1 from inspection_findings_version where inspection_id = :id"
                        + " and version = :version")
                .setParameter("id", inspectionId).setParameter("version", version).getResultList().isEmpty();
    }

    void record(UUID inspectionId, int version, List<CommuneFindings> communes, String reason, String by,
                Instant at) {
        em.createNativeQuery("insert into inspection_findings_version (inspection_id, version, communes, reason,"
                        + " created_by, created_at) values (:id, :version, cast(:communes as jsonb), :reason, :by, :at)")
                .setParameter("id", inspectionId).setParameter("version", version)
                .setParameter("communes", Json.write(communes)).setParameter("reason", reason)
                .setParameter("by", by).setParameter("at", at).executeUpdate();
    }

    public Optional<Stored> find(UUID inspectionId, int version) {
        return query("and version = :version", inspectionId, version).stream().findFirst();
    }

    /** The corrections (versions 2 and later), oldest first. */
    public List<Stored> corrections(UUID inspectionId) {
        return query("and version > :version", inspectionId, 1);
    }

    @SuppressWarnings("unchecked")
    private List<Stored> query(String condition, UUID inspectionId, int version) {
        List<Object[]> rows = em.createNativeQuery("select version, cast(communes as text), reason, created_by,"
                        + " created_at from inspection_findings_version where inspection_id = :id " + condition
                        + " order by version")
                .setParameter("id", inspectionId).setParameter("version", version).getResultList();
        return rows.stream().map(r -> new Stored(((Number) r[0]).intValue(),
                Json.read((String) r[1], new TypeReference<List<CommuneFindings>>() { }), (String) r[2],
                (String) r[3], instant(r[4]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
