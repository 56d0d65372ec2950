package vn.ntm.inspection.notice;

import vn.ntm.contracts.OrganisationRef;
import vn.ntm.inspection.inspections.LegalBasis;
import vn.ntm.inspection.inspections.Signer;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.FindingView;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.RecommendationView;
import vn.ntm.inspection.notice.NoticeDocument.Block;
import vn.ntm.inspection.notice.NoticeDocument.SignatureBlock;
import vn.ntm.inspection.notice.NoticeDocument.Style;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the notice of an inspection from its record, in the order of the seed notice: legal basis, date, lead agency
 * and participants, "I. ĐÁNH GIÁ CHUNG" (assessment, targets, average, results per commune), "II. NHIỆM VỤ TRONG THỜI
 * GIAN TỚI" (recommendations grouped by kind of recipient), "Nơi nhận" and the signer. Pure: no I/O, no clock.
 */
public final class NoticeBuilder {
    /** What the notice shows where the record does not say. */
    public static final String UNKNOWN = "…";
    public static final String UNKNOWN_NUMBER = "…/TB-…";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** The date a notice is issued is the date in Vietnam when it was finalized. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String STATED_AVERAGE = "averageCriteriaMetPerCommune";
    private static final String STATED_CHANGE = "changeVsPreviousSet";
    private static final List<String> UNIT_PREFIXES = List.of("Xã ", "Phường ", "Thị trấn ", "Huyện ", "Quận ",
            "Thị xã ", "Thành phố ", "Tỉnh ");

    private NoticeBuilder() {
    }

    public static NoticeDocument build(InspectionView inspection) {
        boolean draft = !"FINALIZED".equals(inspection.status());
        String lead = inspection.leadAgency() == null ? UNKNOWN : inspection.leadAgency().name();
        List<Block> body = new ArrayList<>();
        legalBasis(inspection.legalBasis(), body);
        body.add(text("Ngày " + date(inspection.inspectedOn()) + ", " + lead
                + " tổ chức kiểm tra tình hình xây dựng nông thôn mới tại " + scope(inspection) + "."));
        List<OrganisationRef> participants = inspection.participants() == null ? List.of() : inspection.participants();
        if (!participants.isEmpty()) {
            body.add(text("Tham gia đoàn kiểm tra có: "
                    + participants.stream().map(OrganisationRef::name).collect(Collectors.joining("; ")) + "."));
        }
        body.add(text("Trên cơ sở kiểm tra thực tế và kết quả buổi làm việc, " + lead
                + " thông báo kết quả kiểm tra như sau:"));
        body.add(new Block(Style.HEADING, "I. ĐÁNH GIÁ CHUNG"));
        if (inspection.assessment() != null) {
            inspection.assessment().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .forEach(l -> body.add(text(l)));
        }
        targets(inspection.communes(), body);
        average(inspection, body);
        body.add(text("Kết quả cụ thể như sau:"));
        int n = 1;
        for (CommuneView commune : inspection.communes()) {
            commune(n++, commune, body);
        }
        body.add(new Block(Style.HEADING, "II. NHIỆM VỤ TRONG THỜI GIAN TỚI"));
        recommendations(lead, inspection.recommendations(), body);
        body.add(text(lead + " thông báo kết quả kiểm tra để các cơ quan, đơn vị liên quan biết và phối hợp thực"
                + " hiện./."));
        Signer signer = inspection.signer();
        return new NoticeDocument(draft, upper(lead),
                orUnknown(inspection.number(), UNKNOWN_NUMBER),
                orUnknown(inspection.place(), place(inspection)) + ", " + dateLine(draft ? null
                        : inspection.finalizedAt()),
                inspection.title(), List.copyOf(body), recipients(inspection),
                new SignatureBlock(signer == null || blank(signer.title()) ? UNKNOWN : upper(signer.title()),
                        signer == null || blank(signer.name()) ? UNKNOWN : signer.name()));
    }

    private static void legalBasis(List<LegalBasis> documents, List<Block> body) {
        if (documents == null || documents.isEmpty()) {
            return;
        }
        body.add(text("Thực hiện các văn bản sau:"));
        for (int i = 0; i < documents.size(); i++) {
            LegalBasis d = documents.get(i);
            String item = "Văn bản số " + d.number() + " ngày " + date(d.issuedOn())
                    + (blank(d.issuer()) ? "" : " của " + d.issuer())
                    + (blank(d.title()) ? "" : ": " + d.title());
            body.add(new Block(Style.ITEM, item + (i == documents.size() - 1 ? "." : ";")));
        }
    }

    /** "xã Thượng Cường, xã Chi Lăng (huyện Chi Lăng, tỉnh Lạng Sơn)". */
    private static String scope(InspectionView inspection) {
        String communes = inspection.communes().stream().map(c -> inSentence(c.name() == null ? c.code() : c.name()))
                .collect(Collectors.joining(", "));
        List<String> above = new ArrayList<>();
        if (inspection.district() != null && inspection.district().name() != null) {
            above.add(inSentence(inspection.district().name()));
        }
        if (inspection.province() != null && inspection.province().name() != null) {
            above.add(inSentence(inspection.province().name()));
        }
        return above.isEmpty() ? communes : communes + " (" + String.join(", ", above) + ")";
    }

    private static void targets(List<CommuneView> communes, List<Block> body) {
        if (communes.isEmpty()) {
            return;
        }
        body.add(text("Mục tiêu: " + communes.stream()
                .map(c -> inSentence(c.name()) + " phấn đấu " + tier(c.targetTier()) + " năm " + c.targetYear())
                .collect(Collectors.joining("; ")) + "."));
    }

    static String tier(String targetTier) {
        return switch (targetTier) {
            case "NTM_NANG_CAO" -> "đạt chuẩn nông thôn mới nâng cao";
            case "NTM_KIEU_MAU" -> "đạt chuẩn nông thôn mới kiểu mẫu";
            default -> "đạt chuẩn nông thôn mới";
        };
    }

    /** The average the notice states (with its basis and the change against the previous set), else the computed. */
    private static void average(InspectionView inspection, List<Block> body) {
        Map<String, BigDecimal> stated = inspection.statedFigures() == null ? Map.of() : inspection.statedFigures();
        BigDecimal average = stated.get(STATED_AVERAGE);
        if (average != null) {
            String basis = inspection.statedFigureBases() == null ? null
                    : inspection.statedFigureBases().get(STATED_AVERAGE);
            BigDecimal change = stated.get(STATED_CHANGE);
            body.add(text("Bình quân số tiêu chí đạt được: " + decimal(average) + " tiêu chí/xã"
                    + (blank(basis) ? "" : " (" + basis + ")")
                    + (change == null || change.signum() == 0 ? ""
                    : ", " + (change.signum() < 0 ? "giảm " : "tăng ") + decimal(change.abs())
                    + " tiêu chí so với bộ tiêu chí giai đoạn trước") + "."));
        } else if (inspection.summary() != null && inspection.summary().averageMetPerCommune() != null) {
            body.add(text("Bình quân số tiêu chí đạt được của các xã được kiểm tra: "
                    + decimal(inspection.summary().averageMetPerCommune()) + " tiêu chí/xã."));
        }
    }

    private static void commune(int n, CommuneView commune, List<Block> body) {
        body.add(new Block(Style.SUBHEADING, n + ". " + commune.name() + " (phấn đấu " + tier(commune.targetTier())
                + " năm " + commune.targetYear() + ")"));
        var summary = commune.summary();
        Map<Integer, FindingView> findings = new LinkedHashMap<>();
        commune.findings().forEach(f -> findings.put(f.criterion(), f));
        int met = commune.statedMet() != null ? commune.statedMet() : summary.met();
        String metList = summary.metCriteria().isEmpty() ? ""
                : ", gồm: " + summary.metCriteria().stream().map(c -> criterion(c, findings.get(c)))
                .collect(Collectors.joining(", "));
        body.add(text("Qua kết quả kiểm tra, " + inSentence(commune.name()) + " đạt " + met + "/" + summary.total()
                + " tiêu chí" + metList + "."));
        if (!summary.notMetCriteria().isEmpty()) {
            body.add(text("Các tiêu chí chưa đạt (" + summary.notMetCriteria().size() + " tiêu chí):"));
            for (int c : summary.notMetCriteria()) {
                FindingView f = findings.get(c);
                StringBuilder item = new StringBuilder("Tiêu chí " + criterion(c, f));
                if (f != null && !blank(f.note())) {
                    item.append(": ").append(sentence(f.note()));
                } else {
                    item.append(".");
                }
                if (f != null && !blank(f.remedy())) {
                    item.append(" Giải pháp: ").append(sentence(f.remedy()));
                }
                if (f != null && f.deadline() != null) {
                    item.append(" Thời hạn hoàn thành: ").append(date(f.deadline())).append(".");
                }
                body.add(new Block(Style.ITEM, item.toString()));
            }
        }
        List<Integer> open = new ArrayList<>(summary.notAssessedCriteria());
        open.addAll(summary.missingCriteria());
        if (!open.isEmpty()) {
            body.add(text("Các tiêu chí chưa được đánh giá trong đợt kiểm tra: " + open.stream().sorted()
                    .map(c -> "số " + c).collect(Collectors.joining(", ")) + "."));
        }
    }

    /** "số 6 (Cơ sở vật chất văn hóa)", or "số 6" when the catalog does not name it. */
    private static String criterion(int number, FindingView finding) {
        return finding == null || blank(finding.criterionName()) ? "số " + number
                : "số " + number + " (" + finding.criterionName() + ")";
    }

    /** Grouped as the seed groups them: communes' committees, the district's, then departments and offices. */
    private static void recommendations(String lead, List<RecommendationView> recommendations, List<Block> body) {
        if (recommendations.isEmpty()) {
            body.add(text("Không có kiến nghị."));
            return;
        }
        body.add(text(lead + " đề nghị các cơ quan, đơn vị tập trung triển khai thực hiện một số nhiệm vụ trọng tâm"
                + " sau:"));
        Map<String, List<RecommendationView>> groups = new LinkedHashMap<>();
        for (String group : List.of("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp huyện", "Các sở, ngành của tỉnh",
                "Các cơ quan, đơn vị khác")) {
            groups.put(group, new ArrayList<>());
        }
        List<String> names = new ArrayList<>(groups.keySet());
        for (RecommendationView r : recommendations) {
            groups.get(names.get(group(r))).add(r);
        }
        int n = 1;
        for (var group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            body.add(new Block(Style.SUBHEADING, n++ + ". " + group.getKey()));
            for (RecommendationView r : group.getValue()) {
                body.add(new Block(Style.ITEM, (r.assignee() == null ? UNKNOWN : r.assignee().name()) + ": "
                        + sentence(r.content())
                        + (r.deadline() == null ? "" : " Thời hạn hoàn thành: " + date(r.deadline()) + ".")));
            }
        }
    }

    /** 0 a commune's committee, 1 a district's, 2 a department or the coordination office, 3 anyone else. */
    private static int group(RecommendationView r) {
        String type = r.assignee() == null ? null : r.assignee().type();
        return type == null ? 3 : switch (type) {
            case "UBND_XA" -> 0;
            case "UBND_HUYEN" -> 1;
            case "SO_NGANH", "VP_DIEU_PHOI" -> 2;
            default -> 3;
        };
    }

    /** The record's list, else the recommendations' recipients and the archive ("Lưu: VT"). */
    private static List<String> recipients(InspectionView inspection) {
        if (inspection.recipients() != null && !inspection.recipients().isEmpty()) {
            return List.copyOf(inspection.recipients());
        }
        Set<String> names = new LinkedHashSet<>();
        inspection.recommendations().stream().filter(r -> r.assignee() != null)
                .sorted(java.util.Comparator.comparingInt(NoticeBuilder::group))
                .forEach(r -> names.add(r.assignee().name()));
        names.add("Lưu: VT");
        return List.copyOf(names);
    }

    /** "Lạng Sơn" from "Tỉnh Lạng Sơn". */
    private static String place(InspectionView inspection) {
        if (inspection.province() == null || blank(inspection.province().name())) {
            return UNKNOWN;
        }
        String name = inspection.province().name();
        for (String prefix : List.of("Tỉnh ", "Thành phố ")) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    /**
     * "ngày 03 tháng 10 năm 2025": days below 10 and the months January and February with a leading zero (Decree
     * 30/2020/NĐ-CP, annex I); "ngày … tháng … năm …" for a draft.
     */
    static String dateLine(Instant issued) {
        if (issued == null) {
            return "ngày " + UNKNOWN + " tháng " + UNKNOWN + " năm " + UNKNOWN;
        }
        LocalDate day = issued.atZone(VIETNAM).toLocalDate();
        String month = day.getMonthValue() <= 2 ? "0" + day.getMonthValue() : Integer.toString(day.getMonthValue());
        return "ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng " + month + " năm " + day.getYear();
    }

    static String date(LocalDate date) {
        return date == null ? UNKNOWN : DATE.format(date);
    }

    /** "10,11": the decimal comma, without trailing zeros. */
    static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }

    /** A unit's name inside a sentence: "Xã Thượng Cường" → "xã Thượng Cường". */
    static String inSentence(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        for (String prefix : UNIT_PREFIXES) {
            if (name.startsWith(prefix)) {
                return prefix.toLowerCase(VIETNAMESE) + name.substring(prefix.length());
            }
        }
        return name;
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".;!?:".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String upper(String text) {
        return text.toUpperCase(VIETNAMESE);
    }

    private static String orUnknown(String value, String unknown) {
        return blank(value) ? unknown : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Block text(String text) {
        return new Block(Style.TEXT, text);
    }
}
