package vn.ntm.criteria.register;

import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A register file ({@code level,code,name,type,parent_code}): the complete list of units valid during one period,
 * checked as a whole. Every parent must be in the same file at the level above; codes are unique; a code has the
 * length of its level (province 2 digits, district 3, commune 5).
 */
public final class UnitFile {
    public static final List<String> COLUMNS = List.of("level", "code", "name", "type", "parent_code");
    private static final int MAX_NAME = 200;
    private static final int MAX_TYPE = 100;
    private static final int MAX_REPORTED = 200;

    /** One valid row: the unit's code and what it means. */
    public record Unit(int row, String code, UnitAttributes attributes) {
    }

    public record Result(List<Unit> units, List<Violation> violations) {
    }

    private UnitFile() {
    }

    public static boolean looksLike(CsvTable table) {
        return table.header().containsAll(COLUMNS);
    }

    public static Result check(CsvTable table) {
        List<Violation> violations = new ArrayList<>();
        int level = table.column("level");
        int code = table.column("code");
        int name = table.column("name");
        int type = table.column("type");
        int parent = table.column("parent_code");
        if (table.rows().isEmpty()) {
            violations.add(Violation.of("rows", "criteria.file.noRows"));
        }
        record Raw(int row, String code, AdminLevel level, String name, String type, String parent) {
        }
        Map<String, Raw> byCode = new HashMap<>();
        List<Raw> raws = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String at = "rows[" + r.number() + "]";
            if (r.fields().size() != table.header().size()) {
                violations.add(Violation.of(at, "criteria.file.fieldCount", r.fields().size(), table.header().size()));
                continue;
            }
            List<String> f = r.fields();
            String c = f.get(code).strip();
            String levelText = f.get(level).strip();
            AdminLevel l = AdminLevel.fromWire(levelText).orElse(null);
            boolean ok = true;
            if (l == null) {
                violations.add(Violation.of(at + ".level", "criteria.file.level", levelText));
                ok = false;
            } else if (!l.fitsCode(c)) {
                violations.add(c.isEmpty() ? Violation.of(at + ".code", "criteria.file.codeMissing")
                        : Violation.of(at + ".code", "criteria.file.levelCode", c, LocalizedText.of("criteria.level." + l.wire()), l.codeLength()));
                ok = false;
            }
            String n = f.get(name).strip();
            if (n.isEmpty() || n.length() > MAX_NAME) {
                violations.add(Violation.of(at + ".name", "criteria.field.chars", MAX_NAME));
                ok = false;
            }
            String t = f.get(type).strip();
            if (t.isEmpty() || t.length() > MAX_TYPE) {
                violations.add(Violation.of(at + ".type", "criteria.field.chars", MAX_TYPE));
                ok = false;
            }
            Raw previous = c.isEmpty() ? null : byCode.get(c);
            if (previous != null) {
                violations.add(Violation.of(at + ".code", "criteria.file.duplicateCode", c, previous.row()));
                ok = false;
            }
            if (ok) {
                Raw raw = new Raw(r.number(), c, l, n, t, f.get(parent).strip());
                byCode.put(c, raw);
                raws.add(raw);
            }
        }
        List<Unit> units = new ArrayList<>();
        for (Raw raw : raws) {
            String at = "rows[" + raw.row() + "].parent_code";
            String province;
            if (raw.level() == AdminLevel.PROVINCE) {
                if (!raw.parent().isEmpty()) {
                    violations.add(Violation.of(at, "criteria.file.provinceParent"));
                    continue;
                }
                province = raw.code();
            } else {
                Raw p = byCode.get(raw.parent());
                if (raw.parent().isEmpty()) {
                    violations.add(Violation.of(at, "criteria.file.parentMissing", LocalizedText.of("criteria.level." + raw.level().wire())));
                    continue;
                }
                if (p == null) {
                    violations.add(Violation.of(at, "criteria.file.parentUnknown", raw.parent()));
                    continue;
                }
                if (!raw.level().acceptsParent(p.level())) {
                    violations.add(Violation.of(at, "criteria.file.parentLevel", raw.parent(),
                            LocalizedText.of("criteria.level." + p.level().wire()), LocalizedText.of("criteria.level." + raw.level().wire())));
                    continue;
                }
                province = p.level() == AdminLevel.PROVINCE ? p.code() : p.parent();
            }
            units.add(new Unit(raw.row(), raw.code(), new UnitAttributes(raw.name(), raw.type(), raw.level(),
                    raw.level() == AdminLevel.PROVINCE ? null : raw.parent(), province)));
        }
        violations.sort(java.util.Comparator.comparingInt(UnitFile::rowOf));
        return new Result(units, violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations);
    }

    static int rowOf(Violation v) {
        String f = v.field();
        int open = f.indexOf('[');
        int close = f.indexOf(']');
        return open < 0 || close < open ? 0 : Integer.parseInt(f.substring(open + 1, close));
    }
}
