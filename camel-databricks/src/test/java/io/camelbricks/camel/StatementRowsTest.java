package io.camelbricks.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.sql.ResultManifest;
import io.camelbricks.api.sql.StatementFailedException;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.StatementScript;

import static io.camelbricks.camel.Conditions.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code statementExecution/executeStatement} with {@code outputType=rows} (a lazy iterator for the streaming
 * splitter) and {@code outputType=list}; statement id and manifest in headers; {@code cancelOnStop}.
 */
class StatementRowsTest extends EmulatorTestSupport {
    private static final String SQL = "databricks:statementExecution/executeStatement?warehouseId="
            + EmulatedSql.DEFAULT_WAREHOUSE_ID + "&";

    private final List<Map<String, Object>> rows = new ArrayList<>();

    @BeforeEach
    void fresh() {
        emulator().reset();
        emulator().sql().execute("CREATE TABLE main.default.orders (id BIGINT, customer STRING, amount DECIMAL(10,2))");
        emulator().sql().execute("INSERT INTO main.default.orders SELECT id, 'c' || MOD(id, 3), id * 1.5"
                + " FROM range(1, 1001)");
        rows.clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to(SQL + "outputType=rows&disposition=EXTERNAL_LINKS&" + connection())
                        .split(body()).streaming()
                        .process(e -> {
                            synchronized (rows) {
                                rows.add(e.getMessage().getBody(Map.class));
                            }
                        });
                from("direct:list").to(SQL + "outputType=list&" + connection());
                from("direct:slow").routeId("slow").to(SQL + "outputType=rows&" + connection());
            }
        };
    }

    @Test
    void rowsStreamThroughTheSplitterOneTypedMapPerRow() {
        emulator().sql().chunkRows(100);

        Exchange out = template.request("direct:rows", e -> e.getMessage().setHeader("CamelDatabricks.statement",
                "SELECT id, customer, amount FROM orders ORDER BY id"));

        assertThat(out.getException()).isNull();
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(0)).containsEntry("id", 1L).containsEntry("customer", "c1")
                .containsEntry("amount", new java.math.BigDecimal("1.50"));
        assertThat(rows.get(999)).containsEntry("id", 1000L);
        assertThat(emulator().requests().all().stream().filter(q -> q.path().contains("/cloud-storage/")).count())
                .isEqualTo(10);
    }

    @Test
    void listGivesEveryRowWithTheStatementHeaders() {
        Exchange out = template.request("direct:list", e -> e.getMessage().setHeader("CamelDatabricks.statement",
                "SELECT id FROM orders WHERE id <= 3 ORDER BY id"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).containsExactly(Map.of("id", 1L), Map.of("id", 2L),
                Map.of("id", 3L));
        assertThat(out.getMessage().getHeader(DatabricksConstants.STATEMENT_ID, String.class))
                .isEqualTo(emulator().sql().statementIds().get(emulator().sql().statementIds().size() - 1));
        assertThat(out.getMessage().getHeader(DatabricksConstants.COLUMN_NAMES)).isEqualTo(List.of("id"));
        assertThat(out.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(3L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_MANIFEST))
                .isInstanceOf(ResultManifest.class);
    }

    @Test
    void aFailedStatementFailsTheExchangeWithTheServersMessage() {
        Exchange out = template.request("direct:list",
                e -> e.getMessage().setHeader("CamelDatabricks.statement", "SELECT * FROM nowhere"));

        assertThat(out.getException()).isInstanceOf(StatementFailedException.class)
                .hasMessageContaining("FAILED").hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }

    @Test
    void rowsAreOnlyForExecuteStatement() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/list?outputType=rows&" + connection()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("result rows come only from statementExecution/executeStatement");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/list?outputType=table&" + connection()))
                .hasMessageContaining("outputType").hasMessageContaining("rows");
    }

    @Test
    void stoppingTheRouteCancelsAStatementStillRunning() throws Exception {
        emulator().sql().scriptNextStatement(StatementScript.running(Duration.ofMinutes(10)));
        Future<Exchange> exchange = template.asyncSend("direct:slow",
                e -> e.getMessage().setHeader("CamelDatabricks.statement", "DELETE FROM orders"));
        awaitTrue(() -> emulator().requests().countOperation("sql.StatementExecution.getStatement") > 0,
                "the running statement is being polled");
        String id = emulator().sql().statementIds().get(0);

        context.getRouteController().stopRoute("slow", 1, TimeUnit.SECONDS);

        awaitTrue(() -> emulator().sql().statementState(id).orElse("").equals("CANCELED"), "the statement cancelled");
        assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNotNull();
        assertThat(emulator().sql().execute("SELECT COUNT(*) FROM orders").rows().get(0)[0]).isEqualTo("1000");
    }
}
