package io.camelbricks.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes of {@code src/main/resources/routes} loaded the way Camel JBang loads them, through camel-main
 * ({@code camel.main.routesIncludePattern}), with the connection given as {@code camel.component.databricks.*}
 * properties, against the emulator.
 */
class YamlRoutesTest {
    private DatabricksEmulator emulator;
    private Main main;

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
}
