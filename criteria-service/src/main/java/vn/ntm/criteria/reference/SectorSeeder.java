package vn.ntm.criteria.reference;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * At start: imports the sector succession of 1 March 2025 from {@code src/main/resources/sectors/} (a copy of
 * {@code shared/data/sectors/}, see its {@code SOURCES.md}) through the same import as {@code POST /sectors/imports},
 * once — the first start that finds no import of version {@value #SUCCESSION_VERSION} — so a province's later
 * corrections are never overwritten; then announces the sector list if it differs from the one announced last.
 */
@ApplicationScoped
public class SectorSeeder {
    static final String SUCCESSION_VERSION = "sector-succession-2025-03";
    static final String DUTIES_VERSION = "sector-criterion-duties-2025-03";
    static final String LEGAL_BASIS = "Nghị quyết 176/2025/QH15 của Quốc hội về cơ cấu tổ chức của Chính phủ;"
            + " Nghị định 45/2025/NĐ-CP của Chính phủ về tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh";

    private final SectorImportService imports;
    private final SectorAnnouncer announcer;

    public SectorSeeder(SectorImportService imports, SectorAnnouncer announcer) {
        this.imports = imports;
        this.announcer = announcer;
    }

    void onStart(@Observes StartupEvent event) {
        seedOnce();
        announcer.announceIfChanged();
    }

    /** Imports the seed unless it was imported before; returns whether it did. */
    @Transactional
    public boolean seedOnce() {
        imports.lock();
        if (imports.imported(SUCCESSION_VERSION)) {
            return false;
        }
        List<SectorImportService.ImportSummary> summaries = imports.importAll(List.of(
                new SectorImportService.ImportFile(resource("sector-succession-2025-03.csv"), SUCCESSION_VERSION,
                        LEGAL_BASIS),
                new SectorImportService.ImportFile(resource("sector-criterion-duties-2025-03.csv"), DUTIES_VERSION,
                        null)), "seed", true);
        Log.infof("seeded the sector succession of 1 March 2025: %s", summaries);
        return true;
    }

    static String resource(String name) {
        try (InputStream in = SectorSeeder.class.getResourceAsStream("/sectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed file sectors/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
