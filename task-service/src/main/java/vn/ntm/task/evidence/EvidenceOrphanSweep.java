package vn.ntm.task.evidence;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.evidence.store.EvidenceStores;

import java.time.Duration;
import java.time.Instant;

/**
 * Periodically deletes evidence objects of the S3 store that have no row (README "Evidence"), once they are older
 * than {@code ntm.tasks.evidence.s3.orphan-age}: longer than any upload transaction, so an object whose row is
 * about to commit is never taken.
 */
@ApplicationScoped
public class EvidenceOrphanSweep {
    private final EvidenceStores stores;
    private final Duration orphanAge;

    public EvidenceOrphanSweep(EvidenceStores stores,
                               @ConfigProperty(name = "ntm.tasks.evidence.s3.orphan-age", defaultValue = "1h")
                               Duration orphanAge) {
        this.stores = stores;
        this.orphanAge = orphanAge;
    }

    @Scheduled(every = "${ntm.tasks.evidence.s3.sweep-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        stores.s3().ifPresent(s3 -> {
            try {
                int deleted = s3.sweepOrphans(Instant.now().minus(orphanAge));
                if (deleted > 0) {
                    Log.infof("deleted %d evidence object(s) without a row from bucket %s", deleted, s3.bucket());
                }
            } catch (RuntimeException e) {
                Log.warnf("evidence orphan sweep failed, retrying at the next run: %s", e.getMessage());
            }
        });
    }
}
