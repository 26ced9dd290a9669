package io.camelbricks.api.jobs;

import static io.camelbricks.api.jobs.JobsTesting.notebook;
import static io.camelbricks.api.jobs.JobsTesting.submitRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.CreateJob;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.RepairRun;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.Task;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

/**
 * Every way a run ends, through the generated waiters of {@code submit}, {@code runNow} and {@code repairRun} and
 * through {@code waitForRun}: each ending is terminal, only SUCCESS is a success, INTERNAL_ERROR is the generated
 * waiters' failure state, a run that fails before the first poll is failed, and 502/504 answers to the polls are
 * retried instead of ending the wait. Runs move on poll by poll (no clock, no sleeps).
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class RunTerminalStatesEmulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WorkspaceClient w;

    @BeforeAll
    static void client(DatabricksEmulator emu) {
        w = JobsTesting.client(emu);
    }

    @AfterAll
    static void close() {
        w.close();
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of("TERMINATED/SUCCESS", RunScript.succeeds(), true, "SUCCESS"),
                Arguments.of("TERMINATED/FAILED", RunScript.fails("boom"), false, "FAILED"),
                Arguments.of("TERMINATED/TIMEDOUT", RunScript.succeeds().endingWith(RunOutcome.timedOut()), false,
                        "TIMEDOUT"),
                Arguments.of("TERMINATED/CANCELED", RunScript.succeeds().endingWith(RunOutcome.canceled()), false,
                        "CANCELED"),
                Arguments.of("SKIPPED", RunScript.succeeds().endingWith(RunOutcome.skipped("limit reached")), false,
                        "SKIPPED"),
                Arguments.of("failed before the first poll", RunScript.immediately(RunOutcome.failed("no library")),
                        false, "FAILED"),
                Arguments.of("SUCCESS_WITH_FAILURES", RunScript.succeeds().endingWith(RunOutcome.of("TERMINATED",
                        "SUCCESS_WITH_FAILURES", "", "SUCCESS_WITH_FAILURES", "SUCCESS")), true,
                        "SUCCESS_WITH_FAILURES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void theSubmitWaiterEndsOnEveryTerminalStateAndOnlySuccessIsSuccess(String name, RunScript script,
                                                                       boolean success, String outcome,
                                                                       DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(script);
        Run run = w.jobs().submit(submitRun("matrix", notebook("main"))).get(WAIT);
        assertEnding(run, success, outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void theRunNowWaiterEndsOnEveryTerminalState(String name, RunScript script, boolean success, String outcome,
                                                DatabricksEmulator emu) {
        long jobId = w.jobs().create(new CreateJob().setName("matrix").setTasks(List.of(new Task().setTaskKey("main")
                .setNotebookTask(new NotebookTask().setNotebookPath("/Shared/main"))))).getJobId();
        emu.jobs().scriptNextRun(script);
        Run run = w.jobs().runNow(new RunNow().setJobId(jobId)).get(WAIT);
        assertEnding(run, success, outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void theRepairWaiterEndsOnEveryTerminalState(String name, RunScript script, boolean success, String outcome,
                                                DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(RunScript.fails("first attempt"));
        Run failed = w.jobs().submit(submitRun("matrix", notebook("main"))).get(WAIT);
        emu.jobs().scriptNextRun(script);
        Run run = w.jobs().repairRun(new RepairRun().setRunId(failed.getRunId()).setRerunTasks(List.of("main")))
                .get(WAIT);
        assertEnding(run, success, outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void waitForRunEndsOnEveryTerminalState(String name, RunScript script, boolean success, String outcome,
                                           DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(script);
        long runId = w.jobs().submitAsync(submitRun("matrix", notebook("main"))).join().getRunId();
        assertEnding(w.jobs().waitForRun(runId, WAIT), success, outcome);
    }

    private static void assertEnding(Run run, boolean success, String outcome) {
        assertThat(RunStates.isTerminal(run)).isTrue();
        assertThat(RunStates.isSuccess(run)).isEqualTo(success);
        assertThat(RunStates.isFailed(run)).isEqualTo(!success);
        assertThat(RunStates.outcome(run.getState(), run.getStatus())).isEqualTo(outcome);
        if (success) {
            assertThat(w.jobs().requireSuccess(run)).isSameAs(run);
        } else {
            assertThatThrownBy(() -> w.jobs().requireSuccess(run)).isInstanceOf(RunFailedException.class)
                    .hasMessageStartingWith("run " + run.getRunId() + " \"matrix\" " + outcome);
        }
    }

    @Test
    void internalErrorIsTheGeneratedWaitersFailureStateAndATerminalFailureForWaitForRun(DatabricksEmulator emu) {
        emu.jobs().internalErrorOnNextRun("Cluster failed to start");
        var wait = w.jobs().submit(submitRun("ie", notebook("main")));
        assertThatThrownBy(() -> wait.get(WAIT)).isInstanceOfSatisfying(WaitFailedException.class, e -> {
            assertThat(e.getState()).isEqualTo("INTERNAL_ERROR");
            assertThat(e.getMessage()).contains("Cluster failed to start");
        });

        emu.jobs().internalErrorOnNextRun("Cluster failed to start");
        long runId = w.jobs().submitAsync(submitRun("ie", notebook("main"))).join().getRunId();
        Run run = w.jobs().waitForRun(runId, WAIT);
        assertThat(run.getState().getLifeCycleState().value()).isEqualTo("INTERNAL_ERROR");
        assertThat(RunStates.isFailed(run)).isTrue();
        assertThatThrownBy(() -> w.jobs().requireSuccess(run)).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("(INTERNAL_ERROR)");
    }

    @Test
    void pollsAnswered502And504AreRetriedAndTheWaitGoesOn(DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(RunScript.builder().pending(2).running(2).thenSucceed());
        emu.faults().on("GET", "/jobs/runs/get").respond(502).times(2);
        emu.faults().on("GET", "/jobs/runs/get").respond(504).times(1);

        Run run = w.jobs().submit(submitRun("flaky", notebook("main"))).get(WAIT);

        assertThat(RunStates.isSuccess(run)).isTrue();
        assertThat(emu.faults().injectedCount("GET", "/jobs/runs/get")).isEqualTo(3);
    }

    @Test
    void waitForRunAlsoRidesOut502And504(DatabricksEmulator emu) {
        long runId = w.jobs().submitAsync(submitRun("flaky", notebook("main"))).join().getRunId();
        emu.faults().on("GET", "/jobs/runs/get").respond(504).times(1);
        emu.faults().on("GET", "/jobs/runs/get").respond(502).times(2);

        assertThat(RunStates.isSuccess(w.jobs().waitForRun(runId, WAIT))).isTrue();
        assertThat(emu.faults().injectedCount()).isEqualTo(3);
    }

    @Test
    void theWorkspaceClientsJobsServiceIsOneJobsExt() {
        assertThat(w.jobs()).isInstanceOf(JobsExt.class).isSameAs(w.jobs());
    }
}
