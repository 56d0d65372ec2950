package vn.ntm.task.rules;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.InspectionFinalized.Recommendation;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.Fixtures;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A recommendation to an organisation without a type the rules know becomes work for it, never disappears. */
class RecipientsTest {
    private static final String YOUTH_UNION = "Đoàn TNCSHCM tỉnh Lạng Sơn";

    @Test
    void anOrganisationOfAKnownTypeWithItsCodeIsTakenAsGiven() {
        OrganisationRef district = new OrganisationRef("UBND_HUYEN", "187", "UBND huyện Chi Lăng");
        assertThat(Recipients.of(district, "20")).isSameAs(district);
    }

    @Test
    void theYouthUnionWithoutATypeBecomesAnOrganisationWithACodeFromItsName() {
        assertThat(Recipients.of(new OrganisationRef(null, null, YOUTH_UNION), "20"))
                .isEqualTo(new OrganisationRef("TO_CHUC", "20:DOAN-TNCSHCM-TINH-LANG-SON", YOUTH_UNION));
        assertThat(Recipients.of(new OrganisationRef(null, null, "Tỉnh đoàn"), "20").code())
                .isEqualTo("20:TINH-DOAN");
    }

    @Test
    void theSameNameTypedAnotherWayGetsTheSameCode() {
        String code = Recipients.of(new OrganisationRef(null, null, YOUTH_UNION), "20").code();
        for (String typed : List.of("  ĐOÀN TNCSHCM   tỉnh Lạng Sơn ", "đoàn tncshcm tỉnh lạng sơn",
                Normalizer.normalize(YOUTH_UNION, Normalizer.Form.NFD))) {
            assertThat(Recipients.of(new OrganisationRef(null, null, typed), "20").code()).as(typed)
                    .isEqualTo(code);
        }
        // another province's Youth Union is another organisation
        assertThat(Recipients.of(new OrganisationRef(null, null, "Tỉnh đoàn"), "04").code()).isEqualTo("04:TINH-DOAN");
    }

    @Test
    void aGivenCodeIsKeptAndAnUnknownTypeStaysPartOfIt() {
        assertThat(Recipients.of(new OrganisationRef(null, "TD20", "Tỉnh đoàn Lạng Sơn"), "20"))
                .isEqualTo(new OrganisationRef("TO_CHUC", "TD20", "Tỉnh đoàn Lạng Sơn"));
        assertThat(Recipients.of(new OrganisationRef("BCD_HUYEN", "187", "Tổ công tác NTM huyện Chi Lăng"), "20"))
                .isEqualTo(new OrganisationRef("TO_CHUC", "BCD_HUYEN:187", "Tổ công tác NTM huyện Chi Lăng"));
        // a known type without its code cannot be routed by type: the name decides
        assertThat(Recipients.of(new OrganisationRef("SO_NGANH", null, "Sở Tư pháp"), "20").code())
                .isEqualTo("20:SO-TU-PHAP");
    }

    @Test
    void longNamesStayWithinTheCodeLimitAndDistinct() {
        String a = "Tổ công tác giúp việc Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Chi Lăng";
        String b = "Tổ công tác giúp việc Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Hữu Lũng";
        String codeA = Recipients.of(new OrganisationRef(null, null, a), "20").code();
        String codeB = Recipients.of(new OrganisationRef(null, null, b), "20").code();
        assertThat(codeA).hasSizeLessThanOrEqualTo(Recipients.MAX_CODE).matches("^[A-Za-z0-9][A-Za-z0-9:._-]*$")
                .isNotEqualTo(codeB).isEqualTo(Recipients.of(new OrganisationRef(null, null, a), "20").code());
        assertThat(codeB).hasSizeLessThanOrEqualTo(Recipients.MAX_CODE);
    }

    @Test
    void anOrganisationWithoutANameOrOnlySymbolsStillGetsTheWork() {
        OrganisationRef none = Recipients.of(null, "20");
        assertThat(none.type()).isEqualTo("TO_CHUC");
        assertThat(none.name()).isEqualTo(Recipients.UNNAMED);
        assertThat(none.code()).startsWith("20:TO-CHUC-");
        assertThat(Recipients.of(new OrganisationRef(null, null, "★★"), "20").code())
                .matches("^20:TO-CHUC-[0-9A-F]{6}$");
    }

    @Test
    void theSeedsYouthUnionRecommendationBecomesATask() {
        InspectionFinalized seed = Fixtures.seedRecord(UUID.randomUUID());
        List<Recommendation> recs = new ArrayList<>(seed.recommendations());
        recs.add(new Recommendation("5b7e1d1a-0005-4a3b-9c1d-000000000005", new OrganisationRef(null, null,
                YOUTH_UNION), null, "Phối hợp tuyên truyền, vận động đoàn viên thanh niên tham gia xây dựng nông"
                + " thôn mới", LocalDate.of(2022, 12, 31)));
        InspectionFinalized event = new InspectionFinalized(seed.schemaVersion(), seed.inspectionId(), seed.title(),
                seed.inspectedOn(), seed.finalizedAt(), seed.leadAgency(), seed.legalBasis(), seed.participants(),
                seed.province(), seed.district(), seed.communes(), recs);
        List<PlannedTask> tasks = TaskRules.plan(event, DefaultRuleTable.RULES);
        assertThat(tasks).hasSize(Fixtures.SEED_TASK_COUNT + 1);
        assertThat(tasks).filteredOn(t -> t.ruleCode().equals("RECOMMENDATION"))
                .filteredOn(t -> t.assignee().type().equals("TO_CHUC")).singleElement().satisfies(t -> {
                    assertThat(t.assignee()).isEqualTo(new OrganisationRef("TO_CHUC",
                            "20:DOAN-TNCSHCM-TINH-LANG-SON", YOUTH_UNION));
                    assertThat(t.sourceRef()).isEqualTo("5b7e1d1a-0005-4a3b-9c1d-000000000005");
                    assertThat(t.dueDate()).isEqualTo(LocalDate.of(2022, 12, 31));
                    assertThat(t.description()).startsWith("Phối hợp tuyên truyền");
                    assertThat(t.title()).isEqualTo("Thực hiện kiến nghị của đoàn kiểm tra tại huyện Chi Lăng");
                });
    }
}
