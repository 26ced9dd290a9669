package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** runs/repair: which tasks run again, latest_repair_id, repair_history, parameters. */
@ExtendWith(DatabricksEmulatorExtension.class)
class RunRepairTest {

    private static final String JOB = "{\"name\":\"etl\",\"parameters\":[{\"name\":\"day\",\"default\":\"today\"}],"
            + "\"tasks\":[{\"task_key\":\"ingest\",\"notebook_task\":{\"notebook_path\":\"/etl/ingest\"}},"
            + "{\"task_key\":\"report\",\"depends_on\":[{\"task_key\":\"ingest\"}],"
            + "\"notebook_task\":{\"notebook_path\":\"/etl/report\"}},"
            + "{\"task_key\":\"side\",\"notebook_task\":{\"notebook_path\":\"/etl/side\"}}]}";

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RunRepairTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    private long job() {
        return client.post("/api/2.2/jobs/create", JOB).json().get("job_id").asLong();
    }

    /** A job run whose ingest task failed (report UPSTREAM_FAILED, side SUCCESS), polled to the end. */
    private long failedRun(long jobId, String extra) {
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "boom")));
        long runId = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + extra + "}").json()
                .get("run_id").asLong();
        pollUntilDone(runId);
        return runId;
    }

    private JsonNode pollUntilDone(long runId) {
        for (int i = 0; i < 20; i++) {
            JsonNode run = client.getRun(runId);
            if (run.at("/state/life_cycle_state").asText().matches("TERMINATED|SKIPPED|INTERNAL_ERROR")) {
                return run;
            }
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    private Reply repair(long runId, String fields) {
        return client.post("/api/2.2/jobs/runs/repair", "{\"run_id\":" + runId + (fields.isEmpty() ? "" : ",")
                + fields + "}");
    }

    private static JsonNode task(JsonNode run, String key) {
        for (JsonNode t : run.get("tasks")) {
            if (key.equals(t.get("task_key").asText())) {
                return t;
            }
        }
        throw new AssertionError("no task " + key);
    }

    @Test
    void repairOfFailedTasksRerunsThemAsNewAttemptsAndTheRunSucceeds() {
        long runId = failedRun(job(), "");
        JsonNode before = client.getRun(runId);
        assertThat(before.at("/state/result_state").asText()).isEqualTo("FAILED");
        long ingestFirst = task(before, "ingest").get("run_id").asLong();
        long sideRun = task(before, "side").get("run_id").asLong();

        Reply r = repair(runId, "\"rerun_all_failed_tasks\":true");
        assertThat(r.status()).isEqualTo(200);
        long repairId = r.json().get("repair_id").asLong();
        assertThat(repairId).isGreaterThan(Integer.MAX_VALUE);

        JsonNode repairing = client.getRun(runId);
        assertThat(repairing.at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(task(repairing, "side").at("/state/result_state").asText()).isEqualTo("SUCCESS");
        JsonNode done = pollUntilDone(runId);
        assertThat(done.at("/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/status/termination_details/code").asText()).isEqualTo("SUCCESS");
        JsonNode ingest = task(done, "ingest");
        assertThat(ingest.get("attempt_number").asInt()).isEqualTo(1);
        assertThat(ingest.get("run_id").asLong()).isNotEqualTo(ingestFirst);
        assertThat(ingest.at("/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(task(done, "report").get("attempt_number").asInt()).isEqualTo(1);
        assertThat(task(done, "side").get("attempt_number").asInt()).isZero();
        assertThat(task(done, "side").get("run_id").asLong()).isEqualTo(sideRun);
        assertThat(done.get("end_time").asLong()).isGreaterThanOrEqualTo(done.get("start_time").asLong());
        // the first attempt is still a task run of its own
        assertThat(client.getRun(ingestFirst).at("/state/result_state").asText()).isEqualTo("FAILED");
    }

    @Test
    void repairHistoryListsTheOriginalAndEveryRepairWithTheirTaskRuns() {
        long runId = failedRun(job(), "");
        List<Long> original = new ArrayList<>();
        client.getRun(runId).get("tasks").forEach(t -> original.add(t.get("run_id").asLong()));
        long repairId = repair(runId, "\"rerun_tasks\":[\"ingest\"]").json().get("repair_id").asLong();
        pollUntilDone(runId);

        JsonNode withHistory = client.get("/api/2.2/jobs/runs/get?run_id=" + runId + "&include_history=true").json();
        JsonNode history = withHistory.get("repair_history");
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/type").asText()).isEqualTo("ORIGINAL");
        assertThat(history.at("/0/id").isMissingNode()).isTrue();
        assertThat(history.at("/0/state/result_state").asText()).isEqualTo("FAILED");
        List<Long> originalIds = new ArrayList<>();
        history.at("/0/task_run_ids").forEach(n -> originalIds.add(n.asLong()));
        assertThat(originalIds).containsExactlyElementsOf(original);
        assertThat(history.at("/1/type").asText()).isEqualTo("REPAIR");
        assertThat(history.at("/1/id").asLong()).isEqualTo(repairId);
        assertThat(history.at("/1/task_run_ids")).hasSize(1);
        assertThat(history.at("/1/task_run_ids/0").asLong()).isEqualTo(task(withHistory, "ingest").get("run_id").asLong());
        assertThat(history.at("/1/status/state").asText()).isEqualTo("TERMINATED");
        assertThat(client.getRun(runId).has("repair_history")).isFalse();
    }

    @Test
    void latestRepairIdIsRequiredAndCheckedFromTheSecondRepairOn() {
        long runId = failedRun(job(), "");
        Reply wrongFirst = repair(runId, "\"rerun_tasks\":[\"side\"],\"latest_repair_id\":42");
        assertThat(wrongFirst.status()).isEqualTo(400);
        long first = repair(runId, "\"rerun_tasks\":[\"side\"]").json().get("repair_id").asLong();
        pollUntilDone(runId);

        Reply missing = repair(runId, "\"rerun_tasks\":[\"side\"]");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(missing.message())
                .startsWith("The latest repair ID needs to be provided in order to create a new repair")
                .contains("latest_repair_id").contains(String.valueOf(first));
        Reply stale = repair(runId, "\"rerun_tasks\":[\"side\"],\"latest_repair_id\":" + (first - 1));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.message()).contains("latest_repair_id");

        Reply second = repair(runId, "\"rerun_tasks\":[\"side\"],\"latest_repair_id\":" + first);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("repair_id").asLong()).isNotEqualTo(first);
    }

    @Test
    void acceptedRepairRequestsAreRecordedAsSentAndRefusedOnesAreNot() {
        long runId = failedRun(job(), ",\"job_parameters\":{\"day\":\"2025-01-01\"}");
        long first = repair(runId, "\"rerun_all_failed_tasks\":true,\"job_parameters\":{\"day\":\"2025-01-01\"},"
                + "\"notebook_params\":{\"mode\":\"full\"}").json().get("repair_id").asLong();
        pollUntilDone(runId);
        assertThat(repair(runId, "\"rerun_tasks\":[\"side\"]").status()).isEqualTo(400);
        long second = repair(runId, "\"rerun_tasks\":[\"side\"],\"latest_repair_id\":" + first).json()
                .get("repair_id").asLong();

        assertThat(emu.jobs().repairIds(runId)).containsExactly(first, second);
        List<com.fasterxml.jackson.databind.node.ObjectNode> sent = emu.jobs().repairRequests(runId);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).at("/job_parameters/day").asText()).isEqualTo("2025-01-01");
        assertThat(sent.get(0).at("/notebook_params/mode").asText()).isEqualTo("full");
        assertThat(sent.get(0).has("latest_repair_id")).isFalse();
        assertThat(sent.get(1).get("latest_repair_id").asLong()).isEqualTo(first);
        assertThat(emu.jobs().repairRequests(runId + 999)).isEmpty();
    }

    @Test
    void anActiveRunCannotBeRepaired() {
        emu.jobs().scriptNextRun(RunScript.builder().running(50).thenSucceed());
        long runId = client.submitNotebook("busy", "/x");
        Reply r = repair(runId, "\"rerun_all_failed_tasks\":true");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("terminal");
    }

    @Test
    void repairNeedsTasksThatExistOrFailed() {
        long jobId = job();
        long runId = failedRun(jobId, "");
        assertThat(repair(runId, "").message()).contains("rerun_tasks");
        assertThat(repair(runId, "\"rerun_tasks\":[\"nope\"]").message()).contains("nope");

        long ok = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();
        pollUntilDone(ok);
        assertThat(repair(ok, "\"rerun_all_failed_tasks\":true").message()).contains("no failed tasks");
    }

    @Test
    void rerunDependentTasksAlsoRerunsTasksDownstream() {
        long jobId = job();
        long runId = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();
        pollUntilDone(runId);
        repair(runId, "\"rerun_tasks\":[\"ingest\"],\"rerun_dependent_tasks\":true");
        JsonNode done = pollUntilDone(runId);
        assertThat(task(done, "ingest").get("attempt_number").asInt()).isEqualTo(1);
        assertThat(task(done, "report").get("attempt_number").asInt()).isEqualTo(1);
        assertThat(task(done, "side").get("attempt_number").asInt()).isZero();
    }

    @Test
    void aRepairThatFailsAgainLeavesTheRunFailed() {
        long runId = failedRun(job(), "");
        emu.jobs().failNextRun("still broken");
        repair(runId, "\"rerun_tasks\":[\"ingest\"]");
        JsonNode done = pollUntilDone(runId);
        assertThat(done.at("/state/result_state").asText()).isEqualTo("FAILED");
        assertThat(task(done, "ingest").at("/state/state_message").asText()).isEqualTo("still broken");
        // report was not rerun: its UPSTREAM_FAILED end of the first attempt stays
        assertThat(task(done, "report").at("/state/result_state").asText()).isEqualTo("UPSTREAM_FAILED");
    }

    @Test
    void jobParametersAreKeptUnlessTheRepairGivesNewOnes() {
        long jobId = job();
        long runId = failedRun(jobId, ",\"job_parameters\":{\"day\":\"2025-01-01\"}");
        repair(runId, "\"rerun_all_failed_tasks\":true");
        JsonNode kept = pollUntilDone(runId);
        assertThat(kept.at("/job_parameters/0/value").asText()).isEqualTo("2025-01-01");

        long latest = client.get("/api/2.2/jobs/runs/get?run_id=" + runId + "&include_history=true").json()
                .at("/repair_history/1/id").asLong();
        repair(runId, "\"rerun_tasks\":[\"side\"],\"latest_repair_id\":" + latest
                + ",\"job_parameters\":{\"day\":\"2025-02-02\"},\"notebook_params\":{\"x\":\"1\"}");
        JsonNode changed = pollUntilDone(runId);
        assertThat(changed.at("/job_parameters/0/value").asText()).isEqualTo("2025-02-02");
        assertThat(changed.at("/overriding_parameters/notebook_params/x").asText()).isEqualTo("1");
    }

    @Test
    void repairRunsTheJobsCurrentTaskSettings() {
        long jobId = job();
        long runId = failedRun(jobId, "");
        assertThat(client.post("/api/2.2/jobs/update", "{\"job_id\":" + jobId + ",\"new_settings\":{\"tasks\":"
                + "[{\"task_key\":\"ingest\",\"notebook_task\":{\"notebook_path\":\"/etl/ingest_v2\"}}]}}").status())
                .isEqualTo(200);
        repair(runId, "\"rerun_tasks\":[\"ingest\"]");
        JsonNode done = pollUntilDone(runId);
        assertThat(task(done, "ingest").at("/notebook_task/notebook_path").asText()).isEqualTo("/etl/ingest_v2");
        assertThat(task(done, "report").at("/notebook_task/notebook_path").asText()).isEqualTo("/etl/report");
    }

    @Test
    void aTaskRunIdIsNotRepairable() {
        long runId = failedRun(job(), "");
        long taskRun = task(client.getRun(runId), "ingest").get("run_id").asLong();
        assertThat(repair(taskRun, "\"rerun_all_failed_tasks\":true").message()).contains("task run");
    }
}
