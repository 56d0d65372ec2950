package vn.ntm.task.register;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who a task may be given to by hand (README "Extensions and reassignment"): a unit or department the register copy
 * holds, valid on the day, of the task's province or of a province that succeeded it, named as the register names
 * it. Pure: the register copy and the sector copy are read through {@link Directory}.
 * <ul>
 *   <li>{@code UBND_XA <commune>}, {@code UBND_HUYEN <district>}: a commune or district of that code valid on the day;
 *       named "UBND " + the register's name in running text ("UBND xã Chi Lăng").</li>
 *   <li>{@code VP_DIEU_PHOI <province>}: a province valid on the day; its coordination office.</li>
 *   <li>{@code SO_NGANH <province>:<sector>}: a province valid on the day and a sector of the sector copy valid on
 *       the day; named as task-service names departments ("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn").</li>
 * </ul>
 * A code the copies do not hold at all is {@link Refusal#UNKNOWN}; one they hold, but not on the day (a ceased commune,
 * a district after 2025-07-01, a merged sector), is {@link Refusal#NOT_VALID}; a unit of any other province than the
 * task's or its successors' is {@link Refusal#OTHER_PROVINCE}.
 */
public final class AssigneeRules {
    /** How far a province's successions are followed (one change at a time, as the register's moves are). */
    private static final int MAX_CHAIN = 5;

    public enum Refusal { UNKNOWN, NOT_VALID, OTHER_PROVINCE }

    /** The assignee as the register names it, and the province its work belongs to. */
    public record Assignee(OrganisationRef ref, String provinceCode) {
    }

    /** Either an assignee or why there is none. */
    public record Decision(Assignee assignee, Refusal refusal) {
        static Decision of(Assignee assignee) {
            return new Decision(assignee, null);
        }

        static Decision refused(Refusal refusal) {
            return new Decision(null, refusal);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    /** The register copy and the sector copy as these rules read them. */
    public interface Directory {
        /** Every version of the unit of {@code level} and {@code code} ({@code valid_from}, {@code valid_to}). */
        List<SuccessionRules.Unit> versions(String level, String code);

        /** The provinces that succeeded {@code provinceCode} by {@code day} (successions effective on or before). */
        List<String> provinceSuccessors(String provinceCode, LocalDate day);

        /** The sector copy by code. */
        Map<String, SectorSuccessionRules.Sector> sectors();
    }

    private AssigneeRules() {
    }

    /**
     * The assignee {@code type} and {@code code} name on {@code day}, if the task of {@code taskProvince} may be given
     * to it. {@code taskProvince} null: no province to keep to (the caller decides whether that is allowed).
     */
    public static Decision decide(String type, String code, String taskProvince, LocalDate day, Directory directory) {
        Decision found = find(type, code, day, directory);
        if (!found.allowed() || taskProvince == null) {
            return found;
        }
        return provinces(taskProvince, day, directory).contains(found.assignee().provinceCode()) ? found
                : Decision.refused(Refusal.OTHER_PROVINCE);
    }

    /** The task's province and every province that succeeded it by {@code day}, following a chain of changes. */
    public static Set<String> provinces(String taskProvince, LocalDate day, Directory directory) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(taskProvince));
        for (int step = 0; step <= MAX_CHAIN && !next.isEmpty(); step++) {
            Deque<String> following = new ArrayDeque<>();
            for (String province : next) {
                if (out.add(province)) {
                    following.addAll(directory.provinceSuccessors(province, day));
                }
            }
            next = following;
        }
        return out;
    }

    /** The unit or department {@code type} and {@code code} name on {@code day}, whatever its province. */
    static Decision find(String type, String code, LocalDate day, Directory directory) {
        return switch (type) {
            case "UBND_XA", "UBND_HUYEN" -> unit(SuccessionRules.levelOf(type), code, day, directory)
                    .map(u -> new Assignee(new OrganisationRef(type, code, SuccessionRules.localUnitName(u)),
                            u.provinceCode()));
            case "VP_DIEU_PHOI" -> unit("province", code, day, directory)
                    .map(p -> new Assignee(SuccessionRules.coordinationOfficeRef(code, p.name()), code));
            case "SO_NGANH" -> department(code, day, directory);
            default -> Decision.refused(Refusal.UNKNOWN);
        };
    }

    private static Decision department(String code, LocalDate day, Directory directory) {
        String sectorCode = SectorSuccessionRules.sectorOf(code);
        String provinceCode = SectorSuccessionRules.provinceOf(code);
        if (sectorCode == null || provinceCode == null || sectorCode.contains(":")) {
            return Decision.refused(Refusal.UNKNOWN);
        }
        Found province = unit("province", provinceCode, day, directory);
        if (province.refusal() != null) {
            return Decision.refused(province.refusal());
        }
        SectorSuccessionRules.Sector sector = directory.sectors().get(sectorCode);
        if (sector == null) {
            return Decision.refused(Refusal.UNKNOWN);
        }
        if ((sector.validFrom() != null && sector.validFrom().isAfter(day))
                || (sector.validTo() != null && sector.validTo().isBefore(day))) {
            return Decision.refused(Refusal.NOT_VALID);
        }
        return Decision.of(new Assignee(new OrganisationRef("SO_NGANH", code,
                SectorSuccessionRules.departmentName(sectorCode, sector.name(), province.unit().name())),
                provinceCode));
    }

    /** The version of a unit valid on the day, or why there is none. */
    private record Found(SuccessionRules.Unit unit, Refusal refusal) {
        Decision map(Function<SuccessionRules.Unit, Assignee> assignee) {
            return refusal != null ? Decision.refused(refusal) : Decision.of(assignee.apply(unit));
        }
    }

    private static Found unit(String level, String code, LocalDate day, Directory directory) {
        List<SuccessionRules.Unit> versions = directory.versions(level, code);
        if (versions.isEmpty()) {
            return new Found(null, Refusal.UNKNOWN);
        }
        return versions.stream().filter(u -> !u.validFrom().isAfter(day)
                        && (u.validTo() == null || !u.validTo().isBefore(day))).findFirst()
                .map(u -> new Found(u, null)).orElseGet(() -> new Found(null, Refusal.NOT_VALID));
    }
}
