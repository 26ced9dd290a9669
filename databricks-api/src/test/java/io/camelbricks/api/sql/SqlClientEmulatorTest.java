package io.camelbricks.api.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.InternalError;
import io.camelbricks.api.error.TransportException;
import io.camelbricks.api.service.sql.Disposition;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.service.sql.Format;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.StatementScript;

/** {@code w.sql()}: execution modes, failures, typed rows across INLINE and EXTERNAL_LINKS chunks, link refresh. */
class SqlClientEmulatorTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static DatabricksEmulator emu;
    private static WorkspaceClient w;

    @BeforeAll
    static void start() {
        emu = EmulatorOptions.builder().clock(CLOCK).emulator().start();
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    @AfterAll
    static void stop() {
        w.close();
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
        emu.sql().execute("CREATE TABLE main.default.orders (id INT, customer STRING, amount DECIMAL(10,2), paid BOOLEAN,"
                + " ratio DOUBLE, big BIGINT, d DATE, ts TIMESTAMP)");
        emu.sql().execute("INSERT INTO main.default.orders SELECT id, 'c' || MOD(id, 3), id * 1.5, MOD(id, 2) = 0,"
                + " id / 4.0, id * 10000000000, DATEADD(DAY, id, DATE '2024-01-01'), TIMESTAMP '2024-01-02 03:04:05' FROM range(1, 26)");
    }

    private static ExecuteStatementRequest sql(String statement) {
        return new ExecuteStatementRequest().setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID).setStatement(statement);
    }

    private static List<Long> ids(Iterable<Row> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add((Long) r.get("id")));
        return ids;
    }

    @Test
    void rowsAreTypedByTheManifestSchema() {
        emu.sql().execute("INSERT INTO orders VALUES (99, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        StatementResult r = w.sql().execute(sql("SELECT * FROM orders WHERE id IN (2, 99) ORDER BY id"));

        List<Row> rows = new ArrayList<>();
        r.forEach(rows::add);
        assertThat(rows).hasSize(2);
        Row two = rows.get(0);
        assertThat(two.get("id")).isEqualTo(2L);
        assertThat(two.get("customer")).isEqualTo("c2");
        assertThat(two.get("amount")).isEqualTo(new BigDecimal("3.00"));
        assertThat(two.get("paid")).isEqualTo(true);
        assertThat(two.get("ratio")).isEqualTo(0.5);
        assertThat(two.get("big")).isEqualTo(20000000000L);
        assertThat(two.get("d")).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(two.get("ts")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(rows.get(1).values()).containsExactly(99L, null, null, null, null, null, null, null);
        assertThat(r.columnNames()).startsWith("id", "customer");
        assertThat(two.asMap()).containsEntry("customer", "c2");
    }

    @Test
    void aFailedStatementInsideA200RaisesTheErrorCodeAndMessage() {
        assertThatThrownBy(() -> w.sql().execute(sql("SELEC 1")))
                .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                    assertThat(e.getState()).isEqualTo("FAILED");
                    assertThat(e.getErrorCode()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getServerMessage()).startsWith("[PARSE_SYNTAX_ERROR]");
                    assertThat(e.getMessage()).contains("FAILED").contains("BAD_REQUEST").contains("PARSE_SYNTAX_ERROR");
                });
        assertThatThrownBy(() -> w.sql().executeAsync(sql("SELECT * FROM nowhere")).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StatementFailedException.class)
                .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }

    @Test
    void hybridExecutionPollsAStatementThatIsStillRunning() {
        emu.sql().scriptNextStatement(StatementScript.running(3));
        StatementResult r = w.sql().execute(sql("SELECT id FROM orders WHERE id <= 3 ORDER BY id"));
        assertThat(ids(r)).containsExactly(1L, 2L, 3L);
        assertThat(emu.requests().count("POST", "/sql/statements")).isEqualTo(1);
        assertThat(emu.requests().all().get(0).bodyText()).contains("\"wait_timeout\":\"10s\"");
        assertThat(emu.requests().operationCounts().get("sql.StatementExecution.getStatement")).isEqualTo(3);
    }

    @Test
    void asyncExecutionSendsAZeroWaitAndPollsOnTheScheduler() throws Exception {
        emu.sql().scriptNextStatement(StatementScript.running(2));
        StatementResult r = w.sql().executeAsync(sql("SELECT COUNT(*) AS n FROM orders")).get(10, TimeUnit.SECONDS);
        assertThat(r.iterator().next().get("n")).isEqualTo(25L);
        assertThat(emu.requests().all().stream().filter(q -> "POST".equals(q.method()))
                .map(q -> q.bodyText()).findFirst().orElseThrow()).contains("\"wait_timeout\":\"0s\"");
    }

    @Test
    void cancelEndsARunningStatement() {
        emu.sql().scriptNextStatement(StatementScript.running(Duration.ofMinutes(10)));
        String id = w.sql().submit(sql("DELETE FROM orders")).getStatementId();
        w.sql().cancel(id);
        assertThat(w.sql().get(id).getStatus().getState().value()).isEqualTo("CANCELED");
        assertThatThrownBy(() -> w.sql().result(w.sql().get(id))).isInstanceOfSatisfying(StatementFailedException.class,
                e -> assertThat(e.getState()).isEqualTo("CANCELED"));
        assertThat(emu.sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]).isEqualTo("25");
    }

    @Test
    void executeIsNotRetriedOnA500OrALostAnswerButIsOn429And503() {
        emu.faults().on("POST", "/sql/statements").respond(500).once();
        assertThatThrownBy(() -> w.sql().execute(sql("SELECT 1"))).isInstanceOf(InternalError.class);
        assertThat(emu.requests().count("POST", "/sql/statements")).isEqualTo(1);

        emu.faults().on("POST", "/sql/statements").loseResponse().once();
        assertThatThrownBy(() -> w.sql().execute(sql("INSERT INTO orders VALUES (100, 'x', 1, true, 1, 1, NULL, NULL)")))
                .isInstanceOf(TransportException.class);
        assertThat(emu.requests().count("POST", "/sql/statements")).isEqualTo(2);
        assertThat(emu.sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]).isEqualTo("26");

        emu.faults().on("POST", "/sql/statements").respond(503).once();
        emu.faults().on("POST", "/sql/statements").respond(429).once();
        assertThat(ids(w.sql().execute(sql("SELECT 7 AS id")))).containsExactly(7L);
        assertThat(emu.requests().count("POST", "/sql/statements")).isEqualTo(5);
    }

    @Test
    void executeAsyncIsNotRetriedOnA500() {
        emu.faults().on("POST", "/sql/statements").respond(500).once();
        assertThatThrownBy(() -> w.sql().executeAsync(sql("SELECT 1")).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InternalError.class);
        assertThat(emu.requests().count("POST", "/sql/statements")).isEqualTo(1);
    }

    @Test
    void aStatementThatFailsWhilePolledRaisesStatementFailedException() {
        emu.sql().scriptNextStatement(StatementScript.builder().running(2)
                .thenFail("DEADLINE_EXCEEDED", "Query exceeded the timeout"));
        assertThatThrownBy(() -> w.sql().execute(sql("SELECT * FROM orders")))
                .isInstanceOfSatisfying(StatementFailedException.class, e -> {
                    assertThat(e.getState()).isEqualTo("FAILED");
                    assertThat(e.getErrorCode()).isEqualTo("DEADLINE_EXCEEDED");
                    assertThat(e.getServerMessage()).isEqualTo("Query exceeded the timeout");
                });
        assertThat(emu.requests().operationCounts().get("sql.StatementExecution.getStatement")).isEqualTo(2);
    }

    @Test
    void aStatementStillRunningAtTheClientDeadlineIsCancelled() {
        emu.sql().scriptNextStatement(StatementScript.running(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> w.sql().execute(sql("DELETE FROM orders"), Duration.ofMillis(50)))
                .isInstanceOf(io.camelbricks.api.DatabricksException.class).hasMessageContaining("cancelled");
        String id = emu.sql().statementIds().get(0);
        assertThat(emu.sql().statementState(id)).contains("CANCELED");
        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(emu.sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]).isEqualTo("25");
    }

    @Test
    void inlineChunksAreIteratedLazily() {
        emu.sql().chunkRows(10);
        StatementResult r = w.sql().prefetch(0).execute(sql("SELECT id FROM orders ORDER BY id"));
        assertThat(r.chunkCount()).isEqualTo(3);
        Iterator<Row> it = r.iterator();
        for (int i = 1; i <= 10; i++) {
            assertThat(it.next().get("id")).isEqualTo((long) i);
        }
        assertThat(chunkGets()).isZero();
        assertThat(it.next().get("id")).isEqualTo(11L);
        assertThat(chunkGets()).isEqualTo(1);
        List<Long> rest = new ArrayList<>();
        it.forEachRemaining(row -> rest.add((Long) row.get(0)));
        assertThat(rest).hasSize(14).endsWith(25L);
        assertThat(chunkGets()).isEqualTo(2);
        assertThat(ids(r)).hasSize(25);
        w.sql().prefetch(2);
    }

    @Test
    void closingTheIteratorStopsFetching() throws Exception {
        emu.sql().chunkRows(2);
        StatementResult r = w.sql().prefetch(1).execute(sql("SELECT id FROM orders ORDER BY id"));
        StatementResult.RowIterator it = r.iterator();
        it.next();
        it.close();
        ThreadPoolExecutor fetches = (ThreadPoolExecutor) w.sql().fetchPool();
        awaitTrue(() -> fetches.getActiveCount() == 0 && fetches.getQueue().isEmpty(), "prefetching stopped");
        assertThat(chunkGets()).isLessThanOrEqualTo(2);
        assertThat(it.hasNext()).isFalse();
        w.sql().prefetch(2);
    }

    @Test
    void externalLinksAreFetchedWithoutAuthorizationAcrossChunks() {
        emu.sql().chunkRows(4);
        StatementResult r = w.sql().execute(sql("SELECT * FROM orders ORDER BY id").setDisposition(Disposition.EXTERNAL_LINKS));
        assertThat(r.chunkCount()).isEqualTo(7);
        List<Row> rows = new ArrayList<>();
        r.forEach(rows::add);
        assertThat(rows).extracting(x -> x.get("id")).hasSize(25).startsWith(1L, 2L).endsWith(25L);
        assertThat(rows.get(3).get("amount")).isEqualTo(new BigDecimal("6.00"));
        // the link host answers 400 InvalidArgument to any Authorization header: all 7 links were fetched bare
        var links = emu.requests().all().stream().filter(q -> q.path().contains("/cloud-storage/")).toList();
        assertThat(links).hasSize(7).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
    }

    @Test
    void theLinksOwnHttpHeadersReachTheLinkHostButAuthorizationDoesNot() throws Exception {
        emu.sql().chunkRows(10).externalLinkHeaders(Map.of("x-amz-server-side-encryption-customer-key", "a2V5"));
        StatementResult r = w.sql().execute(sql("SELECT id FROM orders ORDER BY id")
                .setDisposition(Disposition.EXTERNAL_LINKS).setFormat(Format.CSV));
        assertThat(ids(r)).hasSize(25);
        try (InputStream in = r.openChunk(2)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("21\r\n");
        }
        var links = emu.requests().all().stream().filter(q -> q.path().contains("/cloud-storage/")).toList();
        assertThat(links).hasSize(4).allSatisfy(q -> {
            assertThat(q.status()).isEqualTo(200);
            assertThat(q.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
        });
    }

    @Test
    void anExpiredLinkIsReRequested() {
        emu.sql().chunkRows(10).externalLinkLifetime(Duration.ofMinutes(15));
        StatementResult r = w.sql().prefetch(0).execute(sql("SELECT id FROM orders ORDER BY id")
                .setDisposition(Disposition.EXTERNAL_LINKS));
        CLOCK.advance(Duration.ofMinutes(16));   // the link of chunk 0 in the POST answer has expired
        assertThat(ids(r)).hasSize(25).startsWith(1L).endsWith(25L);
        var links = emu.requests().all().stream().filter(q -> q.path().contains("/cloud-storage/")).toList();
        assertThat(links).extracting(q -> q.status()).containsExactly(403, 200, 200, 200);
        w.sql().prefetch(2);
    }

    @Test
    void csvChunksAreAvailableAsRawStreamsWithTheHeaderInTheFirstOnly() throws Exception {
        emu.sql().chunkRows(1);
        StatementResult r = w.sql().execute(sql("SELECT id, customer FROM orders WHERE id <= 2 ORDER BY id")
                .setDisposition(Disposition.EXTERNAL_LINKS).setFormat(Format.CSV));
        try (InputStream in = r.openChunk(0)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,customer\r\n1,c1\r\n");
        }
        try (InputStream in = r.openChunk(1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("2,c2\r\n");
        }
    }

    @Test
    void csvRowsAreTheSameTypedRowsAsJsonArrayRows() {
        emu.sql().execute("INSERT INTO orders VALUES (97, 'a,\"b\"', NULL, NULL, NULL, NULL, NULL, NULL),"
                + " (98, 'line1' || CHAR(13) || CHAR(10) || 'line2', 0.5, false, 0, 0, DATE '2024-02-29', NULL),"
                + " (99, '', -1.25, true, -2.5, -1, NULL, TIMESTAMP '1999-12-31 23:59:59'), (100, 'null', NULL, NULL,"
                + " NULL, NULL, NULL, NULL), (101, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        emu.sql().chunkRows(3);
        String query = "SELECT * FROM orders WHERE id > 20 ORDER BY id";

        List<List<Object>> inline = values(w.sql().execute(sql(query)));
        List<List<Object>> json = values(w.sql().execute(sql(query).setDisposition(Disposition.EXTERNAL_LINKS)));
        StatementResult csvResult = w.sql().execute(sql(query).setDisposition(Disposition.EXTERNAL_LINKS)
                .setFormat(Format.CSV));
        List<List<Object>> csv = values(csvResult);

        assertThat(csvResult.chunkCount()).isEqualTo(4);
        assertThat(csv).hasSize(10).isEqualTo(json).isEqualTo(inline);
        Map<Long, List<Object>> byId = new java.util.HashMap<>();
        csv.forEach(row -> byId.put((Long) row.get(0), row));
        assertThat(byId.get(21L)).containsExactly(21L, "c0", new BigDecimal("31.50"), false, 5.25, 210000000000L,
                LocalDate.of(2024, 1, 22), Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(byId.get(97L)).containsExactly(97L, "a,\"b\"", null, null, null, null, null, null);
        assertThat(byId.get(98L)).containsExactly(98L, "line1\r\nline2", new BigDecimal("0.50"), false, 0.0, 0L,
                LocalDate.of(2024, 2, 29), null);
        assertThat(byId.get(99L)).containsExactly(99L, "", new BigDecimal("-1.25"), true, -2.5, -1L, null,
                Instant.parse("1999-12-31T23:59:59Z"));
        assertThat(byId.get(100L).get(1)).isEqualTo("null");
        assertThat(byId.get(101L)).containsOnly(101L, null);
    }

    private static List<List<Object>> values(StatementResult r) {
        List<List<Object>> rows = new ArrayList<>();
        r.forEach(row -> rows.add(row.values()));
        return rows;
    }

    @Test
    void withoutTotalChunkCountChunksArePagedByNextChunkIndex() {
        emu.sql().chunkRows(4).omitTotalChunkCount(true);
        for (Disposition d : List.of(Disposition.INLINE, Disposition.EXTERNAL_LINKS)) {
            for (Format f : Disposition.INLINE.equals(d) ? List.of(Format.JSON_ARRAY)
                    : List.of(Format.JSON_ARRAY, Format.CSV)) {
                emu.requests().clear();
                StatementResult r = w.sql().execute(sql("SELECT id FROM orders ORDER BY id").setDisposition(d)
                        .setFormat(f));
                assertThat(r.manifest().getTotalChunkCount()).isNull();
                assertThat(r.chunkCount()).isEqualTo(-1);
                assertThat(ids(r)).as(d + " " + f).hasSize(25).startsWith(1L, 2L).endsWith(25L);
                assertThat(chunkGets()).as(d + " " + f).isEqualTo(6);
            }
        }
    }

    private static long chunkGets() {
        return emu.requests().operationCounts().getOrDefault("sql.StatementExecution.getStatementResultChunkN", 0L);
    }

    @Test
    void cancellingTheAsyncFutureCancelsTheStatement() throws Exception {
        emu.sql().scriptNextStatement(StatementScript.running(Duration.ofMinutes(10)));
        var future = w.sql().executeAsync(sql("DELETE FROM orders"));
        awaitTrue(() -> emu.sql().statementCount() == 1, "the statement reached the warehouse");
        future.cancel(true);
        awaitTrue(() -> cancels() > 0, "the statement was cancelled");
        assertThat(cancels()).isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(emu.sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]).isEqualTo("25");
    }

    @Test
    void aMillionRowsAreIteratedWithBoundedPrefetch() {
        emu.sql().chunkRows(50_000);
        StatementResult r = w.sql().prefetch(1).execute(sql("SELECT id, 'row-' || id AS name FROM range(0, 1000000)")
                .setDisposition(Disposition.EXTERNAL_LINKS));
        assertThat(r.totalRowCount()).isEqualTo(1_000_000L);
        assertThat(r.chunkCount()).isEqualTo(20);
        long sum = 0;
        long count = 0;
        long maxAhead = 0;
        for (Row row : r) {
            sum += (Long) row.get(0);
            if (++count % 50_000 == 1) {
                long fetched = emu.requests().all().stream().filter(q -> q.path().contains("/cloud-storage/")).count();
                maxAhead = Math.max(maxAhead, fetched - (count / 50_000 + 1));
            }
        }
        assertThat(count).isEqualTo(1_000_000L);
        assertThat(sum).isEqualTo(999_999L * 1_000_000L / 2);
        assertThat(maxAhead).isLessThanOrEqualTo(1);
        w.sql().prefetch(2);
    }

    /** Waits (bounded) for what another thread does; the assertion is on the condition, never on time. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long cancels() {
        return emu.requests().matching(q -> "POST".equals(q.method()) && q.path().endsWith("/cancel")).size();
    }
}
