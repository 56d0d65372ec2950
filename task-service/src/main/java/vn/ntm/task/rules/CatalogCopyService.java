package vn.ntm.task.rules;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.platform.messaging.ReferenceVersions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * task-service's copy of the catalog's criteria (from {@code ntm.criteria-set.published}): per set and criterion
 * the lead sector, the cooperating sectors and the criteria of other sets it continues. Each event replaces its set's
 * rows, once per event id ({@code processed_event}, same transaction).
 */
@ApplicationScoped
public class CatalogCopyService {
    private final AgroalDataSource dataSource;

    public CatalogCopyService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A criteria-set event the copy can never apply (the consumer dead-letters it). */
    public static final class InvalidCatalogEvent extends RuntimeException {
        public InvalidCatalogEvent(String message) {
            super(message);
        }
    }

    public static void validate(CriteriaSetPublished event) {
        if (event == null || event.code() == null || event.code().isBlank() || event.criteria() == null) {
            throw new InvalidCatalogEvent("code and criteria are required");
        }
        for (int i = 0; i < event.criteria().size(); i++) {
            CriteriaSetPublished.Criterion c = event.criteria().get(i);
            if (c == null || c.number() < 1) {
                throw new InvalidCatalogEvent("criteria[" + i + "] needs a number ≥ 1");
            }
            for (CriteriaSetPublished.CriterionRef ref : c.continues()) {
                if (ref == null || ref.set() == null || ref.set().isBlank() || ref.criterion() < 1) {
                    throw new InvalidCatalogEvent("criteria[" + i + "].continues needs set and criterion ≥ 1");
                }
            }
        }
    }

    /**
     * Applies the event unless its id was applied before or the copy holds a newer snapshot of the set
     * ({@link ReferenceVersions}); true when it was applied now.
     */
    @Transactional
    public boolean apply(UUID eventId, CriteriaSetPublished event) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement mark = c.prepareStatement("insert into processed_event (event_id, event_type,"
                    + " subject) values (?, ?, ?) on conflict (event_id) do nothing")) {
                mark.setObject(1, eventId);
                mark.setString(2, EventTypes.CRITERIA_SET_PUBLISHED);
                mark.setString(3, event.code());
                if (mark.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!ReferenceVersions.admit(c, event.code(), event.version(), eventId)) {
                return false;
            }
            try (PreparedStatement set = c.prepareStatement("insert into catalog_set (code, name, tier)"
                    + " values (?, ?, ?) on conflict (code) do update set name = excluded.name, tier = excluded.tier")) {
                set.setString(1, event.code());
                set.setString(2, event.name());
                set.setString(3, event.tier());
                set.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("delete from catalog_criterion where set_code = ?")) {
                delete.setString(1, event.code());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into catalog_criterion (set_code, number,"
                    + " name, lead_sector, cooperating_sectors, continues) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict (set_code, number) do update set name = excluded.name,"
                    + " lead_sector = excluded.lead_sector, cooperating_sectors = excluded.cooperating_sectors,"
                    + " continues = excluded.continues")) {
                for (CriteriaSetPublished.Criterion criterion : event.criteria()) {
                    CriterionRoles.Roles roles = roles(criterion);
                    insert.setString(1, event.code());
                    insert.setInt(2, criterion.number());
                    insert.setString(3, criterion.name());
                    insert.setString(4, roles == null ? null : roles.lead());
                    insert.setArray(5, c.createArrayOf("text", roles == null ? new String[0]
                            : roles.cooperating().toArray(String[]::new)));
                    insert.setArray(6, c.createArrayOf("text", criterion.continues().stream()
                            .map(r -> CriteriaMapping.ref(r.set(), r.criterion())).toArray(String[]::new)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Log.infof("criteria set %s: %d criteria copied (event %s)", event.code(), event.criteria().size(),
                    eventId);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy criteria set " + event.code(), e);
        }
    }

    /**
     * The criterion's lead and cooperating sectors: the explicit fields, else its sectors lead first; the
     * indicators' own sectors cooperate too (15.1 health insurance: social insurance).
     */
    static CriterionRoles.Roles roles(CriteriaSetPublished.Criterion c) {
        String lead = c.leadSector() != null ? c.leadSector() : CriteriaSetPublished.lead(c.sectors());
        if (lead == null) {
            return null;
        }
        Set<String> cooperating = new LinkedHashSet<>(c.leadSector() != null ? c.cooperatingSectors()
                : CriteriaSetPublished.cooperating(c.sectors()));
        for (CriteriaSetPublished.Indicator i : c.indicators()) {
            if (i != null) {
                cooperating.addAll(i.sectors());
            }
        }
        return new CriterionRoles.Roles(lead, List.copyOf(cooperating));
    }

    /** The copy as the rules read it: lead and cooperating sectors, and the mapping between sets. */
    public record Catalog(Map<String, CriterionRoles.Roles> roles, Map<String, Set<String>> continues) {
        public CriterionRoles criterionRoles() {
            return (set, criterion) -> Optional.ofNullable(roles.get(CriteriaMapping.ref(set, criterion)));
        }

        public CriteriaMapping mapping() {
            return (set, criterion) -> continues.getOrDefault(CriteriaMapping.ref(set, criterion), Set.of());
        }
    }

    /** Reads the whole copy (a few hundred rows) on the caller's connection. */
    public Catalog load(Connection c) throws SQLException {
        Map<String, CriterionRoles.Roles> roles = new HashMap<>();
        Map<String, Set<String>> continues = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select set_code, number, lead_sector, cooperating_sectors,"
                + " continues from catalog_criterion"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String key = CriteriaMapping.ref(rs.getString(1), rs.getInt(2));
                if (rs.getString(3) != null) {
                    roles.put(key, new CriterionRoles.Roles(rs.getString(3), strings(rs.getArray(4))));
                }
                List<String> mapped = strings(rs.getArray(5));
                if (!mapped.isEmpty()) {
                    continues.put(key, Set.copyOf(mapped));
                }
            }
        }
        return new Catalog(roles, continues);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
