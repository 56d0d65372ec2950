package vn.ntm.criteria.register;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * On the first start (an empty register) loads the registers before and after 2025-07-01 and the successions
 * between them, from {@code src/main/resources/admin-units/}, with the same rules as {@code POST
 * /admin-units/imports} but written with one {@code COPY} per table, and announces every province once.
 */
@ApplicationScoped
public class AdminUnitSeeder {
    static final String COMMUNE_RESOLUTIONS = "Nghị quyết 1654–1687/NQ-UBTVQH15 ngày 16/06/2025 của Ủy ban Thường vụ"
            + " Quốc hội về sắp xếp các đơn vị hành chính cấp xã (một nghị quyết cho mỗi tỉnh)";
    static final String PROVINCE_RESOLUTION = "Nghị quyết 202/2025/QH15 ngày 12/06/2025 của Quốc hội về sắp xếp"
            + " đơn vị hành chính cấp tỉnh";

    private final AdminUnitStore store;
    private final AdminUnitImportService imports;
    private final Optional<Set<String>> provinces;

    public AdminUnitSeeder(AdminUnitStore store, AdminUnitImportService imports,
                           @ConfigProperty(name = "ntm.register.seed-provinces") Optional<Set<String>> provinces) {
        this.store = store;
        this.imports = imports;
        this.provinces = provinces;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        if (seedIfEmpty()) {
            Log.infof("register seed committed %d ms after it began", (System.nanoTime() - started) / 1_000_000);
        }
    }

    // all four files in one transaction (the register is whole or absent)
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 600)
    public boolean seedIfEmpty() {
        store.lock();
        if (!store.isEmpty()) {
            return false;
        }
        seed(bundledFiles(provinces));
        return true;
    }

    /**
     * Applies the files to a register in memory with the import's rules, copies the result into the empty tables
     * ({@code COPY}) and announces every province once, its state taken from the register in memory (what the
     * import reads back from the tables). The same rows as
     * {@code importAll} of the same files (AdminUnitSeedTest), in a fraction of the time: no statement per file and
     * kind of change, no row written twice (a unit unchanged across 2025-07-01 is one version, not an insert then an
     * update).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AdminUnitImportService.Applied seed(List<AdminUnitImportService.ImportFile> files) {
        long started = System.nanoTime();
        SeededRegister register = new SeededRegister();
        AdminUnitImportService.Applied applied = imports.apply(register, files, "seed");
        long planned = System.nanoTime();
        store.copy(register);
        long copied = System.nanoTime();
        imports.announce(applied, register.provinceStates(applied.changed(), applied.registerVersion()).values());
        long announced = System.nanoTime();
        Log.infof("seeded the administrative-unit register in %d ms: %d unit versions and %d successions parsed,"
                        + " checked and planned in %d ms, copied in %d ms, %d province(s) announced in %d ms",
                (announced - started) / 1_000_000, register.unitRows().size(), register.successions().size(),
                (planned - started) / 1_000_000, (copied - planned) / 1_000_000, applied.changed().size(),
                (announced - copied) / 1_000_000);
        return applied;
    }

    /**
     * The bundled files as the seed applies them: the registers before and after 2025-07-01 with their validity, the
     * successions with their legal basis; cut down to {@code provinces} when given (test stacks).
     */
    public static List<AdminUnitImportService.ImportFile> bundledFiles(Optional<Set<String>> provinces) {
        String before = resource("units-2025-03.csv");
        String after = resource("units-2025-07.csv");
        String communes = resource("succession-2025-07.csv");
        String provinceSuccession = resource("succession-provinces-2025-07.csv");
        if (provinces.isPresent()) {
            // only for test stacks: the provinces their tests use; the whole register otherwise
            RegisterSubset subset = new RegisterSubset(provinces.get());
            RegisterSubset.Units kept03 = subset.units(before);
            RegisterSubset.Units kept07 = subset.units(after);
            before = kept03.csv();
            after = kept07.csv();
            communes = RegisterSubset.successions(communes, kept03, kept07);
            provinceSuccession = RegisterSubset.successions(provinceSuccession, kept03, kept07);
        }
        return List.of(
                new AdminUnitImportService.ImportFile(before, "units-2025-03", Validity.EARLIEST,
                        LocalDate.of(2025, 6, 30), null),
                new AdminUnitImportService.ImportFile(after, "units-2025-07", LocalDate.of(2025, 7, 1), null, null),
                new AdminUnitImportService.ImportFile(communes, "succession-2025-07", null, null, COMMUNE_RESOLUTIONS),
                new AdminUnitImportService.ImportFile(provinceSuccession, "succession-provinces-2025-07", null, null,
                        PROVINCE_RESOLUTION));
    }

    private static String resource(String name) {
        try (InputStream in = AdminUnitSeeder.class.getResourceAsStream("/admin-units/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed file admin-units/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
