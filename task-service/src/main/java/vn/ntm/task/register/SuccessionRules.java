package vn.ntm.task.register;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where an open task goes when the unit its assignee belongs to ceases to exist (README "Succession of open work").
 * Pure: the register is read through {@link Register}.
 * <ul>
 *   <li>UBND_XA of a commune → UBND_XA of the successor commune.</li>
 *   <li>UBND_HUYEN of a district → the successor the register names (UBND_HUYEN or UBND_XA after its level); none
 *       named (the 2025 reorganisation names none) → the province's coordination office, flagged.</li>
 *   <li>VP_DIEU_PHOI and SO_NGANH of a province → the same office of the successor province (sector code kept,
 *       the department named after the new province when the sector copy knows the sector).</li>
 *   <li>Several successors (a split) → the one that kept the old code, else the lowest code; flagged for review.</li>
 *   <li>A commune with no successor named → the province's coordination office, flagged.</li>
 *   <li>A successor the register copy does not hold yet (its province's event has not arrived) → no move yet.</li>
 * </ul>
 */
public final class SuccessionRules {
    public static final String SUCCESSOR = "SUCCESSOR";
    public static final String SPLIT = "SPLIT";
    public static final String COORDINATION_OFFICE = "COORDINATION_OFFICE";

    /** One version of a unit of the register; {@code validTo} inclusive, null while valid. */
    public record Unit(String level, String code, String name, String provinceCode, LocalDate validFrom,
                       LocalDate validTo) {
    }

    /** A successor named by the register for a unit ceasing on the day before {@code effectiveOn}. */
    public record Successor(String toCode, String legalBasis) {
    }

    /** The register as the rules read it. */
    public interface Register {
        Optional<Unit> validOn(String level, String code, LocalDate day);

        List<Successor> successors(String fromCode, LocalDate effectiveOn);

        /** The name of a sector in the sector copy ("Nông nghiệp và Môi trường"), if the copy has it. */
        default Optional<String> sectorName(String sectorCode) {
            return Optional.empty();
        }
    }

    /** The move of one task: its new assignee, how it was chosen, and the province the task belongs to now. */
    public record Move(OrganisationRef to, String rule, boolean needsReassignment, String legalBasis,
                       String provinceCode) {
    }

    private SuccessionRules() {
    }

    /** The level of the unit an assignee type belongs to: commune, district or province. */
    public static String levelOf(String assigneeType) {
        return switch (assigneeType) {
            case "UBND_XA" -> "commune";
            case "UBND_HUYEN" -> "district";
            case "SO_NGANH", "VP_DIEU_PHOI" -> "province";
            default -> throw new IllegalArgumentException("no unit for assignee type " + assigneeType);
        };
    }

    /** The code of the unit an assignee belongs to (a sector department's is its province). */
    public static String unitCodeOf(OrganisationRef assignee) {
        return "SO_NGANH".equals(assignee.type()) ? assignee.code().split(":", 2)[0] : assignee.code();
    }

    /**
     * The move of a task assigned to {@code assignee}, whose unit {@code ceased} (its last day is
     * {@code ceased.validTo()}); empty when the register names nowhere to go (a province with no successor), or
     * names a successor unit the copy does not hold yet.
     */
    public static Optional<Move> plan(OrganisationRef assignee, Unit ceased, Register register) {
        LocalDate effectiveOn = ceased.validTo().plusDays(1);
        List<Successor> successors = register.successors(ceased.code(), effectiveOn);
        return switch (assignee.type()) {
            case "UBND_XA" -> successors.isEmpty()
                    ? coordinationOffice(ceased.provinceCode(), effectiveOn, register)
                    : toLocalUnit(pick(successors, ceased.code()), successors.size(), ceased, effectiveOn, register);
            case "UBND_HUYEN" -> successors.isEmpty()
                    ? coordinationOffice(ceased.provinceCode(), effectiveOn, register)
                    : toLocalUnit(pick(successors, ceased.code()), successors.size(), ceased, effectiveOn, register);
            case "VP_DIEU_PHOI", "SO_NGANH" -> {
                if (successors.isEmpty()) {
                    yield Optional.empty();
                }
                Successor chosen = pick(successors, ceased.code());
                Optional<Unit> province = register.validOn("province", chosen.toCode(), effectiveOn);
                boolean split = successors.size() > 1;
                OrganisationRef to = "VP_DIEU_PHOI".equals(assignee.type())
                        ? coordinationOfficeRef(chosen.toCode(), province.map(Unit::name).orElse(null))
                        : department(assignee, chosen.toCode(), province, register);
                yield Optional.of(new Move(to, split ? SPLIT : SUCCESSOR, split, chosen.legalBasis(),
                        chosen.toCode()));
            }
            default -> Optional.empty();
        };
    }

    /**
     * The same sector's department of the successor province, named after it when the sector copy and the register
     * know both ("Sở Giao thông vận tải tỉnh Bến Tre" → "… tỉnh Vĩnh Long"), else keeping the old name.
     */
    private static OrganisationRef department(OrganisationRef assignee, String provinceCode, Optional<Unit> province,
                                              Register register) {
        String sector = assignee.code().split(":", 2)[1];
        String name = province.flatMap(p -> register.sectorName(sector)
                        .map(n -> SectorSuccessionRules.departmentName(sector, n, p.name())))
                .orElse(assignee.name());
        return new OrganisationRef("SO_NGANH", provinceCode + ":" + sector, name);
    }

    /** Among several successors: the one that kept the old code, else the lowest code. */
    static Successor pick(List<Successor> successors, String oldCode) {
        return successors.stream().filter(s -> s.toCode().equals(oldCode)).findFirst()
                .orElseGet(() -> successors.stream().min(Comparator.comparing(Successor::toCode)).orElseThrow());
    }

    private static Optional<Move> toLocalUnit(Successor chosen, int count, Unit ceased, LocalDate effectiveOn,
                                              Register register) {
        Optional<Unit> unit = register.validOn("commune", chosen.toCode(), effectiveOn)
                .or(() -> register.validOn("district", chosen.toCode(), effectiveOn));
        if (unit.isEmpty()) {
            // the successor lies in a province whose register has not reached the copy yet (criteria-service sends
            // one event per province: Bến Tre's before Vĩnh Long's): no move until it has, or the task would keep
            // the old province and no name
            return Optional.empty();
        }
        Unit to = unit.get();
        String type = to.level().equals("district") ? "UBND_HUYEN" : "UBND_XA";
        boolean split = count > 1;
        return Optional.of(new Move(new OrganisationRef(type, chosen.toCode(), localUnitName(to)),
                split ? SPLIT : SUCCESSOR, split, chosen.legalBasis(), to.provinceCode()));
    }

    /** The coordination office of the province valid on {@code effectiveOn} that took over {@code provinceCode}. */
    private static Optional<Move> coordinationOffice(String provinceCode, LocalDate effectiveOn, Register register) {
        String code = provinceCode;
        String legalBasis = null;
        Optional<Unit> province = register.validOn("province", code, effectiveOn);
        if (province.isEmpty()) {
            List<Successor> successors = register.successors(code, effectiveOn);
            if (successors.isEmpty()) {
                return Optional.empty();
            }
            Successor chosen = pick(successors, code);
            code = chosen.toCode();
            legalBasis = chosen.legalBasis();
            province = register.validOn("province", code, effectiveOn);
        }
        return Optional.of(new Move(coordinationOfficeRef(code, province.map(Unit::name).orElse(null)),
                COORDINATION_OFFICE, true, legalBasis, code));
    }

    /** The People's Committee of a commune or district as task-service names it: "UBND xã Bằng Mạc". */
    static String localUnitName(Unit unit) {
        return "UBND " + lowerFirst(unit.name());
    }

    static OrganisationRef coordinationOfficeRef(String provinceCode, String provinceName) {
        return new OrganisationRef("VP_DIEU_PHOI", provinceCode, provinceName == null ? null
                : "Văn phòng Điều phối xây dựng nông thôn mới " + lowerFirst(provinceName));
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + name.substring(1);
    }
}
