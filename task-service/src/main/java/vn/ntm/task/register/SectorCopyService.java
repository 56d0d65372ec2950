package vn.ntm.task.register;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.task.rules.CatalogCopyService;
import vn.ntm.task.shared.ReferenceVersions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * task-service's copy of criteria-service's sector list ({@code ntm.sectors.changed}: replaced wholesale, once per
 * event id, {@code processed_event} in the same transaction), and the lead departments of the catalog's criteria
 * through the sectors' successions ({@code criterion_lead}, rebuilt in the transaction that changes the sector copy
 * or the catalog copy), which {@code shared/TaskVisibility} reads.
 */
@ApplicationScoped
public class SectorCopyService {
    private final AgroalDataSource dataSource;
    private final CatalogCopyService catalog;

    public SectorCopyService(AgroalDataSource dataSource, CatalogCopyService catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
    }

    /** A sector event the copy can never apply (the consumer dead-letters it). */
    public static final class InvalidSectorEvent extends RuntimeException {
        public InvalidSectorEvent(String message) {
            super(message);
        }
    }

    public static void validate(SectorsChanged event) {
        if (event == null || event.sectors() == null || event.sectors().isEmpty()) {
            throw new InvalidSectorEvent("sectors is required");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < event.sectors().size(); i++) {
            SectorsChanged.Sector s = event.sectors().get(i);
            if (s == null || s.code() == null || s.code().isBlank() || s.name() == null) {
                throw new InvalidSectorEvent("sectors[" + i + "] needs code and name");
            }
            if (s.validFrom() != null && s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
                throw new InvalidSectorEvent("sectors[" + i + "] (" + s.code() + ") ends before it begins");
            }
            if (!codes.add(s.code())) {
                throw new InvalidSectorEvent("sectors[" + i + "]: " + s.code() + " twice");
            }
            List<SectorsChanged.Successor> successions = s.successions() == null ? List.of() : s.successions();
            for (int j = 0; j < successions.size(); j++) {
                SectorsChanged.Successor n = successions.get(j);
                if (n == null || n.code() == null || n.code().isBlank()) {
                    throw new InvalidSectorEvent("sectors[" + i + "].successions[" + j + "] needs a code");
                }
                for (SectorsChanged.CriterionDuty d : n.criteria() == null ? List.<SectorsChanged.CriterionDuty>of()
                        : n.criteria()) {
                    if (d == null || d.criterion() < 1 || !(SectorSuccessionRules.LEAD.equals(d.role())
                            || SectorSuccessionRules.COOPERATING.equals(d.role()))) {
                        throw new InvalidSectorEvent("sectors[" + i + "].successions[" + j + "].criteria needs a"
                                + " criterion ≥ 1 and a role LEAD or COOPERATING");
                    }
                }
            }
        }
    }

    /**
     * Applies the event unless its id was applied before or the copy holds a newer snapshot of the list
     * ({@link ReferenceVersions}); true when it was applied now.
     */
    @Transactional
    public boolean apply(UUID eventId, SectorsChanged event) {
        validate(event);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement mark = c.prepareStatement("insert into processed_event (event_id, event_type,"
                    + " subject) values (?, ?, ?) on conflict (event_id) do nothing")) {
                mark.setObject(1, eventId);
                mark.setString(2, EventTypes.SECTORS_CHANGED);
                mark.setString(3, SectorsChanged.KEY);
                if (mark.executeUpdate() == 0) {
                    Log.infof("sector event %s was already applied: skipped", eventId);
                    return false;
                }
            }
            if (!ReferenceVersions.admit(c, SectorsChanged.KEY, event.version(), eventId)) {
                return false;
            }
            for (String table : List.of("sector_criterion_duty", "sector_successor", "sector")) {
                try (PreparedStatement delete = c.prepareStatement("delete from " + table)) {
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement sector = c.prepareStatement("insert into sector (code, name, valid_from, valid_to,"
                    + " successors, legal_basis, position) values (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement successor = c.prepareStatement("insert into sector_successor (from_code, to_code,"
                         + " is_primary, duties, position) values (?, ?, ?, ?, ?) on conflict do nothing");
                 PreparedStatement duty = c.prepareStatement("insert into sector_criterion_duty (from_code, to_code,"
                         + " set_code, criterion, role) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                int position = 0;
                for (SectorsChanged.Sector s : event.sectors()) {
                    List<String> successors = s.successors() == null ? List.of() : s.successors();
                    sector.setString(1, s.code());
                    sector.setString(2, s.name());
                    sector.setObject(3, s.validFrom());
                    sector.setObject(4, s.validTo());
                    sector.setArray(5, c.createArrayOf("text", successors.toArray()));
                    sector.setString(6, s.legalBasis());
                    sector.setInt(7, position++);
                    sector.addBatch();
                    for (SectorSuccessionRules.Successor n : successors(s)) {
                        successor.setString(1, s.code());
                        successor.setString(2, n.code());
                        successor.setBoolean(3, n.primary());
                        successor.setString(4, duties(s, n.code()));
                        successor.setInt(5, successors.indexOf(n.code()));
                        successor.addBatch();
                        for (SectorSuccessionRules.Duty d : n.criteria()) {
                            duty.setString(1, s.code());
                            duty.setString(2, n.code());
                            duty.setString(3, d.set());
                            duty.setInt(4, d.criterion());
                            duty.setString(5, d.role());
                            duty.addBatch();
                        }
                    }
                }
                sector.executeBatch();
                successor.executeBatch();
                duty.executeBatch();
            }
            int leads = refreshLeads(c);
            Log.infof("sector copy: %d sector(s), %d criterion lead(s) (event %s)", event.sectors().size(), leads,
                    eventId);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply the sector list", e);
        }
    }

    /**
     * {@code ntm.criteria-set.published}: the catalog copy ({@link CatalogCopyService}) and, in the same
     * transaction, the criteria's lead departments through the sectors' successions.
     */
    @Transactional
    public boolean applyCatalog(UUID eventId, CriteriaSetPublished event) {
        if (!catalog.apply(eventId, event)) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            refreshLeads(c);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not refresh the criteria's lead departments", e);
        }
    }

    /**
     * The successors of a sector as the rules read them. A version 1 event names successors without saying which
     * is primary: a single successor is, several are a split.
     */
    static List<SectorSuccessionRules.Successor> successors(SectorsChanged.Sector s) {
        List<SectorSuccessionRules.Successor> out = new ArrayList<>();
        if (s.successions() != null) {
            for (SectorsChanged.Successor n : s.successions()) {
                out.add(new SectorSuccessionRules.Successor(n.code(), n.primary(), n.criteria() == null ? List.of()
                        : n.criteria().stream().map(d -> new SectorSuccessionRules.Duty(d.set() == null ? ""
                        : d.set(), d.criterion(), d.role())).toList()));
            }
            return out;
        }
        List<String> codes = s.successors() == null ? List.of() : s.successors();
        for (String code : codes) {
            out.add(new SectorSuccessionRules.Successor(code, codes.size() == 1, List.of()));
        }
        return out;
    }

    private static String duties(SectorsChanged.Sector s, String successor) {
        return s.successions() == null ? null : s.successions().stream().filter(n -> n.code().equals(successor))
                .map(SectorsChanged.Successor::duties).findFirst().orElse(null);
    }

    /** The sector copy, read on the caller's connection. */
    public static Map<String, SectorSuccessionRules.Sector> load(Connection c) throws SQLException {
        Map<String, List<SectorSuccessionRules.Duty>> duties = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select from_code, to_code, set_code, criterion, role"
                + " from sector_criterion_duty"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                duties.computeIfAbsent(rs.getString(1) + ">" + rs.getString(2), k -> new ArrayList<>())
                        .add(new SectorSuccessionRules.Duty(rs.getString(3), rs.getInt(4), rs.getString(5)));
            }
        }
        Map<String, List<SectorSuccessionRules.Successor>> successors = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select from_code, to_code, is_primary from sector_successor"
                + " order by from_code, position"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                successors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                        new SectorSuccessionRules.Successor(rs.getString(2), rs.getBoolean(3),
                                List.copyOf(duties.getOrDefault(rs.getString(1) + ">" + rs.getString(2),
                                        List.of()))));
            }
        }
        Map<String, SectorSuccessionRules.Sector> out = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("select code, name, valid_from, valid_to, legal_basis"
                + " from sector order by position"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new SectorSuccessionRules.Sector(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                        List.copyOf(successors.getOrDefault(rs.getString(1), List.of()))));
            }
        }
        return out;
    }

    /** Rebuilds {@code criterion_lead} from the catalog copy and the sector copy; returns its rows. */
    static int refreshLeads(Connection c) throws SQLException {
        Map<String, SectorSuccessionRules.Sector> sectors = load(c);
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select set_code, number, lead_sector from catalog_criterion"
                + " where lead_sector is not null"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                for (String sector : SectorSuccessionRules.leads(rs.getString(1), rs.getInt(2), rs.getString(3),
                        sectors)) {
                    rows.add(new String[]{rs.getString(1), String.valueOf(rs.getInt(2)), sector});
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from criterion_lead")) {
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into criterion_lead (set_code, number, sector)"
                + " select s, n, x from unnest(?::text[], ?::int[], ?::text[]) as r(s, n, x) on conflict do nothing")) {
            insert.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r[0]).toArray()));
            insert.setArray(2, c.createArrayOf("int4", rows.stream().map(r -> Integer.valueOf(r[1])).toArray()));
            insert.setArray(3, c.createArrayOf("text", rows.stream().map(r -> r[2]).toArray()));
            insert.executeUpdate();
        }
        return rows.size();
    }
}
