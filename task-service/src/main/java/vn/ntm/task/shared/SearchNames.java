package vn.ntm.task.shared;

import vn.ntm.contracts.OrganisationRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names tasks show, kept in the small table {@code task_search_name} (V34) that the search ({@code q}) resolves
 * typed words against: each writer of a task adds the names it writes in its own transaction, with one statement for
 * all its tasks. Names repeat, so almost every call adds nothing; a name already known is neither folded nor
 * locked again.
 */
public final class SearchNames {
    /** One name of a task: kind {@code commune}, {@code assignee} (with its type) or {@code criterion}. */
    public record Name(String kind, String type, String code, String name) {
        public static Name commune(String code, String name) {
            return new Name("commune", "", code, name);
        }

        public static Name assignee(OrganisationRef ref) {
            return new Name("assignee", ref.type() == null ? "" : ref.type(), ref.code(), ref.name());
        }

        public static Name criterion(Integer criterion, String name) {
            return new Name("criterion", "", criterion == null ? null : criterion.toString(), name);
        }
    }

    private SearchNames() {
    }

    /** Adds the names not yet known (names without a code or a text are left out). */
    public static void learn(Connection c, Collection<Name> names) throws SQLException {
        Set<Name> distinct = new LinkedHashSet<>();
        for (Name n : names) {
            if (n.code() != null && n.name() != null) {
                distinct.add(n);
            }
        }
        if (distinct.isEmpty()) {
            return;
        }
        // one order for every writer: two transactions learning the same new names wait for each other instead of
        // deadlocking on each other's speculative insertions
        List<Name> all = distinct.stream().sorted(java.util.Comparator.comparing(Name::kind,
                java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()))
                .thenComparing(Name::type, java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()))
                .thenComparing(Name::code).thenComparing(Name::name)).toList();
        try (PreparedStatement insert = c.prepareStatement("insert into task_search_name (kind, type, code, name)"
                + " select n.kind, n.type, n.code, n.name from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                + " as n(kind, type, code, name) where not exists (select 1 from task_search_name s"
                + " where s.kind = n.kind and s.type = n.type and s.code = n.code and s.name = n.name)"
                + " on conflict do nothing")) {
            insert.setArray(1, c.createArrayOf("text", all.stream().map(Name::kind).toArray()));
            insert.setArray(2, c.createArrayOf("text", all.stream().map(Name::type).toArray()));
            insert.setArray(3, c.createArrayOf("text", all.stream().map(Name::code).toArray()));
            insert.setArray(4, c.createArrayOf("text", all.stream().map(Name::name).toArray()));
            insert.executeUpdate();
        }
    }
}
