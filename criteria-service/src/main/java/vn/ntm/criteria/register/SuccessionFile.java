package vn.ntm.criteria.register;

import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A succession file ({@code old_code,old_name,new_code,new_name,effective_from}, optionally {@code legal_basis}),
 * checked as a whole against the register: the old unit must exist on the day before {@code effective_from}, the new
 * one on that day, both at the same level, with the names the file gives (when it gives them).
 */
public final class SuccessionFile {
    public static final List<String> COLUMNS = List.of("old_code", "old_name", "new_code", "new_name", "effective_from");
    private static final int MAX_LEGAL_BASIS = 1000;
    private static final int MAX_REPORTED = 200;

    /** The meaning of a code on a day, if it had one. */
    @FunctionalInterface
    public interface Register {
        Optional<UnitAttributes> at(String code, LocalDate day);
    }

    public record Succession(int row, String fromCode, String toCode, LocalDate effectiveOn, String legalBasis) {
        public String key() {
            return fromCode + ">" + toCode + "@" + effectiveOn;
        }
    }

    public record Result(List<Succession> successions, List<Violation> violations) {
    }

    private SuccessionFile() {
    }

    public static boolean looksLike(CsvTable table) {
        return table.header().containsAll(COLUMNS);
    }

    public static Result check(CsvTable table, String defaultLegalBasis, Register register) {
        List<Violation> violations = new ArrayList<>();
        if (table.rows().isEmpty()) {
            violations.add(Violation.of("rows", "criteria.file.noRows"));
        }
        int oldCode = table.column("old_code");
        int oldName = table.column("old_name");
        int newCode = table.column("new_code");
        int newName = table.column("new_name");
        int effective = table.column("effective_from");
        int legal = table.column("legal_basis");
        Map<String, Integer> seen = new HashMap<>();
        List<Succession> successions = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String at = "rows[" + r.number() + "]";
            if (r.fields().size() != table.header().size()) {
                violations.add(Violation.of(at, "criteria.file.fieldCount", r.fields().size(), table.header().size()));
                continue;
            }
            List<String> f = r.fields();
            String from = f.get(oldCode).strip();
            String to = f.get(newCode).strip();
            LocalDate on;
            try {
                on = LocalDate.parse(f.get(effective).strip());
            } catch (DateTimeParseException e) {
                violations.add(Violation.of(at + ".effective_from", "criteria.file.date", f.get(effective).strip()));
                continue;
            }
            String basis = legal >= 0 && !f.get(legal).isBlank() ? f.get(legal).strip() : defaultLegalBasis;
            if (basis != null && basis.length() > MAX_LEGAL_BASIS) {
                violations.add(Violation.of(at + ".legal_basis", "criteria.field.maxChars", MAX_LEGAL_BASIS));
                continue;
            }
            Optional<UnitAttributes> before = unit(register, from, on.minusDays(1), at + ".old_code", f.get(oldName).strip(),
                    violations);
            Optional<UnitAttributes> after = unit(register, to, on, at + ".new_code", f.get(newName).strip(), violations);
            if (before.isEmpty() || after.isEmpty()) {
                continue;
            }
            if (before.get().level() != after.get().level()) {
                violations.add(Violation.of(at + ".new_code", "criteria.file.successionLevel",
                        LocalizedText.of("criteria.level." + before.get().level().wire()), LocalizedText.of("criteria.level." + after.get().level().wire())));
                continue;
            }
            Succession s = new Succession(r.number(), from, to, on, basis);
            Integer previous = seen.putIfAbsent(s.key(), r.number());
            if (previous != null) {
                violations.add(Violation.of(at, "criteria.file.duplicateRow", previous));
                continue;
            }
            successions.add(s);
        }
        violations.sort(java.util.Comparator.comparingInt(UnitFile::rowOf));
        return new Result(successions, violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations);
    }

    private static Optional<UnitAttributes> unit(Register register, String code, LocalDate day, String field,
                                                 String name, List<Violation> violations) {
        if (!AdminLevel.isCode(code)) {
            violations.add(code.isEmpty() ? Violation.of(field, "criteria.file.codeMissing")
                    : Violation.of(field, "criteria.file.unitCode", code));
            return Optional.empty();
        }
        Optional<UnitAttributes> unit = register.at(code, day);
        if (unit.isEmpty()) {
            violations.add(Violation.of(field, "criteria.file.noUnit", code, day));
        } else if (!name.isEmpty() && !name.equals(unit.get().name())) {
            violations.add(Violation.of(field, "criteria.file.unitName", code, unit.get().name(), day, name));
            return Optional.empty();
        }
        return unit;
    }

}
