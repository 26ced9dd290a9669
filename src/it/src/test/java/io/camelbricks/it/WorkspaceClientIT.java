package io.camelbricks.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.jobs.JobsOperations;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitRunResponse;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The typed client alone (no Camel) against the emulator over loopback HTTP. */
class WorkspaceClientIT {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;
    private WorkspaceClient w;

    @BeforeEach
    void client() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        w = new WorkspaceClient(new DatabricksConfig().setHost(emulator.url()).setToken(emulator.token()));
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** {@code submit(...).get(timeout)} on the client's default poll schedule (1 s, growing): about 4 s here. */
    @Test
    void submitThenWaitReturnsTheTerminatedRun() {
        List<String> progress = new CopyOnWriteArrayList<>();

        Wait<Run, SubmitRunResponse> wait = w.jobs().submit(notebookRun("it-client", 1))
                .onProgress(r -> progress.add(r.getState().getLifeCycleState().toString()));
        long runId = wait.getResponse().getRunId();
        Run run = wait.get(Duration.ofSeconds(60));

        assertThat(run.getRunId()).isEqualTo(runId);
        assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
        assertThat(run.getState().getResultState()).hasToString("SUCCESS");
        assertThat(progress).containsSubsequence("PENDING", "RUNNING");
        assertThat(emulator.jobs().runIds()).containsExactly(runId);
        assertThat(emulator.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);
        assertThat(emulator.requests().count("GET", "/jobs/runs/get")).isEqualTo(3);
    }

    /** The same without blocking, on a fixed poll interval: the future completes when the run has ended. */
    @Test
    void submitThenWaitAsynchronouslyCompletesTheFuture() throws Exception {
        SubmitRun request = notebookRun("it-client-async", 1);
        SubmitRunResponse response = w.jobs().submitAsync(request).get(30, TimeUnit.SECONDS);
        Wait<Run, SubmitRunResponse> wait = w.apiClient().waitFor(JobsOperations.SUBMIT, request, response,
                WaitPolicy.fixed(Duration.ofMillis(10)));

        Run run = wait.toCompletableFuture(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);

        assertThat(run.getRunId()).isEqualTo(response.getRunId());
        assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
        assertThat(emulator.jobs().runIds()).containsExactly(run.getRunId());
        assertThat(emulator.requests().count("GET", "/jobs/runs/get")).isEqualTo(3);
    }

    /**
     * Jobs API 2.2 returns at most 100 tasks per {@code runs/get} answer, with {@code has_more} and
     * {@code next_page_token}; the design (docs/DESIGN.md, "task pagination inside getRun") and the official SDKs
     * merge the pages.
     */
    @Test
    void getRunOfARunWithManyTasksReturnsEveryTaskAcrossTaskPages() {
        long runId = w.jobs().submit(notebookRun("it-client-wide", 130)).getResponse().getRunId();

        Run run = w.jobs().getRun(new JobsGetRunRequest().setRunId(runId));

        assertThat(run.getTasks().size()).as("tasks of a run with 130 tasks").isEqualTo(130);
        assertThat(run.getTasks()).extracting(t -> t.getTaskKey()).doesNotHaveDuplicates();
        assertThat(run.getNextPageToken()).isNull();
        assertThat(emulator.requests().count("GET", "/jobs/runs/get")).as("Jobs 2.2 pages tasks by 100").isEqualTo(2);
    }

    @Test
    void jobsListIteratesEveryJobAcrossPages() {
        List<Long> seeded = emulator.jobs().createJobs(250);

        List<Long> listed = new ArrayList<>();
        for (BaseJob job : w.jobs().list(new JobsListRequest())) {
            listed.add(job.getJobId());
        }

        assertThat(listed).hasSize(250).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeded);
        // 20 per page by default: 13 pages, fetched as the iteration went
        assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(13);

        // lazily: taking 25 jobs fetches 2 pages only
        emulator.requests().clear();
        Set<Long> first25 = new HashSet<>(w.jobs().list(new JobsListRequest()).stream().limit(25)
                .map(BaseJob::getJobId).toList());
        assertThat(first25).hasSize(25);
        assertThat(emulator.requests().count("GET", "/jobs/list")).isEqualTo(2);
    }

    @Test
    void unknownRunIdRaisesResourceDoesNotExist() {
        long unknown = 5_999_999_999L;

        ResourceDoesNotExist error = catchThrowableOfType(ResourceDoesNotExist.class,
                () -> w.jobs().getRun(new JobsGetRunRequest().setRunId(unknown)));

        // the workspace answers 400 INVALID_PARAMETER_VALUE (legacy Jobs behaviour); the client remaps it
        assertThat(error).isInstanceOf(NotFound.class);
        assertThat(error.getStatusCode()).isEqualTo(400);
        assertThat(error.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(error.getServerMessage()).isEqualTo("Run " + unknown + " does not exist.");
        assertThat(error).hasMessageContaining("Run " + unknown + " does not exist.");
        assertThat(error.getRequestId()).isNotBlank();
        assertThat(emulator.requests().count()).as("not retried").isEqualTo(1);
    }

    private static SubmitRun notebookRun(String name, int tasks) {
        return new SubmitRun().setRunName(name).setTasks(IntStream.range(0, tasks)
                .mapToObj(i -> new SubmitTask().setTaskKey(tasks == 1 ? "main" : "task_" + i)
                        .setNotebookTask(new NotebookTask().setNotebookPath("/Workspace/Shared/" + name)))
                .toList());
    }
}
