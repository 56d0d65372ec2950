package vn.ntm.criteria.announce;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.criteria.reference.SectorAnnouncer;
import vn.ntm.criteria.register.AdminUnitImportService;
import vn.ntm.criteria.sets.CriteriaSetService;
import vn.ntm.criteria.shared.ReferenceSnapshotLog;

import java.util.Set;

/**
 * Writes the reference data to {@code criteria-reference} as the next snapshot of each key: every province code's
 * register, the sector list, every published (or since retired) criteria set. Imports, publications and sector
 * changes write their own snapshots as they happen; this is for a consumer that needs everything again now, and, at
 * start, for the keys that never had a snapshot.
 */
@ApplicationScoped
public class ReferenceAnnouncer {
    private final AdminUnitImportService registers;
    private final SectorAnnouncer sectors;
    private final CriteriaSetService sets;
    private final ReferenceSnapshotLog snapshots;

    public ReferenceAnnouncer(AdminUnitImportService registers, SectorAnnouncer sectors, CriteriaSetService sets,
                              ReferenceSnapshotLog snapshots) {
        this.registers = registers;
        this.sectors = sectors;
        this.sets = sets;
        this.snapshots = snapshots;
    }

    /** How many snapshots an announcement wrote, per kind. */
    public record ReferenceAnnouncement(int registers, int sectorLists, int criteriaSets) {
    }

    /** Every key again, each with its next version (the whole register of 63 provinces: seconds, not minutes). */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ReferenceAnnouncement announceAll() {
        return announce(Set.of());
    }

    /** The keys that never had a snapshot (none on a database that has always written them). */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ReferenceAnnouncement announceMissing() {
        return announce(snapshots.keys());
    }

    private ReferenceAnnouncement announce(Set<String> except) {
        int provinces = registers.snapshotProvinces(except);
        int sectorLists = 0;
        if (!except.contains(SectorsChanged.KEY)) {
            sectors.snapshot();
            sectorLists = 1;
        }
        int criteriaSets = sets.snapshotPublished(except);
        return new ReferenceAnnouncement(provinces, sectorLists, criteriaSets);
    }

    /** After the seeders (register, sectors, sets: default priority), so a fresh database needs nothing more. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        ReferenceAnnouncement missing = announceMissing();
        if (missing.registers() + missing.sectorLists() + missing.criteriaSets() > 0) {
            Log.infof("reference snapshots written for keys that had none: %s", missing);
        }
    }
}
