package vn.ntm.criteria.sets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/**
 * At startup, announces every published set never announced before (the seeded ones on a fresh database), so the
 * other services' local copies also hold the sets that did not go through the publish endpoint.
 */
@jakarta.enterprise.context.ApplicationScoped
public class PublishedSetAnnouncer {
    void onStart(@Observes StartupEvent event, CriteriaSetService sets) {
        sets.announceUnannounced();
    }
}
