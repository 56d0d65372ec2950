package vn.ntm.task.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The loop's invariant (DOMAIN.md §8) as a function: for a commune lineage, the work that must be open is decided
 * by the latest findings alone, never by the order, repetition or batching in which the inspections arrived.
 * <ul>
 * <li>A criterion has a gap while its latest finding (by inspection date) is {@code NOT_MET}. Inspections of the
 * same day are one finding: the gap exists if any of them found the criterion not met, and its work cites all of
 * those. {@code NOT_ASSESSED} says nothing.</li>
 * <li>A unit's own findings (from the day it came into being) decide for it; a unit with none of its own for a
 * criterion inherits the gaps of the units it succeeded (a gap of any of them is its gap).</li>
 * <li>Each gap gets one piece of work per rule valid on the date of the finding that opened it; work that is not
 * about one criterion (keep the criteria met, prepare the target-year dossier) is one piece per lineage and kind,
 * decided by the latest inspection.</li>
 * <li>The due date is the earliest deadline written in the cited findings, otherwise 31 December of the earliest
 * target year they state, otherwise of the year of the finding.</li>
 * </ul>
 * {@link #reconcile} turns the difference between this and the tasks that exist into creations, continuations and
 * closings. Pure: no I/O.
 */
public final class OpenWork {
    public static final String MET = "MET";
    public static final String NOT_MET = "NOT_MET";

    private OpenWork() {
    }

    /** What fires a rule. */
    public enum Trigger {
        /** one piece per gap (criterion not met) */
        NOT_MET_CRITERION,
        /** one piece per lineage while its latest inspection found at least one criterion met */
        KEEP_MET,
        /** one piece per lineage while its latest inspection was in the commune's target year */
        TARGET_YEAR_DOSSIER
    }

    /** A rule of the table, valid from {@code validFrom} through {@code validTo} (null: open). */
    public record Rule(String code, Trigger trigger, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** One finding of an inspection: its result and the deadline written beside it (or null). */
    public record Finding(String result, LocalDate deadline) {
    }

    /**
     * What one finalized inspection found about one unit of the lineage, in one version of its findings (a
     * correction is a higher version): {@code unit} is the unit's key in {@link Lineage}.
     */
    public record Visit(UUID inspectionId, int version, LocalDate inspectedOn, String unit, Integer targetYear,
                        Map<Integer, Finding> findings, int statedMet) {
        public Visit {
            findings = Map.copyOf(findings);
        }

        /** A visit whose notice states no number of criteria met apart from its findings. */
        public Visit(UUID inspectionId, int version, LocalDate inspectedOn, String unit, Integer targetYear,
                     Map<Integer, Finding> findings) {
            this(inspectionId, version, inspectedOn, unit, targetYear, findings, 0);
        }

        /** Whether the commune has criteria met to keep: a MET finding, or a number of them the notice states. */
        boolean anyMet() {
            return statedMet > 0 || findings.values().stream().anyMatch(f -> MET.equals(f.result()));
        }
    }

    /** A unit of the register and the units it succeeded (empty for a unit that succeeded none). */
    public record Unit(String key, LocalDate validFrom, List<String> predecessors) {
        public Unit {
            predecessors = List.copyOf(predecessors);
        }
    }

    /** The units of one lineage, by key, and the one that holds its work today. */
    public record Lineage(String head, Map<String, Unit> units) {
        public Lineage {
            units = Map.copyOf(units);
        }

        /** A lineage of one unit that succeeded nothing. */
        public static Lineage single(String unit) {
            return new Lineage(unit, Map.of(unit, new Unit(unit, null, List.of())));
        }
    }

    /**
     * A piece of work the findings ask for. {@code criterion} is null for work about the whole commune;
     * {@code basis} is the date of the finding (or inspection) it answers; {@code cites} the inspections behind it.
     */
    public record Work(String lineage, Integer criterion, String ruleCode, LocalDate basis, LocalDate dueDate,
                       Set<UUID> cites) {
        public Work {
            cites = Set.copyOf(cites);
        }

        public String key() {
            return key(lineage, criterion, ruleCode);
        }

        public static String key(String lineage, Integer criterion, String ruleCode) {
            return lineage + "|" + (criterion == null ? "-" : criterion) + "|" + ruleCode;
        }
    }

    /** The state of one criterion: the latest finding's day, whether it is a gap, what it cites and the due date. */
    private record State(LocalDate day, boolean gap, Set<UUID> cites, LocalDate dueDate) {
    }

    /**
     * The work that must be open for {@code lineage}, by {@link Work#key()}, given every inspection of its units
     * the service has seen (each in its current version; repetitions of the same inspection are ignored).
     */
    public static Decision desired(Lineage lineage, Collection<Visit> seen, List<Rule> rules) {
        Map<String, List<Visit>> byUnit = new HashMap<>();
        for (Visit v : dedupe(seen)) {
            byUnit.computeIfAbsent(v.unit(), u -> new ArrayList<>()).add(v);
        }
        Map<String, Work> out = new TreeMap<>();
        Set<Integer> met = new TreeSet<>();
        Set<Integer> criteria = new TreeSet<>();
        byUnit.values().forEach(list -> list.forEach(v -> criteria.addAll(v.findings().keySet())));
        for (int criterion : criteria) {
            State state = state(lineage, lineage.head(), criterion, byUnit, new java.util.HashSet<>());
            if (state == null) {
                continue;
            }
            if (!state.gap()) {
                met.add(criterion);
                continue;
            }
            for (Rule rule : rules) {
                if (rule.trigger() == Trigger.NOT_MET_CRITERION && rule.validOn(state.day())) {
                    Work w = new Work(lineage.head(), criterion, rule.code(), state.day(), state.dueDate(),
                            state.cites());
                    out.put(w.key(), w);
                }
            }
        }
        List<Visit> latest = latestVisits(byUnit);
        if (!latest.isEmpty()) {
            LocalDate day = latest.get(0).inspectedOn();
            Set<UUID> cites = new TreeSet<>(Comparator.comparing(UUID::toString));
            latest.forEach(v -> cites.add(v.inspectionId()));
            Integer targetYear = latest.stream().map(Visit::targetYear).filter(java.util.Objects::nonNull)
                    .min(Integer::compare).orElse(null);
            LocalDate due = LocalDate.of(targetYear == null ? day.getYear() : targetYear, 12, 31);
            boolean anyMet = latest.stream().anyMatch(Visit::anyMet);
            boolean targetYearNow = targetYear != null && targetYear == day.getYear();
            for (Rule rule : rules) {
                if (!rule.validOn(day)) {
                    continue;
                }
                boolean fires = switch (rule.trigger()) {
                    case KEEP_MET -> anyMet;
                    case TARGET_YEAR_DOSSIER -> targetYearNow;
                    case NOT_MET_CRITERION -> false;
                };
                if (fires) {
                    Work w = new Work(lineage.head(), null, rule.code(), day, due, cites);
                    out.put(w.key(), w);
                }
            }
        }
        return new Decision(out, met, !latest.isEmpty());
    }

    /**
     * What the findings decide: the work that must be open (by {@link Work#key()}), the criteria whose latest finding
     * says met, and whether the lineage was inspected at all.
     */
    public record Decision(Map<String, Work> work, Set<Integer> metCriteria, boolean inspected) {
        public Decision {
            work = java.util.Collections.unmodifiableMap(new TreeMap<>(work));
            metCriteria = Set.copyOf(metCriteria);
        }

        /**
         * Whether a task of {@code criterion} (null: commune-wide work) that is no longer asked for was settled by
         * a finding (the criterion met, or a later inspection that no longer asks for the commune-wide work).
         */
        public boolean settles(Integer criterion) {
            return criterion == null ? inspected : metCriteria.contains(criterion);
        }
    }

    /**
     * One visit per inspection and unit, in its latest version: an inspection delivered again (or in another batch)
     * counts once, and a correction replaces what it corrects whenever it arrives.
     */
    private static Collection<Visit> dedupe(Collection<Visit> seen) {
        Map<String, Visit> out = new TreeMap<>();
        for (Visit v : seen) {
            out.merge(v.inspectionId() + "|" + v.unit(), v, (a, b) -> b.version() > a.version() ? b : a);
        }
        return out.values();
    }

    /**
     * The state of {@code criterion} for {@code unit}: its own latest finding if it has one, otherwise the gaps it
     * inherits from the units it succeeded; null when nothing was ever found.
     */
    private static State state(Lineage lineage, String unit, int criterion, Map<String, List<Visit>> byUnit,
                               Set<String> visiting) {
        if (!visiting.add(unit)) {
            return null; // a cycle in a hand-edited register: stop rather than loop
        }
        State own = ownState(byUnit.getOrDefault(unit, List.of()), criterion);
        if (own != null) {
            return own;
        }
        Unit u = lineage.units().get(unit);
        if (u == null) {
            return null;
        }
        State inherited = null;
        for (String predecessor : u.predecessors()) {
            State s = state(lineage, predecessor, criterion, byUnit, visiting);
            if (s == null) {
                continue;
            }
            inherited = inherited == null ? s : combine(inherited, s);
        }
        return inherited;
    }

    /** Two predecessors' states: a gap of either is a gap; the work cites the gaps and answers the later one. */
    private static State combine(State a, State b) {
        if (a.gap() != b.gap()) {
            return a.gap() ? a : b;
        }
        if (!a.gap()) {
            return a.day().isAfter(b.day()) ? a : b;
        }
        Set<UUID> cites = new TreeSet<>(Comparator.comparing(UUID::toString));
        cites.addAll(a.cites());
        cites.addAll(b.cites());
        LocalDate day = a.day().isAfter(b.day()) ? a.day() : b.day();
        LocalDate due = a.dueDate().isBefore(b.dueDate()) ? a.dueDate() : b.dueDate();
        return new State(day, true, cites, due);
    }

    private static State ownState(List<Visit> visits, int criterion) {
        LocalDate day = null;
        List<Visit> sameDay = new ArrayList<>();
        for (Visit v : visits) {
            Finding f = v.findings().get(criterion);
            if (f == null || !(MET.equals(f.result()) || NOT_MET.equals(f.result()))) {
                continue;
            }
            if (day == null || v.inspectedOn().isAfter(day)) {
                day = v.inspectedOn();
                sameDay.clear();
            }
            if (v.inspectedOn().equals(day)) {
                sameDay.add(v);
            }
        }
        if (day == null) {
            return null;
        }
        Set<UUID> cites = new TreeSet<>(Comparator.comparing(UUID::toString));
        LocalDate deadline = null;
        Integer targetYear = null;
        for (Visit v : sameDay) {
            Finding f = v.findings().get(criterion);
            if (!NOT_MET.equals(f.result())) {
                continue;
            }
            cites.add(v.inspectionId());
            if (f.deadline() != null && (deadline == null || f.deadline().isBefore(deadline))) {
                deadline = f.deadline();
            }
            if (v.targetYear() != null && (targetYear == null || v.targetYear() < targetYear)) {
                targetYear = v.targetYear();
            }
        }
        if (cites.isEmpty()) {
            return new State(day, false, Set.of(), null);
        }
        LocalDate due = deadline != null ? deadline
                : LocalDate.of(targetYear != null ? targetYear : day.getYear(), 12, 31);
        return new State(day, true, cites, due);
    }

    /** The visits of the latest inspection day across the lineage. */
    private static List<Visit> latestVisits(Map<String, List<Visit>> byUnit) {
        LocalDate day = null;
        List<Visit> out = new ArrayList<>();
        for (List<Visit> list : byUnit.values()) {
            for (Visit v : list) {
                if (day == null || v.inspectedOn().isAfter(day)) {
                    day = v.inspectedOn();
                    out.clear();
                }
                if (v.inspectedOn().equals(day)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- reconcile

    /** How an existing task was closed, which decides whether the same gap may get new work. */
    public enum Closed {
        /** still active (OPEN, IN_PROGRESS, REPORTED, RETURNED) */
        ACTIVE,
        /** closed by a person (a verifier accepted it as done, or cancelled it) */
        BY_PERSON,
        /** settled or cancelled by the loop itself (a later finding, a correction) */
        BY_LOOP
    }

    /**
     * A task of the lineage as the reconciliation sees it. {@code share}: whose share of the work it is (its first
     * assignee), when one piece of work is shared by several organisations an inspection named; null otherwise.
     */
    public record Existing(UUID id, String key, Integer criterion, LocalDate basis, LocalDate dueDate, Set<UUID> cites,
                           Closed closed, String share) {
        public Existing {
            cites = Set.copyOf(cites);
        }

        public Existing(UUID id, String key, Integer criterion, LocalDate basis, LocalDate dueDate, Set<UUID> cites,
                        Closed closed) {
            this(id, key, criterion, basis, dueDate, cites, closed, null);
        }
    }

    /** Why the loop closes a task. */
    public enum CloseReason {
        /** a later (or same-day) finding says the criterion is met, or the commune-wide work is no longer asked for */
        SETTLED,
        /** no finding asks for it any more (a correction changed the findings, or a rule stopped applying) */
        NO_LONGER_NEEDED
    }

    public record Create(Work work) {
    }

    /** An active task that goes on answering {@code work} (its basis, due date or citations may have moved). */
    public record Continue(Existing task, Work work) {
        public boolean changes() {
            return !task.basis().equals(work.basis()) || !task.dueDate().equals(work.dueDate())
                    || !task.cites().equals(work.cites());
        }
    }

    public record Close(Existing task, CloseReason reason) {
    }

    public record Plan(List<Create> created, List<Continue> continued, List<Close> closed) {
        public Plan {
            created = List.copyOf(created);
            continued = List.copyOf(continued);
            closed = List.copyOf(closed);
        }
    }

    /**
     * The steps from the tasks that exist to the work that must be open: every desired piece is answered by at most
     * one active task per share (extra active ones of the same key and share are closed), a gap that a person already closed for the
     * same or a later finding is not opened again, and every active task nobody asks for any more is closed:
     * {@link CloseReason#SETTLED} when a finding settled it, {@link CloseReason#NO_LONGER_NEEDED} otherwise.
     */
    public static Plan reconcile(Decision decision, List<Existing> existing) {
        Map<String, Work> desired = decision.work();
        Map<String, List<Existing>> byKey = new TreeMap<>();
        for (Existing e : existing) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<Create> created = new ArrayList<>();
        List<Continue> continued = new ArrayList<>();
        List<Close> closed = new ArrayList<>();
        for (Work w : desired.values()) {
            List<Existing> tasks = byKey.getOrDefault(w.key(), List.of());
            List<Existing> active = tasks.stream().filter(t -> t.closed() == Closed.ACTIVE)
                    .sorted(Comparator.comparing(Existing::basis).thenComparing(t -> t.id().toString())).toList();
            if (!active.isEmpty()) {
                // one active task per share: the first (oldest basis, then id) goes on, the others are duplicates
                Set<String> shares = new java.util.HashSet<>();
                for (Existing t : active) {
                    if (shares.add(String.valueOf(t.share()))) {
                        continued.add(new Continue(t, w));
                    } else {
                        closed.add(new Close(t, CloseReason.NO_LONGER_NEEDED));
                    }
                }
                continue;
            }
            boolean answered = tasks.stream().anyMatch(t -> t.closed() == Closed.BY_PERSON
                    && !t.basis().isBefore(w.basis()));
            if (!answered) {
                created.add(new Create(w));
            }
        }
        for (Existing e : existing) {
            if (e.closed() == Closed.ACTIVE && !desired.containsKey(e.key())) {
                closed.add(new Close(e, decision.settles(e.criterion()) ? CloseReason.SETTLED
                        : CloseReason.NO_LONGER_NEEDED));
            }
        }
        return new Plan(created, continued, closed);
    }
}
