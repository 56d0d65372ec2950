package vn.ntm.criteria.reference;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ntm.criteria.register.CsvTable;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports the succession of sectors (provincial departments merged on 1 March 2025: {@code POST /sectors/imports},
 * and the seed, {@link SectorSeeder}): a succession file ({@link SectorSuccessionFile}) ends the old sectors on the
 * day before the effective date, records their successors (primary first) and creates the successors the list does
 * not have yet; a criterion duty file ({@link SectorDutyFile}) records which successor takes which criterion's work.
 * Each file is checked whole before anything is written (422 with the rows), serialised by an advisory lock,
 * idempotent (the same file again changes nothing and announces nothing), and the changed list is announced in the
 * import's transaction ({@link SectorAnnouncer}).
 */
@ApplicationScoped
public class SectorImportService {
    static final long LOCK = 0x4e544d5345L;
    public static final String SUCCESSIONS = "sector-successions";
    public static final String DUTIES = "sector-duties";

    private final EntityManager em;
    private final SectorAnnouncer announcer;

    public SectorImportService(EntityManager em, SectorAnnouncer announcer) {
        this.em = em;
        this.announcer = announcer;
    }

    /** One file to import: its text, a version name (null: derived), the legal basis of rows without their own. */
    public record ImportFile(String csv, String version, String legalBasis) {
    }

    /**
     * What an import did: rows read, inserted, updated, unchanged and removed (a successor or duty the old sector's
     * rows no longer name), the sectors created and the sectors ended or changed, and whether the list was announced.
     */
    public record ImportSummary(String kind, String version, int rows, int inserted, int updated, int unchanged,
                                int removed, List<String> sectorsAdded, List<String> sectorsClosed,
                                boolean announced) {
        boolean changed() {
            return inserted + updated + removed > 0 || !sectorsAdded.isEmpty() || !sectorsClosed.isEmpty();
        }

        ImportSummary announced(boolean value) {
            return new ImportSummary(kind, version, rows, inserted, updated, unchanged, removed, sectorsAdded,
                    sectorsClosed, value);
        }
    }

    /** One file from {@code POST /sectors/imports}. */
    @Transactional
    public ImportSummary importFile(String csv, String version, String legalBasis, String importedBy) {
        if (legalBasis != null && legalBasis.length() > SectorSuccessionFile.MAX_TEXT) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.import.invalid"), List.of(
                    ServiceException.FieldError.of("legalBasis", "criteria.field.maxChars",
                            SectorSuccessionFile.MAX_TEXT)));
        }
        return importAll(List.of(new ImportFile(csv, version,
                legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip())), importedBy, false).get(0);
    }

    /**
     * The files in order, in one transaction; then the list is announced if it changed. {@code recordAlways}: record
     * each file in {@code sector_import} even when it changed nothing (the seed, imported once by its version).
     */
    @Transactional
    public List<ImportSummary> importAll(List<ImportFile> files, String importedBy, boolean recordAlways) {
        lock();
        List<ImportSummary> summaries = new ArrayList<>();
        for (ImportFile file : files) {
            CsvTable table = CsvTable.parse(file.csv());
            ImportSummary summary;
            if (SectorSuccessionFile.looksLike(table)) {
                summary = importSuccessions(table, file);
            } else if (SectorDutyFile.looksLike(table)) {
                summary = importDuties(table, file);
            } else {
                throw ServiceException.invalid(LocalizedText.of("criteria.sectorImport.kind",
                        String.join(",", SectorSuccessionFile.COLUMNS), String.join(",", SectorDutyFile.COLUMNS)),
                        List.of(ServiceException.FieldError.of("rows[1]", "criteria.import.header",
                                String.join(",", table.header())))).withCode(ProblemCode.IMPORT_FILE_UNRECOGNIZED);
            }
            if (summary.changed() || recordAlways) {
                em.createNativeQuery("insert into sector_import (kind, version, sha256, rows_read, inserted, updated,"
                                + " unchanged, imported_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, summary.kind()).setParameter(2, summary.version())
                        .setParameter(3, sha256(file.csv())).setParameter(4, summary.rows())
                        .setParameter(5, summary.inserted()).setParameter(6, summary.updated())
                        .setParameter(7, summary.unchanged()).setParameter(8, importedBy).executeUpdate();
            }
            Log.infof("imported %s %s: %d rows, %d inserted, %d updated, %d unchanged, %d removed, added %s,"
                            + " closed %s", summary.kind(), summary.version(), summary.rows(), summary.inserted(),
                    summary.updated(), summary.unchanged(), summary.removed(), summary.sectorsAdded(),
                    summary.sectorsClosed());
            summaries.add(summary);
        }
        boolean announced = announcer.announceIfChanged();
        return summaries.stream().map(s -> s.announced(announced)).toList();
    }

    /** Serialises sector imports until the transaction ends. */
    @Transactional
    public void lock() {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + LOCK + ")) l").getSingleResult();
    }

    /** Whether a file of this version was ever imported (the seed is imported once). */
    @Transactional
    public boolean imported(String version) {
        return ((Number) em.createNativeQuery("select count(*) from sector_import where version = ?1")
                .setParameter(1, version).getSingleResult()).longValue() > 0;
    }

    private record Stored(LocalDate effectiveOn, boolean primary, String duties, int position) {
    }

    private ImportSummary importSuccessions(CsvTable table, ImportFile file) {
        Map<String, SectorSuccessionFile.Known> known = new HashMap<>();
        Map<String, String> legalBases = new HashMap<>();
        Map<String, List<String>> successorsOf = new HashMap<>();
        for (Object[] row : rows("select code, name, valid_from, valid_to, legal_basis,"
                + " array_to_string(successors, ',') from sector")) {
            String code = (String) row[0];
            known.put(code, new SectorSuccessionFile.Known(code, (String) row[1], date(row[2]), date(row[3])));
            legalBases.put(code, (String) row[4]);
            successorsOf.put(code, row[5] == null || ((String) row[5]).isEmpty() ? List.of()
                    : Arrays.asList(((String) row[5]).split(",")));
        }
        SectorSuccessionFile.Result checked = SectorSuccessionFile.check(table, file.legalBasis(), known);
        rejectIfAny(checked.violations(), table.rows().size());
        List<String> added = new ArrayList<>();
        for (SectorSuccessionFile.NewSector s : checked.added()) {
            em.createNativeQuery("insert into sector (code, name, valid_from) values (?1, ?2, ?3)")
                    .setParameter(1, s.code()).setParameter(2, s.name()).setParameter(3, s.validFrom())
                    .executeUpdate();
            added.add(s.code());
        }
        Map<String, Map<String, Stored>> stored = new HashMap<>();
        for (Object[] row : rows("select from_code, to_code, effective_on, is_primary, duties, position"
                + " from sector_succession")) {
            stored.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1],
                    new Stored(date(row[2]), (Boolean) row[3], (String) row[4], ((Number) row[5]).intValue()));
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        List<String> closed = new ArrayList<>();
        for (SectorSuccessionFile.Ceasing c : checked.ceasings()) {
            Map<String, Stored> before = stored.getOrDefault(c.code(), Map.of());
            Set<String> named = new HashSet<>(c.successorCodes());
            for (Map.Entry<String, Stored> old : before.entrySet()) {
                if (!named.contains(old.getKey())) {
                    em.createNativeQuery("delete from sector_succession where from_code = ?1 and to_code = ?2")
                            .setParameter(1, c.code()).setParameter(2, old.getKey()).executeUpdate();
                    removed++;
                }
            }
            for (int i = 0; i < c.successors().size(); i++) {
                SectorSuccessionFile.Row r = c.successors().get(i);
                Stored want = new Stored(r.effectiveOn(), r.primary(), r.duties(), i);
                Stored have = before.get(r.to());
                if (want.equals(have)) {
                    unchanged++;
                    continue;
                }
                if (have == null) {
                    inserted++;
                } else {
                    updated++;
                }
                // the primary moves between rows: clear it first so the one-primary index holds at every statement
                if (r.primary()) {
                    em.createNativeQuery("update sector_succession set is_primary = false where from_code = ?1")
                            .setParameter(1, c.code()).executeUpdate();
                }
                // a changed row is updated in place: deleting it would cascade to its criterion duties
                em.createNativeQuery(have == null
                                ? "insert into sector_succession (effective_on, is_primary, duties, position, from_code,"
                                        + " to_code) values (?3, ?4, cast(?5 as text), ?6, ?1, ?2)"
                                : "update sector_succession set effective_on = ?3, is_primary = ?4,"
                                        + " duties = cast(?5 as text), position = ?6 where from_code = ?1 and to_code = ?2")
                        .setParameter(1, c.code()).setParameter(2, r.to()).setParameter(3, r.effectiveOn())
                        .setParameter(4, r.primary()).setParameter(5, r.duties()).setParameter(6, i).executeUpdate();
            }
            LocalDate lastDay = c.effectiveOn().minusDays(1);
            SectorSuccessionFile.Known sector = known.get(c.code());
            // a file that states no legal basis keeps the one recorded
            String basis = c.legalBasis() != null ? c.legalBasis() : legalBases.get(c.code());
            if (!lastDay.equals(sector.validTo()) || !c.successorCodes().equals(successorsOf.get(c.code()))
                    || !Objects.equals(basis, legalBases.get(c.code()))) {
                em.createNativeQuery("update sector set valid_to = ?1, successors = cast(?2 as text[]),"
                                + " legal_basis = cast(?3 as text) where code = ?4")
                        .setParameter(1, lastDay).setParameter(2, "{" + String.join(",", c.successorCodes()) + "}")
                        .setParameter(3, basis).setParameter(4, c.code()).executeUpdate();
                closed.add(c.code());
            }
        }
        String version = file.version() != null ? file.version() : "sector-successions-"
                + checked.ceasings().get(0).effectiveOn();
        return new ImportSummary(SUCCESSIONS, version, table.rows().size(), inserted, updated, unchanged, removed,
                List.copyOf(added), List.copyOf(closed), false);
    }

    private ImportSummary importDuties(CsvTable table, ImportFile file) {
        Set<String> successions = new HashSet<>();
        for (Object[] row : rows("select from_code, to_code from sector_succession")) {
            successions.add(row[0] + ">" + row[1]);
        }
        SectorDutyFile.Result checked = SectorDutyFile.check(table, successions);
        rejectIfAny(checked.violations(), table.rows().size());
        Map<String, String> stored = new LinkedHashMap<>();
        for (Object[] row : rows("select from_code, set_code, criterion, to_code, role from sector_criterion_duty")) {
            stored.put(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3], (String) row[4]);
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        for (Map.Entry<String, List<SectorDutyFile.Duty>> e : checked.byOldSector().entrySet()) {
            Set<String> named = new HashSet<>();
            e.getValue().forEach(d -> named.add(d.key()));
            for (String key : stored.keySet()) {
                if (key.startsWith(e.getKey() + "|") && !named.contains(key)) {
                    String[] k = key.split("\\|", -1);
                    em.createNativeQuery("delete from sector_criterion_duty where from_code = ?1 and set_code = ?2"
                                    + " and criterion = ?3 and to_code = ?4").setParameter(1, k[0])
                            .setParameter(2, k[1]).setParameter(3, Integer.parseInt(k[2])).setParameter(4, k[3])
                            .executeUpdate();
                    removed++;
                }
            }
            // a lead that moves to another successor: the old row goes first (one lead per criterion)
            for (SectorDutyFile.Duty d : e.getValue()) {
                String have = stored.get(d.key());
                if (d.role().equals(have)) {
                    unchanged++;
                } else if (have != null) {
                    em.createNativeQuery("delete from sector_criterion_duty where from_code = ?1 and set_code = ?2"
                                    + " and criterion = ?3 and to_code = ?4").setParameter(1, d.from())
                            .setParameter(2, d.set()).setParameter(3, d.criterion()).setParameter(4, d.to())
                            .executeUpdate();
                    updated++;
                } else {
                    inserted++;
                }
            }
            for (SectorDutyFile.Duty d : e.getValue()) {
                if (!d.role().equals(stored.get(d.key()))) {
                    em.createNativeQuery("insert into sector_criterion_duty (from_code, to_code, set_code, criterion,"
                                    + " role) values (?1, ?2, ?3, ?4, ?5)").setParameter(1, d.from())
                            .setParameter(2, d.to()).setParameter(3, d.set()).setParameter(4, d.criterion())
                            .setParameter(5, d.role()).executeUpdate();
                }
            }
        }
        String version = file.version() != null ? file.version() : "sector-duties";
        return new ImportSummary(DUTIES, version, table.rows().size(), inserted, updated, unchanged, removed,
                List.of(), List.of(), false);
    }

    private static void rejectIfAny(List<Violation> violations, int rows) {
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("criteria.import.rejected", violations.size(), rows),
                    violations.stream().map(v -> new ServiceException.FieldError(v.field(), v.message())).toList())
                    .withCode(ProblemCode.IMPORT_REJECTED);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
