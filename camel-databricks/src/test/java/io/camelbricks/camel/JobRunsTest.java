package io.camelbricks.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNowResponse;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;

import static io.camelbricks.camel.Conditions.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run lifecycle options of {@code jobs/submit}, {@code jobs/runNow} and {@code jobs/repairRun}: {@code jobName},
 * {@code cancelPreviousRuns}, {@code repairAttempts}, reattaching with {@code CamelDatabricksReattachRunId}, failed
 * tasks in the failure, and {@code cancelOnStop}.
 */
class JobRunsTest extends EmulatorTestSupport {
    private static final String WAIT = "wait=true&pollInterval=10&";

    @BeforeEach
    void fresh() {
        emulator().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:runByName").to("databricks:jobs/runNow?jobName=nightly etl&" + WAIT + connection());
                from("direct:runAlone")
                        .to("databricks:jobs/runNow?jobName=nightly etl&cancelPreviousRuns=true&" + WAIT + connection());
                from("direct:repairing").to("databricks:jobs/runNow?repairAttempts=2&" + WAIT + connection());
                from("direct:runNow").to("databricks:jobs/runNow?" + connection());
                from("direct:submit").to("databricks:jobs/submit?" + WAIT + connection());
                from("direct:slow").routeId("slow").to("databricks:jobs/submit?" + WAIT + connection());
            }
        };
    }

    private static ObjectNode twoTaskJob(String name) {
        ObjectNode settings = JsonMapper.create().createObjectNode().put("name", name);
        var tasks = settings.putArray("tasks");
        tasks.addObject().put("task_key", "ingest").putObject("notebook_task").put("notebook_path", "/Shared/ingest");
        ObjectNode report = tasks.addObject().put("task_key", "report");
        report.putObject("notebook_task").put("notebook_path", "/Shared/report");
        report.putArray("depends_on").addObject().put("task_key", "ingest");
        return settings;
    }

    @Test
    void jobNameRunsTheOneJobOfThatName() {
        long jobId = emulator().jobs().createJob(twoTaskJob("nightly etl"));
        emulator().jobs().createJob(twoTaskJob("nightly etl (copy)"));

        Exchange out = template.request("direct:runByName", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.JOB_ID)).isEqualTo(jobId);
    }

    @Test
    void jobNameMatchingNoneOrSeveralJobsFailsNamingThem() {
        Exchange none = template.request("direct:runByName", e -> { });
        emulator().jobs().createJob(twoTaskJob("nightly etl"));
        emulator().jobs().createJob(twoTaskJob("nightly etl"));
        Exchange several = template.request("direct:runByName", e -> { });

        assertThat(none.getException()).hasMessageContaining("nightly etl");
        assertThat(several.getException()).hasMessageContaining("nightly etl");
        assertThat(emulator().jobs().runCount()).isZero();
    }

    @Test
    void cancelPreviousRunsCancelsTheJobsActiveRunsFirst() {
        long jobId = emulator().jobs().createJob(twoTaskJob("nightly etl"));
        emulator().jobs().scriptNextRun(RunScript.builder().running(1_000_000).thenSucceed());
        long stuck = template.requestBody("direct:runNow", Map.of("job_id", jobId), RunNowResponse.class).getRunId();

        Exchange out = template.request("direct:runAlone", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(emulator().jobs().run(stuck).orElseThrow().path("state").path("result_state").asText())
                .isEqualTo("CANCELED");
    }

    @Test
    void aFailedRunIsRepairedUntilItSucceeds() {
        long jobId = emulator().jobs().createJob(twoTaskJob("etl"));
        emulator().jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "flaky")));

        Exchange out = template.request("direct:repairing", e -> e.getMessage().setBody(Map.of("job_id", jobId)));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.REPAIR_COUNT)).isEqualTo(1);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().repairRequests(runId)).hasSize(1);
        assertThat(emulator().jobs().runCount()).isEqualTo(1);
    }

    @Test
    void aRunStillFailingAfterTheRepairsFailsListingItsFailedTasks() {
        long jobId = emulator().jobs().createJob(twoTaskJob("etl"));
        emulator().jobs().defaultScript(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "boom")));
        emulator().jobs().taskOutput("ingest", TaskOutput.error("NameError: name 'x' is not defined", "Traceback"));

        Exchange out = template.request("direct:repairing", e -> e.getMessage().setBody(Map.of("job_id", jobId)));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasMessageContaining("task ingest FAILED: NameError: name 'x' is not defined");
        assertThat(out.getMessage().getHeader(DatabricksConstants.REPAIR_COUNT)).isEqualTo(2);
        assertThat(out.getException()).hasMessageContaining("task report UPSTREAM_FAILED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.FAILED_TASKS)).isEqualTo(List.of("ingest", "report"));
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().repairRequests(runId)).hasSize(2);
    }

    @Test
    void aReattachRunIdWaitsOnThatRunAndStartsNone() {
        long runId = emulator().jobs().submitRun(EmulatorRequests.notebookRun("started-before-a-crash"));

        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody(EmulatorRequests.notebookRunBody("started-before-a-crash"));
            e.getMessage().setHeader(DatabricksConstants.REATTACH_RUN_ID, runId);
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Run.class).getRunId()).isEqualTo(runId);
        assertThat(emulator().jobs().runCount()).isEqualTo(1);
        assertThat(emulator().requests().countOperation("jobs.Jobs.submit")).isZero();
    }

    @Test
    void stoppingTheRouteWhileWaitingCancelsTheRun() throws Exception {
        emulator().jobs().scriptNextRun(RunScript.builder().running(1_000_000).thenSucceed());
        Future<Exchange> exchange = template.asyncSend("direct:slow",
                e -> e.getMessage().setBody(EmulatorRequests.notebookRunBody("long")));
        DatabricksEndpoint submit = context.getEndpoints().stream().filter(DatabricksEndpoint.class::isInstance)
                .map(DatabricksEndpoint.class::cast).filter(e -> e.getPath().equals("jobs/submit")).findFirst()
                .orElseThrow();
        awaitTrue(() -> submit.waitsInProgress.get() == 1, "the run is being waited on");
        long runId = emulator().jobs().runIds().get(0);

        context.getRouteController().stopRoute("slow", 1, TimeUnit.SECONDS);

        assertThat(emulator().requests().countOperation("jobs.Jobs.cancelRun")).isEqualTo(1);
        assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNotNull();
        awaitTrue(() -> emulator().jobs().lifeCycleState(runId).orElse("").matches("TERMINAT.*"), "the run ended");
    }

    @Test
    void optionsThatCannotApplyAreRefusedAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/submit?jobName=x&" + connection()))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("only jobs/runNow");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/runNow?repairAttempts=1&" + connection()))
                .hasMessageContaining("with wait=true");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/runNow?jobName=x&jobId=1&" + connection()))
                .hasMessageContaining("set one of them");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/list?cancelPreviousRuns=true&" + connection()))
                .hasMessageContaining("cancelPreviousRuns");
    }
}
