package vn.ntm.task;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many tasks of one made-up inspection, written by one {@code insert … select … generate_series} statement: varied
 * due dates, statuses, criteria and communes (every 7th task without a criterion, every 10th without a commune, for
 * the null ordering of sorts), all in one province and due after 2090 so that no deadline check touches them.
 */
public final class BulkTasks {
    private BulkTasks() {
    }

    public static UUID insert(DataSource ds, String province, int count) {
        UUID inspectionId = UUID.randomUUID();
        execute(ds, "insert into task (id, inspection_id, rule_code, source_ref, commune_code, commune_name,"
                + " province_code, criterion, criterion_name, assignee_type, assignee_code, assignee_name, title,"
                + " description, due_date, status, version, created_at, updated_at)"
                + " select gen_random_uuid(), ?, 'BULK', g::text,"
                + " case when g % 10 = 0 then null else lpad((g % 97)::text, 5, '0') end,"
                + " case when g % 10 = 0 then null else 'Xã Thử ' || (g % 97) end,"
                + " ?, case when g % 7 = 0 then null else 1 + g % 19 end, 'Tiêu chí ' || (1 + g % 19),"
                + " 'UBND_XA', lpad((g % 50)::text, 5, '0'), 'UBND xã số ' || (g % 50),"
                + " 'Nhiệm vụ số ' || (g % 1000) || ': hoàn thành tiêu chí, báo cáo kết quả',"
                + " repeat('Mô tả chi tiết của nhiệm vụ. ', 30), date '2090-01-01' + (g % 365),"
                + " (array['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'])[1 + g % 4], g % 3,"
                + " timestamptz '2025-06-01 00:00:00+07' + (g % 5000) * interval '1 millisecond',"
                + " timestamptz '2025-07-01 00:00:00+07' + (g % 3000) * interval '1 microsecond'"
                + " from generate_series(1, ?) g", inspectionId, province, count);
        execute(ds, "analyze task");
        return inspectionId;
    }

    /**
     * Records the names the inspection's tasks show in the search's table of names (V34), as task-service's writers
     * do for the tasks they write (SearchNames): tasks written here straight into the table are otherwise found by
     * {@code q} only with a filter that narrows the list.
     */
    public static void learnNames(DataSource ds, UUID inspectionId) {
        execute(ds, "insert into task_search_name (kind, type, code, name) select distinct n.kind, n.type, n.code,"
                + " n.name from task t cross join lateral (values ('commune', '', t.commune_code, t.commune_name),"
                + " ('assignee', t.assignee_type, t.assignee_code, t.assignee_name),"
                + " ('criterion', '', t.criterion::text, t.criterion_name)) as n(kind, type, code, name)"
                + " where t.inspection_id = ? and n.code is not null and n.name is not null on conflict do nothing",
                inspectionId);
    }

    public static void delete(DataSource ds, UUID inspectionId) {
        execute(ds, "delete from task where inspection_id = ?", inspectionId);
    }

    /** Ids of the inspection's tasks in the order of an SQL {@code order by}. */
    public static List<String> ids(DataSource ds, UUID inspectionId, String orderBy) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id from task where inspection_id = ? order by " + orderBy)) {
            st.setObject(1, inspectionId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                // a query that finds no row counts nothing
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
