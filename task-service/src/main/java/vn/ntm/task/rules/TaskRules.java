package vn.ntm.task.rules;

import vn.ntm.contracts.InspectionFinalized.Commune;
import vn.ntm.contracts.InspectionFinalized.Finding;
import vn.ntm.contracts.InspectionFinalized.Recommendation;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.OrganisationType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a finalized inspection into tasks by the rule table. Pure: no I/O, the same input gives the same list.
 * Only the rule rows valid on the inspection's date ({@code inspectedOn}) apply (README "Rules by date"): an
 * inspection of 2022 gives the district its work, one of August 2025 gives that work to whom the rows valid then
 * name. Deadline: the finding's or recommendation's own, otherwise 31 December of the commune's target year (for a
 * task without a commune, the latest target year among the inspected communes).
 */
public final class TaskRules {
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String> SECTOR_DEPARTMENTS = Map.ofEntries(
            Map.entry("XD", "Sở Xây dựng"),
            Map.entry("GTVT", "Sở Giao thông vận tải"),
            Map.entry("NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
            Map.entry("CT", "Sở Công Thương"),
            Map.entry("GDDT", "Sở Giáo dục và Đào tạo"),
            Map.entry("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
            Map.entry("TTTT", "Sở Thông tin và Truyền thông"),
            Map.entry("LDTBXH", "Sở Lao động - Thương binh và Xã hội"),
            Map.entry("YT", "Sở Y tế"),
            Map.entry("BHXH", "Bảo hiểm xã hội"),
            Map.entry("TNMT", "Sở Tài nguyên và Môi trường"),
            Map.entry("NV", "Sở Nội vụ"),
            Map.entry("TP", "Sở Tư pháp"),
            Map.entry("QS", "Bộ Chỉ huy Quân sự"),
            Map.entry("CA", "Công an"));

    private static final Map<String, String> TIERS = Map.of(
            "NTM", "nông thôn mới",
            "NTM_NANG_CAO", "nông thôn mới nâng cao",
            "NTM_KIEU_MAU", "nông thôn mới kiểu mẫu");

    private TaskRules() {
    }

    public static List<PlannedTask> plan(InspectionFinalized event, List<TaskRule> rules) {
        return plan(event, rules, CriterionRoles.NONE);
    }

    /**
     * As {@link #plan(InspectionFinalized, List)}; {@code roles} gives the catalog's lead and cooperating sectors
     * of a criterion (otherwise the finding's sectors, lead first, decide).
     */
    public static List<PlannedTask> plan(InspectionFinalized event, List<TaskRule> rules, CriterionRoles roles) {
        Map<String, PlannedTask> tasks = new LinkedHashMap<>();
        List<TaskRule> active = rules.stream().filter(TaskRule::enabled).filter(r -> r.validOn(event.inspectedOn()))
                .sorted(Comparator.comparingInt(TaskRule::position).thenComparing(TaskRule::code)).toList();
        for (TaskRule rule : active) {
            for (PlannedTask task : apply(rule, event, roles)) {
                tasks.putIfAbsent(task.naturalKey(), task);
            }
        }
        return List.copyOf(tasks.values());
    }

    private static List<PlannedTask> apply(TaskRule rule, InspectionFinalized e, CriterionRoles roles) {
        List<PlannedTask> out = new ArrayList<>();
        switch (rule.trigger()) {
            case NOT_MET_CRITERION -> {
                for (Commune commune : communes(e)) {
                    for (Finding finding : list(commune.findings())) {
                        if (!"NOT_MET".equals(finding.result())) {
                            continue;
                        }
                        LocalDate due = finding.deadline() != null ? finding.deadline() : endOf(commune.targetYear());
                        String description = finding.remedy() != null ? finding.remedy() : finding.note();
                        if (rule.assignee() == RuleAssignee.SECTOR_DEPARTMENTS) {
                            out.addAll(departmentTasks(rule, e, commune, finding, roles, description, due));
                            continue;
                        }
                        for (OrganisationRef assignee : assignees(rule.assignee(), e, commune, finding)) {
                            out.add(task(rule, e, commune, finding, null, assignee, description, due));
                        }
                    }
                }
            }
            case COMMUNE_WITH_MET -> {
                for (Commune commune : communes(e)) {
                    if (metCount(commune) > 0) {
                        for (OrganisationRef assignee : assignees(rule.assignee(), e, commune, null)) {
                            out.add(task(rule, e, commune, null, null, assignee, null, endOf(commune.targetYear())));
                        }
                    }
                }
            }
            case COMMUNE_TARGET_YEAR -> {
                for (Commune commune : communes(e)) {
                    if (e.inspectedOn() != null && commune.targetYear() == e.inspectedOn().getYear()) {
                        for (OrganisationRef assignee : assignees(rule.assignee(), e, commune, null)) {
                            out.add(task(rule, e, commune, null, null, assignee, null, endOf(commune.targetYear())));
                        }
                    }
                }
            }
            case INSPECTION -> {
                for (OrganisationRef assignee : assignees(rule.assignee(), e, null, null)) {
                    out.add(task(rule, e, null, null, null, assignee, null, endOf(latestTargetYear(e))));
                }
            }
            case RECOMMENDATION -> {
                for (Recommendation rec : list(e.recommendations())) {
                    // an organisation without a type the rules know still gets the work (Recipients)
                    OrganisationRef assignee = Recipients.of(rec.assignee(),
                            e.province() == null ? null : e.province().code());
                    Commune commune = communes(e).stream()
                            .filter(c -> Objects.equals(c.code(), rec.communeCode())).findFirst().orElse(null);
                    LocalDate due = rec.deadline() != null ? rec.deadline()
                            : endOf(commune != null ? commune.targetYear() : latestTargetYear(e));
                    out.add(task(rule, e, commune, null, rec.id(), assignee, rec.content(), due));
                }
            }
        }
        return out;
    }

    private static List<OrganisationRef> assignees(RuleAssignee kind, InspectionFinalized e, Commune commune,
                                                   Finding finding) {
        String province = e.province() == null ? "" : e.province().code();
        String provinceName = e.province() == null ? "" : UnitNames.inText(e.province().name(), "tỉnh");
        return switch (kind) {
            case COMMUNE -> commune == null ? List.of() : List.of(new OrganisationRef(
                    OrganisationType.UBND_XA.name(), commune.code(), "UBND " + UnitNames.inText(commune.name(), "xã")));
            case DISTRICT -> e.district() == null ? List.of() : List.of(new OrganisationRef(
                    OrganisationType.UBND_HUYEN.name(), e.district().code(), "UBND " + UnitNames.inText(e.district().name(), "huyện")));
            case COORDINATION_OFFICE -> List.of(new OrganisationRef(OrganisationType.VP_DIEU_PHOI.name(), province,
                    "Văn phòng Điều phối xây dựng nông thôn mới " + provinceName));
            // an unmet criterion's departments: departmentTasks (lead and cooperating); no other trigger has any
            case SECTOR_DEPARTMENTS -> List.of();
            case RECOMMENDATION_ASSIGNEE -> List.of();
        };
    }

    /**
     * The departments' share of an unmet criterion: organisations the inspection named itself each get the task;
     * otherwise ONE task goes to the lead sector's department (chủ trì) and the cooperating sectors' departments
     * (phối hợp) are attached to it (README "Lead and cooperating departments").
     */
    private static List<PlannedTask> departmentTasks(TaskRule rule, InspectionFinalized e, Commune commune,
                                                     Finding finding, CriterionRoles roles, String description,
                                                     LocalDate due) {
        List<OrganisationRef> named = list(finding.responsible()).stream().filter(TaskRules::routable).toList();
        if (!named.isEmpty()) {
            return named.stream().map(a -> task(rule, e, commune, finding, null, a, description, due)).toList();
        }
        var found = roles.of(commune.criteriaSet(), finding.criterion())
                .or(() -> CriterionRoles.Roles.leadFirst(list(finding.sectors())));
        if (found.isEmpty()) {
            return List.of();
        }
        PlannedTask lead = task(rule, e, commune, finding, null, department(e, found.get().lead()), description, due);
        List<OrganisationRef> cooperating = found.get().cooperating().stream().map(s -> department(e, s)).toList();
        return List.of(new PlannedTask(lead.ruleCode(), lead.sourceRef(), lead.communeCode(), lead.communeName(),
                lead.criterion(), lead.criterionName(), lead.assignee(), lead.title(), lead.description(),
                lead.dueDate(), cooperating));
    }

    /** The provincial department of a sector: {@code SO_NGANH <province>:<sector>}. */
    public static OrganisationRef department(InspectionFinalized e, String sector) {
        String province = e.province() == null ? "" : e.province().code();
        String provinceName = e.province() == null ? "" : UnitNames.inText(e.province().name(), "tỉnh");
        return new OrganisationRef(OrganisationType.SO_NGANH.name(), province + ":" + sector,
                SECTOR_DEPARTMENTS.getOrDefault(sector, "Sở, ngành " + sector) + " " + provinceName);
    }

    private static PlannedTask task(TaskRule rule, InspectionFinalized e, Commune commune, Finding finding,
                                    String sourceRef, OrganisationRef assignee, String description, LocalDate due) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("criterion", finding == null ? "" : String.valueOf(finding.criterion()));
        values.put("criterionName", finding == null ? "" : nullToEmpty(finding.criterionName()));
        values.put("commune", commune == null ? "" : UnitNames.inText(commune.name(), "xã"));
        values.put("district", e.district() == null ? "" : UnitNames.inText(e.district().name(), "huyện"));
        values.put("province", e.province() == null ? "" : UnitNames.inText(e.province().name(), "tỉnh"));
        values.put("targetTier", commune == null ? "" : TIERS.getOrDefault(commune.targetTier(),
                nullToEmpty(commune.targetTier())));
        values.put("targetYear", commune == null ? "" : String.valueOf(commune.targetYear()));
        values.put("metCount", commune == null ? "" : String.valueOf(metCount(commune)));
        values.put("inspectedOn", e.inspectedOn() == null ? "" : VN_DATE.format(e.inspectedOn()));
        values.put("scope", commune != null ? values.get("commune")
                : e.district() != null ? values.get("district") : values.get("province"));
        values.put("assignee", nullToEmpty(assignee.name()));
        return new PlannedTask(rule.code(), sourceRef, commune == null ? null : commune.code(),
                commune == null ? null : commune.name(), finding == null ? null : finding.criterion(),
                finding == null ? null : finding.criterionName(), assignee, render(rule.titleTemplate(), values),
                description, due);
    }

    static String render(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out.strip();
    }

    private static boolean routable(OrganisationRef ref) {
        if (ref == null || ref.type() == null || ref.code() == null || ref.code().isBlank()) {
            return false;
        }
        try {
            OrganisationType.valueOf(ref.type());
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /**
     * The criteria met: the number the notice states ({@code statedMet}) when it gives one — a notice may say "10/19"
     * without naming them (Chi Lăng 2022), and its section II still asks to maintain them — else the MET findings.
     */
    private static long metCount(Commune commune) {
        long recorded = list(commune.findings()).stream().filter(f -> "MET".equals(f.result())).count();
        return commune.statedMet() != null ? Math.max(recorded, commune.statedMet()) : recorded;
    }

    private static int latestTargetYear(InspectionFinalized e) {
        return communes(e).stream().mapToInt(Commune::targetYear).max()
                .orElse(e.inspectedOn() == null ? LocalDate.now().getYear() : e.inspectedOn().getYear());
    }

    private static LocalDate endOf(int year) {
        return LocalDate.of(year, 12, 31);
    }

    private static List<Commune> communes(InspectionFinalized e) {
        return list(e.communes());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
