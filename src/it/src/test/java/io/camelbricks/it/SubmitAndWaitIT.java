package io.camelbricks.it;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.DatabricksOperationFailedException;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code direct:submit → databricks:jobs/submit?wait=true}: the exchange completes when the run ends, over real
 * HTTP against the emulator. The emulator's default run script (PENDING, RUNNING, then the outcome on the third
 * poll) makes each wait take exactly three polls; {@code pollInterval} only keeps them quick.
 */
class SubmitAndWaitIT extends CamelContextSupport {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;

    @BeforeEach
    void routes() throws Exception {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=30s&"
                                + Workspace.connection(emulator));
                from("direct:submitAcceptingFailures")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=30s&failOnResultState=none&"
                                + Workspace.connection(emulator));
            }
        });
    }

    @Test
    void submitAndWaitRouteEndsWithTheRunsFinalStateInHeaders() {
        Exchange out = template.request("direct:submit",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-nightly")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isInstanceOf(Run.class);
        Run run = out.getMessage().getBody(Run.class);
        assertThat(run.getRunName()).isEqualTo("it-nightly");
        assertThat(run.getState().getLifeCycleState()).hasToString("TERMINATED");
        assertThat(run.getState().getResultState()).hasToString("SUCCESS");

        Map<String, Object> headers = out.getMessage().getHeaders();
        assertThat(headers).containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "TERMINATED")
                .containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.RUN_ID, run.getRunId())
                .containsEntry(DatabricksConstants.OPERATION, "jobs/submit");
        assertThat(emulator.jobs().runIds()).containsExactly(run.getRunId());
        assertThat(emulator.jobs().lifeCycleState(run.getRunId())).contains("TERMINATED");
        // one submit, then polls until the terminal state: PENDING, RUNNING, TERMINATED
        assertThat(emulator.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);
        assertThat(emulator.requests().count("GET", "/jobs/runs/get")).isEqualTo(3);
    }

    @Test
    void runEndingInInternalErrorFailsTheExchangeWithItsStateInHeadersAndItsMessageInTheException() {
        emulator.jobs().internalErrorOnNextRun("Cluster failed to start: driver unreachable");

        Exchange out = template.request("direct:submit",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-broken-cluster")));

        assertFailedWith(out, "Cluster failed to start: driver unreachable");
    }

    @Test
    void internalErrorMarkerInTheNotebookPathFailsTheExchangeTheSameWay() {
        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(
                Workspace.notebookRun("it-marker", "/Workspace/Shared/internal-error-job")));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasCauseInstanceOf(WaitFailedException.class);
        assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("INTERNAL_ERROR");
        String message = emulator.jobs().run(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class))
                .orElseThrow().at("/state/state_message").asText();
        assertThat(message).isNotBlank();
        assertThat(out.getException()).hasMessageContaining(message);
    }

    /**
     * A run whose task fails ends TERMINATED / FAILED. TERMINATED is a target state of the operation's waiter (as
     * in the Databricks SDKs), but FAILED is one of the result states that fail a run's wait by default
     * ({@code failOnResultState}), so the exchange fails with the state message; with {@code failOnResultState=none}
     * it completes and the failure is in the headers and the body.
     */
    @Test
    void runThatFailsFailsTheExchangeWithItsStateMessageUnlessFailuresAreAccepted() {
        emulator.jobs().failNextRun("NameError: name 'spark_sesion' is not defined");
        Exchange scripted = template.request("direct:submit",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-failing")));
        Exchange marked = template.request("direct:submit", e -> e.getMessage().setBody(
                Workspace.notebookRun("it-fail-marker", "/Workspace/Shared/fail")));
        emulator.jobs().failNextRun("NameError: name 'spark_sesion' is not defined");
        Exchange accepted = template.request("direct:submitAcceptingFailures",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-failing-accepted")));

        for (Exchange out : new Exchange[] {scripted, marked}) {
            assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class);
            DatabricksOperationFailedException failed = (DatabricksOperationFailedException) out.getException();
            assertThat(failed.getState()).isEqualTo("FAILED");
            assertThat(failed.getStateMessage()).isNotBlank();
            assertThat(failed.getIds()).containsEntry("run_id",
                    out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
            assertThat(out.getMessage().getHeaders())
                    .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "TERMINATED")
                    .containsEntry(DatabricksConstants.RESULT_STATE, "FAILED")
                    .containsEntry(DatabricksConstants.FAILED_STATE, "FAILED");
        }
        assertThat(scripted.getException()).hasMessageContaining("NameError: name 'spark_sesion' is not defined");
        assertThat(accepted.getException()).isNull();
        Run run = accepted.getMessage().getBody(Run.class);
        assertThat(run.getState().getResultState()).hasToString("FAILED");
        assertThat(run.getState().getStateMessage()).isEqualTo("NameError: name 'spark_sesion' is not defined");
    }

    private void assertFailedWith(Exchange out, String stateMessage) {
        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasMessageContaining("INTERNAL_ERROR")
                .hasMessageContaining(stateMessage)
                .hasCauseInstanceOf(WaitFailedException.class);
        assertThat(((DatabricksOperationFailedException) out.getException()).getState()).isEqualTo("INTERNAL_ERROR");
        assertThat(out.getMessage().getHeader(DatabricksConstants.FAILED_STATE)).isEqualTo("INTERNAL_ERROR");
        Long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(runId).isNotNull();
        assertThat(emulator.jobs().runIds()).containsExactly(runId);
        assertThat(out.getMessage().getHeaders())
                .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "INTERNAL_ERROR")
                .containsEntry(DatabricksConstants.RESULT_STATE, "FAILED");
    }
}
