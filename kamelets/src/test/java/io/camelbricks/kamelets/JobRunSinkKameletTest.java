package io.camelbricks.kamelets;

import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.DatabricksOperationFailedException;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRunSinkKameletTest extends KameletTestSupport {

    private void sinkRoute(String options) throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("kamelet:databricks-job-run-sink?" + CONNECTION + "&pollInterval=10" + options);
            }
        });
    }

    @Test
    void runsTheNamedJobAndCompletesWhenTheRunHasTerminated() throws Exception {
        long jobId = emulator().jobs().createJob("nightly-etl");
        sinkRoute("&jobName=nightly-etl");

        Exchange out = template.request("direct:run", e -> { });

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().runCount()).isEqualTo(1);
        assertThat(emulator().jobs().lifeCycleState(runId)).contains("TERMINATED");
        assertThat(emulator().jobs().run(runId).orElseThrow().get("job_id").asLong()).isEqualTo(jobId);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(json(out.getMessage().getBody()).at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void runNowPassesTheJobParametersOfTheKamelet() throws Exception {
        long jobId = emulator().jobs().createJob("ingest");
        sinkRoute("&jobId=" + jobId + "&jobParameters={\"region\":\"eu\"}");

        Exchange out = template.request("direct:run", e -> { });

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().run(runId).orElseThrow().toString()).contains("region").contains("eu");
    }

    @Test
    void submitsTheBodyAsAOneTimeRunAndWaitsForIt() throws Exception {
        sinkRoute("&operation=submit");
        String spec = "{\"run_name\": \"adhoc-report\", \"tasks\": [{\"task_key\": \"main\","
                + " \"notebook_task\": {\"notebook_path\": \"/Workspace/Shared/report\"}}]}";

        Exchange out = template.request("direct:run", e -> e.getMessage().setBody(spec));

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().run(runId).orElseThrow().get("run_name").asText()).isEqualTo("adhoc-report");
        assertThat(emulator().jobs().lifeCycleState(runId)).contains("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
    }

    @Test
    void aFailedRunFailsTheExchangeWithItsStateAndMessage() throws Exception {
        emulator().jobs().createJob("fragile");
        emulator().jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("table not found")));
        sinkRoute("&jobName=fragile");

        assertThatThrownBy(() -> template.requestBody("direct:run", (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(DatabricksOperationFailedException.class)
                .hasMessageContaining("FAILED").hasMessageContaining("table not found");
        assertThat(emulator().jobs().runCount()).isEqualTo(1);
    }

    @Test
    void aFailedRunIsRepairedWhenRepairAttemptsAllowIt() throws Exception {
        emulator().jobs().createJob("flaky");
        emulator().jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("transient")));
        sinkRoute("&jobName=flaky&repairAttempts=1");

        Exchange out = template.request("direct:run", e -> { });

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(out.getMessage().getHeader(DatabricksConstants.REPAIR_COUNT)).isEqualTo(1);
        assertThat(emulator().jobs().repairRequests(runId)).hasSize(1);
        assertThat(emulator().jobs().runCount()).isEqualTo(1);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
    }

    @Test
    void anUnknownJobNameFailsNamingIt() throws Exception {
        sinkRoute("&jobName=no-such-job");

        assertThatThrownBy(() -> template.requestBody("direct:run", Map.of()))
                .hasStackTraceContaining("no-such-job");
        assertThat(emulator().jobs().runCount()).isZero();
    }
}
