package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.ClusterEvent;
import com.databricks.sdk.service.compute.CreateCluster;
import com.databricks.sdk.service.compute.GetEvents;
import com.databricks.sdk.service.compute.State;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.BaseRun;
import com.databricks.sdk.service.jobs.GetRunOutputRequest;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.NotebookTask;
import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunLifeCycleState;
import com.databricks.sdk.service.jobs.RunOutput;
import com.databricks.sdk.service.jobs.RunResultState;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitTask;
import io.camelbricks.emulator.clusters.ClusterScript;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An independent client, the official {@code databricks-sdk-java}, unchanged against the emulator: Jobs 2.2 paths,
 * its own Apache HttpClient, its own waiters (which sleep at least a second between polls, so runs and clusters here
 * finish on their second poll) and its own paginators.
 */
class OfficialSdkJobsAndClustersTest {

    private static DatabricksEmulator emu;
    private static WorkspaceClient workspace;

    @BeforeAll
    static void start() {
        emu = new DatabricksEmulator().start();
        workspace = new WorkspaceClient(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .setAuthType("pat"));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void finishOnTheSecondPoll() {
        emu.reset();
        emu.jobs().defaultScript(RunScript.builder().running(1).thenSucceed());
        emu.clusters().script(ClusterScript.builder().pending(1).terminating(0).build());
    }

    private static SubmitTask notebook(String key, String path) {
        return new SubmitTask().setTaskKey(key).setNotebookTask(new NotebookTask().setNotebookPath(path));
    }

    @Test
    void submitsARunAndWaitsForItWithTheSdkWaiter() throws Exception {
        emu.jobs().taskOutput("main", TaskOutput.notebookResult("42"));
        Run run = workspace.jobs().submit(new SubmitRun().setRunName("sdk").setTasks(List.of(notebook("main", "/a"))))
                .get(Duration.ofSeconds(30));

        assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
        assertThat(run.getState().getResultState()).isEqualTo(RunResultState.SUCCESS);
        assertThat(run.getStatus().getTerminationDetails().getCode().toString()).isEqualTo("SUCCESS");
        assertThat(emu.requests().count("GET", "/jobs/runs/get")).isEqualTo(2);

        RunOutput output = workspace.jobs().getRunOutput(new GetRunOutputRequest()
                .setRunId(run.getTasks().iterator().next().getRunId()));
        assertThat(output.getNotebookOutput().getResult()).isEqualTo("42");
        assertThatThrownBy(() -> workspace.jobs().getRunOutput(new GetRunOutputRequest().setRunId(run.getRunId())))
                .isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("multiple tasks");
    }

    @Test
    void repairsAFailedRunWithTheLatestRepairId() throws Exception {
        emu.jobs().scriptNextRun(RunScript.immediately(RunOutcome.failedTask("a", "boom")));
        Run failed = workspace.jobs().submit(new SubmitRun().setRunName("sdk")
                .setTasks(List.of(notebook("a", "/a"), notebook("b", "/b")))).get(Duration.ofSeconds(30));
        assertThat(failed.getState().getResultState()).isEqualTo(RunResultState.FAILED);

        Run repaired = workspace.jobs().repairRun(new RepairRun().setRunId(failed.getRunId())
                .setRerunAllFailedTasks(true)).get(Duration.ofSeconds(30));
        assertThat(repaired.getState().getResultState()).isEqualTo(RunResultState.SUCCESS);
        long repairId = workspace.jobs().getRun(new com.databricks.sdk.service.jobs.GetRunRequest()
                .setRunId(failed.getRunId()).setIncludeHistory(true)).getRepairHistory().stream()
                .filter(h -> h.getId() != null).reduce((x, y) -> y).orElseThrow().getId();
        assertThatThrownBy(() -> workspace.jobs().repairRun(new RepairRun().setRunId(failed.getRunId())
                .setRerunTasks(List.of("b")))).isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("latest_repair_id");
        assertThat(workspace.jobs().repairRun(new RepairRun().setRunId(failed.getRunId()).setRerunTasks(List.of("b"))
                .setLatestRepairId(repairId)).getResponse().getRepairId()).isNotEqualTo(repairId);
    }

    @Test
    void createsAClusterWaitsForRunningThenDeletesItAndWaitsForTerminated() throws Exception {
        ClusterDetails running = workspace.clusters().create(new CreateCluster().setClusterName("sdk")
                .setSparkVersion("15.4.x-scala2.12").setNodeTypeId("i3.xlarge").setNumWorkers(1L))
                .get(Duration.ofSeconds(30));
        assertThat(running.getState()).isEqualTo(State.RUNNING);
        assertThat(running.getExecutors()).hasSize(1);

        ClusterDetails terminated = workspace.clusters().delete(running.getClusterId()).get(Duration.ofSeconds(30));
        assertThat(terminated.getState()).isEqualTo(State.TERMINATED);
        assertThat(terminated.getTerminationReason().getCode().toString()).isEqualTo("USER_REQUEST");

        List<String> types = new ArrayList<>();
        for (ClusterEvent e : workspace.clusters().events(new GetEvents().setClusterId(running.getClusterId())
                .setLimit(1L))) {
            types.add(e.getType().toString());
        }
        assertThat(types).containsExactly("TERMINATING", "RUNNING", "CREATING");
        assertThat(workspace.clusters().selectSparkVersion(new com.databricks.sdk.mixin.SparkVersionSelector()
                .withLatest().withLongTermSupport())).isEqualTo("17.3.x-scala2.13");
    }

    @Test
    void listsJobsAndRunsPageByPage() {
        List<Long> ids = emu.jobs().createJobs(23);
        List<Long> seen = new ArrayList<>();
        for (BaseJob job : workspace.jobs().list(new ListJobsRequest().setLimit(5L))) {
            seen.add(job.getJobId());
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(emu.requests().count("GET", "/jobs/list")).isEqualTo(5);

        for (int i = 0; i < 7; i++) {
            workspace.jobs().submit(new SubmitRun().setRunName("r" + i).setTasks(List.of(notebook("main", "/a"))));
        }
        List<Long> runs = new ArrayList<>();
        for (BaseRun run : workspace.jobs().listRuns(new ListRunsRequest().setLimit(3L))) {
            runs.add(run.getRunId());
        }
        assertThat(runs).hasSize(7).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
