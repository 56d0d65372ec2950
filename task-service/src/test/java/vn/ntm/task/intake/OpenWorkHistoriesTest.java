package vn.ntm.task.intake;

import org.junit.jupiter.api.Test;
import vn.ntm.task.intake.OpenWork.Closed;
import vn.ntm.task.intake.OpenWork.Finding;
import vn.ntm.task.intake.OpenWork.Lineage;
import vn.ntm.task.intake.OpenWork.Rule;
import vn.ntm.task.intake.OpenWork.Trigger;
import vn.ntm.task.intake.OpenWork.Unit;
import vn.ntm.task.intake.OpenWork.Visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md §8 over generated histories: a few communes, two of which merge into a third on a succession date in
 * the middle; inspections on random dates (several on the same day), delivered again, corrected, with tasks moved to
 * REPORTED or RETURNED between deliveries ({@link #assertSameOpenWorkInAnyOrder}, the generator and checker that
 * {@link OpenWorkPropertyTest} drives with jqwik), and the rules' cases one by one.
 */
class OpenWorkHistoriesTest {
    private static final LocalDate START = LocalDate.of(2022, 1, 1);
    private static final List<Rule> RULES = List.of(
            new Rule("XA_HOAN_THANH", Trigger.NOT_MET_CRITERION, null, null),
            new Rule("HUYEN_CHI_DAO", Trigger.NOT_MET_CRITERION, null, LocalDate.of(2025, 6, 30)),
            new Rule("SO_HUONG_DAN", Trigger.NOT_MET_CRITERION, null, null),
            new Rule("XA_DUY_TRI", Trigger.KEEP_MET, null, null),
            new Rule("HO_SO_CONG_NHAN", Trigger.TARGET_YEAR_DOSSIER, null, null));

    /** One delivery of an inspection's findings about one unit (a correction is a higher version). */
    record Event(Visit visit) {
    }

    /** A step of a history: a batch of deliveries, or a person moving one open task. */
    sealed interface Step permits Deliver, Move {
    }

    record Deliver(List<Event> batch) implements Step {
    }

    record Move(int pick, String status) implements Step {
    }

    /** The register of a history: A and B merge into C on {@code mergeDay}; D stands alone. */
    record Register(LocalDate mergeDay) {
        Lineage lineageOf(String unit) {
            if (unit.equals("D")) {
                return Lineage.single("D");
            }
            return new Lineage("C", Map.of("A", new Unit("A", null, List.of()), "B", new Unit("B", null, List.of()),
                    "C", new Unit("C", mergeDay, List.of("A", "B"))));
        }

        String unitOn(String commune, LocalDate day) {
            if (commune.equals("D")) {
                return "D";
            }
            return day.isBefore(mergeDay) ? commune : "C";
        }
    }

    /**
     * One generated history (from {@code seed}): processed in date order one event at a time, with tasks moved to
     * REPORTED or RETURNED between deliveries, and then {@code permutations} times shuffled and batched at random;
     * the open work must be the same every time.
     */
    static void assertSameOpenWorkInAnyOrder(long seed, int permutations) {
        Random random = new Random(seed);
        Register register = new Register(START.plusDays(300 + random.nextInt(900)));
        List<Event> events = history(random, register);

        List<Event> byDate = new ArrayList<>(events);
        byDate.sort((a, b) -> a.visit().inspectedOn().compareTo(b.visit().inspectedOn()));
        Map<String, String> reference = new Store(register).run(oneByOne(byDate, random, true));

        for (int p = 0; p < permutations; p++) {
            List<Event> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            Map<String, String> other = new Store(register).run(batched(shuffled, random));
            assertThat(other).as("history of seed %d, permutation %d of %s", seed, p, events).isEqualTo(reference);
        }
    }

    @Test
    void aLateOlderInspectionNeverReopensWhatANewerOneFoundMet() {
        Register register = new Register(LocalDate.of(2025, 7, 1));
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Event notMet = new Event(visit(older, 1, "2023-03-01", "D", Map.of(17, new Finding("NOT_MET", null))));
        Event met = new Event(visit(newer, 1, "2023-09-01", "D", Map.of(17, new Finding("MET", null))));

        Map<String, String> open = new Store(register).run(List.of(new Deliver(List.of(met)),
                new Deliver(List.of(notMet))));

        assertThat(open).doesNotContainKeys("D|17|XA_HOAN_THANH", "D|17|SO_HUONG_DAN")
                .containsKey("D|-|XA_DUY_TRI");
    }

    @Test
    void twoInspectionsOfOneDayShareOnePieceOfWorkPerGapCitingBoth() {
        Register register = new Register(LocalDate.of(2025, 7, 1));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Store store = new Store(register);

        Map<String, String> open = store.run(List.of(
                new Deliver(List.of(new Event(visit(first, 1, "2023-03-01", "D",
                        Map.of(2, new Finding("NOT_MET", LocalDate.of(2023, 12, 1))))))),
                new Deliver(List.of(new Event(visit(second, 1, "2023-03-01", "D",
                        Map.of(2, new Finding("NOT_MET", LocalDate.of(2023, 10, 1)))))))));

        assertThat(open).containsEntry("D|2|XA_HOAN_THANH", "2023-10-01");
        assertThat(store.active()).filteredOn(t -> t.key.equals("D|2|XA_HOAN_THANH")).singleElement()
                .satisfies(t -> assertThat(t.cites).containsExactlyInAnyOrder(first, second));
    }

    @Test
    void aCorrectionClosesWorkItNoLongerNeedsAndKeepsTheRest() {
        Register register = new Register(LocalDate.of(2025, 7, 1));
        UUID id = UUID.randomUUID();
        Store store = new Store(register);
        store.run(List.of(new Deliver(List.of(new Event(visit(id, 1, "2023-03-01", "D",
                Map.of(2, new Finding("NOT_MET", null), 5, new Finding("NOT_MET", null))))))));
        UUID kept = store.active().stream().filter(t -> t.key.equals("D|5|XA_HOAN_THANH")).findFirst()
                .orElseThrow().id;

        Map<String, String> open = store.run(List.of(new Deliver(List.of(new Event(visit(id, 2, "2023-03-01", "D",
                Map.of(2, new Finding("MET", null), 5, new Finding("NOT_MET", null))))))));

        assertThat(open).doesNotContainKey("D|2|XA_HOAN_THANH").containsKey("D|5|XA_HOAN_THANH");
        assertThat(store.active()).filteredOn(t -> t.key.equals("D|5|XA_HOAN_THANH")).singleElement()
                .satisfies(t -> assertThat(t.id).isEqualTo(kept));
    }

    @Test
    void aMergedCommuneInheritsItsPredecessorsGapsAsOnePieceOfWorkUntilItIsInspectedItself() {
        Register register = new Register(LocalDate.of(2025, 7, 1));
        Store store = new Store(register);
        Map<String, String> inherited = store.run(List.of(new Deliver(List.of(
                new Event(visit(UUID.randomUUID(), 1, "2024-05-01", "A", Map.of(2, new Finding("NOT_MET", null)))),
                new Event(visit(UUID.randomUUID(), 1, "2024-06-01", "B", Map.of(2, new Finding("NOT_MET", null))))))));
        assertThat(inherited).containsKeys("C|2|XA_HOAN_THANH", "C|2|HUYEN_CHI_DAO")
                .doesNotContainKeys("A|2|XA_HOAN_THANH", "B|2|XA_HOAN_THANH");

        Map<String, String> settled = store.run(List.of(new Deliver(List.of(new Event(visit(UUID.randomUUID(), 1,
                "2026-03-01", "C", Map.of(2, new Finding("MET", null))))))));
        assertThat(settled).doesNotContainKeys("C|2|XA_HOAN_THANH", "C|2|HUYEN_CHI_DAO");
    }

    // ------------------------------------------------------------------------------------------------- histories

    private static List<Event> history(Random random, Register register) {
        List<Event> events = new ArrayList<>();
        int inspections = 1 + random.nextInt(7);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < inspections; i++) {
            // a few distinct days, so that same-day inspections are common
            LocalDate day = !days.isEmpty() && random.nextInt(3) == 0 ? days.get(random.nextInt(days.size()))
                    : START.plusDays(random.nextInt(1800));
            days.add(day);
            String commune = List.of("A", "B", "D").get(random.nextInt(3));
            String unit = register.unitOn(commune, day);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Integer targetYear = random.nextInt(4) == 0 ? null : day.getYear() + random.nextInt(2);
            Visit first = new Visit(id, 1, day, unit, targetYear, findings(random, day));
            events.add(new Event(first));
            if (random.nextInt(4) == 0) {
                events.add(new Event(first)); // delivered again
            }
            if (random.nextInt(5) == 0) {
                events.add(new Event(new Visit(id, 2, day, unit, targetYear, findings(random, day)))); // corrected
            }
        }
        return events;
    }

    private static Map<Integer, Finding> findings(Random random, LocalDate day) {
        Map<Integer, Finding> out = new TreeMap<>();
        for (int criterion = 1; criterion <= 4; criterion++) {
            int r = random.nextInt(10);
            if (r < 2) {
                continue;
            }
            String result = r < 5 ? "NOT_MET" : r < 9 ? "MET" : "NOT_ASSESSED";
            LocalDate deadline = random.nextBoolean() ? null : day.plusDays(30 + random.nextInt(300));
            out.put(criterion, new Finding(result, deadline));
        }
        return out;
    }

    /** Each event alone, with (optionally) a person moving a task between deliveries. */
    private static List<Step> oneByOne(List<Event> events, Random random, boolean moves) {
        List<Step> steps = new ArrayList<>();
        for (Event e : events) {
            steps.add(new Deliver(List.of(e)));
            if (moves && random.nextInt(3) == 0) {
                steps.add(new Move(random.nextInt(100), random.nextBoolean() ? "REPORTED" : "RETURNED"));
            }
        }
        return steps;
    }

    private static List<Step> batched(List<Event> events, Random random) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < events.size()) {
            int size = 1 + random.nextInt(4);
            steps.add(new Deliver(new ArrayList<>(events.subList(i, Math.min(events.size(), i + size)))));
            i += size;
            if (random.nextInt(3) == 0) {
                steps.add(new Move(random.nextInt(100), random.nextBoolean() ? "REPORTED" : "RETURNED"));
            }
        }
        return steps;
    }

    private static Visit visit(UUID id, int version, String day, String unit, Map<Integer, Finding> findings) {
        return new Visit(id, version, LocalDate.parse(day), unit, LocalDate.parse(day).getYear(), findings);
    }

    // ------------------------------------------------------------------------------------------------ the store

    /** A task as the test's store keeps it. */
    static final class Task {
        final UUID id = UUID.randomUUID();
        final String key;
        final Integer criterion;
        LocalDate basis;
        LocalDate dueDate;
        java.util.Set<UUID> cites;
        String status = "OPEN";

        Task(OpenWork.Work w) {
            this.key = w.key();
            this.criterion = w.criterion();
            this.basis = w.basis();
            this.dueDate = w.dueDate();
            this.cites = w.cites();
        }

        boolean active() {
            return List.of("OPEN", "IN_PROGRESS", "REPORTED", "RETURNED").contains(status);
        }
    }

    /** What task-service keeps: the latest version of every visit, and the tasks. Processes one batch at a time. */
    static final class Store {
        final Register register;
        final List<Visit> visits = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();

        Store(Register register) {
            this.register = register;
        }

        /** Runs the steps and answers the open work: key → due date. */
        Map<String, String> run(List<Step> steps) {
            for (Step step : steps) {
                if (step instanceof Deliver d) {
                    deliver(d.batch());
                } else if (step instanceof Move m) {
                    List<Task> active = active();
                    if (!active.isEmpty()) {
                        active.get(m.pick() % active.size()).status = m.status();
                    }
                }
            }
            Map<String, String> open = new TreeMap<>();
            for (Task t : active()) {
                assertThat(open.put(t.key, t.dueDate.toString())).as("two open tasks for %s", t.key).isNull();
            }
            return open;
        }

        List<Task> active() {
            return tasks.stream().filter(Task::active).toList();
        }

        private void deliver(List<Event> batch) {
            Map<String, Lineage> lineages = new LinkedHashMap<>();
            for (Event e : batch) {
                visits.add(e.visit());
                Lineage l = register.lineageOf(e.visit().unit());
                lineages.put(l.head(), l);
            }
            for (Lineage lineage : lineages.values()) {
                List<Visit> mine = visits.stream().filter(v -> lineage.units().containsKey(v.unit())).toList();
                OpenWork.Decision decision = OpenWork.desired(lineage, mine, RULES);
                Map<UUID, Task> byId = new HashMap<>();
                List<OpenWork.Existing> existing = new ArrayList<>();
                for (Task t : tasks) {
                    if (t.key.startsWith(lineage.head() + "|")) {
                        byId.put(t.id, t);
                        existing.add(new OpenWork.Existing(t.id, t.key, t.criterion, t.basis, t.dueDate, t.cites,
                                t.active() ? Closed.ACTIVE : Closed.BY_LOOP));
                    }
                }
                OpenWork.Plan plan = OpenWork.reconcile(decision, existing);
                plan.created().forEach(c -> tasks.add(new Task(c.work())));
                plan.continued().forEach(c -> {
                    Task t = byId.get(c.task().id());
                    t.basis = c.work().basis();
                    t.dueDate = c.work().dueDate();
                    t.cites = c.work().cites();
                });
                plan.closed().forEach(c -> byId.get(c.task().id()).status = c.reason() == OpenWork.CloseReason.SETTLED
                        ? "DONE" : "CANCELLED");
            }
        }
    }
}
