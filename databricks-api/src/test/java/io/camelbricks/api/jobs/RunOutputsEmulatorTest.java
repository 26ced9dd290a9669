package io.camelbricks.api.jobs;

import static io.camelbricks.api.jobs.JobsTesting.notebook;
import static io.camelbricks.api.jobs.JobsTesting.submitRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.InvalidParameterValue;
import io.camelbricks.api.service.jobs.JobsGetRunOutputRequest;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.SparkPythonTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;

/**
 * {@code getRunOutputs}: every task's output of a multi-task run (where {@code runs/get-output} on the job run is a
 * 400), a single-task run, a 150-task run paged completely; and the {@link RunFailure} description.
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class RunOutputsEmulatorTest {
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

    @Test
    void everyTaskOfAMultiTaskRunHasItsOutputWhereTheJobRunIdIsRefused(DatabricksEmulator emu) {
        emu.jobs().taskOutput("ingest", TaskOutput.notebookResult("{\"rows\":42}"));
        emu.jobs().taskOutput("score", TaskOutput.logs("scored 42 rows\n"));
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("check", "boom")));
        Run run = w.jobs().submit(submitRun("outputs", notebook("ingest"),
                new SubmitTask().setTaskKey("score").setSparkPythonTask(new SparkPythonTask().setPythonFile("/s.py")),
                notebook("check"), notebook("publish", "check"))).get(WAIT);
        assertThatThrownBy(() -> w.jobs().getRunOutput(new JobsGetRunOutputRequest().setRunId(run.getRunId())))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("multiple tasks");

        RunOutputs outputs = w.jobs().getRunOutputs(run.getRunId());

        assertThat(outputs.byTaskKey()).containsOnlyKeys("ingest", "score", "check", "publish");
        TaskRunOutput ingest = outputs.byTaskKey().get("ingest");
        assertThat(ingest.notebookResult()).isEqualTo("{\"rows\":42}");
        assertThat(ingest.notebookResultTruncated()).isFalse();
        assertThat(ingest.outcome()).isEqualTo("SUCCESS");
        assertThat(ingest.taskRunId()).isEqualTo(JobsTesting.task(run, "ingest").getRunId());
        assertThat(outputs.byTaskKey().get("score").logs()).isEqualTo("scored 42 rows\n");
        assertThat(outputs.byTaskKey().get("score").logsTruncated()).isFalse();
        TaskRunOutput check = outputs.byTaskKey().get("check");
        assertThat(check.outcome()).isEqualTo("FAILED");
        assertThat(check.error()).isEqualTo("boom");
        assertThat(check.errorTrace()).contains("Traceback");
        assertThat(outputs.byTaskKey().get("publish").outcome()).isEqualTo("UPSTREAM_FAILED");
        assertThat(outputs.failedTasks()).extracting(TaskRunOutput::taskKey).containsExactly("check", "publish");
        assertThat(emu.requests().count("GET", "/jobs/runs/get-output")).isEqualTo(5);
    }

    @Test
    void aSingleTaskRunGivesThatTasksOutput(DatabricksEmulator emu) {
        emu.jobs().taskOutput("only", TaskOutput.notebookResult("done"));
        Run run = w.jobs().submit(submitRun("single", notebook("only"))).get(WAIT);

        RunOutputs outputs = w.jobs().getRunOutputsAsync(run.getRunId()).join();

        assertThat(outputs.tasks()).singleElement().satisfies(t -> {
            assertThat(t.taskKey()).isEqualTo("only");
            assertThat(t.notebookResult()).isEqualTo("done");
            assertThat(t.isSuccess()).isTrue();
        });
    }

    @Test
    void aNotebookResultOver5MbIsCutAndFlagged(DatabricksEmulator emu) {
        emu.jobs().taskOutput("big", TaskOutput.notebookResult("x".repeat(5 * 1024 * 1024 + 10)));
        Run run = w.jobs().submit(submitRun("big", notebook("big"), notebook("small"))).get(WAIT);

        TaskRunOutput big = w.jobs().getRunOutputs(run).byTaskKey().get("big");

        assertThat(big.notebookResultTruncated()).isTrue();
        assertThat(big.notebookResult()).hasSize(5 * 1024 * 1024);
    }

    @Test
    void aRunOf150TasksIsPagedCompletelyAndEveryTaskHasItsOutput(DatabricksEmulator emu) {
        List<SubmitTask> tasks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tasks.add(notebook("t" + i));
        }
        emu.jobs().taskOutput("t149", TaskOutput.notebookResult("last"));
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("t140", "late failure")));
        long runId = w.jobs().submitAsync(new SubmitRun().setRunName("wide").setTasks(tasks)).join().getRunId();
        Run run = w.jobs().waitForRun(runId, WAIT);
        assertThat(run.getTasks()).hasSize(150);
        assertThat(run.getNextPageToken()).isNull();

        RunOutputs outputs = w.jobs().getRunOutputs(runId);

        assertThat(outputs.tasks()).hasSize(150);
        assertThat(outputs.byTaskKey().get("t149").notebookResult()).isEqualTo("last");
        assertThat(emu.requests().count("GET", "/jobs/runs/get-output")).isEqualTo(150);
        RunFailure failure = w.jobs().describeFailure(run);
        assertThat(failure.failedTasks()).extracting(RunFailure.TaskFailure::taskKey).containsExactly("t140");
        assertThat(failure.message()).contains("task t140 FAILED: late failure");
    }

    @Test
    void theFailureNamesEachFailedTaskWithItsErrorAndTheRunPage(DatabricksEmulator emu) {
        emu.jobs().taskOutput("ingest", TaskOutput.error("NameError: name 'x' is not defined",
                "Traceback (most recent call last):\n  ...\nNameError: name 'x' is not defined"));
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "boom")));
        Run run = w.jobs().submit(submitRun("nightly", notebook("ingest"), notebook("report", "ingest"),
                notebook("side"))).get(WAIT);

        assertThatThrownBy(() -> w.jobs().requireSuccess(run)).isInstanceOfSatisfying(RunFailedException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("run " + run.getRunId() + " \"nightly\" FAILED (RUN_EXECUTION_ERROR): "
                    + "task ingest FAILED: NameError: name 'x' is not defined; task report UPSTREAM_FAILED; see "
                    + run.getRunPageUrl());
            assertThat(e.getRun()).isSameAs(run);
            assertThat(e.getFailure().failedTasks()).extracting(RunFailure.TaskFailure::taskKey)
                    .containsExactly("ingest", "report");
        });
        assertThat(emu.requests().count("GET", "/jobs/runs/get-output")).isEqualTo(2);
    }

    @Test
    void withoutOutputsTheFailureUsesTheTasksOwnMessages(DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "disk full")));
        Run run = w.jobs().submit(submitRun("nightly", notebook("ingest"))).get(WAIT);

        assertThat(RunFailure.of(run, null).message()).startsWith("run " + run.getRunId()
                + " \"nightly\" FAILED (RUN_EXECUTION_ERROR): task ingest FAILED: disk full; see http");
    }

    @Test
    void aRunThatNeverRanIsExplainedByItsOwnMessage(DatabricksEmulator emu) {
        emu.jobs().internalErrorOnNextRun("Cluster failed to start: quota exceeded");
        long runId = w.jobs().submitAsync(submitRun("ie", notebook("main"))).join().getRunId();
        Run run = w.jobs().waitForRun(runId, WAIT);

        assertThat(w.jobs().describeFailure(run).message()).contains("(INTERNAL_ERROR)")
                .contains("Cluster failed to start: quota exceeded");
    }

    @Test
    void aGetRunWithMoreThan100TasksMergesEveryPage(DatabricksEmulator emu) {
        List<SubmitTask> tasks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tasks.add(notebook("t" + i));
        }
        long runId = w.jobs().submitAsync(new SubmitRun().setRunName("wide").setTasks(tasks)).join().getRunId();
        Run run = w.jobs().getRun(new JobsGetRunRequest().setRunId(runId));
        assertThat(run.getTasks()).extracting(t -> t.getTaskKey()).hasSize(150).doesNotHaveDuplicates()
                .contains("t0", "t99", "t100", "t149");
        assertThat(emu.requests().count("GET", "/jobs/runs/get")).isEqualTo(2);
    }
}
