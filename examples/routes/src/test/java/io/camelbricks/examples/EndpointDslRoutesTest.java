package io.camelbricks.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.sql.EmulatedSql;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EndpointDslRoutes}, the Endpoint DSL form of every headline use case, against the emulator. */
class EndpointDslRoutesTest {
    private final String jdbcUrl = "jdbc:h2:mem:dsl-exports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private DatabricksEmulator emulator;
    private CamelContext context;
    private ProducerTemplate template;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        emulator = new DatabricksEmulator().start();
        emulator.files().autoCreateVolumes(true);
        context = new DefaultCamelContext();
        DatabricksComponent databricks = context.getComponent("databricks", DatabricksComponent.class);
        databricks.getConfiguration().setHost(emulator.url());
        databricks.getConfiguration().setToken(emulator.token());
        Properties properties = new Properties();
        properties.putAll(Map.of("databricks.pollInterval", "10", "databricks.pollDelay", "20",
                "runs.events.uri", "mock:events", "files.inbox", dir.resolve("outbox").toString(),
                "files.pollDelay", "20", "export.warehouseId", EmulatedSql.DEFAULT_WAREHOUSE_ID,
                "export.statement", "SELECT id, customer, amount FROM main.default.orders ORDER BY id",
                "repair.failed.uri", "mock:still-failing"));
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getRegistry().bind("runStates", new MemoryIdempotentRepository());
        JdbcDataSource exportDb = new JdbcDataSource();
        exportDb.setURL(jdbcUrl);
        exportDb.setUser("sa");
        context.getRegistry().bind("exportDb", exportDb);
        context.addRoutes(new EndpointDslRoutes());
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.close();
    }

    @Test
    void submitsARunAndWaitsUntilItHasTerminated() {
        context.start();

        Exchange out = template.request("direct:dsl-submit-and-wait",
                e -> e.getMessage().setBody(Map.of("run_name", "dsl-adhoc", "tasks", java.util.List.of(Map.of(
                        "task_key", "main", "notebook_task", Map.of("notebook_path", "/Workspace/Shared/adhoc"))))));

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator.jobs().lifeCycleState(runId)).contains("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
    }

    @Test
    void eachStateChangeOfARunGoesToTheBroker() throws Exception {
        context.start();
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedHeaderValuesReceivedInAnyOrder(DatabricksConstants.OBSERVED_STATE, "PENDING", "RUNNING",
                "TERMINATED");

        long runId = emulator.jobs().submitRun(ExampleData.notebookRun("dsl-watched"));

        events.assertIsSatisfied(30_000);
        assertThat(events.getReceivedExchanges()).allSatisfy(e ->
                assertThat(e.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId));
    }

    @Test
    void aFileOfTheInboxLandsInTheVolumeWithTheSameBytes() throws Exception {
        byte[] contents = ExampleData.bytes(120_000, 3);
        Files.write(Files.createDirectories(dir.resolve("outbox")).resolve("orders.csv"), contents);
        NotifyBuilder uploaded = new NotifyBuilder(context).fromRoute("dsl-file-to-volume").whenCompleted(1).create();
        context.start();

        assertThat(uploaded.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(emulator.files().readVolumeFile("/Volumes/main/default/landing/orders.csv")).hasValue(contents);
    }

    @Test
    void theRowsOfAQueryAreCopiedIntoTheDatabase() throws Exception {
        ExampleData.ordersTable(emulator, 120);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            ExampleData.createCopyTable(db);
            context.start();

            Exchange out = template.request("direct:dsl-export-orders", e -> { });

            assertThat(out.getException()).isNull();
            assertThat(ExampleData.copiedOrders(db)).isEqualTo(ExampleData.expectedOrders(120));
        }
    }

    @Test
    void aFailedRunIsRepairedAndAHopelessOneHandled() throws Exception {
        emulator.jobs().createJob("nightly-etl");
        emulator.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("flaky")));
        context.start();

        Exchange repaired = template.request("direct:dsl-run-with-repairs", e -> { });

        assertThat(repaired.getException()).isNull();
        assertThat(repaired.getMessage().getHeaders()).containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.REPAIR_COUNT, 1);

        emulator.jobs().defaultScript(RunScript.immediately(RunOutcome.failed("still broken")));
        MockEndpoint stillFailing = context.getEndpoint("mock:still-failing", MockEndpoint.class);
        stillFailing.expectedMessageCount(1);
        Exchange hopeless = template.request("direct:dsl-run-with-repairs",
                e -> e.getMessage().setHeader(DatabricksConstants.IDEMPOTENCY_KEY, "another-day"));

        assertThat(hopeless.getException()).isNull();
        stillFailing.assertIsSatisfied(10_000);
        assertThat(hopeless.getMessage().getHeader(DatabricksConstants.REPAIR_COUNT)).isEqualTo(2);
        assertThat(emulator.jobs().runCount()).isEqualTo(2);
    }
}
