package vn.ntm.criteria.register;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.criteria.register.Validity.Version;
import vn.ntm.criteria.shared.ReferenceSnapshotLog;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads register files (units and successions) into the register. A file is checked whole before anything is
 * written; a file already applied changes nothing and announces nothing. Every province code whose units or
 * successions changed gets one {@code ntm.admin-units.changed} with its whole state, written to the outbox in the
 * import's transaction.
 */
@ApplicationScoped
public class AdminUnitImportService {
    private final AdminUnitStore store;
    private final Outbox outbox;
    private final ReferenceSnapshotLog snapshots;

    public AdminUnitImportService(AdminUnitStore store, Outbox outbox, ReferenceSnapshotLog snapshots) {
        this.store = store;
        this.outbox = outbox;
        this.snapshots = snapshots;
    }

    /**
     * One file. {@code validFrom}/{@code validTo} (inclusive, null = open) give the period a units file is the
     * complete register of; {@code legalBasis} applies to succession rows without their own.
     */
    public record ImportFile(String csv, String version, LocalDate validFrom, LocalDate validTo, String legalBasis) {
    }

    public record ImportSummary(String kind, String registerVersion, int rows, int inserted, int updated,
                                int unchanged, int closed, List<String> provincesChanged) {
    }

    /** One file from {@code POST /admin-units/imports}, its query parameters as given. */
    @Transactional
    public ImportSummary importFile(String csv, LocalDate from, LocalDate to, String version, String legalBasis,
                                    String importedBy) {
        if (legalBasis != null && legalBasis.length() > 1000) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.import.invalid"),
                    List.of(ServiceException.FieldError.of("legalBasis", "criteria.field.maxChars", 1000)));
        }
        ImportFile file = new ImportFile(csv, version, from, to,
                legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip());
        return importAll(List.of(file), importedBy).get(0);
    }

    /** The files in order, in one transaction; the changed provinces are announced once, after the last file. */
    @Transactional
    public List<ImportSummary> importAll(List<ImportFile> files, String importedBy) {
        store.lock();
        Set<String> changed = new TreeSet<>();
        List<ImportSummary> summaries = new ArrayList<>();
        String announcedVersion = null;
        for (ImportFile file : files) {
            long started = System.nanoTime();
            CsvTable table = CsvTable.parse(file.csv());
            ImportSummary summary;
            if (UnitFile.looksLike(table)) {
                summary = importUnits(table, file);
            } else if (SuccessionFile.looksLike(table)) {
                summary = importSuccessions(table, file);
            } else {
                throw ServiceException.invalid(LocalizedText.of("criteria.import.kind", String.join(",",
                        UnitFile.COLUMNS), String.join(",", SuccessionFile.COLUMNS)), List.of(
                        ServiceException.FieldError.of("rows[1]", "criteria.import.header",
                                String.join(",", table.header()))));
            }
            if (!summary.provincesChanged().isEmpty()) {
                store.recordImport(new AdminUnitStore.ImportRecord(summary.kind(), summary.registerVersion(),
                        sha256(file.csv()), file.validFrom(), file.validTo(), summary.rows(), summary.inserted(),
                        summary.updated(), summary.unchanged(), summary.closed(), importedBy));
                if (summary.kind().equals("units")) {
                    announcedVersion = summary.registerVersion();
                }
            }
            changed.addAll(summary.provincesChanged());
            summaries.add(summary);
            Log.infof("imported %s %s in %d ms: %d rows, %d inserted, %d updated, %d unchanged, %d closed",
                    summary.kind(), summary.registerVersion(), (System.nanoTime() - started) / 1_000_000,
                    summary.rows(), summary.inserted(), summary.updated(), summary.unchanged(), summary.closed());
        }
        if (!changed.isEmpty()) {
            long started = System.nanoTime();
            String version = announcedVersion != null ? announcedVersion
                    : summaries.get(summaries.size() - 1).registerVersion();
            for (AdminUnitsChanged state : store.provinceStates(changed, version).values()) {
                outbox.append(OutboxEvent.of(Topics.CRITERIA_EVENTS, AdminUnitsChanged.key(state.provinceCode()),
                        EventTypes.ADMIN_UNITS_CHANGED, state));
                snapshots.append(AdminUnitsChanged.key(state.provinceCode()), EventTypes.ADMIN_UNITS_CHANGED,
                        state::withVersion, null);
            }
            Log.infof("register changed in %d province(s), announced in %d ms: %s", changed.size(),
                    (System.nanoTime() - started) / 1_000_000, changed);
        }
        return summaries;
    }

    /**
     * Writes the register of every province code to criteria-reference as its next snapshot, but those whose key
     * is in {@code except}; returns how many. Under the import lock, so no import interleaves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int snapshotProvinces(Set<String> except) {
        store.lock();
        List<String> codes = store.provinceCodes().stream()
                .filter(code -> !except.contains(AdminUnitsChanged.key(code))).toList();
        if (codes.isEmpty()) {
            return 0;
        }
        String version = Optional.ofNullable(store.latestRegisterVersion()).orElse("unknown");
        for (AdminUnitsChanged state : store.provinceStates(codes, version).values()) {
            snapshots.append(AdminUnitsChanged.key(state.provinceCode()), EventTypes.ADMIN_UNITS_CHANGED,
                    state::withVersion, null);
        }
        return codes.size();
    }

    private ImportSummary importUnits(CsvTable table, ImportFile file) {
        if (file.validFrom() == null) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.import.validFrom"),
                    List.of(ServiceException.FieldError.of("validFrom", "criteria.import.validFromField")));
        }
        if (file.validTo() != null && file.validTo().isBefore(file.validFrom())) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.import.validTo"),
                    List.of(ServiceException.FieldError.of("validTo", "criteria.field.validTo")));
        }
        UnitFile.Result checked = UnitFile.check(table);
        rejectIfAny(checked.violations(), table.rows().size());
        Map<String, UnitAttributes> wanted = new LinkedHashMap<>();
        checked.units().forEach(u -> wanted.put(u.code(), u.attributes()));
        Map<String, List<Version<UnitAttributes>>> stored = store.units();
        Set<String> codes = new HashSet<>(stored.keySet());
        codes.addAll(wanted.keySet());

        List<Long> deletes = new ArrayList<>();
        List<AdminUnitStore.UnitWrite> updates = new ArrayList<>();
        List<AdminUnitStore.UnitWrite> inserts = new ArrayList<>();
        Set<String> provinces = new TreeSet<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int closed = 0;
        for (String code : codes) {
            List<Version<UnitAttributes>> versions = stored.getOrDefault(code, List.of());
            UnitAttributes value = wanted.get(code);
            Validity.Plan<UnitAttributes> plan = Validity.overlay(versions, value, file.validFrom(), file.validTo());
            if (plan.isEmpty()) {
                if (value != null) {
                    unchanged++;
                }
                continue;
            }
            if (value == null) {
                closed++;
            } else if (plan.inserts().stream().anyMatch(v -> v.value().equals(value) && v.covers(file.validFrom()))) {
                inserted++;
            } else {
                updated++;
            }
            Map<Long, Version<UnitAttributes>> byId = new HashMap<>();
            versions.forEach(v -> byId.put(v.id(), v));
            for (Version<UnitAttributes> v : plan.deletes()) {
                deletes.add(v.id());
                provinces.add(v.value().provinceCode());
            }
            for (Version<UnitAttributes> v : plan.updates()) {
                updates.add(new AdminUnitStore.UnitWrite(v.id(), code, v.value(), v.from(), v.to()));
                provinces.add(byId.get(v.id()).value().provinceCode());
                provinces.add(v.value().provinceCode());
            }
            for (Version<UnitAttributes> v : plan.inserts()) {
                inserts.add(new AdminUnitStore.UnitWrite(null, code, v.value(), v.from(), v.to()));
                provinces.add(v.value().provinceCode());
            }
        }
        store.deleteUnits(deletes);
        store.updateUnits(updates);
        store.insertUnits(inserts);
        String version = file.version() != null ? file.version() : "units-" + file.validFrom();
        return new ImportSummary("units", version, table.rows().size(), inserted, updated, unchanged, closed,
                List.copyOf(provinces));
    }

    private ImportSummary importSuccessions(CsvTable table, ImportFile file) {
        Map<String, List<Version<UnitAttributes>>> units = store.units();
        SuccessionFile.Register register = (code, day) -> units.getOrDefault(code, List.of()).stream()
                .filter(v -> v.covers(day)).map(Version::value).findFirst();
        SuccessionFile.Result checked = SuccessionFile.check(table, file.legalBasis(), register);
        rejectIfAny(checked.violations(), table.rows().size());
        Map<String, AdminUnitStore.StoredSuccession> stored = store.successions();
        List<AdminUnitsChanged.Succession> inserts = new ArrayList<>();
        Map<Long, String> legalBasisUpdates = new LinkedHashMap<>();
        Set<String> provinces = new TreeSet<>();
        int unchanged = 0;
        for (SuccessionFile.Succession s : checked.successions()) {
            AdminUnitStore.StoredSuccession existing = stored.get(s.key());
            // a row without a legal basis keeps the one recorded
            if (existing != null && (s.legalBasis() == null
                    || java.util.Objects.equals(existing.legalBasis(), s.legalBasis()))) {
                unchanged++;
                continue;
            }
            if (existing == null) {
                inserts.add(new AdminUnitsChanged.Succession(s.fromCode(), s.toCode(), s.effectiveOn(), s.legalBasis()));
            } else {
                legalBasisUpdates.put(existing.id(), s.legalBasis());
            }
            Optional<UnitAttributes> from = register.at(s.fromCode(), s.effectiveOn().minusDays(1));
            from.ifPresent(u -> provinces.add(u.provinceCode()));
        }
        store.insertSuccessions(inserts);
        store.updateSuccessionLegalBasis(legalBasisUpdates);
        String version = file.version() != null ? file.version()
                : "successions-" + checked.successions().get(0).effectiveOn();
        return new ImportSummary("successions", version, table.rows().size(), inserts.size(),
                legalBasisUpdates.size(), unchanged, 0, List.copyOf(provinces));
    }

    private static void rejectIfAny(List<Violation> violations, int rows) {
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("criteria.import.rejected", violations.size(), rows),
                    violations.stream().map(v -> new ServiceException.FieldError(v.field(), v.message())).toList());
        }
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
