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

    static Map<String, Object> inspection(int index, List<String> communeCodes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Kiểm tra xây dựng nông thôn mới — đợt đo hiệu năng số " + index);
        body.put("inspectedOn", LocalDate.now().toString());
        body.put("leadAgency", Map.of("type", "SO_NGANH", "code", "20:LDTBXH",
                "name", "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"));
        body.put("legalBasis", List.of(Map.of("number", "23/KH-UBND", "issuedOn", "2022-01-29",
                "issuer", "UBND tỉnh Lạng Sơn", "title", "Kế hoạch thực hiện Chương trình năm 2022")));
        body.put("participants", List.of());
        body.put("province", Map.of("code", "20", "name", "Lạng Sơn"));
        body.put("district", Map.of("code", Integer.toString(500 + index % 400), "name", "Huyện đo hiệu năng"));
        List<Map<String, Object>> communes = new ArrayList<>();
        for (String code : communeCodes) {
            communes.add(Map.of("code", code, "name", "Xã Thượng Cường " + code, "criteriaSet", "XA_NTM_2021_2025",
                    "targetTier", "NTM", "targetYear", LocalDate.now().getYear()));
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
