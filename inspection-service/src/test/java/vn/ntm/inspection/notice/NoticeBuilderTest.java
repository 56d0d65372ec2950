package vn.ntm.inspection.notice;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.AdminUnit;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.inspection.inspections.CommuneSummary;
import vn.ntm.inspection.inspections.FindingResult;
import vn.ntm.inspection.inspections.LegalBasis;
import vn.ntm.inspection.inspections.Signer;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.FindingView;
import vn.ntm.inspection.inspections.Views.InspectionSummary;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.RecommendationView;
import vn.ntm.inspection.notice.NoticeDocument.Block;
import vn.ntm.inspection.notice.NoticeDocument.Style;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice's model from a record, without the application: plain JUnit. */
class NoticeBuilderTest {
    private static final OrganisationRef LEAD = new OrganisationRef("SO_NGANH", "20:LDTBXH",
            "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn");

    @Test
    void finalizedNoticeHasTheHeaderOfAnAdministrativeDocument() {
        NoticeDocument notice = NoticeBuilder.build(seed("FINALIZED", "245/TB-SLĐTBXH", "Lạng Sơn",
                new Signer("Giám đốc", "Phạm Đức Huân"), List.of("UBND tỉnh (để báo cáo)", "Lưu: VT, P.BTXHTE")));

        assertThat(notice.draft()).isFalse();
        assertThat(notice.issuingBody()).isEqualTo("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH LẠNG SƠN");
        assertThat(notice.number()).isEqualTo("245/TB-SLĐTBXH");
        // 2022-07-29T03:00Z is 10:00 of 29 July in Vietnam
        assertThat(notice.placeAndDate()).isEqualTo("Lạng Sơn, ngày 29 tháng 7 năm 2022");
        assertThat(notice.subject()).isEqualTo("Kiểm tra xây dựng nông thôn mới tại huyện Chi Lăng năm 2022");
        assertThat(notice.signer()).isEqualTo(new NoticeDocument.SignatureBlock("GIÁM ĐỐC", "Phạm Đức Huân"));
        assertThat(notice.recipients()).containsExactly("UBND tỉnh (để báo cáo)", "Lưu: VT, P.BTXHTE");
    }

    @Test
    void bodyFollowsTheSeedNotice() {
        List<Block> body = NoticeBuilder.build(seed("FINALIZED", null, null, null, List.of())).body();
        List<String> texts = body.stream().map(Block::text).toList();

        assertThat(texts).containsSubsequence(
                "Thực hiện các văn bản sau:",
                "Văn bản số 23/KH-UBND ngày 29/01/2022 của UBND tỉnh Lạng Sơn: Kế hoạch thực hiện Chương trình"
                        + " năm 2022;",
                "Văn bản số 71/KH-SLĐTBXH ngày 09/05/2022 của Sở Lao động – Thương binh và Xã hội tỉnh Lạng Sơn.",
                "Ngày 20/07/2022, Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn tổ chức kiểm tra tình hình xây"
                        + " dựng nông thôn mới tại xã Thượng Cường, xã Chi Lăng (huyện Chi Lăng, tỉnh Lạng Sơn).",
                "Tham gia đoàn kiểm tra có: Đoàn TNCSHCM tỉnh Lạng Sơn; Sở Giao thông vận tải.",
                "I. ĐÁNH GIÁ CHUNG",
                "Đoàn kiểm tra ghi nhận những nỗ lực của huyện.",
                "Mục tiêu: xã Thượng Cường phấn đấu đạt chuẩn nông thôn mới năm 2022; xã Chi Lăng phấn đấu đạt chuẩn"
                        + " nông thôn mới kiểu mẫu năm 2022.",
                "Bình quân số tiêu chí đạt được: 10,11 tiêu chí/xã (các xã của huyện Chi Lăng), giảm 4,45 tiêu chí so"
                        + " với bộ tiêu chí giai đoạn trước.",
                "1. Xã Thượng Cường (phấn đấu đạt chuẩn nông thôn mới năm 2022)",
                "Các tiêu chí chưa đạt (6 tiêu chí):",
                "Tiêu chí số 17 (Môi trường và an toàn thực phẩm): Chưa đạt. Giải pháp: Cải tạo nhà tiêu."
                        + " Thời hạn hoàn thành: 30/10/2022.",
                "2. Xã Chi Lăng (phấn đấu đạt chuẩn nông thôn mới kiểu mẫu năm 2022)",
                "Qua kết quả kiểm tra, xã Chi Lăng đạt 10/19 tiêu chí.",
                "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
                "1. Ủy ban nhân dân cấp xã",
                "UBND xã Thượng Cường: Hoàn thành các tiêu chí chưa đạt.",
                "2. Ủy ban nhân dân cấp huyện",
                "UBND huyện Chi Lăng: Hoàn thiện hồ sơ. Thời hạn hoàn thành: 31/12/2022.",
                "3. Các sở, ngành của tỉnh",
                "Sở Giao thông vận tải: Hướng dẫn xã về tiêu chí Giao thông.");
        assertThat(texts).anyMatch(t -> t.startsWith("Qua kết quả kiểm tra, xã Thượng Cường đạt 13/19 tiêu chí, gồm:"
                + " số 1 (Quy hoạch), số 3 (Thủy lợi và phòng, chống thiên tai)"));
        assertThat(body.get(body.size() - 1).text()).endsWith("biết và phối hợp thực hiện./.");
        assertThat(body).filteredOn(b -> b.style() == Style.HEADING).hasSize(2);
    }

    @Test
    void draftIsMarkedAndUnknownFieldsSayEllipsis() {
        NoticeDocument notice = NoticeBuilder.build(seed("DRAFT", null, null, null, null));

        assertThat(notice.draft()).isTrue();
        assertThat(notice.number()).isEqualTo("…/TB-…");
        assertThat(notice.placeAndDate()).isEqualTo("Lạng Sơn, ngày … tháng … năm …");
        assertThat(notice.signer()).isEqualTo(new NoticeDocument.SignatureBlock("…", "…"));
        // without a list, the notice goes to whoever a recommendation names, and to the archive
        assertThat(notice.recipients()).containsExactly("UBND xã Thượng Cường", "UBND huyện Chi Lăng",
                "Sở Giao thông vận tải", "Lưu: VT");
    }

    @Test
    void datesAndNumbersAreWrittenTheVietnameseWay() {
        assertThat(NoticeBuilder.dateLine(Instant.parse("2025-02-04T18:00:00Z"))).isEqualTo("ngày 05 tháng 02 năm 2025");
        assertThat(NoticeBuilder.dateLine(Instant.parse("2025-10-13T01:00:00Z"))).isEqualTo("ngày 13 tháng 10 năm 2025");
        assertThat(NoticeBuilder.decimal(new BigDecimal("10.110"))).isEqualTo("10,11");
        assertThat(NoticeBuilder.decimal(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(NoticeBuilder.inSentence("Huyện Chi Lăng")).isEqualTo("huyện Chi Lăng");
        assertThat(NoticeBuilder.inSentence("Thành phố Hà Nội")).isEqualTo("thành phố Hà Nội");
        assertThat(NoticeBuilder.inSentence("Đoàn TNCSHCM")).isEqualTo("Đoàn TNCSHCM");
    }

    @Test
    void withoutAStatedAverageTheComputedOneIsGiven() {
        InspectionView seed = seed("FINALIZED", null, null, null, null);
        InspectionView plain = new InspectionView(seed.id(), seed.status(), seed.title(), seed.inspectedOn(),
                seed.registerDate(), seed.leadAgency(), List.of(), List.of(), seed.province(), null, null, Map.of(),
                seed.communes(), seed.summary(), List.of(), seed.createdAt(), seed.finalizedAt(), 1, "a", "b", 1, 1,
                Map.of(), null, null, null, null);

        List<String> texts = NoticeBuilder.build(plain).body().stream().map(Block::text).toList();

        assertThat(texts).contains("Bình quân số tiêu chí đạt được của các xã được kiểm tra: 6,5 tiêu chí/xã.",
                "Không có kiến nghị.");
        assertThat(texts).noneMatch(t -> t.startsWith("Thực hiện các văn bản") || t.startsWith("Tham gia"));
        assertThat(texts).anyMatch(t -> t.contains("tại xã Thượng Cường, xã Chi Lăng (tỉnh Lạng Sơn)."));
    }

    private static final List<String> NAMES = List.of("Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai",
            "Điện", "Trường học", "Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn",
            "Thông tin và Truyền thông", "Nhà ở dân cư", "Thu nhập", "Nghèo đa chiều", "Lao động",
            "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
            "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh");

    private static CommuneView commune(String code, String name, String tier, Integer statedMet, List<Integer> met,
                                       List<Integer> notMet) {
        Map<Integer, FindingResult> results = new LinkedHashMap<>();
        List<FindingView> findings = new ArrayList<>();
        IntStream.rangeClosed(1, 19).forEach(n -> {
            FindingResult r = met.contains(n) ? FindingResult.MET
                    : notMet.contains(n) ? FindingResult.NOT_MET : FindingResult.NOT_ASSESSED;
            results.put(n, r);
            boolean seventeen = n == 17 && met.size() == 13;
            findings.add(new FindingView(n, NAMES.get(n - 1), r.name(), seventeen ? "Chưa đạt" : null,
                    seventeen ? "Cải tạo nhà tiêu" : null, seventeen ? LocalDate.of(2022, 10, 30) : null, List.of(),
                    List.of(), LocalDate.of(2022, 7, 20)));
        });
        return new CommuneView(code, name, LocalDate.of(2022, 7, 20), "XA_NTM_2021_2025", tier, 2022, statedMet,
                CommuneSummary.of(results, IntStream.rangeClosed(1, 19).boxed().toList()), null, findings);
    }

    private static InspectionView seed(String status, String number, String place, Signer signer,
                                       List<String> recipients) {
        List<CommuneView> communes = List.of(
                commune("06490", "Xã Thượng Cường", "NTM", null, List.of(1, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 16, 19),
                        List.of(2, 5, 6, 15, 17, 18)),
                commune("06523", "Xã Chi Lăng", "NTM_KIEU_MAU", 10, List.of(), List.of(2, 5, 13, 17)));
        LinkedHashMap<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("averageCriteriaMetPerCommune", new BigDecimal("10.11"));
        figures.put("changeVsPreviousSet", new BigDecimal("-4.45"));
        return new InspectionView(UUID.randomUUID(), status,
                "Kiểm tra xây dựng nông thôn mới tại huyện Chi Lăng năm 2022", LocalDate.of(2022, 7, 20),
                LocalDate.of(2022, 7, 20), LEAD,
                List.of(new LegalBasis("23/KH-UBND", LocalDate.of(2022, 1, 29), "UBND tỉnh Lạng Sơn",
                                "Kế hoạch thực hiện Chương trình năm 2022"),
                        new LegalBasis("71/KH-SLĐTBXH", LocalDate.of(2022, 5, 9),
                                "Sở Lao động – Thương binh và Xã hội tỉnh Lạng Sơn", null)),
                List.of(new OrganisationRef(null, null, "Đoàn TNCSHCM tỉnh Lạng Sơn"),
                        new OrganisationRef("SO_NGANH", "20:GTVT", "Sở Giao thông vận tải")),
                new AdminUnit("20", "Tỉnh Lạng Sơn"), new AdminUnit("187", "Huyện Chi Lăng"),
                "Đoàn kiểm tra ghi nhận những nỗ lực của huyện.", figures, communes,
                new InspectionSummary(2, new BigDecimal("6.5"), "INSPECTED_COMMUNES", new BigDecimal("10.11"),
                        "các xã của huyện Chi Lăng"),
                List.of(new RecommendationView(UUID.randomUUID(),
                                new OrganisationRef("SO_NGANH", "20:GTVT", "Sở Giao thông vận tải"), null, null,
                                "Hướng dẫn xã về tiêu chí Giao thông", null),
                        new RecommendationView(UUID.randomUUID(),
                                new OrganisationRef("UBND_HUYEN", "187", "UBND huyện Chi Lăng"), null, null,
                                "Hoàn thiện hồ sơ.", LocalDate.of(2022, 12, 31)),
                        new RecommendationView(UUID.randomUUID(),
                                new OrganisationRef("UBND_XA", "06490", "UBND xã Thượng Cường"), "06490", null,
                                "Hoàn thành các tiêu chí chưa đạt", null)),
                Instant.parse("2022-07-21T01:00:00Z"),
                "FINALIZED".equals(status) ? Instant.parse("2022-07-29T03:00:00Z") : null, 3, "a", "b", 1, 1,
                Map.of("averageCriteriaMetPerCommune", "các xã của huyện Chi Lăng"), number, place, signer,
                recipients);
    }
}
