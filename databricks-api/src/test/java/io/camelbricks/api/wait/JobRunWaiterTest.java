package io.camelbricks.api.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitRunResponse;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/** The generated jobs.submit waiter polls runs/get on the scheduler until TERMINATED/SKIPPED or INTERNAL_ERROR. */
class JobRunWaiterTest {
    private final LoopbackServer server = new LoopbackServer();
    private final WorkspaceClient w = new WorkspaceClient(TestClients.fast(server));

    @AfterEach
    void stop() {
        w.close();
        server.close();
    }

    private static Reply run(String lifeCycle, String result, String message) {
        return Reply.ok("{\"run_id\":11,\"state\":{\"life_cycle_state\":\"" + lifeCycle + "\""
                + (result == null ? "" : ",\"result_state\":\"" + result + "\"")
                + ",\"state_message\":\"" + message + "\"}}");
    }

    @Test
    void waitsThroughPendingAndRunningToTerminated() {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("PENDING", null, "queued"), run("RUNNING", null, "going"),
                run("TERMINATED", "SUCCESS", ""));
        List<String> seen = new CopyOnWriteArrayList<>();
        Wait<Run, SubmitRunResponse> wait = w.jobs().submit(new SubmitRun().setRunName("nightly"));
        assertThat(wait.getResponse().getRunId()).isEqualTo(11L);
        Run run = wait.onProgress(r -> seen.add(r.getState().getLifeCycleState().value())).get(Duration.ofSeconds(10));
        assertThat(run.getState().getResultState().value()).isEqualTo("SUCCESS");
        assertThat(seen).containsExactly("PENDING", "RUNNING", "TERMINATED");
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri)
                .containsExactly("/api/2.2/jobs/runs/submit", "/api/2.2/jobs/runs/get?run_id=11",
                        "/api/2.2/jobs/runs/get?run_id=11", "/api/2.2/jobs/runs/get?run_id=11");
    }

    @Test
    void failureStateRaisesWithTheStatusMessage() {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("INTERNAL_ERROR", "FAILED", "cluster lost"));
        Wait<Run, SubmitRunResponse> wait = w.jobs().submit(new SubmitRun().setRunName("nightly"));
        assertThatThrownBy(() -> wait.get(Duration.ofSeconds(10))).isInstanceOfSatisfying(WaitFailedException.class, e -> {
            assertThat(e.getState()).isEqualTo("INTERNAL_ERROR");
            assertThat(e.getMessage()).isEqualTo("failed to reach TERMINATED or SKIPPED, got INTERNAL_ERROR: cluster lost");
            assertThat(e.getEntity()).isInstanceOf(Run.class);
        });
    }

    @Test
    void timeoutRaisesWithTheLastState() {
        server.enqueue(Reply.ok("{\"run_id\":11}"));
        server.respondWith(r -> run("RUNNING", null, "still going"));
        Wait<Run, SubmitRunResponse> wait = w.jobs().submit(new SubmitRun().setRunName("nightly"));
        assertThatThrownBy(() -> wait.get(Duration.ofMillis(100))).isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
            assertThat(e.getLastState()).isEqualTo("RUNNING");
            assertThat(e.getMessage()).startsWith("timed out after PT0.1S waiting for TERMINATED or SKIPPED; last state RUNNING");
        });
    }

    @Test
    void completableFutureWaitsWithoutHoldingTheCaller() throws Exception {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("RUNNING", null, ""), run("TERMINATED", "SUCCESS", ""));
        CompletableFuture<Run> future = w.jobs().submit(new SubmitRun()).toCompletableFuture(Duration.ofSeconds(10));
        assertThat(future.get(10, TimeUnit.SECONDS).getRunId()).isEqualTo(11L);
    }

    @Test
    void closingTheClientFailsAWaitInsteadOfLeavingItHanging() {
        server.enqueue(Reply.ok("{\"run_id\":11}"));
        server.respondWith(r -> run("RUNNING", null, "still going"));
        CompletableFuture<Run> future = w.jobs().submit(new SubmitRun()).toCompletableFuture(Duration.ofHours(1));
        w.close();
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("the client was closed");
    }

    @Test
    void pollErrorsFailTheWait() {
        server.enqueue(Reply.ok("{\"run_id\":11}"),
                Reply.json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Run 11 does not exist.\"}"));
        CompletableFuture<Run> future = w.jobs().submit(new SubmitRun()).toCompletableFuture(Duration.ofSeconds(10));
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(io.camelbricks.api.error.ResourceDoesNotExist.class);
    }

    @Test
    void statesMatchTheSpecIgnoringCaseAsCommandStatusAnswersFinished() {
        server.enqueue(Reply.ok("{\"id\":\"cmd-1\"}"), Reply.ok("{\"id\":\"cmd-1\",\"status\":\"Running\"}"),
                Reply.ok("{\"id\":\"cmd-1\",\"status\":\"Finished\",\"results\":{\"resultType\":\"text\",\"data\":\"1\"}}"));
        io.camelbricks.api.service.compute.CommandStatusResponse done = w.commandExecution()
                .execute(new io.camelbricks.api.service.compute.Command().setClusterId("c").setContextId("x")
                        .setCommand("1")).get(Duration.ofSeconds(10));
        assertThat(done.getStatus()).isEqualTo(io.camelbricks.api.service.compute.CommandStatus.FINISHED);
    }
}
