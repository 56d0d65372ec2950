package vn.ntm.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each schema keeps what consumers of its version rely on (README "Compatibility policy"): the locked surface in
 * {@code src/test/resources/contract-surface/<name>.surface.txt} (see {@link SchemaSurface}) may only grow by
 * optional fields. Removing a field, changing whether it is required, its types, enum values, format or bounds is a
 * new schema version. The current surface of every schema is written to {@code target/contract-surface/}: after an
 * additive change, copy the file over the lock.
 */
class SchemasKeepWhatConsumersRelyOnTest {
    private static final String LOCKS = "/contract-surface/";
    private static final Path WRITTEN = Path.of("target", "contract-surface");

    static List<String> schemaFiles() {
        return ContractFiles.fileNames(ContractFiles.SCHEMAS);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void noSchemaDropsOrChangesWhatItsLockedSurfaceHolds(String schemaFile) throws IOException {
        List<String> current = SchemaSurface.lines(ContractFiles.tree(ContractFiles.text(ContractFiles.SCHEMAS
                + schemaFile)));
        Files.createDirectories(WRITTEN);
        Files.writeString(WRITTEN.resolve(lockName(schemaFile)), String.join("\n", current) + "\n");
        List<String> locked = lock(schemaFile);

        assertThat(locked).as("%s has a locked surface (copy %s)", schemaFile, WRITTEN.resolve(lockName(schemaFile)))
                .isNotNull();
        assertThat(SchemaSurface.breakingChanges(SchemaSurface.parse(locked), SchemaSurface.parse(current)))
                .as("breaking changes to %s: they need a new schema version", schemaFile).isEmpty();
        assertThat(current).as("additive change to %s: copy %s over the lock", schemaFile,
                WRITTEN.resolve(lockName(schemaFile))).containsExactlyElementsOf(locked);
    }

    @Test
    void everyLockBelongsToASchema() {
        List<String> locks = ContractFiles.fileNames(LOCKS);

        assertThat(locks).containsExactlyInAnyOrderElementsOf(schemaFiles().stream()
                .map(SchemasKeepWhatConsumersRelyOnTest::lockName).toList());
    }

    @Test
    void theSurfaceTellsAnAdditiveChangeFromABreakingOne() {
        Map<String, Set<String>> locked = SchemaSurface.parse(lock("task-event.v2.schema.json"));
        Map<String, Set<String>> optionalAdded = SchemaSurface.parse(withLines(locked,
                "/provinceCode\ttype=string"));
        Map<String, Set<String>> requiredAdded = SchemaSurface.parse(withLines(locked,
                "/provinceCode\trequired\ttype=string"));
        Map<String, Set<String>> enumWidened = new TreeMap<>(locked);
        enumWidened.put("/status", Set.of("required", "enum=[\"CANCELLED\", \"DONE\", \"IN_PROGRESS\", \"OPEN\", "
                + "\"PAUSED\", \"REPORTED\", \"RETURNED\"]"));
        Map<String, Set<String>> fieldGone = new TreeMap<>(locked);
        fieldGone.remove("/dueDate");

        assertThat(SchemaSurface.breakingChanges(locked, optionalAdded)).isEmpty();
        assertThat(SchemaSurface.breakingChanges(locked, requiredAdded)).containsExactly("/provinceCode added as "
                + "required");
        assertThat(SchemaSurface.breakingChanges(locked, enumWidened)).hasSize(1);
        assertThat(SchemaSurface.breakingChanges(locked, fieldGone)).hasSize(1);
    }

    private static List<String> withLines(Map<String, Set<String>> surface, String... lines) {
        List<String> out = new ArrayList<>();
        surface.forEach((path, facts) -> out.add(path + (facts.isEmpty() ? "" : "\t" + String.join("\t", facts))));
        out.addAll(List.of(lines));
        return out;
    }

    private static String lockName(String schemaFile) {
        return schemaFile.replace(".schema.json", ".surface.txt");
    }

    private static List<String> lock(String schemaFile) {
        try (InputStream in = SchemasKeepWhatConsumersRelyOnTest.class.getResourceAsStream(LOCKS
                + lockName(schemaFile))) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
