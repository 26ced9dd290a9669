package io.camelbricks.kamelets;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.QueryResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlSinkKameletTest extends KameletTestSupport {

    @BeforeEach
    void table() {
        emulator().sql().execute("CREATE OR REPLACE TABLE main.default.orders (id BIGINT, customer STRING,"
                + " amount DOUBLE, paid BOOLEAN)");
    }

    private void sinkRoute(String query) throws Exception {
        // a Kamelet property from the configuration (as application.properties gives it): a statement is no URI text
        context.getPropertiesComponent().addInitialProperty("camel.kamelet.databricks-sql-sink.query",
                query);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sql").to("kamelet:databricks-sql-sink?" + CONNECTION + "&warehouseId="
                        + EmulatedSql.DEFAULT_WAREHOUSE_ID);
            }
        });
    }

    @Test
    void eachMessageInsertsARowFromItsJsonFields() throws Exception {
        sinkRoute("INSERT INTO main.default.orders VALUES (:id, :customer, :amount, :paid)");

        template.requestBody("direct:sql", "{\"id\": 1, \"customer\": \"ada\", \"amount\": 12.5, \"paid\": true}");
        template.requestBody("direct:sql", Map.of("id", 2, "customer", "o'hara", "amount", 3.25, "paid", false));

        QueryResult rows = emulator().sql().execute("SELECT id, customer, amount, paid FROM main.default.orders"
                + " ORDER BY id");
        assertThat(rows.rows()).hasSize(2);
        assertThat(rows.rows().get(0)).containsExactly("1", "ada", "12.5", "true");
        assertThat(rows.rows().get(1)).containsExactly("2", "o'hara", "3.25", "false");
    }

    @Test
    void aQueryAnswersItsRowsAsMapsWithTheStatementHeaders() throws Exception {
        emulator().sql().execute("INSERT INTO main.default.orders VALUES (7, 'ada', 1.0, true), (8, 'bob', 2.0, false),"
                + " (9, 'ada', 3.0, false)");
        sinkRoute("SELECT id FROM main.default.orders WHERE customer = :customer ORDER BY id");

        Exchange out = template.request("direct:sql", e -> e.getMessage().setBody("{\"customer\": \"ada\"}"));

        assertThat(out.getException()).isNull();
        List<?> body = out.getMessage().getBody(List.class);
        assertThat(body).hasSize(2);
        assertThat(((Map<?, ?>) body.get(0)).get("id")).isEqualTo(7L);
        assertThat(((Map<?, ?>) body.get(1)).get("id")).isEqualTo(9L);
        assertThat(out.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(2L);
        String statementId = out.getMessage().getHeader(DatabricksConstants.STATEMENT_ID, String.class);
        assertThat(emulator().sql().statementState(statementId)).contains("SUCCEEDED");
    }

    @Test
    void aNullFieldInsertsSqlNull() throws Exception {
        sinkRoute("INSERT INTO main.default.orders (id, customer) VALUES (:id, :customer)");

        template.requestBody("direct:sql", "{\"id\": 3, \"customer\": null}");

        QueryResult rows = emulator().sql().execute("SELECT customer FROM main.default.orders WHERE id = 3");
        assertThat(rows.rows()).hasSize(1);
        assertThat(rows.rows().get(0)[0]).isNull();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedBeforeAnyStatementIsSent() throws Exception {
        sinkRoute("INSERT INTO main.default.orders (id) VALUES (:id)");
        int before = emulator().sql().statementCount();

        assertThatThrownBy(() -> template.requestBody("direct:sql", "[1, 2]"))
                .hasStackTraceContaining("must be a JSON object").hasStackTraceContaining("ARRAY");
        assertThatThrownBy(() -> template.requestBody("direct:sql", "{\"id\": {\"nested\": 1}}"))
                .hasStackTraceContaining("parameter 'id'");
        assertThat(emulator().sql().statementCount()).isEqualTo(before);
    }
}
