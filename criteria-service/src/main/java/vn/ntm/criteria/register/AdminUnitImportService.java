package vn.ntm.criteria.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.criteria.register.Validity.Version;
import vn.ntm.criteria.shared.ReferenceSnapshotLog;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
    private final ObjectMapper json;

    public AdminUnitImportService(AdminUnitStore store, Outbox outbox, ReferenceSnapshotLog snapshots,
                                  ObjectMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.snapshots = snapshots;
        this.json = json;
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

    /** The outcome of files applied to a register: what each did, the province codes they changed, the version. */
    public record Applied(List<ImportSummary> summaries, Set<String> changed, String registerVersion) {
    }

    /** The files in order, in one transaction; the changed provinces are announced once, after the last file. */
    @Transactional
    public List<ImportSummary> importAll(List<ImportFile> files, String importedBy) {
        store.lock();
        Applied applied = apply(store, files, importedBy);
        if (!applied.changed().isEmpty()) {
            announce(applied, store.provinceStates(applied.changed(), applied.registerVersion()).values());
        }
        return applied.summaries();
    }

    /**
     * Checks each file whole and applies it to {@code register} (the tables, or the seed's register in memory), in
     * order; records each file that changed something. Rejects the first bad file (nothing of the files is kept: the
     * caller's transaction rolls back).
     */
    public Applied apply(RegisterState register, List<ImportFile> files, String importedBy) {
        Set<String> changed = new TreeSet<>();
        List<ImportSummary> summaries = new ArrayList<>();
        String announcedVersion = null;
        for (ImportFile file : files) {
            long started = System.nanoTime();
            CsvTable table = CsvTable.parse(file.csv());
            ImportSummary summary;
            if (UnitFile.looksLike(table)) {
                summary = importUnits(register, table, file, started);
            } else if (SuccessionFile.looksLike(table)) {
                summary = importSuccessions(register, table, file, started);
            } else {
                throw ServiceException.invalid(LocalizedText.of("criteria.import.kind", String.join(",",
                        UnitFile.COLUMNS), String.join(",", SuccessionFile.COLUMNS)), List.of(
                        ServiceException.FieldError.of("rows[1]", "criteria.import.header",
                                String.join(",", table.header())))).withCode(ProblemCode.IMPORT_FILE_UNRECOGNIZED);
            }
            if (!summary.provincesChanged().isEmpty()) {
                register.recordImport(new AdminUnitStore.ImportRecord(summary.kind(), summary.registerVersion(),
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
        String version = changed.isEmpty() ? null : announcedVersion != null ? announcedVersion
                : summaries.get(summaries.size() - 1).registerVersion();
        return new Applied(summaries, changed, version);
    }

    /**
     * One {@code ntm.admin-units.changed} per changed province code with its whole state (as the tables hold it
     * now), on criteria-events and as the key's next snapshot on criteria-reference, in the caller's transaction.
     * Each state is serialized once: the snapshot is the same text with its version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Applied applied, Collection<AdminUnitsChanged> states) {
        long read = System.nanoTime();
        List<OutboxEvent> events = new ArrayList<>();
        List<ReferenceSnapshotLog.Snapshot> snapshotList = new ArrayList<>();
        long bytes = 0;
        int largest = 0;
        for (AdminUnitsChanged state : states) {
            String key = AdminUnitsChanged.key(state.provinceCode());
            String payload = serialize(state);
            bytes += payload.length();
            largest = Math.max(largest, payload.length());
            events.add(OutboxEvent.of(Topics.CRITERIA_EVENTS, key, EventTypes.ADMIN_UNITS_CHANGED,
                    new RawValue(payload)));
            snapshotList.add(new ReferenceSnapshotLog.Snapshot(key,
                    version -> new RawValue(withVersion(payload, version))));
        }
        long serialized = System.nanoTime();
        outbox.appendAll(events);
        snapshots.appendAll(EventTypes.ADMIN_UNITS_CHANGED, snapshotList);
        long written = System.nanoTime();
        Log.infof("register changed in %d province(s), announced in %d ms (serialized in %d ms: %d events of %d"
                        + " characters each way, the largest %d; written to the outbox in %d ms): %s",
                applied.changed().size(), (written - read) / 1_000_000, (serialized - read) / 1_000_000, states.size(), bytes, largest, (written - serialized) / 1_000_000,
                applied.changed());
    }

    /** The event's JSON, once for both topics (the outbox writes a raw value as it is). */
    private String serialize(AdminUnitsChanged state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the register of " + state.provinceCode(), e);
        }
    }

    /**
     * The snapshot's JSON: the event's with {@code version}, its last property (what serializing
     * {@link AdminUnitsChanged#withVersion} gives, without serializing the whole province again).
     */
    static String withVersion(String payload, long version) {
        return payload.substring(0, payload.lastIndexOf('}')) + ",\"version\":" + version + "}";
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

    private ImportSummary importUnits(RegisterState register, CsvTable table, ImportFile file, long started) {
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
        long parsed = System.nanoTime();
        Map<String, List<Version<UnitAttributes>>> stored = register.units();
        long read = System.nanoTime();
        RegisterPlan.Units plan = RegisterPlan.units(stored, wanted, file.validFrom(), file.validTo());
        long planned = System.nanoTime();
        register.apply(plan);
        logPhases(file, parsed - started, read - parsed, planned - read, planned);
        String version = file.version() != null ? file.version() : "units-" + file.validFrom();
        return new ImportSummary("units", version, table.rows().size(), plan.inserted(), plan.updated(),
                plan.unchanged(), plan.closed(), List.copyOf(plan.provinces()));
    }

    private ImportSummary importSuccessions(RegisterState register, CsvTable table, ImportFile file, long started) {
        Map<String, List<Version<UnitAttributes>>> units = register.units();
        long read = System.nanoTime();
        SuccessionFile.Register lookup = RegisterPlan.lookup(units);
        SuccessionFile.Result checked = SuccessionFile.check(table, file.legalBasis(), lookup);
        rejectIfAny(checked.violations(), table.rows().size());
        long parsed = System.nanoTime();
        RegisterPlan.Successions plan = RegisterPlan.successions(checked.successions(), register.successions(),
                lookup);
        long planned = System.nanoTime();
        register.apply(plan);
        logPhases(file, parsed - read, read - started, planned - parsed, planned);
        String version = file.version() != null ? file.version()
                : "successions-" + checked.successions().get(0).effectiveOn();
        return new ImportSummary("successions", version, table.rows().size(), plan.inserts().size(),
                plan.legalBasisUpdates().size(), plan.unchanged(), 0, List.copyOf(plan.provinces()));
    }

    private static void logPhases(ImportFile file, long parse, long read, long plan, long writeStarted) {
        Log.infof("%s: parsed and checked in %d ms, register read in %d ms, planned in %d ms, written in %d ms",
                file.version(), parse / 1_000_000, read / 1_000_000, plan / 1_000_000,
                (System.nanoTime() - writeStarted) / 1_000_000);
    }

    private static void rejectIfAny(List<Violation> violations, int rows) {
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("criteria.import.rejected", violations.size(), rows),
                    violations.stream().map(v -> new ServiceException.FieldError(v.field(), v.message())).toList())
                    .withCode(ProblemCode.IMPORT_REJECTED);
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
