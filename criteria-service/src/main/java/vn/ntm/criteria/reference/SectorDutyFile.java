package vn.ntm.criteria.reference;

import vn.ntm.criteria.register.CsvTable;
import vn.ntm.criteria.shared.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A criterion duty file ({@code old_code,successor_code,criteria_set,criterion,role}, optionally {@code note}): which
 * successor of a ceased sector takes the work on a criterion ({@code lead}) or cooperates on it ({@code cooperating})
 * where the sector split (shared/data/sectors/SOURCES.md: criterion 8 → KHCN, 11 → NNMT, 12 → NV with GDDT). An empty
 * {@code criteria_set} means the criterion of that number in any set. The rows of one old sector are its complete
 * list; each (old, successor) must be a succession of the list. At most one {@code lead} per criterion. Pure.
 */
public final class SectorDutyFile {
    public static final List<String> COLUMNS = List.of("old_code", "successor_code", "criteria_set", "criterion",
            "role");
    private static final Pattern SET = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_REPORTED = 200;

    /** One duty: {@code set} is "" for any set; role {@code LEAD} or {@code COOPERATING}. */
    public record Duty(int row, String from, String to, String set, int criterion, String role) {
        public String key() {
            return from + "|" + set + "|" + criterion + "|" + to;
        }
    }

    public record Result(Map<String, List<Duty>> byOldSector, List<Violation> violations) {
    }

    private SectorDutyFile() {
    }

    public static boolean looksLike(CsvTable table) {
        return table.header().containsAll(COLUMNS);
    }

    /** {@code successions}: the pairs {@code "<old>><successor>"} the list records. */
    public static Result check(CsvTable table, Set<String> successions) {
        List<Violation> violations = new ArrayList<>();
        if (table.rows().isEmpty()) {
            violations.add(Violation.of("rows", "criteria.file.noRows"));
        }
        Map<String, List<Duty>> byOld = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> leads = new HashMap<>();
        for (CsvTable.Row r : table.rows()) {
            String at = "rows[" + r.number() + "]";
            if (r.fields().size() != table.header().size()) {
                violations.add(Violation.of(at, "criteria.file.fieldCount", r.fields().size(), table.header().size()));
                continue;
            }
            String from = SectorSuccessionFile.field(table, r, "old_code");
            String to = SectorSuccessionFile.field(table, r, "successor_code");
            String set = SectorSuccessionFile.field(table, r, "criteria_set");
            String criterionText = SectorSuccessionFile.field(table, r, "criterion");
            String roleText = SectorSuccessionFile.field(table, r, "role").toUpperCase(Locale.ROOT);
            int before = violations.size();
            SectorSuccessionFile.code(from, at + ".old_code", violations);
            SectorSuccessionFile.code(to, at + ".successor_code", violations);
            if (!set.isEmpty() && !SET.matcher(set).matches()) {
                violations.add(Violation.of(at + ".criteria_set", "criteria.sectorFile.set", set));
            }
            int criterion = 0;
            try {
                criterion = Integer.parseInt(criterionText);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (criterion < 1 || criterion > 99) {
                violations.add(Violation.of(at + ".criterion", "criteria.sectorFile.criterion", criterionText));
            }
            if (!roleText.equals("LEAD") && !roleText.equals("COOPERATING")) {
                violations.add(Violation.of(at + ".role", "criteria.sectorFile.role",
                        SectorSuccessionFile.field(table, r, "role")));
            }
            if (violations.size() > before) {
                continue;
            }
            if (!successions.contains(from + ">" + to)) {
                violations.add(Violation.of(at + ".successor_code", "criteria.sectorFile.noSuccession", from, to));
                continue;
            }
            Duty duty = new Duty(r.number(), from, to, set, criterion, roleText);
            Integer previous = seen.putIfAbsent(duty.key(), r.number());
            if (previous != null) {
                violations.add(Violation.of(at, "criteria.file.duplicateRow", previous));
                continue;
            }
            if (roleText.equals("LEAD")) {
                Integer otherLead = leads.putIfAbsent(from + "|" + set + "|" + criterion, r.number());
                if (otherLead != null) {
                    violations.add(Violation.of(at + ".role", "criteria.sectorFile.oneLead", from, criterion,
                            otherLead));
                    continue;
                }
            }
            byOld.computeIfAbsent(from, k -> new ArrayList<>()).add(duty);
        }
        violations.sort(Comparator.comparingInt(SectorSuccessionFile::rowOf));
        return new Result(byOld, violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations);
    }
}
