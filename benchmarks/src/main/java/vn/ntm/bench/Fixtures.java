package vn.ntm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Inspections shaped like the seed one: per commune 13 criteria met and 6 not met (2, 5, 6, 15, 17, 18). */
final class Fixtures {
    static final Set<Integer> NOT_MET = Set.of(2, 5, 6, 15, 17, 18);

    /**
     * Inspected in 2024, when districts still existed, so that the district's tasks are part of the load as in the
     * seed inspection; the units are real ones of the register on that date.
     */
    static final LocalDate INSPECTED_ON = LocalDate.of(2024, 6, 15);
    /** Inspections of today's units (no district) are dated after the 2025-07-01 reorganisation. */
    static final LocalDate INSPECTED_ON_TODAY = LocalDate.of(2025, 9, 15);
    static final int TARGET_YEAR = 2025;

    static Map<String, Object> inspection(int index, Register.Group scope) {
        return inspection(index, scope, scope.district() == null ? INSPECTED_ON_TODAY : INSPECTED_ON);
    }

    private static Map<String, Object> inspection(int index, Register.Group scope, LocalDate inspectedOn) {
        String province = scope.province().code();
        String provinceInText = scope.province().name().replaceFirst("^Tỉnh ", "tỉnh ")
                .replaceFirst("^Thành phố ", "thành phố ");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Kiểm tra xây dựng nông thôn mới — đợt đo hiệu năng số " + index);
        body.put("inspectedOn", inspectedOn.toString());
        body.put("leadAgency", Map.of("type", "SO_NGANH", "code", province + ":LDTBXH",
                "name", "Sở Lao động - Thương binh và Xã hội " + provinceInText));
        body.put("legalBasis", List.of(Map.of("number", "23/KH-UBND", "issuedOn", "2024-01-29",
                "issuer", "UBND " + provinceInText, "title", "Kế hoạch thực hiện Chương trình năm 2024")));
        body.put("participants", List.of());
        body.put("province", Map.of("code", province, "name", scope.province().name()));
        if (scope.district() != null) {
            body.put("district", Map.of("code", scope.district().code(), "name", scope.district().name()));
        }
        List<Map<String, Object>> communes = new ArrayList<>();
        for (Register.Unit commune : scope.communes()) {
            communes.add(Map.of("code", commune.code(), "name", commune.name(), "criteriaSet", "XA_NTM_2021_2025",
                    "targetTier", "NTM", "targetYear", TARGET_YEAR));
        }
        body.put("communes", communes);
        return body;
    }

    static List<Map<String, Object>> findings() {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int n = 1; n <= 19; n++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("criterion", n);
            f.put("result", NOT_MET.contains(n) ? "NOT_MET" : "MET");
            f.put("note", NOT_MET.contains(n) ? "Chưa đạt: cần huy động nội lực của người dân." : null);
            findings.add(f);
        }
        return findings;
    }

    private Fixtures() {
    }
}
