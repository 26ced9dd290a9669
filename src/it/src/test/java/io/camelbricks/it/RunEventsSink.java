package io.camelbricks.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.camel.Exchange;

import io.camelbricks.camel.DatabricksConstants;

/**
 * The downstream system of {@link ClusterNode}'s events route, made idempotent the documented way: each run state
 * change becomes one row of {@code run_events}, keyed by run id and observed state (headers
 * {@code CamelDatabricksRunId}, {@code CamelDatabricksObservedState}), written with an insert that does nothing when
 * the key is there (standard SQL {@code MERGE ... WHEN NOT MATCHED THEN INSERT} on H2; on PostgreSQL
 * {@code INSERT ... ON CONFLICT (run_id, state) DO NOTHING}). A state change delivered twice (the consumer's
 * at-least-once for exchanges in flight at a crash) is written once. The row keeps the node that wrote it first.
 */
final class RunEventsSink {
    static final String TABLE = "run_events";
    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (run_id BIGINT NOT NULL,"
            + " state VARCHAR(64) NOT NULL, node VARCHAR(64) NOT NULL, PRIMARY KEY (run_id, state))";
    private static final String INSERT_IF_ABSENT = "MERGE INTO " + TABLE + " t USING (VALUES (CAST(? AS BIGINT),"
            + " CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)))) s (run_id, state, node)"
            + " ON t.run_id = s.run_id AND t.state = s.state"
            + " WHEN NOT MATCHED THEN INSERT (run_id, state, node) VALUES (s.run_id, s.state, s.node)";

    private final DataSource database;
    private final String node;

    RunEventsSink(DataSource database, String node) {
        this.database = database;
        this.node = node;
    }

    void createTable() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    /** Writes the exchange's run state change unless it is there; true when this call inserted the row. */
    boolean write(Exchange exchange) throws SQLException {
        Long runId = exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        String state = exchange.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class);
        if (runId == null || state == null) {
            throw new IllegalArgumentException("a run event needs headers " + DatabricksConstants.RUN_ID + " and "
                    + DatabricksConstants.OBSERVED_STATE + ", got " + runId + " and " + state);
        }
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            insert.setLong(1, runId);
            insert.setString(2, state);
            insert.setString(3, node);
            return insert.executeUpdate() == 1;
        }
    }
}
