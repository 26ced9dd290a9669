package io.camelbricks.camel;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.api.wait.WaitTimeoutException;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wait=true}: success; failure states (the waiter's, and a run's unsuccessful result states) failing with
 * {@link DatabricksOperationFailedException} and routable on headers; {@code onWaitTimeout=fail|cancel|continue}.
 * Emulated runs move one step per poll (PENDING, RUNNING, then their outcome), so no test waits for a clock.
 */
class WaitModesTest extends EmulatorTestSupport {

    @BeforeEach
    void fresh() {
        emulator().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String wait = "wait=true&pollInterval=10&" + connection();
                from("direct:submit").to("databricks:jobs/submit?" + wait);
                from("direct:submitAcceptingFailures").to("databricks:jobs/submit?failOnResultState=none&" + wait);
                from("direct:failFast").to("databricks:jobs/submit?waitTimeout=1ms&" + wait);
                from("direct:cancelOnTimeout").to("databricks:jobs/submit?waitTimeout=1ms&onWaitTimeout=cancel&" + wait);
                from("direct:continueOnTimeout")
                        .to("databricks:jobs/submit?waitTimeout=1ms&onWaitTimeout=continue&" + wait)
                        .to("mock:continued");
                from("direct:cancelRun").to("databricks:jobs/cancelRun?" + wait);

                from("direct:routeOnFailure")
                        .onException(DatabricksOperationFailedException.class).handled(true)
                            .choice()
                                .when(header(DatabricksConstants.FAILED_STATE).isEqualTo("INTERNAL_ERROR"))
                                    .to("mock:platformFailure")
                                .otherwise()
                                    .to("mock:runFailure")
                            .end()
                        .end()
                        .to("databricks:jobs/submit?" + wait);
            }
        };
    }

    @Test
    void aSuccessfulRunCompletesTheExchangeWithTheRunAndItsStates() {
        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(body("ok")));

        assertThat(out.getException()).isNull();
        Run run = out.getMessage().getBody(Run.class);
        assertThat(run.getState().getLifeCycleState()).hasToString("TERMINATED");
        assertThat(out.getMessage().getHeaders())
                .containsEntry(DatabricksConstants.RUN_ID, run.getRunId())
                .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "TERMINATED")
                .containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.TERMINATION_CODE, "SUCCESS")
                .containsEntry(DatabricksConstants.RUN_PAGE_URL, run.getRunPageUrl())
                .doesNotContainKey(DatabricksConstants.WAIT_TIMED_OUT);
    }

    @Test
    void aWaiterFailureStateFailsWithStateMessageAndIdsInTheExceptionAndHeaders() {
        emulator().jobs().internalErrorOnNextRun("Cluster failed to start");

        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(body("broken")));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasCauseInstanceOf(WaitFailedException.class);
        DatabricksOperationFailedException failed = (DatabricksOperationFailedException) out.getException();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(failed.getOperation()).isEqualTo("jobs/submit");
        assertThat(failed.getState()).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.getStateMessage()).isEqualTo("Cluster failed to start");
        assertThat(failed.getIds()).containsEntry("run_id", runId).containsKey("job_id");
        assertThat(failed.getRunPageUrl()).endsWith("/run/" + runId);
        assertThat(failed.getEntity()).isInstanceOf(Run.class);
        assertThat(failed).hasMessage("databricks:jobs/submit run_id=" + runId + " job_id=" + failed.getIds().get("job_id")
                + " ended in failure state INTERNAL_ERROR: Cluster failed to start (" + failed.getRunPageUrl() + ")");
        assertThat(out.getMessage().getHeaders())
                .containsEntry(DatabricksConstants.FAILED_STATE, "INTERNAL_ERROR")
                .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "INTERNAL_ERROR")
                .containsEntry(DatabricksConstants.STATE_MESSAGE, "Cluster failed to start")
                .containsEntry(DatabricksConstants.TERMINATION_TYPE, "INTERNAL_ERROR");
    }

    @Test
    void aFailedRunFailsTheExchangeByDefaultAndCompletesItWithFailOnResultStateNone() {
        emulator().jobs().failNextRun("division by zero");
        Exchange failing = template.request("direct:submit", e -> e.getMessage().setBody(body("fails")));
        emulator().jobs().failNextRun("division by zero");
        Exchange accepting = template.request("direct:submitAcceptingFailures",
                e -> e.getMessage().setBody(body("fails too")));

        assertThat(failing.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasMessageContaining("ended in failure state FAILED: ");
        assertThat(failing.getMessage().getHeader(DatabricksConstants.FAILED_STATE)).isEqualTo("FAILED");
        assertThat(failing.getMessage().getHeader(DatabricksConstants.TERMINATION_CODE))
                .isEqualTo("RUN_EXECUTION_ERROR");
        assertThat(accepting.getException()).isNull();
        assertThat(accepting.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("FAILED");
    }

    @Test
    void aSkippedRunFailsByDefault() {
        emulator().jobs().scriptNextRun(RunScript.immediately(RunOutcome.skipped("max concurrent runs reached")));

        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(body("skipped")));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class);
        assertThat(((DatabricksOperationFailedException) out.getException()).getState()).isEqualTo("SKIPPED");
    }

    @Test
    void cancellingARunWithWaitExpectsCanceledAndCompletes() {
        long runId = emulator().jobs().submitRun(EmulatorRequests.notebookRun("to-cancel"));

        Exchange out = template.request("direct:cancelRun", e -> e.getMessage().setBody(Map.of("run_id", runId)));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("CANCELED");
    }

    @Test
    void onExceptionRoutesOnTheFailedStateHeader() throws Exception {
        getMockEndpoint("mock:platformFailure").expectedHeaderReceived(DatabricksConstants.STATE_MESSAGE, "no driver");
        getMockEndpoint("mock:runFailure").expectedHeaderReceived(DatabricksConstants.FAILED_STATE, "FAILED");

        emulator().jobs().internalErrorOnNextRun("no driver");
        template.sendBody("direct:routeOnFailure", body("platform"));
        emulator().jobs().failNextRun("bad input");
        template.sendBody("direct:routeOnFailure", body("run"));

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void onWaitTimeoutFailLeavesTheRunGoing() {
        runStaysPending();
        Exchange out = template.request("direct:failFast", e -> e.getMessage().setBody(body("slow")));

        assertThat(out.getException()).isInstanceOf(WaitTimeoutException.class).hasMessageContaining("PENDING");
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(out.getMessage().getHeaders()).containsEntry(DatabricksConstants.WAIT_TIMED_OUT, true)
                .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "PENDING");
        assertThat(emulator().jobs().lifeCycleState(runId)).contains("PENDING");
        assertThat(emulator().requests().count("POST", "/jobs/runs/cancel")).isZero();
    }

    @Test
    void onWaitTimeoutCancelCancelsTheRunThenFails() {
        Exchange out = template.request("direct:cancelOnTimeout", e -> e.getMessage().setBody(body("cancelled")));

        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(out.getException()).isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("cancelled with jobs/cancelRun run_id=" + runId);
        assertThat(out.getMessage().getHeader(DatabricksConstants.WAIT_TIMED_OUT)).isEqualTo(true);
        assertThat(emulator().requests().count("POST", "/jobs/runs/cancel")).isEqualTo(1);
        assertThat(emulator().jobs().run(runId).orElseThrow().at("/state/result_state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void onWaitTimeoutContinueGoesOnWithTheLastPolledRun() throws Exception {
        MockEndpoint continued = getMockEndpoint("mock:continued");
        continued.expectedMessageCount(1);
        continued.expectedHeaderReceived(DatabricksConstants.WAIT_TIMED_OUT, true);
        continued.expectedHeaderReceived(DatabricksConstants.LIFE_CYCLE_STATE, "PENDING");
        runStaysPending();

        Exchange out = template.request("direct:continueOnTimeout", e -> e.getMessage().setBody(body("later")));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Run.class).getState().getLifeCycleState()).hasToString("PENDING");
    }

    /**
     * The next run stays PENDING for an hour: a wait of 1 ms may poll once more at its deadline (the first poll can
     * be answered within the millisecond), and that poll must see the same state.
     */
    private void runStaysPending() {
        emulator().jobs().scriptNextRun(RunScript.timed(Duration.ofHours(1), Duration.ofHours(1)));
    }

    private static Map<String, Object> body(String name) {
        return EmulatorRequests.notebookRunBody(name);
    }
}
