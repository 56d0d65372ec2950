package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.http.SearchTerms;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;
import vn.ntm.task.shared.TaskVisibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The work lists (README "Endpoints"): a filtered, sorted page of the tasks the caller may see, one task, the
 * summary by assignee and status, and the rows of an export. Reads only; the commands on a task are its feature's
 * (lifecycle, evidence, extensions).
 */
@ApplicationScoped
public class TaskQueries {
    static final int EXPORT_FETCH_SIZE = 500;
    /** A typed word contained in more names than this (one or two letters) is checked row by row instead. */
    static final int MAX_WORDS_PER_TERM = 500;

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final TaskAccess access;
    private final TaskClock clock;
    private final int exportLimit;
    /**
     * Page numbers reach the first this many tasks of a list, and a list counts at most this many matching tasks
     * (plus one, to know there are more), not the whole table ({@code ntm.tasks.offset-window}).
     */
    private final int countLimit;
    private final int searchCountLimit;
    /** A change feed leaves out changes younger than this: their transactions may still be committing. */
    private final Duration feedSettle;

    public TaskQueries(EntityManager em, AgroalDataSource dataSource, TaskAccess access, TaskClock clock,
                       @ConfigProperty(name = "ntm.tasks.export-max-rows", defaultValue = "50000") int exportLimit,
                       @ConfigProperty(name = "ntm.tasks.search-count-limit", defaultValue = "1000")
                       int searchCountLimit,
                       @ConfigProperty(name = "ntm.tasks.offset-window", defaultValue = "10000") int offsetWindow,
                       @ConfigProperty(name = "ntm.tasks.feed-settle", defaultValue = "5s") Duration feedSettle) {
        this.em = em;
        this.dataSource = dataSource;
        this.access = access;
        this.clock = clock;
        this.exportLimit = exportLimit;
        this.countLimit = Math.max(1, offsetWindow);
        this.searchCountLimit = Math.max(1, Math.min(searchCountLimit, countLimit));
        this.feedSettle = feedSettle;
    }

    /**
     * The caller's scope, and for a change feed the upper bound of the changes it shows: a task's {@code updatedAt}
     * is taken when its transaction starts, so a change stamped a moment ago may commit after a client has read past
     * it; leaving the last {@code ntm.tasks.feed-settle} out lets those commit first (README "Change feed").
     */
    private TaskVisibility.Scope scope(TaskVisibility.Scope scope, TaskFilter filter) {
        if (!filter.feed()) {
            return scope;
        }
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("feedSettled", clock.now().minus(feedSettle));
        return new TaskVisibility.Scope("(" + scope.where() + ") and t.updatedAt <= :feedSettled", params);
    }

    /**
     * A page of tasks. {@code total} counts the matching tasks up to {@code ntm.tasks.offset-window} (a search with {@code q}:
     * up to {@code ntm.tasks.search-count-limit}); past it, {@code total} is that limit and {@code totalExact} false. {@code next} is the cursor of the following page (send it as
     * {@code after}), null on the last page.
     */
    public record TaskPage(List<TaskView> items, long total, int page, int size, boolean totalExact, String next) {
    }

    public record Counts(long total, Map<TaskStatus, Long> byStatus, long overdue) {
    }

    public record AssigneeCounts(OrganisationRef assignee, long total, Map<TaskStatus, Long> byStatus,
                                 long overdue) {
    }

    public record Summary(LocalDate today, Counts all, List<AssigneeCounts> byAssignee) {
    }

    /** The last page a list of {@code size} tasks per page reaches by number ({@code page}); cursors go further. */
    public int lastNumberedPage(int size) {
        return Math.max(0, countLimit / size - 1);
    }

    public TaskPage list(TaskFilter filter, Caller caller) {
        return list(filter, caller, true);
    }

    /**
     * A page of the filtered list, read without a JTA transaction (each query autocommits on its own, no commit
     * round trip) and without managed state (read-only entities: no snapshots for dirty checking). With
     * {@code count} false the count query is skipped: {@code total} is then what is known from the pages so far
     * (exact on the last page; a lower bound with {@code totalExact} false when a next page exists).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskPage list(TaskFilter filter, Caller caller, boolean count) {
        LocalDate today = clock.today();
        TaskVisibility.Scope scope = scope(TaskVisibility.read(caller, today), filter);
        TaskFilter.Words words = words();
        TaskFilter.Query q = filter.parse(today, countLimit, words).and(scope.where(), scope.params());
        // a cursor query already starts after the previous page: no offset
        boolean cursor = filter.after() != null && !filter.after().isBlank();
        List<Task> found = select(q).setHint(HibernateHints.HINT_READ_ONLY, true)
                .setFirstResult(cursor ? 0 : q.page() * q.size()).setMaxResults(q.size() + 1).getResultList();
        // the cooperating departments only tell an organisation's user its role: no query for anyone else
        Map<UUID, List<OrganisationRef>> cooperating = caller.has(Caller.ORG) && !caller.orgs().isEmpty()
                ? access.cooperating(found.stream().map(Task::id).toList()) : Map.of();
        List<TaskView> rows = found.stream().map(t -> TaskView.of(t, today,
                TaskAccess.role(t, cooperating.getOrDefault(t.id(), List.of()), caller))).toList();
        List<TaskView> items = rows.size() > q.size() ? rows.subList(0, q.size()) : rows;
        String next = rows.size() > q.size() ? TaskCursor.after(items.get(items.size() - 1), q, q.page() + 1) : null;
        // a search may check its words on each row's text (a frequent word, a list narrowed by a filter): count
        // fewer of its matches
        int limit = filter.q() == null || filter.q().isBlank() ? countLimit : searchCountLimit;
        long total;
        if (!cursor && rows.size() <= q.size() && (!items.isEmpty() || q.page() == 0)) {
            // the last page: the count is known
            return new TaskPage(items, (long) q.page() * q.size() + items.size(), q.page(), q.size(), true, next);
        } else if (!count) {
            // not asked for: what the pages so far prove, plus one for the next page known to exist
            long known = (long) q.page() * q.size() + rows.size();
            return new TaskPage(items, Math.min(known, countLimit), q.page(), q.size(), false, next);
        } else {
            // the count leaves out the cursor's condition: total is about the whole filtered list
            TaskFilter.Query all = filter.parseUnpaged(today, words).and(scope.where(), scope.params());
            total = countUpTo(all, limit + 1);
        }
        if (total > limit) {
            // a lower bound: the limit, or what the pages so far prove when they reach further
            long known = Math.min((long) q.page() * q.size() + rows.size(), countLimit);
            return new TaskPage(items, Math.max(limit, known), q.page(), q.size(), false, next);
        }
        return new TaskPage(items, total, q.page(), q.size(), true, next);
    }

    /**
     * What an export will write: its query (validated and scoped), the number of matching tasks and the most
     * rows it may write. Planned before the first byte is sent, so the response headers can say whether the limit
     * cut the result.
     */
    public record ExportPlan(TaskFilter.Query query, LocalDate today, long total, int limit) {
        public boolean truncated() {
            return total > limit;
        }
    }

    @Transactional
    public ExportPlan planExport(TaskFilter filter, Caller caller) {
        LocalDate today = clock.today();
        TaskVisibility.Scope scope = scope(TaskVisibility.read(caller, today), filter);
        TaskFilter.Query q = filter.parseUnpaged(today, words()).and(scope.where(), scope.params());
        TypedQuery<Long> count = em.createQuery("select count(t) from Task t where " + q.where(), Long.class);
        q.params().forEach(count::setParameter);
        return new ExportPlan(q, today, count.getSingleResult(), exportLimit);
    }

    /**
     * Streams the planned rows to {@code sink} in order, {@value #EXPORT_FETCH_SIZE} rows per round trip, in a
     * read-only transaction: no row is kept once the sink has it, so memory does not grow with the export.
     * Each row carries its number, the day the task was assigned and its days overdue as of the plan's day.
     * Returns the number of rows written.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "ntm.tasks.export-transaction-timeout")
    public long export(ExportPlan plan, Consumer<ExportRow> sink) {
        em.unwrap(Session.class).doWork(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("set transaction read only");
            }
        });
        TaskFilter.Query q = plan.query();
        TypedQuery<Object[]> query = em.createQuery("select t.id, t.inspectionId, t.communeCode, t.communeName,"
                + " t.criterion, t.criterionName, t.assigneeType, t.assigneeCode, t.assigneeName, t.title,"
                + " t.dueDate, t.status, t.version, t.description, t.createdAt from Task t where " + q.where()
                + " order by " + q.orderBy(), Object[].class);
        q.params().forEach(query::setParameter);
        query.setMaxResults(plan.limit());
        query.setHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_FETCH_SIZE);
        query.setHint(HibernateHints.HINT_READ_ONLY, true);
        long written = 0;
        try (Stream<Object[]> rows = query.getResultStream()) {
            for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                TaskStatus status = (TaskStatus) r[11];
                LocalDate due = (LocalDate) r[10];
                Instant created = (Instant) r[14];
                boolean overdue = status.isActive() && due.isBefore(plan.today());
                TaskView task = new TaskView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                        (Integer) r[4], (String) r[5], new OrganisationRef((String) r[6], (String) r[7],
                        (String) r[8]), (String) r[9], (String) r[13], due, status, overdue,
                        ((Number) r[12]).longValue(), null, created, null, null, false, null, null, null, null, null,
                        null);
                written++;
                sink.accept(new ExportRow(written, task,
                        created == null ? null : created.atZone(TaskClock.ZONE).toLocalDate(),
                        overdue ? ChronoUnit.DAYS.between(due, plan.today()) : 0));
            }
        }
        return written;
    }

    /**
     * What the typed words of {@code q} name in the small tables (V34), looked up once per request (a list reads them
     * for its page and its count): one short query on the names and the rules' title texts, whatever the number of
     * tasks.
     */
    private TaskFilter.Words words() {
        Map<List<String>, List<TaskFilter.Match>> known = new HashMap<>();
        return typed -> known.computeIfAbsent(typed, this::lookUpWords);
    }

    /**
     * The names holding each typed word (folded like the names, then made a pattern: {@code %} and {@code _} are
     * ordinary characters), and the rules whose title template holds it outside its placeholders. A word folded to
     * several words (unaccent writes some signs as several characters) or held by more than
     * {@value #MAX_WORDS_PER_TERM} names gets null: it is checked on the text row by row.
     */
    private List<TaskFilter.Match> lookUpWords(List<String> typed) {
        String sql = "select q.i, f.p ~ '[\\x01-\\x20]', n.kind, n.type, n.code, n.name"
                + " from unnest(?::text[]) with ordinality as q(word, i)"
                + " cross join lateral (select " + SearchTerms.containsPattern("public.ntm_fold(q.word)") + " as p) f"
                + " left join lateral ((select s.kind, s.type, s.code, s.name from task_search_name s"
                + " where s.folded like f.p" + SearchTerms.ESCAPE_CLAUSE + " limit " + (MAX_WORDS_PER_TERM + 1) + ")"
                + " union all (select distinct 'rule', '', r.code, '' from (select code, title_template from task_rule"
                + " union all select rule_code, title_template from task_rule_history) r"
                + " where public.ntm_fold(regexp_replace(r.title_template, '\\{[^}]*\\}', ' ', 'g')) like f.p"
                + SearchTerms.ESCAPE_CLAUSE + ")) n on true order by q.i";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", typed.toArray()));
            Map<Long, List<String[]>> rows = new LinkedHashMap<>();
            Map<Long, Boolean> spaced = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long i = rs.getLong(1);
                    spaced.put(i, rs.getBoolean(2));
                    List<String[]> names = rows.computeIfAbsent(i, k -> new ArrayList<>());
                    if (rs.getString(3) != null) {
                        names.add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                    }
                }
            }
            List<TaskFilter.Match> out = new ArrayList<>();
            for (long i = 1; i <= typed.size(); i++) {
                List<String[]> names = rows.getOrDefault(i, List.of());
                out.add(spaced.getOrDefault(i, false) || names.stream().filter(n -> !"rule".equals(n[0])).count()
                        > MAX_WORDS_PER_TERM ? null : match(names));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the search words", e);
        }
    }

    private static TaskFilter.Match match(List<String[]> names) {
        Set<String> communeCodes = new LinkedHashSet<>();
        Set<String> communeNames = new LinkedHashSet<>();
        Set<String> assigneeTypes = new LinkedHashSet<>();
        Set<String> assigneeCodes = new LinkedHashSet<>();
        Set<String> assigneeNames = new LinkedHashSet<>();
        Set<Integer> criteria = new LinkedHashSet<>();
        Set<String> criterionNames = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        for (String[] n : names) {
            switch (n[0]) {
                case "commune" -> {
                    communeCodes.add(n[2]);
                    communeNames.add(n[3]);
                }
                case "assignee" -> {
                    assigneeTypes.add(n[1]);
                    assigneeCodes.add(n[2]);
                    assigneeNames.add(n[3]);
                }
                case "criterion" -> {
                    criteria.add(Integer.valueOf(n[2]));
                    criterionNames.add(n[3]);
                }
                default -> rules.add(n[2]);
            }
        }
        return new TaskFilter.Match(List.copyOf(communeCodes), List.copyOf(communeNames), List.copyOf(assigneeTypes),
                List.copyOf(assigneeCodes), List.copyOf(assigneeNames), List.copyOf(criteria),
                List.copyOf(criterionNames), List.copyOf(rules));
    }

    /** The number of matching tasks, reading no more than {@code limit} of them (one small row each). */
    private long countUpTo(TaskFilter.Query q, int limit) {
        TypedQuery<Integer> ones = em.createQuery("select 1 from Task t where " + q.where(), Integer.class);
        ones.setHint(HibernateHints.HINT_READ_ONLY, true);
        q.params().forEach(ones::setParameter);
        return ones.setMaxResults(limit).getResultList().size();
    }

    private TypedQuery<Task> select(TaskFilter.Query q) {
        TypedQuery<Task> select = em.createQuery("select t from Task t where " + q.where() + " order by "
                + q.orderBy(), Task.class);
        q.params().forEach(select::setParameter);
        return select;
    }

    /** One task, with the caller's role in it; 404 when the caller may not see it. */
    @Transactional
    public TaskView get(String id, Caller caller) {
        return access.view(access.readable(id, caller), caller);
    }

    @Transactional
    public Summary summary(TaskFilter filter, Caller caller) {
        LocalDate today = clock.today();
        TaskVisibility.Scope scope = scope(TaskVisibility.summary(caller, today), filter);
        TaskFilter.Query q = filter.parseUnpaged(today, words()).and(scope.where(), scope.params());
        TypedQuery<Object[]> query = em.createQuery("select t.assigneeType, t.assigneeCode, max(t.assigneeName),"
                + " t.status, count(t), sum(case when t.status in :activeStatuses and t.dueDate < :summaryDay"
                + " then 1 else 0 end) from Task t where " + q.where()
                + " group by t.assigneeType, t.assigneeCode, t.status", Object[].class);
        q.params().forEach(query::setParameter);
        query.setParameter("activeStatuses", TaskStatus.ACTIVE);
        query.setParameter("summaryDay", today);
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, Map<TaskStatus, Long>> statuses = new LinkedHashMap<>();
        Map<String, OrganisationRef> refs = new LinkedHashMap<>();
        long[] all = new long[2];
        Map<TaskStatus, Long> allStatuses = zeroes();
        for (Object[] row : query.getResultList()) {
            String key = row[0] + "|" + row[1];
            refs.putIfAbsent(key, new OrganisationRef((String) row[0], (String) row[1], (String) row[2]));
            long n = ((Number) row[4]).longValue();
            long late = row[5] == null ? 0 : ((Number) row[5]).longValue();
            TaskStatus status = (TaskStatus) row[3];
            long[] t = totals.computeIfAbsent(key, k -> new long[2]);
            t[0] += n;
            t[1] += late;
            statuses.computeIfAbsent(key, k -> zeroes()).merge(status, n, Long::sum);
            all[0] += n;
            all[1] += late;
            allStatuses.merge(status, n, Long::sum);
        }
        List<AssigneeCounts> byAssignee = refs.entrySet().stream()
                .map(e -> new AssigneeCounts(e.getValue(), totals.get(e.getKey())[0], statuses.get(e.getKey()),
                        totals.get(e.getKey())[1]))
                .sorted(Comparator.comparing((AssigneeCounts a) -> a.assignee().type())
                        .thenComparing(a -> a.assignee().code()))
                .toList();
        return new Summary(today, new Counts(all[0], allStatuses, all[1]), byAssignee);
    }

    private static Map<TaskStatus, Long> zeroes() {
        Map<TaskStatus, Long> m = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }
}
