package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every golden file of the module: the schema it is an example of and the record it is the data of. */
enum Golden {
    ADMIN_UNITS_CHANGED("admin-units-changed.json", "admin-units-changed.schema.json", AdminUnitsChanged.class),
    CRITERIA_SET_PUBLISHED("criteria-set-published.json", "criteria-set-published.schema.json",
            CriteriaSetPublished.class),
    SECTORS_CHANGED("sectors-changed.json", "sectors-changed.schema.json", SectorsChanged.class),
    SECTORS_CHANGED_V2("sectors-changed.v2.json", "sectors-changed.v2.schema.json", SectorsChanged.class),
    /** The list criteria-service announces after its seed: the departments merged on 1 March 2025. */
    SECTORS_CHANGED_2025_03_V2("sectors-changed-2025-03.v2.json", "sectors-changed.v2.schema.json",
            SectorsChanged.class),
    /** The snapshots of criteria-reference: the same data with the snapshot's {@code version} of its key. */
    ADMIN_UNITS_SNAPSHOT("admin-units-snapshot.json", "admin-units-changed.schema.json", AdminUnitsChanged.class),
    CRITERIA_SET_SNAPSHOT("criteria-set-snapshot.json", "criteria-set-published.schema.json",
            CriteriaSetPublished.class),
    SECTORS_SNAPSHOT("sectors-snapshot.v2.json", "sectors-changed.v2.schema.json", SectorsChanged.class),
    INSPECTION_FINALIZED_V1("inspection-finalized.json", "inspection-finalized.schema.json",
            InspectionFinalized.class),
    INSPECTION_FINALIZED_V2("inspection-finalized.v2.json", "inspection-finalized.v2.schema.json",
            InspectionFinalized.class),
    /** The seed inspection corrected: Thượng Cường's criterion 17 found met after all (findings version 2). */
    INSPECTION_CORRECTED("inspection-corrected.json", "inspection-corrected.schema.json", InspectionCorrected.class),
    TASK_CREATED_V1("task-created.json", "task-event.schema.json", TaskEvent.class),
    TASK_CREATED_V2("task-created.v2.json", "task-event.v2.schema.json", TaskEvent.class),
    TASK_CREATED_V3("task-created.v3.json", "task-event.v3.schema.json", TaskEvent.class),
    TASK_STATUS_CHANGED_V1("task-status-changed.json", "task-event.schema.json", TaskEvent.class),
    TASK_STATUS_CHANGED_V2("task-status-changed.v2.json", "task-event.v2.schema.json", TaskEvent.class),
    TASK_STATUS_CHANGED_V3("task-status-changed.v3.json", "task-event.v3.schema.json", TaskEvent.class),
    /** The seed's Thượng Cường task on criterion 17 going on under a re-inspection that found it still unmet. */
    TASK_INSPECTION_LINKED_V3("task-inspection-linked.v3.json", "task-event.v3.schema.json", TaskEvent.class),
    TASK_OVERDUE_V1("task-overdue.json", "task-event.schema.json", TaskEvent.class),
    TASK_OVERDUE_V2("task-overdue.v2.json", "task-event.v2.schema.json", TaskEvent.class),
    TASK_OVERDUE_V3("task-overdue.v3.json", "task-event.v3.schema.json", TaskEvent.class),
    TASK_REASSIGNED_V1("task-reassigned.json", "task-reassigned.schema.json", TaskReassigned.class),
    TASK_REASSIGNED_V2("task-reassigned.v2.json", "task-reassigned.v2.schema.json", TaskReassigned.class),
    TASK_REASSIGNED_V3("task-reassigned.v3.json", "task-reassigned.v3.schema.json", TaskReassigned.class),
    /** A verifier (an inspector of Lạng Sơn) gave Thượng Cường's task to Xã Chi Lăng before the 2025 reorganisation. */
    TASK_REASSIGNED_BY_VERIFIER_V2("task-reassigned-by-verifier.v2.json", "task-reassigned.v2.schema.json",
            TaskReassigned.class),
    TASK_REASSIGNED_BY_VERIFIER_V3("task-reassigned-by-verifier.v3.json", "task-reassigned.v3.schema.json",
            TaskReassigned.class),
    TASK_EXTENSION_DECIDED("task-extension-decided.json", "task-extension.schema.json", TaskExtensionEvent.class),
    TASK_EXTENSION_DECIDED_V2("task-extension-decided.v2.json", "task-extension.v2.schema.json",
            TaskExtensionEvent.class);

    private static final Pattern VERSIONED = Pattern.compile("\\.v([0-9]+)\\.json$");

    final String file;
    final String schema;
    final Class<? extends Record> record;

    Golden(String file, String schema, Class<? extends Record> record) {
        this.file = file;
        this.schema = schema;
        this.record = record;
    }

    String text() {
        return ContractFiles.text(ContractFiles.GOLDEN + file);
    }

    byte[] bytes() {
        return ContractFiles.bytes(ContractFiles.GOLDEN + file);
    }

    JsonNode tree() {
        return ContractFiles.tree(text());
    }

    int schemaVersion() {
        return tree().get("schemaVersion").intValue();
    }

    /** The version the record's producers write ({@code SCHEMA_VERSION} of the record). */
    int currentSchemaVersion() {
        try {
            return record.getField("SCHEMA_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " has no SCHEMA_VERSION", e);
        }
    }

    boolean current() {
        return schemaVersion() == currentSchemaVersion();
    }

    /** For a {@code *.vN.json}: the same event as version N - 1 ({@code *.json} for version 1) if the module keeps it. */
    Optional<Golden> previousVersion() {
        Matcher versioned = VERSIONED.matcher(file);
        if (!versioned.find()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(versioned.group(1));
        String previous = file.substring(0, versioned.start()) + (version == 2 ? ".json" : ".v" + (version - 1) + ".json");
        return Arrays.stream(values()).filter(g -> g.file.equals(previous)).findFirst();
    }

    /** The newest version of the same event the module keeps (itself when there is none newer). */
    Golden newestVersion() {
        Golden newest = this;
        for (Optional<Golden> next = nextVersion(); next.isPresent(); next = next.get().nextVersion()) {
            newest = next.get();
        }
        return newest;
    }

    /** The version a file or schema name states ({@code .vN.}), 1 when it states none. */
    static int versionOf(String fileName) {
        Matcher versioned = Pattern.compile("\\.v([0-9]+)\\.").matcher(fileName);
        return versioned.find() ? Integer.parseInt(versioned.group(1)) : 1;
    }

    /** For a file kept beside a newer version of the same event: the next version. */
    Optional<Golden> nextVersion() {
        return Arrays.stream(values()).filter(g -> g.previousVersion().orElse(null) == this).findFirst();
    }

    Object read() {
        try {
            return ContractFiles.JSON.readValue(text(), record);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }
}
