package vn.ntm.testinfra;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Makes the real PostgreSQL refuse inserts of one row with a chosen SQL state (a trigger that raises it), as an
 * exhausted or overloaded server would, until closed. Counts the refusals, so a test can wait for retries.
 */
public final class RefusingTable implements AutoCloseable {
    private final DataSource db;
    private final String name = "refuse_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String table;

    /** Refuses inserts into {@code table} whose {@code column} equals {@code value}, with {@code sqlState}. */
    public RefusingTable(DataSource db, String table, String column, String value, String sqlState) {
        this.db = db;
        this.table = table;
        execute("create sequence " + name + "_count",
                "create function " + name + "() returns trigger language plpgsql as $$ begin"
                        + " perform nextval('" + name + "_count');"
                        + " raise exception 'refused by the test (%)', '" + sqlState + "' using errcode = '"
                        + sqlState + "'; end $$",
                "create trigger " + name + " before insert on " + table + " for each row when (new." + column
                        + "::text = '" + value.replace("'", "''") + "') execute function " + name + "()");
    }

    /** How many inserts were refused so far (sequences are not rolled back with the failed transaction). */
    public long refusals() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select case when is_called then last_value else 0 end from " + name
                     + "_count")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute("drop trigger if exists " + name + " on " + table, "drop function if exists " + name + "()",
                "drop sequence if exists " + name + "_count");
    }

    private void execute(String... statements) {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
