package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static vn.ntm.contracts.Golden.ADMIN_UNITS_CHANGED;
import static vn.ntm.contracts.Golden.CRITERIA_SET_PUBLISHED;
import static vn.ntm.contracts.Golden.INSPECTION_CORRECTED;
import static vn.ntm.contracts.Golden.INSPECTION_FINALIZED_V1;
import static vn.ntm.contracts.Golden.INSPECTION_FINALIZED_V2;
import static vn.ntm.contracts.Golden.SECTORS_CHANGED;
import static vn.ntm.contracts.Golden.SECTORS_CHANGED_2025_03_V2;
import static vn.ntm.contracts.Golden.SECTORS_CHANGED_V2;
import static vn.ntm.contracts.Golden.TASK_CREATED_V1;
import static vn.ntm.contracts.Golden.TASK_CREATED_V2;
import static vn.ntm.contracts.Golden.TASK_CREATED_V3;
import static vn.ntm.contracts.Golden.TASK_EXTENSION_DECIDED_V2;
import static vn.ntm.contracts.Golden.TASK_REASSIGNED_V3;
import static vn.ntm.contracts.Golden.TASK_STATUS_CHANGED_V3;
import static vn.ntm.contracts.Golden.TASK_OVERDUE_V3;
import static vn.ntm.contracts.Golden.TASK_EXTENSION_DECIDED;
import static vn.ntm.contracts.Golden.TASK_OVERDUE_V1;
import static vn.ntm.contracts.Golden.TASK_OVERDUE_V2;
import static vn.ntm.contracts.Golden.TASK_REASSIGNED_BY_VERIFIER_V2;
import static vn.ntm.contracts.Golden.TASK_REASSIGNED_V1;
import static vn.ntm.contracts.Golden.TASK_REASSIGNED_V2;
import static vn.ntm.contracts.Golden.TASK_STATUS_CHANGED_V1;
import static vn.ntm.contracts.Golden.TASK_STATUS_CHANGED_V2;

/**
 * Each schema refuses what it pins: the schema version, the required fields, and the enums, patterns, bounds and
 * constants of its fields; it accepts fields it does not define (a newer producer's additive fields), while every
 * field of the golden files is declared. Each broken variant is its golden file with one change.
 */
class SchemasRejectBrokenEventsTest {
    /** Stands for "remove the field" in {@link #everySchemaRejectsAValueItDoesNotAllow}. */
    private static final String ABSENT = "(absent)";
    /** Objects whose fields are names chosen by the data ({@code statedFigures}: figure name → number). */
    private static final java.util.Set<String> MAPS = java.util.Set.of("statedFigures");

    @ParameterizedTest
    @EnumSource(Golden.class)
    void everySchemaRejectsAnotherSchemaVersion(Golden golden) {
        for (int other : new int[] {0, 1, 2, 3}) {
            if (other != golden.schemaVersion()) {
                JsonNode broken = JsonTrees.with(golden.tree(), "/schemaVersion", IntNode.valueOf(other));
                assertThat(ContractFiles.validate(golden.schema, broken.toString()))
                        .as("schemaVersion %d", other).isNotEmpty();
            }
        }
    }

    static Stream<Golden> goldensWithAnotherVersion() {
        return Stream.of(Golden.values()).filter(g -> g.previousVersion().or(g::nextVersion).isPresent());
    }

    @ParameterizedTest
    @MethodSource("goldensWithAnotherVersion")
    void everySchemaRejectsTheGoldenFileOfTheOtherVersion(Golden golden) {
        Golden other = golden.previousVersion().or(golden::nextVersion).orElseThrow();

        assertThat(ContractFiles.validate(golden.schema, other.text())).isNotEmpty();
    }

    static Stream<Arguments> requiredFields() {
        List<Arguments> out = new ArrayList<>();
        for (Golden golden : Golden.values()) {
            JsonNode schema = ContractFiles.tree(ContractFiles.text(ContractFiles.SCHEMAS + golden.schema));
            schema.get("required").forEach(field -> out.add(arguments(golden, field.asText())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void everySchemaRejectsAnEventWithoutOneOfItsRequiredFields(Golden golden, String field) {
        JsonNode broken = JsonTrees.with(golden.tree(), "/" + field, null);

        assertThat(ContractFiles.validate(golden.schema, broken.toString())).isNotEmpty();
    }

    /** An additive field of a newer producer (README "Compatibility"), at the top and in every nested object. */
    @ParameterizedTest
    @EnumSource(Golden.class)
    void everySchemaAcceptsAFieldANewerProducerAddsAnywhere(Golden golden) {
        JsonNode newer = golden.tree();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(newer, objects);
        objects.forEach(o -> o.put("addedLater", "trường mới"));

        assertThat(objects.size()).as("the golden file has nested objects").isGreaterThan(1);
        assertThat(ContractFiles.validate(golden.schema, newer.toString())).isEmpty();
    }

    /**
     * Open for consumers, but what producers write is declared: the golden files (which the records write back
     * byte for byte) match the schema with its objects closed.
     */
    @ParameterizedTest
    @EnumSource(Golden.class)
    void everyFieldOfEveryGoldenFileIsDeclaredInItsSchema(Golden golden) {
        assertThat(ContractFiles.closedSchema(golden.schema).validate(golden.text(), InputFormat.JSON)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void theClosedSchemaRejectsAFieldTheSchemaDoesNotDeclare(Golden golden) {
        ObjectNode broken = (ObjectNode) golden.tree();
        broken.put("comment", "thêm trường lạ");

        assertThat(ContractFiles.closedSchema(golden.schema).validate(broken.toString(), InputFormat.JSON))
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("vn.ntm.contracts.GoldenFilesMatchTheirSchemasTest#schemaFiles")
    void noSchemaClosesAnObjectToAdditiveFields(String schemaFile) {
        String schema = ContractFiles.text(ContractFiles.SCHEMAS + schemaFile).replaceAll("\\s", "");

        assertThat(schema).doesNotContain("\"additionalProperties\":false")
                .doesNotContain("\"unevaluatedProperties\":false");
    }

    /** The objects of a tree that hold fields; maps by name (figures by their name) take values of one type. */
    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
            object.properties().stream().filter(e -> !MAPS.contains(e.getKey()))
                    .forEach(e -> collectObjects(e.getValue(), out));
        } else {
            node.forEach(child -> collectObjects(child, out));
        }
    }

    static Stream<Arguments> disallowedValues() {
        List<Arguments> out = new ArrayList<>();
        // enums, code patterns and lengths of the register
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/1/level", "\"huyen\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/4/code", "\"0649\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/provinceCode", "\"020\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/0/provinceCode", "\"2\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/2/parentCode", "\"1870\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/successions/1/toCode", "\"6475\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/0/name", "\"\""));
        out.add(arguments(ADMIN_UNITS_CHANGED, "/units/0/validTo", ABSENT));
        // the criteria set: codes, levels, tiers, sectors
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/code", "\"xa-ntm-2021-2025\""));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/level", "\"PROVINCE\""));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/tier", "\"NTM_XUAT_SAC\""));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria", "[]"));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria/1/sectors/0", "\"TRANSPORT\""));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria/0/sectors", "[]"));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria/0/number", "0"));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria/0/continues/0/set", "\"xa_ntm\""));
        out.add(arguments(CRITERIA_SET_PUBLISHED, "/criteria/14/indicators/0/sectors/0", "\"BHYT\""));
        // the sector list
        out.add(arguments(SECTORS_CHANGED, "/sectors", "[]"));
        out.add(arguments(SECTORS_CHANGED, "/sectors/0/code", "\"-XD\""));
        out.add(arguments(SECTORS_CHANGED, "/sectors/0/name", "\"\""));
        out.add(arguments(SECTORS_CHANGED, "/sectors/0/successors", "\"GTVT\""));
        out.add(arguments(SECTORS_CHANGED_V2, "/sectors/0/successions", "null"));
        out.add(arguments(SECTORS_CHANGED_V2, "/sectors/0/legalBasis", ABSENT));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/7/successions/0/primary", "\"yes\""));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/7/successions/0/criteria/0/role", "\"CHU_TRI\""));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/7/successions/0/criteria/0/criterion", "0"));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/7/successions/1/code", "\"-NNMT\""));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/7/successions/1/duties", ABSENT));
        out.add(arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/10/legalBasis", "\"\""));
        // the inspection, both versions
        for (Golden inspection : List.of(INSPECTION_FINALIZED_V1, INSPECTION_FINALIZED_V2)) {
            out.add(arguments(inspection, "/communes", "[]"));
            out.add(arguments(inspection, "/communes/0/targetTier", "\"NTM_XUAT_SAC\""));
            out.add(arguments(inspection, "/communes/0/summary/met", "-1"));
            out.add(arguments(inspection, "/communes/1/statedMet", "101"));
            out.add(arguments(inspection, "/communes/0/findings/0/result", "\"PASSED\""));
            out.add(arguments(inspection, "/communes/0/findings/16/sectors/0", "\"MOI_TRUONG\""));
            out.add(arguments(inspection, "/communes/0/findings/0/responsible", ABSENT));
            out.add(arguments(inspection, "/leadAgency/type", "\"UBND_TINH\""));
            out.add(arguments(inspection, "/participants/0/name", "\"\""));
            out.add(arguments(inspection, "/statedFigures/averageCriteriaMetPerCommune", "\"10,11\""));
            out.add(arguments(inspection, "/recommendations/0/content", "\"\""));
        }
        // version 2: the register date next to every unit code
        out.add(arguments(INSPECTION_FINALIZED_V2, "/communes/0/registerDate", ABSENT));
        out.add(arguments(INSPECTION_FINALIZED_V2, "/communes/0/findings/0/registerDate", ABSENT));
        out.add(arguments(INSPECTION_FINALIZED_V2, "/recommendations/0/registerDate", ABSENT));
        // a correction: a new version with its reason and actor, and the whole corrected record
        out.add(arguments(INSPECTION_CORRECTED, "/version", "1"));
        out.add(arguments(INSPECTION_CORRECTED, "/reason", "\"\""));
        out.add(arguments(INSPECTION_CORRECTED, "/correctedBy", "null"));
        out.add(arguments(INSPECTION_CORRECTED, "/inspection/schemaVersion", "1"));
        out.add(arguments(INSPECTION_CORRECTED, "/inspection/communes", "[]"));
        out.add(arguments(INSPECTION_CORRECTED, "/inspection/communes/0/findings/16/result", "\"PASSED\""));
        out.add(arguments(INSPECTION_CORRECTED, "/inspection/communes/0/registerDate", ABSENT));
        // task events, every version
        for (Golden task : List.of(TASK_CREATED_V1, TASK_CREATED_V2, TASK_CREATED_V3, TASK_STATUS_CHANGED_V1,
                TASK_STATUS_CHANGED_V2, TASK_STATUS_CHANGED_V3, TASK_OVERDUE_V1, TASK_OVERDUE_V2, TASK_OVERDUE_V3)) {
            out.add(arguments(task, "/status", "\"PAUSED\""));
            out.add(arguments(task, "/assignee/type", "null"));
            out.add(arguments(task, "/assignee/code", "\"\""));
            out.add(arguments(task, "/criterion", "0"));
            out.add(arguments(task, "/version", "-1"));
            out.add(arguments(task, "/overdue", "\"false\""));
            out.add(arguments(task, "/title", "\"\""));
        }
        for (Golden changed : List.of(TASK_STATUS_CHANGED_V1, TASK_STATUS_CHANGED_V2, TASK_STATUS_CHANGED_V3)) {
            out.add(arguments(changed, "/change/to", "\"ARCHIVED\""));
            out.add(arguments(changed, "/change/actor", ABSENT));
        }
        out.add(arguments(TASK_CREATED_V2, "/assigneeAsOf", "null"));
        // version 3: the province is a register code; the inspection the task continues under is a UUID
        for (Golden v3 : List.of(TASK_CREATED_V3, TASK_REASSIGNED_V3, TASK_EXTENSION_DECIDED_V2)) {
            out.add(arguments(v3, "/provinceCode", "\"020\""));
            out.add(arguments(v3, "/provinceCode", "20"));
            out.add(arguments(v3, "/provinceCode", ABSENT));
        }
        out.add(arguments(TASK_CREATED_V3, "/latestInspectionId", ABSENT));
        // reassignment by the register, both versions
        for (Golden reassigned : List.of(TASK_REASSIGNED_V1, TASK_REASSIGNED_V2, TASK_REASSIGNED_V3)) {
            out.add(arguments(reassigned, "/actor", "\"so-ldtbxh-lang-son\""));
            out.add(arguments(reassigned, "/rule", "\"GUESS\""));
            out.add(arguments(reassigned, "/status", "\"DONE\""));
            out.add(arguments(reassigned, "/version", "0"));
            out.add(arguments(reassigned, "/from/type", "null"));
        }
        // reassignment by a verifier: the actor is the person (the token's sub), never the register, and it
        // settles the assignee (no review flag)
        out.add(arguments(TASK_REASSIGNED_BY_VERIFIER_V2, "/actor", "\"system:register\""));
        out.add(arguments(TASK_REASSIGNED_BY_VERIFIER_V2, "/actor", "\"\""));
        out.add(arguments(TASK_REASSIGNED_BY_VERIFIER_V2, "/needsReassignment", "true"));
        out.add(arguments(TASK_REASSIGNED_BY_VERIFIER_V2, "/rule", "\"MANUAL\""));
        // a succession's actor stays the register whatever the rule
        out.add(arguments(TASK_REASSIGNED_V2, "/actor", "\"inspector-20\""));
        // extension requests and decisions
        out.add(arguments(TASK_EXTENSION_DECIDED, "/extension/status", "\"MAYBE\""));
        out.add(arguments(TASK_EXTENSION_DECIDED, "/extension/reason", "\"\""));
        out.add(arguments(TASK_EXTENSION_DECIDED, "/extension/decidedBy", "1"));
        out.add(arguments(TASK_EXTENSION_DECIDED, "/extension/requestedAt", ABSENT));
        out.add(arguments(TASK_EXTENSION_DECIDED, "/status", "\"LATE\""));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("disallowedValues")
    void everySchemaRejectsAValueItDoesNotAllow(Golden golden, String pointer, String value) {
        JsonNode broken = JsonTrees.with(golden.tree(), pointer,
                ABSENT.equals(value) ? null : ContractFiles.tree(value));

        assertThat(ContractFiles.validate(golden.schema, broken.toString())).isNotEmpty();
    }

    static Stream<Arguments> malformedFormats() {
        return Stream.of(
                arguments(ADMIN_UNITS_CHANGED, "/units/0/validFrom", "01/01/1900"),
                arguments(ADMIN_UNITS_CHANGED, "/successions/0/effectiveOn", "2025-7-1"),
                arguments(SECTORS_CHANGED, "/sectors/0/validFrom", "since ever"),
                arguments(SECTORS_CHANGED_2025_03_V2, "/sectors/10/validTo", "28/02/2025"),
                arguments(INSPECTION_FINALIZED_V1, "/inspectionId", "seed-inspection"),
                arguments(INSPECTION_FINALIZED_V1, "/inspectedOn", "20/07/2022"),
                arguments(INSPECTION_FINALIZED_V2, "/registerDate", "20/07/2022"),
                arguments(INSPECTION_FINALIZED_V2, "/finalizedAt", "2022-07-29 10:00"),
                arguments(INSPECTION_FINALIZED_V2, "/communes/0/findings/16/deadline", "30/10/2022"),
                arguments(INSPECTION_FINALIZED_V2, "/recommendations/0/id", "kien-nghi-1"),
                arguments(INSPECTION_CORRECTED, "/correctedAt", "05/08/2022 09:15"),
                arguments(INSPECTION_CORRECTED, "/inspectionId", "seed-inspection"),
                arguments(TASK_CREATED_V1, "/dueDate", "30/10/2022"),
                arguments(TASK_CREATED_V2, "/taskId", "task-17"),
                arguments(TASK_CREATED_V2, "/communeAsOf", "20/07/2022"),
                arguments(TASK_CREATED_V3, "/latestInspectionId", "tai-kiem-tra-2023"),
                arguments(TASK_STATUS_CHANGED_V2, "/change/at", "12/09/2022 09:30"),
                arguments(TASK_REASSIGNED_V2, "/fromAsOf", "2022-07"),
                arguments(TASK_REASSIGNED_V2, "/at", "2025-07-01"),
                arguments(TASK_EXTENSION_DECIDED, "/extension/requestedAt", "hôm qua"),
                arguments(TASK_EXTENSION_DECIDED, "/extension/decidedAt", "2022-10-12"));
    }

    /** The default validation treats {@code format} as an annotation (draft 2020-12); these need it asserted. */
    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("malformedFormats")
    void everySchemaRejectsAMalformedDateTimeOrIdWhenFormatsAreAsserted(Golden golden, String pointer, String value) {
        JsonNode broken = JsonTrees.with(golden.tree(), pointer, ContractFiles.JSON.getNodeFactory().textNode(value));

        assertThat(ContractFiles.validateWithFormats(golden.schema, broken.toString())).isNotEmpty();
    }
}
