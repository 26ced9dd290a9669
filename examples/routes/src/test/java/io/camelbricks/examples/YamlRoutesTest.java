package io.camelbricks.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
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

/**
 * The YAML routes of {@code src/main/resources/routes} loaded the way Camel JBang loads them, through camel-main
 * ({@code camel.main.routesIncludePattern}), with the connection given as {@code camel.component.databricks.*}
 * properties, against the emulator.
 */
class YamlRoutesTest {
    private DatabricksEmulator emulator;
    private Main main;
    private final String jdbcUrl = "jdbc:h2:mem:exports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        emulator = new DatabricksEmulator().start();
        emulator.jobs().createJobs(3);
        main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/*.camel.yaml");
        main.addInitialProperty("camel.component.databricks.host", emulator.url());
        main.addInitialProperty("camel.component.databricks.token", emulator.token());
        main.addInitialProperty("databricks.pollInterval", "10");
        main.addInitialProperty("databricks.pollDelay", "20");
        main.addInitialProperty("runs.stateFile", dir.resolve("run-states.dat").toString());
        main.addInitialProperty("runs.finished.uri", "mock:finished");
        main.addInitialProperty("runs.events.uri", "mock:events");
        main.addInitialProperty("files.inbox", dir.resolve("outbox").toString());
        main.addInitialProperty("files.pollDelay", "20");
        main.addInitialProperty("export.warehouseId", EmulatedSql.DEFAULT_WAREHOUSE_ID);
        main.addInitialProperty("export.jdbcUrl", jdbcUrl);
        main.addInitialProperty("export.statement", "SELECT id, customer, amount FROM main.default.orders ORDER BY id");
        main.addInitialProperty("repair.failed.uri", "mock:still-failing");
    }

    @AfterEach
    void stop() {
        main.stop();
        emulator.close();
    }

    @Test
    void theNightlyRunIsSubmittedAwaitedAndItsEndSeenByTheStateChangeRoute() throws Exception {
        main.addInitialProperty("nightly.enabled", "false"); // started below, once the test listens
        main.start();
        CamelContext context = main.getCamelContext();
        MockEndpoint finished = context.getEndpoint("mock:finished", MockEndpoint.class);
        finished.expectedMessageCount(1);
        finished.expectedHeaderReceived(DatabricksConstants.RESULT_STATE, "SUCCESS");
        NotifyBuilder submitted = new NotifyBuilder(context).fromRoute("nightly-run").whenCompleted(1).create();
        context.getRouteController().startRoute("nightly-run");

        assertThat(submitted.matches(30, TimeUnit.SECONDS)).as("the timer's run was submitted and awaited").isTrue();
        finished.assertIsSatisfied(30_000);

        assertThat(context.getComponent("databricks", DatabricksComponent.class).getConfiguration().getHost())
                .as("bound by camel-main").isEqualTo(emulator.url());
        assertThat(emulator.jobs().runCount()).isEqualTo(1);
        long runId = emulator.jobs().runIds().get(0);
        assertThat(emulator.jobs().lifeCycleState(runId)).contains("TERMINATED");
        assertThat(finished.getReceivedExchanges().get(0).getMessage()
                .getHeader(DatabricksConstants.RUN_ID, Long.class)).isEqualTo(runId);
        assertThat(emulator.jobs().run(runId).orElseThrow().get("run_name").asText()).isEqualTo("nightly-etl");
    }

    @Test
    void aFailedRunIsHandledByTheRouteConfigurationWithItsState() throws Exception {
        main.addInitialProperty("nightly.enabled", "false"); // no timer run: the test sends the one it wants
        emulator.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("bad input")));
        main.start();

        Exchange out = main.getCamelContext().createProducerTemplate().request("direct:submit-run", e -> { });

        assertThat(out.getException()).as("handled by the route configuration").isNull();
        assertThat(out.getMessage().getHeaders()).containsEntry(DatabricksConstants.FAILED_STATE, "FAILED")
                .containsEntry(DatabricksConstants.STATE_MESSAGE, "bad input");
    }

    @Test
    void listJobsReturnsEveryJobAsAMap() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        main.start();

        Exchange out = main.getCamelContext().createProducerTemplate().request("direct:list-jobs", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("jobCount", Integer.class)).isEqualTo(3);
        List<?> jobs = out.getMessage().getBody(List.class);
        assertThat(jobs).hasSize(3).allMatch(job -> job instanceof Map<?, ?> m && m.containsKey("job_id"));
    }

    @Test
    void eachStateChangeOfARunGoesToTheBrokerAsJson() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        main.start();
        MockEndpoint events = main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class);
        events.expectedHeaderValuesReceivedInAnyOrder(DatabricksConstants.OBSERVED_STATE, "PENDING", "RUNNING",
                "TERMINATED");

        long runId = emulator.jobs().submitRun(ExampleData.notebookRun("hourly-ingest"));

        events.assertIsSatisfied(30_000);
        assertThat(events.getReceivedExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
            assertThat(e.getMessage().getBody(String.class)).contains("\"run_id\":" + runId)
                    .contains("\"run_name\":\"hourly-ingest\"");
        });
    }

    @Test
    void aFileDroppedIntoTheInboxLandsInTheVolumeWithTheSameBytes() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        emulator.files().autoCreateVolumes(true);
        byte[] report = ExampleData.bytes(200_000, 7);
        Path inbox = Files.createDirectories(dir.resolve("outbox/2026/12"));
        Files.write(inbox.resolve("report.bin"), report);
        main.start();
        NotifyBuilder uploaded = new NotifyBuilder(main.getCamelContext()).fromRoute("file-to-volume").whenCompleted(1)
                .create();

        assertThat(uploaded.matches(30, TimeUnit.SECONDS)).as("the file was picked up and uploaded").isTrue();
        assertThat(emulator.files().readVolumeFile("/Volumes/main/default/landing/2026/12/report.bin")).hasValue(report);
    }

    @Test
    void theRowsOfADatabricksQueryAreCopiedIntoTheDatabase() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        ExampleData.ordersTable(emulator, 250);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            ExampleData.createCopyTable(db);
            main.start();

            Exchange out = main.getCamelContext().createProducerTemplate().request("direct:export-orders", e -> { });

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.ROW_COUNT)).isEqualTo(250L);
            assertThat(ExampleData.copiedOrders(db)).isEqualTo(ExampleData.expectedOrders(250));
        }
    }

    @Test
    void aFailedRunIsRepairedAndEndsInSuccess() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        emulator.jobs().createJob("nightly-etl");
        emulator.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("flaky source")));
        main.start();

        Exchange out = main.getCamelContext().createProducerTemplate().request("direct:run-with-repairs", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeaders()).containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.REPAIR_COUNT, 1);
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator.jobs().runCount()).isEqualTo(1);
        assertThat(emulator.jobs().repairRequests(runId)).hasSize(1);
    }

    @Test
    void aRunStillFailingAfterItsRepairsIsHandledWithItsFailedTasks() throws Exception {
        main.addInitialProperty("nightly.enabled", "false");
        main.addInitialProperty("repair.attempts", "1");
        emulator.jobs().createJob("nightly-etl");
        emulator.jobs().defaultScript(RunScript.immediately(RunOutcome.failed("source table missing")));
        main.start();
        MockEndpoint stillFailing = main.getCamelContext().getEndpoint("mock:still-failing", MockEndpoint.class);
        stillFailing.expectedMessageCount(1);

        Exchange out = main.getCamelContext().createProducerTemplate().request("direct:run-with-repairs", e -> { });

        assertThat(out.getException()).as("handled by the route configuration").isNull();
        stillFailing.assertIsSatisfied(10_000);
        assertThat(out.getMessage().getHeaders()).containsEntry(DatabricksConstants.FAILED_STATE, "FAILED")
                .containsEntry(DatabricksConstants.REPAIR_COUNT, 1);
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator.jobs().repairRequests(runId)).hasSize(1);
    }
}
