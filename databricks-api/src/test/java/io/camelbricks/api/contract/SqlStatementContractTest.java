package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.sql.ColumnInfo;
import io.camelbricks.api.service.sql.CreateWarehouseRequest;
import io.camelbricks.api.service.sql.Disposition;
import io.camelbricks.api.service.sql.EndpointInfo;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.service.sql.ExecuteStatementRequestOnWaitTimeout;
import io.camelbricks.api.service.sql.ExternalLink;
import io.camelbricks.api.service.sql.Format;
import io.camelbricks.api.service.sql.GetWarehouseResponse;
import io.camelbricks.api.service.sql.ResultData;
import io.camelbricks.api.service.sql.State;
import io.camelbricks.api.service.sql.StatementExecutionCancelExecutionRequest;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementRequest;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementResultChunkNRequest;
import io.camelbricks.api.service.sql.StatementParameterListItem;
import io.camelbricks.api.service.sql.StatementResponse;
import io.camelbricks.api.service.sql.StatementState;
import io.camelbricks.api.service.sql.WarehousesDeleteRequest;
import io.camelbricks.api.service.sql.WarehousesEditRequest;
import io.camelbricks.api.service.sql.WarehousesGetRequest;
import io.camelbricks.api.service.sql.WarehousesListRequest;
import io.camelbricks.api.service.sql.WarehousesStartRequest;
import io.camelbricks.api.service.sql.WarehousesStopRequest;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.StatementScript;

/**
 * The typed client's Statement Execution and Warehouses services against the emulator's H2-backed SQL: inline and
 * external-link results, chunks, parameters, failures inside a 200, asynchronous and scripted slow statements,
 * cancellation, limits, link expiry on the clock, warehouse lifecycles.
 */
class SqlStatementContractTest {

    private static final String WAREHOUSE = EmulatedSql.DEFAULT_WAREHOUSE_ID;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ManualClock CLOCK = new ManualClock();
    private static final HttpClient PLAIN = HttpClient.newHttpClient();

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
        emu.sql().execute("CREATE TABLE main.default.orders (id INT, customer STRING, amount DECIMAL(10,2), paid BOOLEAN)");
        emu.sql().execute("INSERT INTO main.default.orders SELECT id, 'c' || MOD(id, 3), id * 1.5, MOD(id, 2) = 0"
                + " FROM range(1, 26)");
    }

    private static ExecuteStatementRequest sql(String statement) {
        return new ExecuteStatementRequest().setWarehouseId(WAREHOUSE).setStatement(statement);
    }

    private static StatementResponse poll(String id) {
        return w.statementExecution().getStatement(new StatementExecutionGetStatementRequest().setStatementId(id));
    }

    private static ResultData chunk(String id, long index) {
        return w.statementExecution().getStatementResultChunkN(new StatementExecutionGetStatementResultChunkNRequest()
                .setStatementId(id).setChunkIndex(index));
    }

    private static long orderCount() {
        return Long.parseLong(emu.sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]);
    }

    @Test
    void aQueryAnswersInlineWithTheManifestSchemaInOneCall() {
        StatementResponse r = w.statementExecution().executeStatement(
                sql("SELECT id, customer, amount, paid FROM main.default.orders WHERE id <= 2 ORDER BY id"));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(r.getManifest().getFormat()).isEqualTo(Format.JSON_ARRAY);
        assertThat(r.getManifest().getTotalRowCount()).isEqualTo(2L);
        assertThat(r.getManifest().getTotalChunkCount()).isEqualTo(1L);
        assertThat(r.getManifest().getSchema().getColumns())
                .extracting(ColumnInfo::getName, c -> c.getTypeName().value(), ColumnInfo::getTypeText, ColumnInfo::getPosition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("id", "INT", "INT", 0L),
                        org.assertj.core.groups.Tuple.tuple("customer", "STRING", "STRING", 1L),
                        org.assertj.core.groups.Tuple.tuple("amount", "DECIMAL", "DECIMAL(10,2)", 2L),
                        org.assertj.core.groups.Tuple.tuple("paid", "BOOLEAN", "BOOLEAN", 3L));
        assertThat(r.getResult().getDataArray()).containsExactly(
                List.of("1", "c1", "1.50", "false"), List.of("2", "c2", "3.00", "true"));
    }

    @Test
    void namesResolveThroughTheRequestsCatalogAndSchema() {
        emu.sql().execute("CREATE SCHEMA main.sales");
        emu.sql().execute("CREATE TABLE main.sales.regions (name STRING)");
        emu.sql().execute("INSERT INTO main.sales.regions VALUES ('emea')");

        assertThat(w.statementExecution().executeStatement(sql("SELECT name FROM regions").setCatalog("main")
                .setSchema("sales")).getResult().getDataArray()).containsExactly(List.of("emea"));
        assertThat(w.statementExecution().executeStatement(sql("SELECT name FROM sales.regions"))
                .getResult().getDataArray()).containsExactly(List.of("emea"));
        assertThat(w.statementExecution().executeStatement(sql("SELECT name FROM `main`.`sales`.`regions`"))
                .getResult().getDataArray()).containsExactly(List.of("emea"));
    }

    @Test
    void namedParametersAreBoundWithTheirTypes() {
        StatementResponse r = w.statementExecution().executeStatement(sql(
                "SELECT id, :label AS label FROM orders WHERE id > :min AND paid = :paid ORDER BY id LIMIT 2")
                .setParameters(List.of(
                        new StatementParameterListItem().setName("min").setValue("20").setType("INT"),
                        new StatementParameterListItem().setName("paid").setValue("true").setType("BOOLEAN"),
                        new StatementParameterListItem().setName("label").setValue("o'k"))));

        assertThat(r.getResult().getDataArray()).containsExactly(List.of("22", "o'k"), List.of("24", "o'k"));
        assertThat(r.getManifest().getSchema().getColumns().get(1).getTypeName().value()).isEqualTo("STRING");
    }

    @Test
    void aSyntaxErrorIsAFailedStatementInsideA200() {
        StatementResponse r = w.statementExecution().executeStatement(sql("SELEC 1"));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(r.getStatus().getError().getErrorCode().value()).isEqualTo("BAD_REQUEST");
        assertThat(r.getStatus().getError().getMessage()).startsWith("[PARSE_SYNTAX_ERROR]");
        assertThat(r.getManifest()).isNull();
        assertThat(w.statementExecution().executeStatement(sql("SELECT * FROM nowhere")).getStatus().getError()
                .getMessage()).startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    }

    @Test
    void badRequestsAreRejectedBeforeAStatementExists() {
        assertThatThrownBy(() -> w.statementExecution().executeStatement(sql("SELECT 1").setWaitTimeout("3s")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getServerMessage()).contains("wait_timeout");
                });
        assertThatThrownBy(() -> w.statementExecution().executeStatement(sql("SELECT 1").setFormat(Format.CSV)))
                .hasMessageContaining("INLINE disposition only supports the JSON_ARRAY format");
        assertThatThrownBy(() -> w.statementExecution().executeStatement(sql("SELECT 1").setWarehouseId("nope")))
                .isInstanceOf(ResourceDoesNotExist.class);
        assertThat(emu.sql().statementCount()).isZero();
    }

    @Test
    void aZeroWaitAnswersPendingAndThePollAnswersTheResult() {
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT COUNT(*) AS n FROM orders")
                .setWaitTimeout("0s"));
        assertThat(r.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(r.getResult()).isNull();

        StatementResponse done = poll(r.getStatementId());
        assertThat(done.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(done.getResult().getDataArray()).containsExactly(List.of("25"));
    }

    @Test
    void aScriptedSlowStatementStaysRunningForItsPollsAndRunsOnceAtTheEnd() {
        emu.sql().scriptStatementsMatching("(?i)^insert", StatementScript.running(3));
        StatementResponse r = w.statementExecution().executeStatement(sql(
                "INSERT INTO orders VALUES (100, 'late', 1.00, true)"));
        assertThat(r.getStatus().getState()).isEqualTo(StatementState.RUNNING);

        List<StatementState> states = new ArrayList<>();
        StatementResponse last;
        do {
            assertThat(orderCount()).isEqualTo(25L);
            last = poll(r.getStatementId());
            states.add(last.getStatus().getState());
        } while (last.getStatus().getState() == StatementState.RUNNING);

        assertThat(states).containsExactly(StatementState.RUNNING, StatementState.RUNNING, StatementState.SUCCEEDED);
        assertThat(last.getResult().getDataArray()).containsExactly(List.of("1", "1"));
        assertThat(last.getManifest().getSchema().getColumns()).extracting(ColumnInfo::getName)
                .containsExactly("num_affected_rows", "num_inserted_rows");
        assertThat(orderCount()).isEqualTo(26L);
    }

    @Test
    void onWaitTimeoutCancelCancelsAStatementThatIsStillRunning() {
        emu.sql().scriptNextStatement(StatementScript.running(2));
        StatementResponse r = w.statementExecution().executeStatement(sql("DELETE FROM orders")
                .setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CANCEL));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.CANCELED);
        assertThat(poll(r.getStatementId()).getStatus().getState()).isEqualTo(StatementState.CANCELED);
        assertThat(orderCount()).isEqualTo(25L);
    }

    @Test
    void cancelEndsARunningStatementWithoutRunningIt() {
        emu.sql().scriptNextStatement(StatementScript.builder().pending(1).running(Duration.ofMinutes(10)).thenRun());
        StatementResponse r = w.statementExecution().executeStatement(sql("DELETE FROM orders").setWaitTimeout("0s"));
        assertThat(poll(r.getStatementId()).getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(poll(r.getStatementId()).getStatus().getState()).isEqualTo(StatementState.RUNNING);

        w.statementExecution().cancelExecution(new StatementExecutionCancelExecutionRequest()
                .setStatementId(r.getStatementId()));
        CLOCK.advance(Duration.ofMinutes(11));

        assertThat(poll(r.getStatementId()).getStatus().getState()).isEqualTo(StatementState.CANCELED);
        assertThat(orderCount()).isEqualTo(25L);
    }

    @Test
    void aClockTimedStatementFinishesWhenTheClockPassesItsDuration() {
        emu.sql().scriptNextStatement(StatementScript.running(Duration.ofMinutes(2)));
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT 1 AS one"));
        assertThat(r.getStatus().getState()).isEqualTo(StatementState.RUNNING);
        CLOCK.advance(Duration.ofSeconds(119));
        assertThat(poll(r.getStatementId()).getStatus().getState()).isEqualTo(StatementState.RUNNING);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(poll(r.getStatementId()).getResult().getDataArray()).containsExactly(List.of("1"));
    }

    @Test
    void chunksAreFetchedByIndexAndEachLinksToTheNext() {
        emu.sql().chunkRows(10);
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT id FROM orders ORDER BY id"));

        assertThat(r.getManifest().getTotalChunkCount()).isEqualTo(3L);
        assertThat(r.getManifest().getChunks()).extracting(c -> c.getRowOffset() + ":" + c.getRowCount())
                .containsExactly("0:10", "10:10", "20:5");
        List<String> ids = new ArrayList<>();
        ResultData data = r.getResult();
        while (true) {
            data.getDataArray().forEach(row -> ids.add(row.get(0)));
            if (data.getNextChunkIndex() == null) {
                break;
            }
            assertThat(data.getNextChunkInternalLink()).isEqualTo("/api/2.0/sql/statements/" + r.getStatementId()
                    + "/result/chunks/" + data.getNextChunkIndex());
            data = chunk(r.getStatementId(), data.getNextChunkIndex());
        }
        assertThat(ids).hasSize(25).startsWith("1", "2").endsWith("25");
        assertThat(chunk(r.getStatementId(), 1).getDataArray().get(0)).containsExactly("11");
        assertThatThrownBy(() -> chunk(r.getStatementId(), 3)).isInstanceOf(DatabricksError.class);
    }

    @Test
    void rowAndByteLimitsTruncateTheResult() {
        StatementResponse rows = w.statementExecution().executeStatement(sql("SELECT id FROM orders ORDER BY id")
                .setRowLimit(5L));
        assertThat(rows.getManifest().getTruncated()).isTrue();
        assertThat(rows.getManifest().getTotalRowCount()).isEqualTo(5L);

        StatementResponse bytes = w.statementExecution().executeStatement(sql("SELECT id FROM orders ORDER BY id")
                .setByteLimit(30L));
        assertThat(bytes.getManifest().getTruncated()).isTrue();
        assertThat(bytes.getManifest().getTotalRowCount()).isBetween(1L, 24L);

        StatementResponse all = w.statementExecution().executeStatement(sql("SELECT id FROM orders").setRowLimit(25L));
        assertThat(all.getManifest().getTruncated()).isFalse();
    }

    @Test
    void anInlineResultAboveTheCapFailsWhileExternalLinksServeIt() {
        emu.sql().inlineByteLimit(200);
        StatementResponse inline = w.statementExecution().executeStatement(sql("SELECT * FROM orders"));
        assertThat(inline.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(inline.getStatus().getError().getMessage()).contains("EXTERNAL_LINKS");

        StatementResponse links = w.statementExecution().executeStatement(sql("SELECT * FROM orders")
                .setDisposition(Disposition.EXTERNAL_LINKS));
        assertThat(links.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(links.getManifest().getTotalRowCount()).isEqualTo(25L);
    }

    @Test
    void externalLinksAreFetchedWithoutAuthorizationAndExpireOnTheClock() throws Exception {
        emu.sql().chunkRows(20).externalLinkLifetime(Duration.ofMinutes(15));
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT id, customer FROM orders ORDER BY id")
                .setDisposition(Disposition.EXTERNAL_LINKS));
        ExternalLink link = r.getResult().getExternalLinks().get(0);
        assertThat(link.getExpiration()).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(CLOCK.instant().plus(Duration.ofMinutes(15))));
        assertThat(link.getNextChunkIndex()).isEqualTo(1L);

        HttpResponse<String> plain = fetch(link.getExternalLink(), null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).startsWith("[[\"1\",\"c1\"],[\"2\",\"c2\"]");
        HttpResponse<String> withAuth = fetch(link.getExternalLink(), "Bearer " + emu.token());
        assertThat(withAuth.statusCode()).isEqualTo(400);
        assertThat(withAuth.body()).contains("<Code>InvalidArgument</Code>");

        CLOCK.advance(Duration.ofMinutes(15));
        HttpResponse<String> expired = fetch(link.getExternalLink(), null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Request has expired");

        ExternalLink fresh = chunk(r.getStatementId(), 1).getExternalLinks().get(0);
        assertThat(fresh.getRowOffset()).isEqualTo(20L);
        assertThat(fetch(fresh.getExternalLink(), null).body()).startsWith("[[\"21\",");
    }

    @Test
    void csvExternalLinksCarryAHeaderAndRfc4180Rows() throws Exception {
        emu.sql().execute("INSERT INTO orders VALUES (99, 'a,\"b\"', 1.00, NULL)");
        StatementResponse r = w.statementExecution().executeStatement(sql(
                "SELECT id, customer, paid FROM orders WHERE id = 99").setDisposition(Disposition.EXTERNAL_LINKS)
                .setFormat(Format.CSV));

        assertThat(r.getManifest().getFormat()).isEqualTo(Format.CSV);
        assertThat(fetch(r.getResult().getExternalLinks().get(0).getExternalLink(), null).body())
                .isEqualTo("id,customer,paid\r\n99,\"a,\"\"b\"\"\",null\r\n");
    }

    @Test
    void succeededResultsCloseAfterTheRetention() {
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT 1"));
        CLOCK.advance(Duration.ofHours(1));

        StatementResponse closed = poll(r.getStatementId());
        assertThat(closed.getStatus().getState()).isEqualTo(StatementState.CLOSED);
        assertThat(closed.getResult()).isNull();
        assertThatThrownBy(() -> chunk(r.getStatementId(), 0)).isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void aWarehouseIsCreatedStartedStoppedEditedAndDeletedThroughItsWaiters() {
        GetWarehouseResponse created = w.warehouses().create(new CreateWarehouseRequest().setName("etl")
                .setClusterSize("Small").setAutoStopMins(20L)).get(WAIT);
        assertThat(created.getState()).isEqualTo(State.RUNNING);
        assertThat(created.getOdbcParams().getPath()).isEqualTo("/sql/1.0/warehouses/" + created.getId());
        String id = created.getId();

        assertThat(w.warehouses().stop(new WarehousesStopRequest().setId(id)).get(WAIT).getState())
                .isEqualTo(State.STOPPED);
        assertThat(w.warehouses().start(new WarehousesStartRequest().setId(id)).get(WAIT).getState())
                .isEqualTo(State.RUNNING);
        assertThat(w.warehouses().edit(new WarehousesEditRequest().setId(id).setName("etl-2").setClusterSize("Medium"))
                .get(WAIT).getName()).isEqualTo("etl-2");
        assertThat(w.warehouses().list(new WarehousesListRequest()).stream().map(EndpointInfo::getName))
                .containsExactly("Emulator Warehouse", "etl-2");

        w.warehouses().delete(new WarehousesDeleteRequest().setId(id));
        assertThat(w.warehouses().get(new WarehousesGetRequest().setId(id)).getState()).isEqualTo(State.DELETED);
        assertThat(w.warehouses().list(new WarehousesListRequest()).stream().map(EndpointInfo::getId))
                .containsExactly(WAREHOUSE);
        assertThatThrownBy(() -> w.warehouses().get(new WarehousesGetRequest().setId("missing")))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void aStatementOnAStoppedWarehouseWaitsPendingWhileItStarts() {
        emu.sql().stopWarehouseNow(WAREHOUSE);
        StatementResponse r = w.statementExecution().executeStatement(sql("SELECT 42"));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(emu.sql().warehouseState(WAREHOUSE)).contains("STARTING");
        StatementResponse done = poll(r.getStatementId());
        assertThat(done.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(emu.sql().warehouseState(WAREHOUSE)).contains("RUNNING");
    }

    @Test
    void anIdleWarehouseStopsAfterItsAutoStopMinutes() {
        String id = w.warehouses().create(new CreateWarehouseRequest().setName("idle").setClusterSize("2X-Small")
                .setAutoStopMins(10L)).get(WAIT).getId();
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(w.warehouses().get(new WarehousesGetRequest().setId(id)).getState()).isEqualTo(State.STOPPED);
    }

    @Test
    void catalogAndSchemaStatementsAreAnsweredByUnityCatalog() {
        assertThat(w.statementExecution().executeStatement(sql("CREATE SCHEMA IF NOT EXISTS main.staging"))
                .getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(w.statementExecution().executeStatement(sql("SHOW SCHEMAS IN main")).getResult().getDataArray())
                .containsExactly(List.of("default"), List.of("staging"));
        assertThat(emu.catalog().schemaNames("main")).containsExactly("default", "staging");
        assertThat(w.statementExecution().executeStatement(sql("DROP SCHEMA main.default")).getStatus().getError()
                .getMessage()).startsWith("[SCHEMA_NOT_EMPTY]");
    }

    private static HttpResponse<String> fetch(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
