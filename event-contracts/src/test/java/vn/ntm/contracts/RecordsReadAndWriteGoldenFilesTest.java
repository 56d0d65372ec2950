package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden files read into the contract records with a mapper configured as the services configure theirs, and the
 * records write them back: the same tree, the golden file's field order, the Vietnamese text as the same UTF-8 bytes.
 * Files of older versions kept beside the current one still read into the record.
 */
class RecordsReadAndWriteGoldenFilesTest {
    private static final LocalDate SEED_INSPECTION_DATE = LocalDate.of(2022, 7, 20);

    /**
     * Where the record writes the fields of an object in another order than the golden file (JSON objects are
     * unordered: consumers read by name). The golden inspection puts a commune's {@code statedMet} before
     * {@code summary}; {@link InspectionFinalized.Commune} declares it last.
     */
    private static final Map<Golden, List<String>> KNOWN_ORDER_DIFFERENCES = Map.of(
            Golden.INSPECTION_FINALIZED_V2, List.of("/communes/0", "/communes/1"));

    static Stream<Golden> currentGoldens() {
        return Stream.of(Golden.values()).filter(Golden::current);
    }

    static Stream<Golden> currentGoldensInRecordOrder() {
        return currentGoldens().filter(g -> !KNOWN_ORDER_DIFFERENCES.containsKey(g));
    }

    static Stream<Golden> olderGoldens() {
        return Stream.of(Golden.values()).filter(g -> !g.current());
    }

    @ParameterizedTest
    @MethodSource("currentGoldens")
    void everyGoldenFileReadsIntoItsRecordAndWritesBackTheSameTree(Golden golden) {
        Object event = golden.read();

        assertThat(event).isInstanceOf(golden.record);
        assertThat(ContractFiles.tree(ContractFiles.write(event))).isEqualTo(golden.tree());
    }

    @ParameterizedTest
    @MethodSource("currentGoldens")
    void theRecordWritesItsFieldsInTheGoldenFilesOrder(Golden golden) {
        JsonNode written = ContractFiles.tree(ContractFiles.write(golden.read()));

        assertThat(JsonTrees.names(written)).as("top level").containsExactlyElementsOf(JsonTrees.names(golden.tree()));
        assertThat(JsonTrees.orderDifferences(golden.tree(), written))
                .containsExactlyElementsOf(KNOWN_ORDER_DIFFERENCES.getOrDefault(golden, List.of()));
    }

    @ParameterizedTest
    @MethodSource("currentGoldensInRecordOrder")
    void theRecordWritesTheGoldenFileByteForByteApartFromWhitespace(Golden golden) throws IOException {
        byte[] written = ContractFiles.JSON.writeValueAsBytes(golden.read());

        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(ContractFiles.JSON.writeValueAsBytes(golden.tree()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void vietnameseTextRoundTripsAsTheSameUtf8Bytes(Golden golden) throws IOException {
        byte[] file = golden.bytes();
        byte[] written = ContractFiles.JSON.writeValueAsBytes(golden.read());
        Set<String> texts = JsonTrees.nonAsciiTexts(golden.tree());

        assertThat(texts).as("the golden file has Vietnamese text").isNotEmpty();
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("\\u");
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("\\u");
        for (String text : texts) {
            byte[] literal = ContractFiles.JSON.writeValueAsBytes(text);
            assertThat(literal).as("written as UTF-8, not escaped: %s", text)
                    .isEqualTo(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8));
            assertThat(JsonTrees.indexOf(file, literal)).as("in %s: %s", golden.file, text).isNotNegative();
            assertThat(JsonTrees.indexOf(written, literal)).as("written: %s", text).isNotNegative();
        }
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void aFieldOfANewerProducerIsIgnoredOnReading(Golden golden) throws IOException {
        ObjectNode newer = (ObjectNode) golden.tree();
        newer.put("addedLater", "trường mới");
        newer.properties().stream().map(Map.Entry::getValue).filter(JsonNode::isObject).findFirst()
                .ifPresent(nested -> ((ObjectNode) nested).put("addedLater", 1));

        assertThat(ContractFiles.JSON.readValue(newer.toString(), golden.record)).isEqualTo(golden.read());
    }

    @ParameterizedTest
    @MethodSource("olderGoldens")
    void anOlderVersionReadsIntoTheRecordWithTheFieldsItLacksNull(Golden older) {
        older.nextVersion().orElseThrow();
        Golden newer = older.newestVersion();
        Set<String> added = JsonTrees.addedFields(newer.tree(), older.tree());
        Object event = older.read();
        JsonNode written = ContractFiles.tree(ContractFiles.write(event));

        assertThat(added).as("version %d adds fields", newer.schemaVersion()).isNotEmpty();
        assertThat(written.get("schemaVersion").asInt()).isEqualTo(older.schemaVersion())
                .isLessThan(older.currentSchemaVersion());
        assertThat(JsonTrees.addedFields(written, older.tree()))
                .as("the record writes the fields of version %d, no others", newer.schemaVersion())
                .containsExactlyInAnyOrderElementsOf(added);
        added.forEach(path -> assertThat(written.at(path).isNull()).as(path).isTrue());
        assertThat(JsonTrees.without(written, added)).isEqualTo(older.tree());
    }

    @ParameterizedTest
    @MethodSource("olderGoldens")
    void theNewerGoldenFileIsTheSameEventWithTheFieldsItsVersionAdds(Golden older) {
        Golden newer = older.nextVersion().orElseThrow();
        Set<String> added = JsonTrees.addedFields(newer.tree(), older.tree());
        JsonNode newerAsOlder = JsonTrees.with(JsonTrees.without(newer.tree(), added), "/schemaVersion",
                IntNode.valueOf(older.schemaVersion()));

        assertThat(newerAsOlder).isEqualTo(older.tree());
        assertThat(JsonTrees.addedFields(older.tree(), newer.tree())).as("no field was dropped").isEmpty();
    }

    @Test
    void bothInspectionVersionsAreReadableAndReferToTheInspectionsRegisterDate() {
        InspectionFinalized v1 = (InspectionFinalized) Golden.INSPECTION_FINALIZED_V1.read();
        InspectionFinalized v2 = (InspectionFinalized) Golden.INSPECTION_FINALIZED_V2.read();

        assertThat(InspectionFinalized.readable(v1.schemaVersion())).isTrue();
        assertThat(InspectionFinalized.readable(v2.schemaVersion())).isTrue();
        assertThat(InspectionFinalized.readable(InspectionFinalized.OLDEST_READABLE_SCHEMA_VERSION - 1)).isFalse();
        assertThat(InspectionFinalized.readable(InspectionFinalized.SCHEMA_VERSION + 1)).isFalse();
        assertThat(v1.schemaVersion()).isEqualTo(InspectionFinalized.OLDEST_READABLE_SCHEMA_VERSION);
        assertThat(v2.schemaVersion()).isEqualTo(InspectionFinalized.SCHEMA_VERSION);

        // version 1 has no register dates: its codes refer to inspectedOn
        assertThat(v1.registerDate()).isNull();
        assertThat(v1.communes()).extracting(InspectionFinalized.Commune::registerDate).containsOnlyNulls();
        assertThat(v1.recommendations()).extracting(InspectionFinalized.Recommendation::registerDate)
                .containsOnlyNulls();
        assertThat(v1.unitsAsOf()).isEqualTo(v1.inspectedOn()).isEqualTo(SEED_INSPECTION_DATE);
        // version 2 states it next to every code: always the inspection's date
        assertThat(v2.registerDate()).isEqualTo(v2.inspectedOn()).isEqualTo(v2.unitsAsOf());
        assertThat(v2.communes()).extracting(InspectionFinalized.Commune::registerDate)
                .containsOnly(SEED_INSPECTION_DATE);
        assertThat(v2.communes()).flatExtracting(InspectionFinalized.Commune::findings)
                .extracting(InspectionFinalized.Finding::registerDate).containsOnly(SEED_INSPECTION_DATE);
        assertThat(v2.recommendations()).extracting(InspectionFinalized.Recommendation::registerDate)
                .containsOnly(SEED_INSPECTION_DATE);

        for (InspectionFinalized event : List.of(v1, v2)) {
            assertThat(event.communes()).extracting(InspectionFinalized.Commune::code)
                    .containsExactly("06490", "06523");
            assertThat(event.communes().get(0).findings().get(16).deadline()).isEqualTo(LocalDate.of(2022, 10, 30));
            assertThat(event.communes().get(1).statedMet()).isEqualTo(10);
            assertThat(event.recommendations()).hasSize(4);
            assertThat(event.statedFigures()).containsExactly(
                    Map.entry("averageCriteriaMetPerCommune", new BigDecimal("10.11")),
                    Map.entry("changeVsPreviousSet", new BigDecimal("-4.45")));
        }
    }

    @Test
    void datesAndInstantsAreWrittenAsIsoStrings() {
        JsonNode written = ContractFiles.tree(ContractFiles.write(Golden.TASK_STATUS_CHANGED_V2.read()));

        assertThat(written.get("dueDate").isTextual()).isTrue();
        assertThat(written.get("dueDate").asText()).isEqualTo("2022-10-30");
        assertThat(written.at("/change/at").asText()).isEqualTo("2022-09-12T02:30:00Z");
    }
}
