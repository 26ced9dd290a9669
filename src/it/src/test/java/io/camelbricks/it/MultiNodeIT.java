package io.camelbricks.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelbricks.camel.state.JdbcStateRepository;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.server.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, many nodes: two nodes ({@link ClusterNode}, each in a JVM of its own) run the same routes; the file cluster
 * service on a shared directory lets one lead at a time ({@code ClusteredRoutePolicy}, or for the events route also
 * camel-master's {@code master:} endpoint), and the consumer's seen states
 * and cursor live in a shared database (an H2 TCP server on loopback: camel-sql's {@code JdbcMessageIdRepository} and
 * {@link JdbcStateRepository}). The emulator runs here, in the test's JVM. The leader is killed with SIGKILL in the
 * middle of the work; the other node takes over. Each node journals what it did ({@link NodeJournal}); the test merges
 * the journals.
 */
class MultiNodeIT {
    /** How far before the cursor each poll lists again (the nodes' overlap option). */
    static final long OVERLAP_MILLIS = 60_000;
    static final int RUNS = 30;
    static final String CURSOR_KEY = "databricks:jobs/listRuns";
    static final List<String> STATES = List.of("PENDING", "RUNNING", "TERMINATED");

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @RegisterExtension
    final ItReport report = new ItReport();

    @TempDir
    Path dir;

    private static int databases;
    private Server database;
    private String jdbcUrl;
    private JdbcConnectionPool pool;
    private DatabricksEmulator emulator;

    @BeforeEach
    void sharedDatabaseAndFreshWorkspace() throws Exception {
        database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:multinode" + (++databases)
                + ";DB_CLOSE_DELAY=-1";
        pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        emulator = DATABRICKS.emulator();
        emulator.reset();
        emulator.requests().clear();
    }

    @AfterEach
    void stopDatabase() {
        pool.dispose();
        database.stop();
    }

    /**
     * Runs appear, start and end while node A leads; A is killed with the exchange of a RUNNING event in flight (it
     * was journalled as received and written to the sink, its key not stored); B takes over from the cursor A
     * persisted. Every (run, state) is delivered, and the only duplicate is that one exchange in flight at the kill.
     * End to end it is exactly once: each node's route writes each event into {@code run_events} of the shared
     * database with an idempotent insert keyed by run id and state ({@link RunEventsSink}), so B's second delivery of
     * the event A had written changes nothing, and the table holds every state change once.
     */
    @ParameterizedTest(name = "events route led by {0}")
    @ValueSource(strings = {"routePolicy", "master"})
    void everyRunStateChangeIsDeliveredOnceAcrossALeaderKilledMidStream(String eventsLeader) throws Exception {
        emulator.jobs().scriptRunsWhere(spec -> true,
                RunScript.builder().pending(1_000_000).running(1_000_000).thenSucceed());
        int hangAt = RUNS + 10; // the 10th RUNNING event
        report.scenario("two nodes, leader killed with the exchange of event " + hangAt + " of " + 3 * RUNS
                + " in flight, after its sink write; shared H2 (JdbcMessageIdRepository + JdbcStateRepository, sink"
                + " table run_events: MERGE keyed by run id + state), file cluster service; "
                + ("master".equals(eventsLeader) ? "from(\"master:databricks-events:databricks:jobs/listRuns?...\")"
                        : "ClusteredRoutePolicy"));
        Map<String, String> options = nodeOptions("events");
        options.put("eventsLeader", eventsLeader);
        Duration failover;
        String cursorAtKill;
        Instant killedAt;
        List<String> eventsA;
        List<String> storedA;
        List<String> eventsB;
        List<String> sinkWrites;
        try (NodeProcess a = node("events-a", options, Map.of("hangAt", Integer.toString(hangAt)));
             NodeProcess b = leaderFirst(a, "events", options)) {
            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(emulator.jobs().submitRun(runRequest("multinode-" + i)));
            }
            a.awaitJournal(lines -> count(lines, "STORED ") == RUNS, "the PENDING events stored");
            runs.forEach(emulator.jobs()::advanceRun);
            a.awaitJournal(lines -> count(lines, "SINK ") == hangAt,
                    "the " + hangAt + "th event in flight, written to the sink");
            // A's window is unsettled while the exchange hangs: the persisted cursor cannot move until B's first poll
            cursorAtKill = cursors().getState(CURSOR_KEY);
            killedAt = Instant.now();
            a.kill();
            b.awaitLine(line -> line.equals("LEADER events"), "node B leads the events route");
            failover = Duration.between(killedAt, Instant.now());
            awaitDistinct(a, b, 2 * RUNS, "every PENDING and RUNNING event delivered by one node or the other");
            runs.forEach(id -> emulator.jobs().finishRun(id, RunOutcome.success()));
            awaitDistinct(a, b, 3 * RUNS, "every event delivered");
            Instant settled = awaitQuiet(b);
            eventsA = a.lines("EVENT ");
            storedA = a.lines("STORED ");
            eventsB = b.lines("EVENT ");
            sinkWrites = new ArrayList<>(a.lines("SINK "));
            sinkWrites.addAll(b.lines("SINK "));
            assertThat(listRunsAfter(settled)).as("B polled twice more after its last exchange").isGreaterThan(1);
            long oldestStart = runs.stream().mapToLong(id -> emulator.jobs().run(id).orElseThrow()
                    .path("start_time").asLong()).min().orElseThrow();
            assertThat(cursorAtKill).as("the cursor A persisted: the start of the oldest run still in progress")
                    .isEqualTo(Long.toString(oldestStart));
        }

        Set<String> expected = new TreeSet<>();
        for (String event : union(eventsA, eventsB)) {
            expected.add(event.substring(0, event.lastIndexOf(":state=")));
        }
        Set<String> everyChange = new TreeSet<>();
        expected.forEach(run -> STATES.forEach(state -> everyChange.add(run + ":state=" + state)));
        Set<String> inFlightAtKill = new LinkedHashSet<>(eventsA);
        inFlightAtKill.removeAll(storedA);
        List<String> all = new ArrayList<>(eventsA);
        all.addAll(eventsB);
        Map<String, Long> times = all.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        Set<String> duplicates = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> lost = new TreeSet<>(everyChange);
        lost.removeAll(all);
        Map<String, String> sinkRows = sinkRows();
        Set<String> absorbed = sinkWrites.stream().filter(line -> line.endsWith(" present"))
                .map(line -> line.substring(0, line.lastIndexOf(' '))).collect(Collectors.toCollection(TreeSet::new));
        RecordedRequest firstOfB = emulator.requests().matching(r -> r.is("GET", "/jobs/runs/list")
                && r.time().isAfter(killedAt)).get(0);

        report.figure("runs", RUNS).figure("state changes", everyChange.size())
                .figure("delivered by A", eventsA.size()).figure("delivered by B", eventsB.size())
                .figure("in flight at the kill", inFlightAtKill.size()).figure("duplicates", duplicates.size())
                .figure("lost", lost.size()).figure("sink writes", sinkWrites.size())
                .figure("sink rows", sinkRows.size()).figure("sink writes absorbed", absorbed.size())
                .figure("failover (kill to B leading)", failover.toMillis() + " ms");
        assertThat(expected).as("runs seen").hasSize(RUNS);
        assertThat(all).as("only the runs' states").allMatch(everyChange::contains);
        assertThat(lost).as("state changes never delivered").isEmpty();
        assertThat(inFlightAtKill).as("A's exchanges in flight at the kill: the one that hangs")
                .containsExactly(eventsA.get(hangAt - 1));
        assertThat(duplicates).as("delivered twice: exactly the exchanges in flight at the kill")
                .isEqualTo(inFlightAtKill);
        assertThat(times.values()).as("nothing delivered three times").allMatch(n -> n <= 2);
        assertThat(new HashSet<>(eventsA)).as("A alone delivers nothing twice").hasSize(eventsA.size());
        assertThat(new HashSet<>(eventsB)).as("B alone delivers nothing twice").hasSize(eventsB.size());
        assertThat(eventsB).as("B delivers the rest of the stream").contains(eventsA.get(hangAt - 1));
        assertThat(sinkWrites).as("every delivery was written to the sink").hasSize(all.size());
        assertThat(sinkRows.keySet()).as("the sink: every state change once, none missing")
                .isEqualTo(everyChange);
        assertThat(absorbed).as("sink writes that found their row: the deliveries of the exchange in flight")
                .isEqualTo(duplicates);
        assertThat(sinkRows.get(eventsA.get(hangAt - 1))).as("the row of the event in flight: A's write, kept")
                .isEqualTo("events-a");
        assertThat(firstOfB.queryParameter("start_time_from")).as("B's first listing starts at A's cursor - overlap")
                .isEqualTo(Long.toString(Long.parseLong(cursorAtKill) - OVERLAP_MILLIS));
    }

    /**
     * Node A takes two orders (files in shared inboxes, under leader-elected routes), starts a run for each and waits;
     * A is killed mid-wait. B, now leader, gets both orders again. Order 4711 is resumed by its business key: B submits
     * it again, the same idempotency token reaches the workspace and no second run starts. Order 4712 is resumed by the
     * run id A kept in the shared state repository: B submits nothing. Both of B's waits follow A's runs to their end.
     */
    @Test
    void waitsInFlightOnAKilledNodeResumeOnTheOtherWithoutASecondRun() throws Exception {
        emulator.jobs().scriptRunsWhere(spec -> true, RunScript.builder().pending(1_000_000).thenSucceed());
        report.scenario("jobs/submit?wait=true: node A killed mid-wait, the orders redelivered on node B (by business"
                + " key, and by the run id in a shared StateRepository)");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path inboxById = Files.createDirectories(dir.resolve("inbox-by-id"));
        Map<String, String> options = nodeOptions("orders");
        options.put("inbox", inbox.toString());
        options.put("inboxById", inboxById.toString());
        long byKey;
        long byId;
        List<String> doneA;
        List<String> doneB;
        List<String> resumedB;
        try (NodeProcess a = node("orders-a", options, Map.of());
             NodeProcess b = leaderFirst(a, "orders", options)) {
            drop(inbox, "order-4711");
            drop(inboxById, "order-4712");
            a.awaitLine(line -> line.equals("SUBMITTING order-4711"), "A submits order 4711");
            a.awaitLine(line -> line.startsWith("WAITING order-4712 "), "A waits on order 4712");
            byKey = runNamed("order-4711");
            byId = runNamed("order-4712");
            awaitTrue(() -> polled(byKey, Instant.MIN) && polled(byId, Instant.MIN), "A waits on both runs");
            Instant killedAt = Instant.now();
            a.kill();
            b.awaitLine(line -> line.equals("SUBMITTING order-4711"), "B gets order 4711 again");
            b.awaitLine(line -> line.equals("RESUMING order-4712 " + byId), "B finds the run of order 4712");
            awaitTrue(() -> polled(byKey, killedAt) && polled(byId, killedAt), "B waits on both runs");
            emulator.jobs().finishRun(byKey, RunOutcome.success());
            emulator.jobs().finishRun(byId, RunOutcome.success());
            b.awaitJournal(lines -> count(lines, "DONE ") == 2, "B's waits complete");
            doneA = a.lines("DONE ");
            doneB = b.lines("DONE ");
            resumedB = b.lines("RESUMING ");
        }

        List<RecordedRequest> submits = emulator.requests().matching("POST", "/jobs/runs/submit");
        Map<String, List<String>> tokens = new HashMap<>();
        for (RecordedRequest submit : submits) {
            var body = new ObjectMapper().readTree(submit.body());
            tokens.computeIfAbsent(body.path("run_name").asText(), k -> new ArrayList<>())
                    .add(body.path("idempotency_token").asText());
        }
        report.figure("runs", emulator.jobs().runCount())
                .figure("submits of order 4711 (by key)", tokens.get("order-4711").size())
                .figure("its distinct tokens", new HashSet<>(tokens.get("order-4711")).size())
                .figure("submits of order 4712 (by run id)", tokens.get("order-4712").size());
        assertThat(emulator.jobs().runCount()).as("runs in the workspace").isEqualTo(2);
        assertThat(tokens.get("order-4711")).as("A's submit and B's resubmit, with one token").hasSize(2)
                .doesNotContain("").containsOnly(tokens.get("order-4711").get(0));
        assertThat(tokens.get("order-4712")).as("A's submit only: B reattached by run id").hasSize(1);
        assertThat(resumedB).containsExactly("order-4712 " + byId);
        assertThat(doneA).as("A died waiting").isEmpty();
        assertThat(doneB).containsExactlyInAnyOrder("order-4711 " + byKey + " SUCCESS",
                "order-4712 " + byId + " SUCCESS");
    }

    // ---- helpers

    private Map<String, String> nodeOptions(String routes) throws Exception {
        Map<String, String> options = new HashMap<>();
        options.put("routes", routes);
        options.put("clusterRoot", Files.createDirectories(dir.resolve("cluster")).toString());
        options.put("jdbcUrl", jdbcUrl);
        options.put("overlap", Long.toString(OVERLAP_MILLIS));
        return options;
    }

    private NodeProcess node(String name, Map<String, String> options, Map<String, String> more) throws Exception {
        Map<String, String> all = new HashMap<>(options);
        all.putAll(more);
        return NodeProcess.start(name, dir, NodeProcess.logDirectory(dir), emulator, all);
    }

    /** Once A leads the route, starts B ({@code <route>-b}, a follower); returns B once its context runs. */
    private NodeProcess leaderFirst(NodeProcess a, String route, Map<String, String> options) throws Exception {
        a.awaitLine(line -> line.equals("LEADER " + route), "node A leads the " + route + " route");
        NodeProcess b = node(route + "-b", options, Map.of());
        b.awaitLine(line -> line.equals("STARTED"), "node B started");
        assertThat(b.journal()).as("B follows while A leads").doesNotContain("LEADER " + route);
        return b;
    }

    private JdbcStateRepository cursors() {
        JdbcStateRepository cursors = new JdbcStateRepository(pool, ClusterNode.EVENTS_NAMESPACE);
        cursors.start();
        return cursors;
    }

    /** The sink table's rows: the event key (as the consumer's, {@code jobs/listRuns:run_id=..:state=..}) to node. */
    private Map<String, String> sinkRows() throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT run_id, state, node FROM " + RunEventsSink.TABLE)) {
            while (result.next()) {
                String key = "jobs/listRuns:run_id=" + result.getLong(1) + ":state=" + result.getString(2);
                assertThat(rows.put(key, result.getString(3))).as("sink rows of " + key).isNull();
            }
        }
        return rows;
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void awaitDistinct(NodeProcess a, NodeProcess b, int n, String what) throws Exception {
        b.awaitJournal(lines -> union(a.lines("EVENT "), b.lines("EVENT ")).size() >= n, what);
    }

    /** Waits until every exchange of B completed (each EVENT has its STORED); returns that instant. */
    private Instant awaitQuiet(NodeProcess b) throws Exception {
        b.awaitJournal(lines -> new HashSet<>(b.lines("STORED ")).containsAll(b.lines("EVENT ")),
                "B's exchanges completed");
        Instant settled = Instant.now();
        awaitTrue(() -> listRunsAfter(settled) >= 2, "two more polls of B");
        return settled;
    }

    private long listRunsAfter(Instant time) {
        return emulator.requests().matching(r -> r.is("GET", "/jobs/runs/list") && r.time().isAfter(time)).size();
    }

    /** Drops an order (a one-task run request named after it) into an inbox, atomically. */
    private static void drop(Path inbox, String order) throws Exception {
        Path hidden = inbox.resolve("." + order + ".json");
        Files.writeString(hidden, new ObjectMapper().writeValueAsString(runRequest(order)));
        Files.move(hidden, inbox.resolve(order + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private long runNamed(String runName) {
        return emulator.jobs().runIds().stream()
                .filter(id -> runName.equals(emulator.jobs().run(id).orElseThrow().path("run_name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no run named " + runName));
    }

    /** Whether the run was polled ({@code runs/get}) after {@code time}. */
    private boolean polled(long runId, Instant time) {
        return !emulator.requests().matching(r -> r.is("GET", "/jobs/runs/get") && r.time().isAfter(time)
                && Long.toString(runId).equals(r.queryParameter("run_id"))).isEmpty();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode runRequest(String runName) {
        return new ObjectMapper().valueToTree(Map.of("run_name", runName,
                "tasks", List.of(Map.of("task_key", "main",
                        "notebook_task", Map.of("notebook_path", "/Workspace/Shared/multinode")))));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(10);
        }
    }
}
