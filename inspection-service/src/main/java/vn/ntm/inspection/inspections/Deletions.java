package vn.ntm.inspection.inspections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ntm.inspection.shared.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The history of deletions (table {@code inspection_deletion}): what was deleted of a DRAFT (the whole inspection,
 * or one recommendation), as {@code GET} showed it, by whom (the token subject) and when. Plain SQL through the
 * request's transaction, so the record and the deletion commit together.
 */
@ApplicationScoped
public class Deletions {
    private final EntityManager em;

    public Deletions(EntityManager em) {
        this.em = em;
    }

    void record(UUID inspectionId, UUID recommendationId, String provinceCode, String by, Object record) {
        // no null parameter: its SQL type could not be inferred
        jakarta.persistence.Query insert = em.createNativeQuery("insert into inspection_deletion (inspection_id, recommendation_id, province_code,"
                        + " deleted_by, deleted_at, record) values (:inspection, "
                        + (recommendationId == null ? "null" : "cast(:recommendation as uuid)")
                        + ", :province, :by, :at, cast(:record as jsonb))")
                .setParameter("inspection", inspectionId)
                .setParameter("province", provinceCode).setParameter("by", by)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("record", Json.write(record));
        if (recommendationId != null) {
            insert.setParameter("recommendation", recommendationId.toString());
        }
        insert.executeUpdate();
    }
}
