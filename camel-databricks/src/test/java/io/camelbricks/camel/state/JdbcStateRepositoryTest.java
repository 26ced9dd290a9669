package io.camelbricks.camel.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JdbcStateRepository} on a real SQL engine: H2 in memory, and H2 as a TCP server on loopback that two
 * repositories (two "nodes", each with its own connection pool) share.
 */
class JdbcStateRepositoryTest {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private static int databases;
    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private Server server;
    private String database;

    @BeforeEach
    void freshDatabase() {
        database = "state" + (++databases) + "_" + System.nanoTime();
    }

    @AfterEach
    void closeAll() {
        pools.forEach(JdbcConnectionPool::dispose);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void createsItsTableWhenAbsentAndStartsAgainOnTheExistingOne() throws Exception {
        DataSource db = embedded();
        JdbcStateRepository first = started(new JdbcStateRepository(db));
        first.setState("databricks:jobs/listRuns", "1700000000000");
        first.stop();

        assertThat(tables(db)).contains("CAMEL_STATE");
        JdbcStateRepository again = started(new JdbcStateRepository(db));
        assertThat(again.getState("databricks:jobs/listRuns")).isEqualTo("1700000000000");
    }

    @Test
    void aKeyNeverSetHasNoState() {
        JdbcStateRepository repository = started(new JdbcStateRepository(embedded()));

        assertThat(repository.getState("databricks:jobs/listRuns?job_id=42")).isNull();
    }

    @Test
    void settingAKeyAgainOverwritesItsValueInOneRow() throws Exception {
        DataSource db = embedded();
        JdbcStateRepository repository = started(new JdbcStateRepository(db));

        repository.setState("cursor", "100");
        repository.setState("cursor", "250");

        assertThat(repository.getState("cursor")).isEqualTo("250");
        assertThat(count(db, "SELECT COUNT(*) FROM CAMEL_STATE WHERE STATE_KEY = 'cursor'")).isEqualTo(1);
    }

    @Test
    void aNullValueRemovesTheKey() throws Exception {
        DataSource db = embedded();
        JdbcStateRepository repository = started(new JdbcStateRepository(db));
        repository.setState("cursor", "100");

        repository.setState("cursor", null);

        assertThat(repository.getState("cursor")).isNull();
        assertThat(count(db, "SELECT COUNT(*) FROM CAMEL_STATE")).isZero();
    }

    @Test
    void repositoriesOfDifferentNamesShareTheTableWithoutSeeingEachOther() {
        DataSource db = embedded();
        JdbcStateRepository orders = started(new JdbcStateRepository(db, "orders"));
        JdbcStateRepository events = started(new JdbcStateRepository(db, "events"));

        orders.setState("cursor", "1");
        events.setState("cursor", "2");

        assertThat(orders.getState("cursor")).isEqualTo("1");
        assertThat(events.getState("cursor")).isEqualTo("2");
    }

    @Test
    void aCustomTableInASchemaIsCreatedAndUsed() throws Exception {
        DataSource db = embedded();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA camel");
        }
        JdbcStateRepository repository = new JdbcStateRepository(db);
        repository.setTableName("camel.run_cursors");
        started(repository);

        repository.setState("cursor", "7");

        assertThat(count(db, "SELECT COUNT(*) FROM camel.run_cursors WHERE STATE_VALUE = '7'")).isEqualTo(1);
    }

    @Test
    void withoutCreateTableAMissingTableIsAClearError() {
        JdbcStateRepository repository = new JdbcStateRepository(embedded(), "events");
        repository.setCreateTable(false);
        started(repository);

        assertThatThrownBy(() -> repository.getState("cursor"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not read the state of key 'cursor'")
                .hasMessageContaining("table CAMEL_STATE, repository 'events'")
                .hasMessageContaining("SQLState 42");
    }

    @Test
    void aTableNameThatIsNotAnIdentifierIsRefusedNamingWhatIsAccepted() {
        JdbcStateRepository repository = new JdbcStateRepository(embedded());

        assertThatThrownBy(() -> repository.setTableName("state; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an SQL identifier, optionally qualified by a schema")
                .hasMessageContaining("'state; DROP TABLE users'");
    }

    @Test
    void aRepositoryWithoutDataSourceDoesNotStart() {
        JdbcStateRepository repository = new JdbcStateRepository();

        assertThatThrownBy(repository::start).hasMessageContaining("needs a DataSource");
    }

    @Test
    void aStateWrittenByOneNodeIsReadByAnotherThroughTheServer() throws Exception {
        String url = tcpServer();
        JdbcStateRepository nodeA = started(new JdbcStateRepository(pool(url)));
        JdbcStateRepository nodeB = started(new JdbcStateRepository(pool(url)));

        nodeA.setState("databricks:jobs/listRuns", "1700000000000");
        assertThat(nodeB.getState("databricks:jobs/listRuns")).isEqualTo("1700000000000");
        nodeB.setState("databricks:jobs/listRuns", "1700000009999");
        assertThat(nodeA.getState("databricks:jobs/listRuns")).isEqualTo("1700000009999");
    }

    /**
     * Two nodes write the same new keys at the same instant, many times over: each key ends in exactly one row
     * holding one of the two values, and no write fails (the insert that loses the race turns into an update).
     */
    @Test
    void twoNodesWritingTheSameNewKeyAtOnceLeaveOneRowAndNoError() throws Exception {
        String url = tcpServer();
        DataSource shared = pool(url);
        JdbcStateRepository nodeA = started(new JdbcStateRepository(shared));
        JdbcStateRepository nodeB = started(new JdbcStateRepository(pool(url)));
        int keys = 200;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> writeAll(nodeA, "A", keys, together));
            Future<?> b = threads.submit(() -> writeAll(nodeB, "B", keys, together));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(count(shared, "SELECT COUNT(*) FROM CAMEL_STATE")).isEqualTo(keys);
        for (int i = 0; i < keys; i++) {
            assertThat(nodeA.getState("key-" + i)).isIn("A" + i, "B" + i);
        }
    }

    /**
     * The run-events consumer keeps its cursor in the table: a second context (another node) with another pool
     * reads it under the consumer's key.
     */
    @Test
    void theRunEventsCursorIsKeptInTheTableForTheNextNode() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        emulator.jobs().scriptRunsWhere(spec -> true, RunScript.builder().pending(1_000).thenSucceed());
        String url = tcpServer();
        long runId = emulator.jobs().submitRun(new ObjectMapper().valueToTree(Map.of("run_name", "cursor",
                "tasks", List.of(Map.of("task_key", "main", "notebook_task", Map.of("notebook_path", "/cursor"))))));
        long start = emulator.jobs().run(runId).orElseThrow().path("start_time").asLong();
        List<String> delivered = new ArrayList<>();

        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cursors", new JdbcStateRepository(pool(url), "events"));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("databricks:jobs/listRuns?emit=changes&startScheduler=false&startFrom=earliest&overlap=0"
                            + "&stateRepository=#cursors&host=RAW(" + emulator.url() + ")&token=RAW("
                            + emulator.token() + ")").routeId("events")
                            .process(e -> delivered.add(e.getMessage().getHeader("CamelDatabricksObservedState",
                                    String.class)));
                }
            });
            camel.start();
            ((ScheduledPollConsumer) camel.getRoute("events").getConsumer()).run();
        }

        JdbcStateRepository otherNode = started(new JdbcStateRepository(pool(url), "events"));
        assertThat(delivered).containsExactly("PENDING");
        // the run is still in progress: the cursor stays at its start, so the next leader lists it again
        assertThat(otherNode.getState("databricks:jobs/listRuns")).isEqualTo(Long.toString(start));
    }

    // ---- helpers

    private static void writeAll(JdbcStateRepository node, String prefix, int keys, CyclicBarrier together) {
        try {
            for (int i = 0; i < keys; i++) {
                together.await(10, TimeUnit.SECONDS);
                node.setState("key-" + i, prefix + i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JdbcStateRepository started(JdbcStateRepository repository) {
        repository.start();
        return repository;
    }

    private DataSource embedded() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    /** An H2 TCP server on loopback (a free port) holding an in-memory database; returns its JDBC URL. */
    private String tcpServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + database + ";DB_CLOSE_DELAY=-1";
    }

    private DataSource pool(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pools.add(pool);
        return pool;
    }

    private static List<String> tables(DataSource db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
