package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.CreateWarehouseRequest;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.State;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.StatementScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official {@code databricks-sdk-java} 0.69.0, unchanged, against the emulator's SQL statements and warehouses. */
class OfficialSdkSqlTest {

    private static DatabricksEmulator emu;
    private static WorkspaceClient workspace;

    @BeforeAll
    static void start() {
        emu = new DatabricksEmulator().start();
        workspace = new WorkspaceClient(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .setAuthType("pat"));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void fresh() {
        emu.reset();
        emu.sql().execute("CREATE TABLE main.default.t AS SELECT id, 'n' || id AS name FROM range(0, 30)");
    }

    private static ExecuteStatementRequest sql(String statement) {
        return new ExecuteStatementRequest().setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID).setStatement(statement);
    }

    @Test
    void inlineChunksAreFollowedWithTheSdk() {
        emu.sql().chunkRows(12);
        StatementResponse r = workspace.statementExecution().executeStatement(sql(
                "SELECT id, name FROM t WHERE id >= :from ORDER BY id").setParameters(List.of(
                new StatementParameterListItem().setName("from").setValue("3").setType("BIGINT"))));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(r.getManifest().getSchema().getColumns().iterator().next().getTypeName().toString())
                .isEqualTo("LONG");
        List<List<String>> rows = new ArrayList<>();
        r.getResult().getDataArray().forEach(row -> rows.add(new ArrayList<>(row)));
        Long next = r.getResult().getNextChunkIndex();
        while (next != null) {
            ResultData chunk = workspace.statementExecution().getStatementResultChunkN(r.getStatementId(), next);
            chunk.getDataArray().forEach(row -> rows.add(new ArrayList<>(row)));
            next = chunk.getNextChunkIndex();
        }
        assertThat(rows).hasSize(27);
        assertThat(rows.get(0)).containsExactly("3", "n3");
    }

    @Test
    void aSlowStatementIsPolledAndExternalLinksAreFetchedWithoutTheToken() throws Exception {
        emu.sql().scriptNextStatement(StatementScript.running(2));
        StatementResponse r = workspace.statementExecution().executeStatement(sql("SELECT * FROM t")
                .setDisposition(Disposition.EXTERNAL_LINKS).setWaitTimeout("0s"));
        while (r.getStatus().getState() == StatementState.PENDING || r.getStatus().getState() == StatementState.RUNNING) {
            r = workspace.statementExecution().getStatement(r.getStatementId());
        }

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        String link = r.getResult().getExternalLinks().iterator().next().getExternalLink();
        HttpResponse<String> chunk = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunk.statusCode()).isEqualTo(200);
        assertThat(chunk.body()).startsWith("[[\"0\",\"n0\"]");
    }

    @Test
    void aWarehouseIsCreatedThroughTheSdkWaiter() throws Exception {
        GetWarehouseResponse w = workspace.warehouses().create(new CreateWarehouseRequest().setName("sdk")
                .setClusterSize("X-Small").setMaxNumClusters(1L)).get(Duration.ofSeconds(30));

        assertThat(w.getState()).isEqualTo(State.RUNNING);
        assertThat(emu.sql().warehouse(w.getId())).isPresent();
    }
}
