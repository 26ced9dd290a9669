package io.camelbricks.api.jobs;

import static io.camelbricks.api.jobs.JobsTesting.notebook;
import static io.camelbricks.api.jobs.JobsTesting.submitRun;
import static io.camelbricks.api.jobs.JobsTesting.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.InvalidParameterValue;
import io.camelbricks.api.service.jobs.CreateJob;
import io.camelbricks.api.service.jobs.JobParameterDefinition;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.RepairRun;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.Task;
import io.camelbricks.api.service.jobs.TaskDependency;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

/**
 * {@code repairRun(runId, RepairOptions)}: the failed tasks (UPSTREAM_FAILED included) are named, the run's own
 * parameters are sent again, and {@code latest_repair_id} is sent from the second repair on, as the emulator (like
 * the service) requires; what the service received is read back from the emulator's record of repair requests.
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class RepairRunEmulatorTest {
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

    private static long etlJob(boolean withParameters) {
        CreateJob job = new CreateJob().setName("etl").setTasks(List.of(
                new Task().setTaskKey("a").setNotebookTask(new NotebookTask().setNotebookPath("/Shared/a")),
                new Task().setTaskKey("b").setNotebookTask(new NotebookTask().setNotebookPath("/Shared/b"))
                        .setDependsOn(List.of(new TaskDependency().setTaskKey("a")))));
        if (withParameters) {
            job.setParameters(List.of(new JobParameterDefinition().setName("day").setDefault("today"),
                    new JobParameterDefinition().setName("mode").setDefault("incremental")));
        }
        return w.jobs().create(job).getJobId();
    }

    @Test
    void repairingTwiceInARowSendsTheJobParametersAndTheLatestRepairId(DatabricksEmulator emu) {
        long jobId = etlJob(true);
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        Run failed = w.jobs().runNow(new RunNow().setJobId(jobId).setJobParameters(Map.of("day", "2025-01-01")))
                .get(WAIT);
        long runId = failed.getRunId();

        emu.jobs().scriptNextRun(RunScript.fails("boom again"));
        Run afterFirst = w.jobs().repairRunAndWait(runId, RepairOptions.allFailedTasks(), WAIT);
        assertThat(RunStates.isFailed(afterFirst)).isTrue();
        Run afterSecond = w.jobs().repairRunAndWait(runId, RepairOptions.allFailedTasks(), WAIT);
        assertThat(RunStates.isSuccess(afterSecond)).isTrue();

        List<Long> repairIds = emu.jobs().repairIds(runId);
        List<ObjectNode> sent = emu.jobs().repairRequests(runId);
        assertThat(sent).hasSize(2);
        ObjectNode first = sent.get(0);
        assertThat(first.has("latest_repair_id")).isFalse();
        assertThat(first.get("rerun_tasks").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(first.get("job_parameters").get("day").asText()).isEqualTo("2025-01-01");
        assertThat(first.get("job_parameters").get("mode").asText()).isEqualTo("incremental");
        ObjectNode second = sent.get(1);
        assertThat(second.get("latest_repair_id").asLong()).isEqualTo(repairIds.get(0));
        assertThat(second.get("job_parameters").get("day").asText()).isEqualTo("2025-01-01");
        assertThat(w.jobs().latestRepairId(runId)).isEqualTo(repairIds.get(1));
        assertThat(afterSecond.getJobParameters()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("day");
            assertThat(p.getValue()).isEqualTo("2025-01-01");
        });
    }

    @Test
    void aThirdRepairOfNamedTasksAlsoCarriesTheLatestRepairId(DatabricksEmulator emu) {
        long jobId = etlJob(true);
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        long runId = w.jobs().runNow(new RunNow().setJobId(jobId)).get(WAIT).getRunId();
        w.jobs().repairRunAndWait(runId, RepairOptions.allFailedTasks(), WAIT);
        w.jobs().repairRunAndWait(runId, RepairOptions.tasks("b"), WAIT);
        long third = w.jobs().repairRun(runId, RepairOptions.tasks("a").rerunDependentTasks(true));

        List<Long> ids = emu.jobs().repairIds(runId);
        assertThat(ids).hasSize(3).endsWith(third);
        ObjectNode sent = emu.jobs().repairRequests(runId).get(2);
        assertThat(sent.get("latest_repair_id").asLong()).isEqualTo(ids.get(1));
        assertThat(sent.get("rerun_tasks").toString()).isEqualTo("[\"a\"]");
        assertThat(sent.get("rerun_dependent_tasks").asBoolean()).isTrue();
        Run run = w.jobs().waitForRun(runId, WAIT);
        assertThat(task(run, "b").getAttemptNumber()).isEqualTo(3L);
    }

    @Test
    void theRunsNotebookParametersAreSentAgainAndJobParametersCanBeReplaced(DatabricksEmulator emu) {
        long jobId = etlJob(false);
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        long runId = w.jobs().runNow(new RunNow().setJobId(jobId).setNotebookParams(Map.of("mode", "full")))
                .get(WAIT).getRunId();

        w.jobs().repairRun(runId, RepairOptions.allFailedTasks());

        ObjectNode sent = emu.jobs().repairRequests(runId).get(0);
        assertThat(sent.get("notebook_params").get("mode").asText()).isEqualTo("full");
        assertThat(sent.has("job_parameters")).isFalse();

        long jobWithParameters = etlJob(true);
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        long other = w.jobs().runNow(new RunNow().setJobId(jobWithParameters)
                .setJobParameters(Map.of("day", "2025-01-01"))).get(WAIT).getRunId();
        w.jobs().repairRun(other, RepairOptions.allFailedTasks().jobParameters(Map.of("day", "2025-01-02")));
        ObjectNode replaced = emu.jobs().repairRequests(other).get(0);
        assertThat(replaced.get("job_parameters").get("day").asText()).isEqualTo("2025-01-02");
        assertThat(replaced.get("job_parameters").get("mode").asText()).isEqualTo("incremental");
    }

    @Test
    void withoutKeepParametersNothingButTheTasksIsSent(DatabricksEmulator emu) {
        long jobId = etlJob(true);
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("a", "boom")));
        long runId = w.jobs().runNow(new RunNow().setJobId(jobId).setJobParameters(Map.of("day", "x"))).get(WAIT)
                .getRunId();

        w.jobs().repairRunAsync(runId, RepairOptions.allFailedTasks().keepParameters(false)).join();

        ObjectNode sent = emu.jobs().repairRequests(runId).get(0);
        assertThat(sent.has("job_parameters")).isFalse();
        assertThat(sent.has("notebook_params")).isFalse();
    }

    @Test
    void theServiceRefusesASecondRepairWithoutTheLatestRepairId(DatabricksEmulator emu) {
        emu.jobs().scriptNextRun(RunScript.fails("boom"));
        long runId = w.jobs().submit(submitRun("r", notebook("a"))).get(WAIT).getRunId();
        w.jobs().repairRun(new RepairRun().setRunId(runId).setRerunTasks(List.of("a"))).get(WAIT);

        assertThatThrownBy(() -> w.jobs().repairRun(new RepairRun().setRunId(runId).setRerunTasks(List.of("a"))))
                .isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("The latest repair ID needs to be provided in order to create a new repair");
        assertThat(w.jobs().repairRun(runId, RepairOptions.tasks("a"))).isPositive();
    }

    @Test
    void aRunWithoutFailedTasksCannotBeRepairedAllFailed() {
        long runId = w.jobs().submit(submitRun("ok", notebook("a"))).get(WAIT).getRunId();

        assertThatThrownBy(() -> w.jobs().repairRun(runId, RepairOptions.allFailedTasks()))
                .isInstanceOf(DatabricksException.class).hasMessageContaining("has no failed task to repair");
    }
}
