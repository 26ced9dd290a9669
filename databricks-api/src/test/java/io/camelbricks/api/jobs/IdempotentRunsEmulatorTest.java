package io.camelbricks.api.jobs;

import static io.camelbricks.api.jobs.JobsTesting.notebook;
import static io.camelbricks.api.jobs.JobsTesting.submitRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.CreateJob;
import io.camelbricks.api.service.jobs.DeleteRun;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.Task;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

/**
 * The generation walk of {@link IdempotentRuns} against the emulator, whose tokens behave like the service's (the
 * same run id for a token seen before, even for a finished run; the token of a deleted run refused). "Later" is the
 * emulator's {@link ManualClock} moved on, which the walk also reads.
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class IdempotentRunsEmulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SubmitRun REQUEST = submitRun("orders", notebook("load"));
    private static WorkspaceClient w;

    @BeforeAll
    static void client(DatabricksEmulator emu) {
        w = JobsTesting.client(emu);
    }

    @AfterAll
    static void close() {
        w.close();
    }

    private static IdempotentRuns runs(WorkspaceClient client, ManualClock clock) {
        return IdempotentRuns.builder(client.jobs()).clock(clock).build();
    }

    @Test
    void theSameKeyTwiceGivesOneRun(DatabricksEmulator emu, ManualClock clock) {
        IdempotentRun first = runs(w, clock).submit("order-42", REQUEST);
        clock.advance(Duration.ofMinutes(1));
        IdempotentRun second = runs(w, clock).submit("order-42", REQUEST);

        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(second.generation()).isZero();
        assertThat(first.existedBefore()).isFalse();
        assertThat(second.existedBefore()).isTrue();
        assertThat(first.idempotencyToken()).hasSize(64).isEqualTo(second.idempotencyToken());
        assertThat(emu.jobs().runCount()).isEqualTo(1);
    }

    @Test
    void aSucceededRunIsAdoptedNotRepeated(DatabricksEmulator emu, ManualClock clock) {
        IdempotentRun first = runs(w, clock).submit("order-42", REQUEST);
        assertThat(RunStates.isSuccess(w.jobs().waitForRun(first.runId(), WAIT))).isTrue();
        clock.advance(Duration.ofHours(1));

        IdempotentRun again = runs(w, clock).submit("order-42", REQUEST);

        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(RunStates.isSuccess(again.run())).isTrue();
        assertThat(emu.jobs().runCount()).isEqualTo(1);
    }

    @Test
    void afterAFailedRunTheSameKeyStartsExactlyOneNewRun(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().scriptNextRun(RunScript.fails("boom"));
        IdempotentRun failed = runs(w, clock).submit("order-42", REQUEST);
        assertThat(RunStates.isFailed(w.jobs().waitForRun(failed.runId(), WAIT))).isTrue();
        clock.advance(Duration.ofMinutes(5));

        IdempotentRun retry = runs(w, clock).submit("order-42", REQUEST);
        IdempotentRun retryAgain = runs(w, clock).submit("order-42", REQUEST);

        assertThat(retry.runId()).isNotEqualTo(failed.runId());
        assertThat(retry.generation()).isEqualTo(1);
        assertThat(retry.existedBefore()).isFalse();
        assertThat(retryAgain.runId()).isEqualTo(retry.runId());
        assertThat(emu.jobs().runCount()).isEqualTo(2);
    }

    @Test
    void aRunThatFailsInstantlyIsReturnedWithoutADuplicate(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().defaultScript(RunScript.immediately(RunOutcome.failed("library installation failed")));

        IdempotentRun run = runs(w, clock).submit("order-42", REQUEST);

        assertThat(RunStates.isFailed(run.run())).isTrue();
        assertThat(run.generation()).isZero();
        assertThat(run.existedBefore()).isFalse();
        assertThat(emu.jobs().runCount()).isEqualTo(1);
        assertThatThrownBy(() -> w.jobs().requireSuccess(run.run())).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("library installation failed");
    }

    @Test
    void aRestartedProcessWithTheSameKeyAdoptsTheRunInFlight(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().defaultScript(RunScript.builder().pending(1).running(50).thenSucceed());
        IdempotentRun before;
        try (WorkspaceClient crashed = JobsTesting.client(emu)) {
            before = runs(crashed, clock).submit("order-42", REQUEST);
        }
        clock.advance(Duration.ofMinutes(10));

        try (WorkspaceClient restarted = JobsTesting.client(emu)) {
            IdempotentRun after = runs(restarted, clock).submit("order-42", submitRun("orders", notebook("load")));
            assertThat(after.runId()).isEqualTo(before.runId());
            assertThat(after.existedBefore()).isTrue();
            assertThat(RunStates.isTerminal(after.run())).isFalse();
        }
        assertThat(emu.jobs().runCount()).isEqualTo(1);
    }

    @Test
    void aRestartAfterARetriedFailureFindsTheLaterGeneration(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("boom")));
        emu.jobs().defaultScript(RunScript.builder().pending(1).running(50).thenSucceed());
        runs(w, clock).submit("order-42", REQUEST);
        clock.advance(Duration.ofMinutes(5));
        IdempotentRun second = runs(w, clock).submit("order-42", REQUEST);
        clock.advance(Duration.ofMinutes(5));

        try (WorkspaceClient restarted = JobsTesting.client(emu)) {
            IdempotentRun adopted = runs(restarted, clock).submit("order-42", REQUEST);
            assertThat(adopted.runId()).isEqualTo(second.runId());
            assertThat(adopted.generation()).isEqualTo(1);
        }
        assertThat(emu.jobs().runCount()).isEqualTo(2);
    }

    @Test
    void anotherKeyOrAnotherRequestIsAnotherRun(DatabricksEmulator emu, ManualClock clock) {
        long a = runs(w, clock).submit("order-42", REQUEST).runId();
        long b = runs(w, clock).submit("order-43", REQUEST).runId();
        long c = runs(w, clock).submit("order-42", submitRun("orders", notebook("load"), notebook("check"))).runId();

        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(emu.jobs().runCount()).isEqualTo(3);
    }

    @Test
    void theWalkStopsAfterMaxGenerations(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().defaultScript(RunScript.immediately(RunOutcome.failed("always")));
        IdempotentRuns three = IdempotentRuns.builder(w.jobs()).clock(clock).maxGenerations(3).build();
        for (int g = 0; g < 3; g++) {
            assertThat(three.submit("order-42", REQUEST).generation()).isEqualTo(g);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThatThrownBy(() -> three.submit("order-42", REQUEST)).isInstanceOf(DatabricksException.class)
                .hasMessageContaining("3 generations of runs for this key all failed");
        assertThat(emu.jobs().runCount()).isEqualTo(3);
    }

    @Test
    void aDeletedRunMovesTheWalkOn(DatabricksEmulator emu, ManualClock clock) {
        IdempotentRun first = runs(w, clock).submit("order-42", REQUEST);
        w.jobs().waitForRun(first.runId(), WAIT);
        w.jobs().deleteRun(new DeleteRun().setRunId(first.runId()));

        IdempotentRun next = runs(w, clock).submit("order-42", REQUEST);

        assertThat(next.generation()).isEqualTo(1);
        assertThat(next.runId()).isNotEqualTo(first.runId());
    }

    @Test
    void aTokenOnTheRequestIsSentAsGivenWithoutAWalk(DatabricksEmulator emu, ManualClock clock) {
        emu.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failed("boom")));
        SubmitRun own = submitRun("orders", notebook("load")).setIdempotencyToken("my-own-token");
        IdempotentRun first = runs(w, clock).submit("order-42", own);
        clock.advance(Duration.ofMinutes(5));

        IdempotentRun again = runs(w, clock).submit("order-42", own);

        assertThat(again.runId()).isEqualTo(first.runId());
        assertThat(again.generation()).isEqualTo(-1);
        assertThat(again.idempotencyToken()).isEqualTo("my-own-token");
        assertThat(emu.jobs().runCount()).isEqualTo(1);
        assertThat(own.getIdempotencyToken()).isEqualTo("my-own-token");
    }

    @Test
    void runNowWalksTheSameWay(DatabricksEmulator emu, ManualClock clock) {
        long jobId = w.jobs().create(new CreateJob().setName("orders").setMaxConcurrentRuns(5L).setTasks(List.of(
                new Task().setTaskKey("load").setNotebookTask(new NotebookTask().setNotebookPath("/Shared/load")))))
                .getJobId();
        emu.jobs().scriptNextRun(RunScript.fails("boom"));
        RunNow request = new RunNow().setJobId(jobId);
        IdempotentRun failed = runs(w, clock).runNow("order-42", request);
        w.jobs().waitForRun(failed.runId(), WAIT);
        clock.advance(Duration.ofMinutes(5));

        IdempotentRun retry = runs(w, clock).runNow("order-42", request);
        IdempotentRun same = runs(w, clock).runNow("order-42", request);

        assertThat(retry.runId()).isNotEqualTo(failed.runId()).isEqualTo(same.runId());
        assertThat(request.getIdempotencyToken()).isNull();
        assertThat(emu.jobs().runCount()).isEqualTo(2);
    }
}
