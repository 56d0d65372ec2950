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
 * The idempotent handler of {@code ntm.inspection.finalized} and {@code ntm.inspection.corrected} events, many in one
 * transaction (the consumer's batch; a single event is a batch of one). The batch's event ids go into
 * {@code processed_event} with one statement in the transaction of the tasks: an id already there, also earlier in
 * the same batch, makes its event a duplicate; a concurrent duplicate blocks on that primary key until the first
 * commits, then finds the id and does nothing.
 * <p>
 * Each new event's inspection is recorded with what it found per commune, in the highest version seen
 * ({@link SettlementService#record}); then the commune lineages the batch touches are locked and reconciled with
 * their latest findings ({@link OpenWork}) in rounds that follow the inspection dates of the batch, oldest first, so
 * that the history reads as if the inspections had arrived in date order, while the open work in the end is the same
 * in any order, batching or repetition. The work of one inspection (coordination, recommendations) is created once
 * per inspection (the tasks' natural key). Each kind of row is written with one statement per round
 * ({@link BatchWrites}). A failure of any event rolls the whole batch back; the consumer then splits it
 * ({@code SplitRetry}) so that only the failing event is dead-lettered.
 */
@ApplicationScoped
public class InspectionEventBatch {
    private final AgroalDataSource dataSource;
    private final RuleService rules;
    private final CatalogCopyService catalog;
    private final SettlementService loop;
    private final TaskClock clock;
    private final Outbox outbox;

    public InspectionEventBatch(AgroalDataSource dataSource, RuleService rules, CatalogCopyService catalog,
                                SettlementService loop, TaskClock clock, Outbox outbox) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.catalog = catalog;
        this.loop = loop;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * An event to handle: its {@code ce_id}, the inspection (as finalized, or as corrected), the version of its
     * findings (1 for the finalized record; a correction's version with its reason and author), and the trace its work
     * continues (opened around the batch's work; null: the caller's current trace, if any).
     */
    public record Item(UUID eventId, InspectionFinalized event, int version, String reason, String correctedBy,
                       Supplier<KafkaTracing.Processing> trace) {
        /** A finalized inspection (version 1 of its findings). */
        public Item(UUID eventId, InspectionFinalized event, Supplier<KafkaTracing.Processing> trace) {
            this(eventId, event, 1, null, null, trace);
        }

        String type() {
            return version > 1 ? EventTypes.INSPECTION_CORRECTED : EventTypes.INSPECTION_FINALIZED;
        }
    }

    /** What became of one event: a duplicate (already processed), or the number of tasks it created. */
    public record Outcome(boolean duplicate, int created) {
    }

    /** A new event of the batch as the writes see it: its inspection, its trace (id and headers), what it created. */
    static final class EventPlan {
        final UUID eventId;
        final InspectionFinalized event;
        final UUID inspectionId;
        final int version;
        final String reason;
        final String correctedBy;
        final String traceId;
        final Map<String, String> traceHeaders;
        /** The plan whose outcome counts the tasks written under this one (itself, or the event that caused them). */
        final EventPlan owner;
        /** The inspection as recorded (the highest version seen, perhaps not this event's) and that version. */
        InspectionFinalized current;
        int currentVersion;
        int created;

        EventPlan(UUID eventId, InspectionFinalized event, int version, String reason, String correctedBy,
                  String traceId, Map<String, String> traceHeaders, EventPlan owner) {
            this.eventId = eventId;
            this.event = event;
            this.inspectionId = UUID.fromString(event.inspectionId());
            this.version = version;
            this.reason = reason;
            this.correctedBy = correctedBy;
            this.traceId = traceId;
            this.traceHeaders = traceHeaders;
            this.owner = owner == null ? this : owner;
            this.current = event;
            this.currentVersion = version;
        }

        /** Work of another (recorded) inspection written because of this event: its data, this event's trace. */
        EventPlan derived(InspectionFinalized other, UUID otherId) {
            EventPlan plan = new EventPlan(eventId, other, 1, null, null, traceId, traceHeaders, this);
            assert plan.inspectionId.equals(otherId);
            return plan;
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

    private List<Outcome> write(List<Item> items, List<String> traceIds, List<Map<String, String>> traceHeaders) {
        try (Connection c = dataSource.getConnection()) {
            boolean[] fresh = markProcessed(c, items);
            List<EventPlan> plans = new ArrayList<>();
            List<EventPlan> planOfItem = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                EventPlan plan = fresh[i] ? new EventPlan(item.eventId(), item.event(), item.version(),
                        item.reason(), item.correctedBy(), traceIds.get(i), traceHeaders.get(i), null) : null;
                planOfItem.add(plan);
                if (plan != null) {
                    plans.add(plan);
                } else {
                    // INFO: only a redelivery (a replay, a restart before the offset commit) writes it, and operators
                    // (and FaultInjectionIT) read it as the proof that a redelivered event took effect once
                    Log.infof("event %s (inspection %s) was already processed: skipped", item.eventId(),
                            item.event().inspectionId());
                }
            }
            if (!plans.isEmpty()) {
                writeNew(c, plans);
            }
            List<Outcome> outcomes = new ArrayList<>(items.size());
            for (EventPlan plan : planOfItem) {
                outcomes.add(plan == null ? new Outcome(true, 0) : new Outcome(false, plan.created));
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
        Set<String> changed = loop.record(c, plans, now);
        List<SettlementService.LineageWork> lineages = loop.lineages(c, plans, changed);
        RegisterLookup register = new RegisterLookup(c);
        SettlementService.Context ctx = new SettlementService.Context(ruleTable,
                SettlementService.loopRules(ruleTable), copy, new HashMap<>());

        // the work of each inspection itself (coordination, recommendations), once per inspection
        BatchWrites first = new BatchWrites(now, today);
        List<TaskRule> ofOne = ruleTable.stream().filter(SettlementService::ofOneInspection).toList();
        Set<UUID> seen = new HashSet<>();
        for (EventPlan plan : plans) {
            if (seen.add(plan.inspectionId)) {
                EventPlan source = plan.currentVersion == plan.version ? plan : plan.derived(plan.current,
                        plan.inspectionId);
                for (PlannedTask p : TaskRules.plan(plan.current, ofOne, copy.criterionRoles())) {
                    first.add(source, p, null, Set.of());
                }
            }
        }
        // rounds: the batch's inspection dates of each lineage, oldest first
        List<List<LocalDate>> days = lineages.stream().map(SettlementService.LineageWork::days).toList();
        int rounds = days.stream().mapToInt(List::size).max().orElse(0);
        int created = 0;
        for (int r = 0; r < Math.max(1, rounds); r++) {
            BatchWrites writes = r == 0 ? first : new BatchWrites(now, today);
            List<SettlementService.LineageWork> round = new ArrayList<>();
            Map<SettlementService.LineageWork, LocalDate> day = new HashMap<>();
            for (int l = 0; l < lineages.size(); l++) {
                if (r < days.get(l).size()) {
                    round.add(lineages.get(l));
                    day.put(lineages.get(l), days.get(l).get(r));
                }
            }
            loop.reconcile(c, round, day, ctx, writes);
            writes.planTasks(register);
            created += writes.flush(c, outbox);
        }
        Log.debugf("batch of %d new inspection event(s), %d lineage(s) in %d round(s): %d task(s) created",
                plans.size(), lineages.size(), rounds, created);
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
                + " subject) select t.id, t.type, t.subject from unnest(?::text[], ?::uuid[], ?::text[])"
                + " as t(type, id, subject)"
                + " on conflict (event_id) do nothing returning event_id")) {
            insert.setArray(1, c.createArrayOf("text", first.values().stream().map(i -> items.get(i).type())
                    .toArray(String[]::new)));
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
