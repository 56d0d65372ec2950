package vn.ntm.criteria.reference;

import vn.ntm.criteria.register.CsvTable;
import vn.ntm.criteria.shared.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sector succession file ({@code old_code,old_name,successor_code,successor_name,effective_on,duties_moved,primary},
 * optionally {@code legal_basis}; the format of {@code shared/data/sectors/sector-succession-2025-03.csv}), checked
 * as a whole against the sector list. The rows of one old sector are its complete succession: every successor, the
 * same effective date, exactly one {@code primary = yes}. The old sector must be valid the day before; a successor
 * is either a sector valid on the effective date (named as the list names it) or a new one, created from that date
 * with the name the file gives. Pure.
 */
public final class SectorSuccessionFile {
    public static final List<String> COLUMNS = List.of("old_code", "old_name", "successor_code", "successor_name",
            "effective_on", "duties_moved", "primary");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");
    static final int MAX_TEXT = 1000;
    private static final int MAX_REPORTED = 200;

    /** A sector of the list as it stands: {@code validFrom} null = since ever, {@code validTo} inclusive. */
    public record Known(String code, String name, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** One row: {@code from} ceased the day before {@code effectiveOn}; {@code to} took over {@code duties}. */
    public record Row(int row, String from, String to, String toName, LocalDate effectiveOn, String duties,
                      boolean primary, String legalBasis) {
    }

    /** A sector that ceases: its successors, the primary one first, then the others in file order. */
    public record Ceasing(String code, LocalDate effectiveOn, String legalBasis, List<Row> successors) {
        public List<String> successorCodes() {
            return successors.stream().map(Row::to).toList();
        }
    }

    /** A successor the list does not have yet: created valid from {@code validFrom}. */
    public record NewSector(String code, String name, LocalDate validFrom) {
    }

    public record Result(List<Ceasing> ceasings, List<NewSector> added, List<Violation> violations) {
    }

    private SectorSuccessionFile() {
    }

    public static boolean looksLike(CsvTable table) {
        return table.header().containsAll(COLUMNS);
    }

    public static Result check(CsvTable table, String defaultLegalBasis, Map<String, Known> known) {
        List<Violation> violations = new ArrayList<>();
        if (table.rows().isEmpty()) {
            violations.add(Violation.of("rows", "criteria.file.noRows"));
        }
        int legal = table.column("legal_basis");
        Map<String, List<Row>> byOld = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, NewSector> added = new LinkedHashMap<>();
        for (CsvTable.Row r : table.rows()) {
            String at = "rows[" + r.number() + "]";
            if (r.fields().size() != table.header().size()) {
                violations.add(Violation.of(at, "criteria.file.fieldCount", r.fields().size(), table.header().size()));
                continue;
            }
            String from = field(table, r, "old_code");
            String fromName = field(table, r, "old_name");
            String to = field(table, r, "successor_code");
            String toName = field(table, r, "successor_name");
            String duties = field(table, r, "duties_moved");
            String primaryText = field(table, r, "primary");
            int before = violations.size();
            code(from, at + ".old_code", violations);
            code(to, at + ".successor_code", violations);
            if (!from.isEmpty() && from.equals(to)) {
                violations.add(Violation.of(at + ".successor_code", "criteria.sectorFile.self", from));
            }
            LocalDate on = null;
            try {
                on = LocalDate.parse(field(table, r, "effective_on"));
            } catch (DateTimeParseException e) {
                violations.add(Violation.of(at + ".effective_on", "criteria.file.date",
                        field(table, r, "effective_on")));
            }
            Boolean primary = switch (primaryText.toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default -> {
                    violations.add(Violation.of(at + ".primary", "criteria.sectorFile.primaryValue", primaryText));
                    yield null;
                }
            };
            String basis = legal >= 0 && !r.fields().get(legal).isBlank() ? r.fields().get(legal).strip()
                    : defaultLegalBasis;
            if (basis != null && basis.length() > MAX_TEXT) {
                violations.add(Violation.of(at + ".legal_basis", "criteria.field.maxChars", MAX_TEXT));
            }
            if (duties.length() > MAX_TEXT) {
                violations.add(Violation.of(at + ".duties_moved", "criteria.field.maxChars", MAX_TEXT));
            }
            if (toName.length() > 200) {
                violations.add(Violation.of(at + ".successor_name", "criteria.field.maxChars", 200));
            }
            if (violations.size() > before) {
                continue;
            }
            Known old = known.get(from);
            if (old == null) {
                violations.add(Violation.of(at + ".old_code", "criteria.sectorFile.unknown", from));
                continue;
            }
            if (!fromName.isEmpty() && !fromName.equals(old.name())) {
                violations.add(Violation.of(at + ".old_name", "criteria.sectorFile.name", from, old.name(), fromName));
                continue;
            }
            if (!old.validOn(on.minusDays(1))) {
                violations.add(Violation.of(at + ".effective_on", "criteria.sectorFile.notValidBefore", from,
                        on.minusDays(1)));
                continue;
            }
            Known successor = known.get(to);
            if (successor != null) {
                if (!toName.isEmpty() && !toName.equals(successor.name())) {
                    violations.add(Violation.of(at + ".successor_name", "criteria.sectorFile.name", to,
                            successor.name(), toName));
                    continue;
                }
                if (!successor.validOn(on)) {
                    violations.add(Violation.of(at + ".successor_code", "criteria.sectorFile.notValidOn", to, on));
                    continue;
                }
            } else {
                if (toName.isEmpty()) {
                    violations.add(Violation.of(at + ".successor_name", "criteria.sectorFile.newName", to));
                    continue;
                }
                NewSector created = added.putIfAbsent(to, new NewSector(to, toName, on));
                if (created != null && (!created.name().equals(toName) || !created.validFrom().equals(on))) {
                    violations.add(Violation.of(at + ".successor_name", "criteria.sectorFile.newDiffers", to,
                            created.name(), created.validFrom()));
                    continue;
                }
            }
            Integer previous = seen.putIfAbsent(from + ">" + to, r.number());
            if (previous != null) {
                violations.add(Violation.of(at, "criteria.file.duplicateRow", previous));
                continue;
            }
            byOld.computeIfAbsent(from, k -> new ArrayList<>()).add(new Row(r.number(), from, to, toName, on,
                    duties.isEmpty() ? null : duties, primary, basis));
        }
        List<Ceasing> ceasings = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byOld.entrySet()) {
            List<Row> rows = e.getValue();
            Row first = rows.get(0);
            Optional<Row> otherDate = rows.stream().filter(r -> !r.effectiveOn().equals(first.effectiveOn()))
                    .findFirst();
            if (otherDate.isPresent()) {
                violations.add(Violation.of("rows[" + otherDate.get().row() + "].effective_on",
                        "criteria.sectorFile.oneDate", e.getKey(), first.effectiveOn()));
                continue;
            }
            List<Row> primaries = rows.stream().filter(Row::primary).toList();
            if (primaries.size() != 1) {
                violations.add(Violation.of("rows[" + (primaries.isEmpty() ? first : primaries.get(1)).row()
                        + "].primary", "criteria.sectorFile.onePrimary", e.getKey(), primaries.size()));
                continue;
            }
            Optional<Row> chained = rows.stream().filter(r -> byOld.containsKey(r.to())).findFirst();
            if (chained.isPresent()) {
                violations.add(Violation.of("rows[" + chained.get().row() + "].successor_code",
                        "criteria.sectorFile.successorCeases", chained.get().to()));
                continue;
            }
            List<Row> ordered = new ArrayList<>(primaries);
            rows.stream().filter(r -> !r.primary()).forEach(ordered::add);
            ceasings.add(new Ceasing(e.getKey(), first.effectiveOn(), first.legalBasis(), List.copyOf(ordered)));
        }
        violations.sort(Comparator.comparingInt(SectorSuccessionFile::rowOf));
        return new Result(ceasings, List.copyOf(added.values()),
                violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations);
    }

    static String field(CsvTable table, CsvTable.Row r, String column) {
        int i = table.column(column);
        return i < 0 ? "" : r.fields().get(i).strip();
    }

    static void code(String code, String field, List<Violation> violations) {
        if (code.isEmpty()) {
            violations.add(Violation.of(field, "criteria.file.codeMissing"));
        } else if (!CODE.matcher(code).matches()) {
            violations.add(Violation.of(field, "criteria.sectorFile.code", code));
        }
    }

    /** The file row a violation is about ({@code rows[<n>]…}), for sorting; 0 for the file as a whole. */
    static int rowOf(Violation v) {
        String f = v.field();
        if (!f.startsWith("rows[")) {
            return 0;
        }
        int end = f.indexOf(']');
        try {
            return Integer.parseInt(f.substring(5, end));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
