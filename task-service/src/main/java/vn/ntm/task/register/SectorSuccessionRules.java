package vn.ntm.task.register;

import vn.ntm.task.rules.UnitNames;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the work of a provincial department ({@code SO_NGANH <province>:<sector>}) goes when its sector ceased (the
 * 1 March 2025 mergers; README "Succession of open work"), and who leads a criterion after such mergers. Pure: the
 * sector list is criteria-service's ({@code ntm.sectors.changed}), as data.
 * <ul>
 *   <li>The successor the sector list names for the task's criterion ({@code LEAD} duty of that set, else of any
 *       set): LĐTBXH's criterion 11 (poverty) → NNMT, 12 (labour) → NV, TTTT's criterion 8 → KHCN.</li>
 *   <li>Otherwise the primary successor (TNMT → NNMT, GTVT → XD, LĐTBXH → NV).</li>
 *   <li>No primary one among several → the lowest code, flagged for an administrator ({@link SuccessionRules#SPLIT}).</li>
 *   <li>The successors with a {@code COOPERATING} duty on the criterion cooperate on the moved task (criterion 12:
 *       GDDT for vocational training).</li>
 *   <li>No successor known → no move (the task stays, logged).</li>
 * </ul>
 * The province of a department never changes here (that is the register's succession, {@link SuccessionRules}).
 */
public final class SectorSuccessionRules {
    public static final String LEAD = "LEAD";
    public static final String COOPERATING = "COOPERATING";
    private static final int MAX_CHAIN = 5;

    /** The criterion {@code criterion} of set {@code set} ("" = any set) went to a successor as {@code role}. */
    public record Duty(String set, int criterion, String role) {
        boolean matches(String taskSet, int taskCriterion, String wanted) {
            return criterion == taskCriterion && role.equals(wanted) && (set.isEmpty() || set.equals(taskSet));
        }
    }

    public record Successor(String code, boolean primary, List<Duty> criteria) {
    }

    /** A sector of the list: {@code validTo} inclusive, null while valid; successors in the list's order. */
    public record Sector(String code, String name, LocalDate validFrom, LocalDate validTo, String legalBasis,
                         List<Successor> successors) {
    }

    /** The move of one department's work: the successor sector, how it was chosen, and who cooperates. */
    public record Move(String toSector, String rule, boolean needsReassignment, LocalDate effectiveOn,
                       String legalBasis, List<String> cooperating) {
    }

    private SectorSuccessionRules() {
    }

    /** The sector part of a department's code ({@code 20:TNMT} → TNMT), or null when it is not of that form. */
    public static String sectorOf(String departmentCode) {
        int colon = departmentCode == null ? -1 : departmentCode.indexOf(':');
        return colon <= 0 || colon == departmentCode.length() - 1 ? null : departmentCode.substring(colon + 1);
    }

    /** The province part of a department's code ({@code 20:TNMT} → 20). */
    public static String provinceOf(String departmentCode) {
        int colon = departmentCode == null ? -1 : departmentCode.indexOf(':');
        return colon <= 0 ? null : departmentCode.substring(0, colon);
    }

    /**
     * Where the work of sector {@code sector} on criterion {@code criterion} of set {@code set} (both may be null:
     * work not about one criterion, or the inspection's lead agency) goes, when the sector ceased before
     * {@code today}; empty when it has not ceased or no successor is known.
     */
    public static Optional<Move> successor(String sector, String set, Integer criterion, Map<String, Sector> sectors,
                                           LocalDate today) {
        Sector s = sectors.get(sector);
        if (s == null || s.validTo() == null || !s.validTo().isBefore(today)) {
            return Optional.empty();
        }
        return next(s, set, criterion);
    }

    private static Optional<Move> next(Sector s, String set, Integer criterion) {
        if (s.successors().isEmpty()) {
            return Optional.empty();
        }
        Optional<Successor> byDuty = criterion == null ? Optional.empty() : byDuty(s, set, criterion, LEAD);
        Optional<Successor> chosen = byDuty.or(() -> s.successors().stream().filter(Successor::primary).findFirst());
        boolean split = chosen.isEmpty();
        Successor to = chosen.orElseGet(() -> s.successors().stream().min(Comparator.comparing(Successor::code))
                .orElseThrow());
        List<String> cooperating = new ArrayList<>();
        if (criterion != null) {
            for (Successor other : s.successors()) {
                if (!other.code().equals(to.code()) && other.criteria().stream()
                        .anyMatch(d -> d.matches(set, criterion, COOPERATING))) {
                    cooperating.add(other.code());
                }
            }
        }
        return Optional.of(new Move(to.code(), split ? SuccessionRules.SPLIT : SuccessionRules.SUCCESSOR, split,
                s.validTo().plusDays(1), s.legalBasis(), List.copyOf(cooperating)));
    }

    /** The successor with that duty on the criterion: one naming the task's set wins over one for any set. */
    private static Optional<Successor> byDuty(Sector s, String set, int criterion, String role) {
        return s.successors().stream()
                .filter(x -> x.criteria().stream().anyMatch(d -> d.matches(set, criterion, role) && !d.set().isEmpty()))
                .findFirst()
                .or(() -> s.successors().stream()
                        .filter(x -> x.criteria().stream().anyMatch(d -> d.matches(set, criterion, role)))
                        .findFirst());
    }

    /**
     * The sectors that lead criterion {@code number} of {@code set} whose catalog lead is {@code lead}: the lead
     * itself and each successor its work went to, whatever the date (at most five steps): TNMT's criterion 17 is
     * led by TNMT and NNMT.
     */
    public static List<String> leads(String set, int number, String lead, Map<String, Sector> sectors) {
        List<String> out = new ArrayList<>();
        out.add(lead);
        String current = lead;
        for (int i = 0; i < MAX_CHAIN; i++) {
            Sector s = sectors.get(current);
            if (s == null || s.validTo() == null) {
                break;
            }
            Optional<Move> move = next(s, set, number);
            if (move.isEmpty() || out.contains(move.get().toSector())) {
                break;
            }
            current = move.get().toSector();
            out.add(current);
        }
        return out;
    }

    /**
     * A department's name as task-service writes it ("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn"): the sector's
     * department ("Sở " and the sector's name; social insurance, the military command and the police are not
     * "Sở") and the province in running text; without the province when its name is unknown.
     */
    public static String departmentName(String sectorCode, String sectorName, String provinceName) {
        String department = switch (sectorCode) {
            case "BHXH" -> "Bảo hiểm xã hội";
            case "QS" -> "Bộ Chỉ huy Quân sự";
            case "CA" -> "Công an";
            default -> "Sở " + (sectorName == null ? sectorCode : sectorName);
        };
        return provinceName == null || provinceName.isBlank() ? department
                : department + " " + UnitNames.inText(provinceName, "tỉnh");
    }

    /**
     * The province as a department's name states it ("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn" → "Tỉnh Lạng
     * Sơn", as the register writes it), for when the register copy does not know the province; null when the name states none.
     */
    public static String provinceInName(String departmentName) {
        if (departmentName == null) {
            return null;
        }
        int at = Math.max(departmentName.lastIndexOf(" tỉnh "), departmentName.lastIndexOf(" thành phố "));
        if (at < 0) {
            return null;
        }
        String province = departmentName.substring(at + 1);
        return province.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + province.substring(1);
    }
}
