package vn.ntm.criteria.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import vn.ntm.criteria.service.CriteriaSetService;

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
