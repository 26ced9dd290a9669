package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.InvalidParameterValue;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.BaseRun;
import io.camelbricks.api.service.jobs.CancelRun;
import io.camelbricks.api.service.jobs.CreateJob;
import io.camelbricks.api.service.jobs.DeleteRun;
import io.camelbricks.api.service.jobs.JobParameterDefinition;
import io.camelbricks.api.service.jobs.JobsGetRunOutputRequest;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.jobs.JobsListRunsRequest;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.RepairHistoryItem;
import io.camelbricks.api.service.jobs.RepairRun;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.RunOutput;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.SparkPythonTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.service.jobs.Task;
import io.camelbricks.api.service.jobs.TaskDependency;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;

/** The typed client's Jobs service against the emulator: waits, repair, output, paging, idempotency, errors. */
class JobsContractTest extends EmulatorContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SubmitTask notebook(String key, String path, String... dependsOn) {
        List<TaskDependency> deps = new ArrayList<>();
        for (String d : dependsOn) {
            deps.add(new TaskDependency().setTaskKey(d));
        }
        return new SubmitTask().setTaskKey(key).setNotebookTask(new NotebookTask().setNotebookPath(path))
                .setDependsOn(deps.isEmpty() ? null : deps);
    }

    private static RunTask task(Run run, String key) {
        return run.getTasks().stream().filter(t -> key.equals(t.getTaskKey())).findFirst().orElseThrow();
    }

    @Test
    void submitAndWaitEndsTerminatedSuccessWithStatusDetails() {
        List<String> seen = new ArrayList<>();
        Run run = w.jobs().submit(new SubmitRun().setRunName("contract").setTasks(List.of(notebook("main", "/a"))))
                .onProgress(r -> seen.add(r.getState().getLifeCycleState().value())).get(WAIT);
        assertThat(run.getState().getLifeCycleState().value()).isEqualTo("TERMINATED");
        assertThat(run.getState().getResultState().value()).isEqualTo("SUCCESS");
        assertThat(run.getStatus().getState().value()).isEqualTo("TERMINATED");
        assertThat(run.getStatus().getTerminationDetails().getCode().value()).isEqualTo("SUCCESS");
        assertThat(run.getRunType().value()).isEqualTo("SUBMIT_RUN");
        assertThat(seen).containsExactly("PENDING", "RUNNING", "TERMINATED");
    }

    @Test
    void aFailedTaskFailsTheRunAndSkipsItsDownstreamTasks() {
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "boom")));
        Run run = w.jobs().submit(new SubmitRun().setRunName("fails").setTasks(List.of(notebook("ingest", "/i"),
                notebook("report", "/r", "ingest"), notebook("side", "/s")))).get(WAIT);
        assertThat(run.getState().getResultState().value()).isEqualTo("FAILED");
        assertThat(run.getStatus().getTerminationDetails().getType().value()).isEqualTo("CLIENT_ERROR");
        assertThat(task(run, "ingest").getState().getResultState().value()).isEqualTo("FAILED");
        assertThat(task(run, "report").getState().getResultState().value()).isEqualTo("UPSTREAM_FAILED");
        assertThat(task(run, "side").getState().getResultState().value()).isEqualTo("SUCCESS");
    }

    @Test
    void internalErrorFailsTheWait() {
        emu.jobs().internalErrorOnNextRun("Cluster failed to start");
        var wait = w.jobs().submit(new SubmitRun().setRunName("ie").setTasks(List.of(notebook("main", "/a"))));
        assertThatThrownBy(() -> wait.get(WAIT)).isInstanceOfSatisfying(WaitFailedException.class,
                e -> assertThat(e.getState()).isEqualTo("INTERNAL_ERROR"));
    }

    @Test
    void runNowPassesJobAndNotebookParameters() {
        long jobId = w.jobs().create(new CreateJob().setName("etl")
                .setParameters(List.of(new JobParameterDefinition().setName("day").setDefault("today")))
                .setTasks(List.of(new Task().setTaskKey("main").setNotebookTask(new NotebookTask()
                        .setNotebookPath("/etl"))))).getJobId();
        Run run = w.jobs().runNow(new RunNow().setJobId(jobId).setJobParameters(Map.of("day", "2025-01-01"))
                .setNotebookParams(Map.of("mode", "full"))).get(WAIT);
        assertThat(run.getJobId()).isEqualTo(jobId);
        assertThat(run.getRunType().value()).isEqualTo("JOB_RUN");
        assertThat(run.getJobParameters()).hasSize(1);
        assertThat(run.getJobParameters().get(0).getValue()).isEqualTo("2025-01-01");
        assertThat(run.getOverridingParameters().getNotebookParams()).containsEntry("mode", "full");
    }

    @Test
    void repairNeedsTheLatestRepairIdFromTheSecondRepairOn() {
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        Run failed = w.jobs().submit(new SubmitRun().setRunName("r").setTasks(List.of(notebook("a", "/a"),
                notebook("b", "/b", "a")))).get(WAIT);
        long runId = failed.getRunId();

        var firstRepair = w.jobs().repairRun(new RepairRun().setRunId(runId).setRerunAllFailedTasks(true));
        long firstId = firstRepair.getResponse().getRepairId();
        Run repaired = firstRepair.get(WAIT);
        assertThat(repaired.getState().getResultState().value()).isEqualTo("SUCCESS");
        assertThat(task(repaired, "a").getAttemptNumber()).isEqualTo(1L);
        assertThat(task(repaired, "a").getRunId()).isNotEqualTo(task(failed, "a").getRunId());

        assertThatThrownBy(() -> w.jobs().repairRun(new RepairRun().setRunId(runId).setRerunTasks(List.of("b"))))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("latest_repair_id");
        Run again = w.jobs().repairRun(new RepairRun().setRunId(runId).setRerunTasks(List.of("b"))
                .setLatestRepairId(firstId)).get(WAIT);
        assertThat(task(again, "b").getAttemptNumber()).isEqualTo(2L);

        List<RepairHistoryItem> history = w.jobs().getRun(new JobsGetRunRequest().setRunId(runId)
                .setIncludeHistory(true)).getRepairHistory();
        assertThat(history).extracting(h -> h.getType().value()).containsExactly("ORIGINAL", "REPAIR", "REPAIR");
        assertThat(history.get(1).getId()).isEqualTo(firstId);
    }

    @Test
    void outputIsReadPerTaskRunAndRefusedForTheJobRun() {
        emu.jobs().taskOutput("ingest", TaskOutput.notebookResult("{\"rows\":42}"));
        emu.jobs().taskOutput("score", TaskOutput.logs("scored\n"));
        Run run = w.jobs().submit(new SubmitRun().setRunName("o").setTasks(List.of(notebook("ingest", "/i"),
                new SubmitTask().setTaskKey("score").setSparkPythonTask(new SparkPythonTask()
                        .setPythonFile("/s.py"))))).get(WAIT);

        RunOutput notebook = w.jobs().getRunOutput(new JobsGetRunOutputRequest().setRunId(task(run, "ingest").getRunId()));
        assertThat(notebook.getNotebookOutput().getResult()).isEqualTo("{\"rows\":42}");
        assertThat(notebook.getNotebookOutput().getTruncated()).isFalse();
        assertThat(notebook.getMetadata().getRunId()).isEqualTo(task(run, "ingest").getRunId());
        assertThat(notebook.getMetadata().getJobRunId()).isEqualTo(run.getRunId());
        RunOutput python = w.jobs().getRunOutput(new JobsGetRunOutputRequest().setRunId(task(run, "score").getRunId()));
        assertThat(python.getLogs()).isEqualTo("scored\n");
        assertThatThrownBy(() -> w.jobs().getRunOutput(new JobsGetRunOutputRequest().setRunId(run.getRunId())))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("multiple tasks");
    }

    @Test
    void jobsAndRunsListsArePagedUntilTheLastToken() {
        List<Long> ids = emu.jobs().createJobs(23);
        List<Long> seen = new ArrayList<>();
        for (BaseJob job : w.jobs().list(new JobsListRequest().setLimit(5L))) {
            seen.add(job.getJobId());
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(emu.requests().count("GET", "/jobs/list")).isEqualTo(5);

        for (int i = 0; i < 8; i++) {
            w.jobs().submitAsync(new SubmitRun().setRunName("r" + i).setTasks(List.of(notebook("main", "/a")))).join();
        }
        List<Long> runs = new ArrayList<>();
        for (BaseRun run : w.jobs().listRuns(new JobsListRunsRequest().setLimit(3L))) {
            runs.add(run.getRunId());
        }
        assertThat(runs).hasSize(8).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(emu.requests().count("GET", "/jobs/runs/list")).isEqualTo(3);
    }

    @Test
    void aRunWithMoreThan100TasksIsMergedFromItsPages() {
        List<SubmitTask> tasks = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            tasks.add(notebook("t" + i, "/n"));
        }
        long runId = w.jobs().submitAsync(new SubmitRun().setRunName("big").setTasks(tasks)).join().getRunId();
        Run run = w.jobs().getRun(new JobsGetRunRequest().setRunId(runId));
        assertThat(run.getTasks()).hasSize(130);
        assertThat(run.getTasks().get(129).getTaskKey()).isEqualTo("t129");
        assertThat(emu.requests().count("GET", "/jobs/runs/get")).isEqualTo(2);
    }

    @Test
    void cancelWaitsForTheCanceledEnd() {
        emu.jobs().scriptNextRun(RunScript.builder().running(100).cancelTakes(1).thenSucceed());
        long runId = w.jobs().submitAsync(new SubmitRun().setRunName("c").setTasks(List.of(notebook("main", "/a"))))
                .join().getRunId();
        Run cancelled = w.jobs().cancelRun(new CancelRun().setRunId(runId)).get(WAIT);
        assertThat(cancelled.getState().getResultState().value()).isEqualTo("CANCELED");
        assertThat(cancelled.getState().getUserCancelledOrTimedout()).isTrue();
        assertThat(cancelled.getStatus().getTerminationDetails().getCode().value()).isEqualTo("USER_CANCELED");
    }

    @Test
    void theSameIdempotencyTokenGivesTheSameRunEvenAfterItFailed() {
        emu.jobs().failNextRun("broken");
        SubmitRun request = new SubmitRun().setRunName("once").setIdempotencyToken("contract-token")
                .setTasks(List.of(notebook("main", "/a")));
        Run failed = w.jobs().submit(request).get(WAIT);
        assertThat(failed.getState().getResultState().value()).isEqualTo("FAILED");
        assertThat(w.jobs().submitAsync(request).join().getRunId()).isEqualTo(failed.getRunId());
        assertThat(emu.jobs().runCount()).isEqualTo(1);
    }

    @Test
    void aDeletedRunIsGone() {
        Run run = w.jobs().submit(new SubmitRun().setRunName("d").setTasks(List.of(notebook("main", "/a")))).get(WAIT);
        w.jobs().deleteRun(new DeleteRun().setRunId(run.getRunId()));
        assertThatThrownBy(() -> w.jobs().getRun(new JobsGetRunRequest().setRunId(run.getRunId())))
                .isInstanceOf(ResourceDoesNotExist.class).hasMessageContaining("does not exist");
    }
}
