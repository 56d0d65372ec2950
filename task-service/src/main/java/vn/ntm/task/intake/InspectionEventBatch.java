package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.tracing.KafkaTracing;
import vn.ntm.platform.tracing.TraceContext;
import vn.ntm.task.register.RegisterLookup;
import vn.ntm.task.rules.CatalogCopyService;
import vn.ntm.task.rules.PlannedTask;
import vn.ntm.task.rules.RuleService;
import vn.ntm.task.rules.TaskRule;
import vn.ntm.task.rules.TaskRules;
import vn.ntm.task.shared.TaskClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The idempotent handler of {@code ntm.inspection.finalized} events, many in one transaction (the consumer's batch; a
 * single event is a batch of one). The batch's event ids go into {@code processed_event} with one statement in the
 * transaction of the tasks: an id already there, also earlier in the same batch, makes its event a duplicate; a
 * concurrent duplicate blocks on that primary key until the first commits, then finds the id and does nothing; a
 * re-published event with a new id adds nothing thanks to the tasks' natural key. The rules, the catalog copy and the
 * register copy are read once, every event is planned in memory by the pure rules ({@link TaskRules},
 * {@code Settlement}, {@code SuccessionRules}), and then each kind of row (tasks, participants, history, succession
 * moves, settlement updates, outbox rows) is written with one statement for the whole batch ({@link BatchWrites}).
 * <p>
 * Events whose communes overlap (the same commune, or one that succeeded another's) may depend on each other through
 * settlement: the later one must see the earlier one's tasks, or what the earlier one did to an open task both could
 * settle. Such events are written in successive rounds, in batch order ({@link #rounds}); inspections of the same
 * commune on the same day with no earlier work on it to settle share a round. A failure of any event rolls the whole
 * batch back; the consumer then splits it ({@code SplitRetry}) so that only the failing event is dead-lettered.
 */
@ApplicationScoped
public class InspectionEventBatch {
    private static final String INSPECTION_KEY = "inspection:";
    private final AgroalDataSource dataSource;
    private final RuleService rules;
    private final CatalogCopyService catalog;
    private final SettlementService followUp;
    private final TaskClock clock;
    private final Outbox outbox;

    public InspectionEventBatch(AgroalDataSource dataSource, RuleService rules, CatalogCopyService catalog,
                                SettlementService followUp, TaskClock clock, Outbox outbox) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.catalog = catalog;
        this.followUp = followUp;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * An event to handle: its {@code ce_id}, its body, and the trace its work continues (opened around the batch's
     * work; null: the caller's current trace, if any).
     */
    public record Item(UUID eventId, InspectionFinalized event, Supplier<KafkaTracing.Processing> trace) {
    }

    /** What became of one event: a duplicate (already processed), or the number of tasks it created. */
    public record Outcome(boolean duplicate, int created) {
    }

    /** A new event of the batch as the writes see it: its trace (id and headers) and its planned tasks. */
    static final class EventPlan {
        final UUID eventId;
        final InspectionFinalized event;
        final UUID inspectionId;
        final String traceId;
        final Map<String, String> traceHeaders;
        /** Per commune code of the event, the codes its earlier open work may carry (itself and predecessors). */
        Map<String, Set<String>> earlierCodes = Map.of();
        List<PlannedTask> planned = List.of();
        int created;

        EventPlan(UUID eventId, InspectionFinalized event, String traceId, Map<String, String> traceHeaders) {
            this.eventId = eventId;
            this.event = event;
            this.inspectionId = UUID.fromString(event.inspectionId());
            this.traceId = traceId;
            this.traceHeaders = traceHeaders;
        }

        /** What links this event to others of its batch: its inspection and every commune code it may settle. */
        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            keys.add(INSPECTION_KEY + inspectionId);
            earlierCodes.forEach((code, codes) -> {
                keys.add(code);
                keys.addAll(codes);
            });
            return keys;
        }
    }

    /** One outcome per item, in order; all committed together, or nothing (the exception propagates). */
    @Transactional
    public List<Outcome> handleAll(List<Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        // every event's span is open while the batch works, so each task and event records its own event's trace
        Deque<KafkaTracing.Processing> spans = new ArrayDeque<>();
        List<String> traceIds = new ArrayList<>(items.size());
        List<Map<String, String>> traceHeaders = new ArrayList<>(items.size());
        try {
            for (Item item : items) {
                if (item.trace() != null) {
                    spans.push(item.trace().get());
                }
                traceIds.add(TraceContext.currentTraceId().orElse(null));
                traceHeaders.add(TraceContext.currentHeaders());
            }
            return write(items, traceIds, traceHeaders);
        } finally {
            while (!spans.isEmpty()) {
                spans.pop().close();
            }
        }
    }

    private List<Outcome> write(List<Item> items, List<String> traceIds,
                                                       List<Map<String, String>> traceHeaders) {
        try (Connection c = dataSource.getConnection()) {
            boolean[] fresh = markProcessed(c, items);
            List<EventPlan> plans = new ArrayList<>();
            List<EventPlan> planOfItem = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                EventPlan plan = fresh[i] ? new EventPlan(items.get(i).eventId(), items.get(i).event(),
                        traceIds.get(i), traceHeaders.get(i)) : null;
                planOfItem.add(plan);
                if (plan != null) {
                    plans.add(plan);
                } else {
                    Log.infof("event %s (inspection %s) was already processed: skipped", items.get(i).eventId(),
                            items.get(i).event().inspectionId());
                }
            }
            if (!plans.isEmpty()) {
                writeNew(c, plans);
            }
            List<Outcome> outcomes = new ArrayList<>(items.size());
            for (EventPlan plan : planOfItem) {
                outcomes.add(plan == null ? new Outcome(true, 0)
                        : new Outcome(false, plan.created));
            }
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the tasks of " + items.size() + " inspection event(s)",
                    e);
        }
    }

    private void writeNew(Connection c, List<EventPlan> plans) throws SQLException {
        List<TaskRule> ruleTable = rules.rules();
        CatalogCopyService.Catalog copy = catalog.load(c);
        Instant now = clock.now();
        LocalDate today = clock.today();
        for (EventPlan plan : plans) {
            plan.planned = TaskRules.plan(plan.event, ruleTable, copy.criterionRoles());
        }
        followUp.earlierCodes(c, plans);
        List<SettlementService.OpenRow> open = followUp.openTasks(c, plans);
        RegisterLookup register = new RegisterLookup(c);
        int created = 0;
        int planned = 0;
        List<List<EventPlan>> rounds = rounds(plans, SettlementService.oldest(open));
        for (List<EventPlan> round : rounds) {
            BatchWrites writes = new BatchWrites(now, today);
            // the first round settles with the open tasks read for the batch; later ones read them again, to see
            // what the rounds before them settled, continued and created
            followUp.settle(c, round, copy, writes, round == rounds.get(0) ? open : null);
            for (EventPlan plan : round) {
                planned += plan.planned.size();
            }
            writes.planTasks(round, register);
            created += writes.flush(c, outbox);
        }
        Log.infof("batch of %d new inspection event(s) in %d round(s): %d task(s) planned, %d created", plans.size(),
                rounds.size(), planned, created);
        for (EventPlan plan : plans) {
            Log.debugf("inspection %s: %d task(s) planned, %d created (event %s)", plan.inspectionId,
                    plan.planned.size(), plan.created, plan.eventId);
        }
    }

    /**
     * The events in rounds, batch order kept: an event goes into the round after the last one holding an event it
     * depends on ({@link #dependsOn}), so that each round's events are independent of one another.
     * {@code oldestOpen}: per commune code, the earliest inspection date of its open tasks before the batch.
     */
    static List<List<EventPlan>> rounds(List<EventPlan> plans, Map<String, LocalDate> oldestOpen) {
        // per commune code, the earliest day of any work a round may see on it: open tasks before the batch, and
        // the tasks the batch's own events create
        Map<String, LocalDate> oldest = new HashMap<>(oldestOpen);
        List<Set<String>> keys = new ArrayList<>(plans.size());
        for (EventPlan plan : plans) {
            Set<String> k = plan.keys();
            keys.add(k);
            if (plan.event.inspectedOn() != null) {
                for (String key : k) {
                    oldest.merge(key, plan.event.inspectedOn(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<List<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            int round = 0;
            search:
            for (int r = rounds.size() - 1; r >= 0; r--) {
                for (int j : rounds.get(r)) {
                    if (dependsOn(plans.get(i), keys.get(i), plans.get(j), keys.get(j), oldest)) {
                        round = r + 1;
                        break search;
                    }
                }
            }
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        List<List<EventPlan>> out = new ArrayList<>(rounds.size());
        for (List<Integer> round : rounds) {
            out.add(round.stream().map(plans::get).toList());
        }
        return out;
    }

    /**
     * Whether {@code later} must see what {@code earlier} (before it in the batch) writes. Events sharing no commune
     * code (nor inspection) are independent. Of two inspections of the same commune on the same day neither settles
     * the other's tasks (settlement takes tasks of earlier days only), so they are independent too, unless earlier
     * work on a shared commune (open before the batch, or created by the batch) could be settled by both: then the
     * second must see what the first did to it. Any other pair sharing a commune (different days, an unknown day, the
     * same inspection twice) depends.
     */
    private static boolean dependsOn(EventPlan later, Set<String> laterKeys, EventPlan earlier, Set<String> earlierKeys,
                                     Map<String, LocalDate> oldest) {
        LocalDate day = later.event.inspectedOn();
        boolean sameDay = day != null && day.equals(earlier.event.inspectedOn());
        for (String key : laterKeys) {
            if (!earlierKeys.contains(key)) {
                continue;
            }
            if (!sameDay || key.startsWith(INSPECTION_KEY)) {
                return true;
            }
            LocalDate first = oldest.get(key);
            if (first != null && first.isBefore(day)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One statement for the batch's processed-event rows; false for an event already processed (before, or earlier
     * in this batch). A concurrent duplicate blocks on the primary key until the first commits, then finds the id.
     */
    private static boolean[] markProcessed(Connection c, List<Item> items) throws SQLException {
        Map<UUID, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            first.putIfAbsent(items.get(i).eventId(), i);
        }
        UUID[] ids = first.keySet().toArray(UUID[]::new);
        String[] subjects = first.values().stream().map(i -> items.get(i).event().inspectionId())
                .toArray(String[]::new);
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement("insert into processed_event (event_id, event_type,"
                + " subject) select t.id, ?, t.subject from unnest(?::uuid[], ?::text[]) as t(id, subject)"
                + " on conflict (event_id) do nothing returning event_id")) {
            insert.setString(1, EventTypes.INSPECTION_FINALIZED);
            insert.setArray(2, c.createArrayOf("uuid", ids));
            insert.setArray(3, c.createArrayOf("text", subjects));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        boolean[] fresh = new boolean[items.size()];
        first.forEach((id, index) -> fresh[index] = inserted.contains(id));
        return fresh;
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
