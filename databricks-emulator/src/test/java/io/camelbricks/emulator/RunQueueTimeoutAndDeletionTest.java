package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.jobs.RunScript;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queueing with max_concurrent_runs, cancel-all, timeouts on the clock, task cancels, deletion, idempotency. */
class RunQueueTimeoutAndDeletionTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final ManualClock CLOCK = new ManualClock(T0);

    @RegisterExtension
    static DatabricksEmulatorExtension databricks =
            new DatabricksEmulatorExtension(EmulatorOptions.builder().clock(CLOCK).build());

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RunQueueTimeoutAndDeletionTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
        CLOCK.set(T0);
    }

    private long job(String extraSettings) {
        return client.post("/api/2.2/jobs/create", "{\"name\":\"q\"" + extraSettings + ",\"tasks\":[{\"task_key\":"
                + "\"main\",\"notebook_task\":{\"notebook_path\":\"/q\"}}]}").json().get("job_id").asLong();
    }

    private long runNow(long jobId, String extra) {
        return client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + extra + "}").json().get("run_id").asLong();
    }

    @Test
    void aQueuedRunWaitsForTheActiveOneAndThenStarts() {
        emu.jobs().defaultScript(RunScript.builder().pending(1).running(Duration.ofMinutes(5)).thenSucceed());
        long jobId = job(",\"max_concurrent_runs\":1,\"queue\":{\"enabled\":true}");
        long first = runNow(jobId, "");
        long second = runNow(jobId, "");

        JsonNode queued = client.getRun(second);
        assertThat(queued.at("/state/life_cycle_state").asText()).isEqualTo("QUEUED");
        assertThat(queued.at("/state/queue_reason").asText()).contains("maximum concurrent runs");
        assertThat(queued.at("/status/state").asText()).isEqualTo("QUEUED");
        assertThat(queued.at("/status/queue_details/code").asText()).isEqualTo("MAX_CONCURRENT_RUNS_REACHED");
        assertThat(client.getRun(first).at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(client.getRun(first).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");

        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(client.getRun(first).at("/state/result_state").asText()).isEqualTo("SUCCESS");
        JsonNode started = client.getRun(second);
        assertThat(started.at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(started.get("queue_duration").asLong()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(client.getRun(second).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aRepairedRunIsActiveAgainQueuesTheNextRunAndEndsWithTheClock() {
        emu.jobs().defaultScript(RunScript.builder().running(Duration.ofMinutes(5)).thenFail("boom"));
        long jobId = job(",\"max_concurrent_runs\":1,\"queue\":{\"enabled\":true}");
        long first = runNow(jobId, "");
        for (int i = 0; i < 20; i++) { // runs that ended before: the store no longer visits them
            CLOCK.advance(Duration.ofMinutes(5));
            assertThat(client.getRun(first).at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
            first = runNow(jobId, "");
        }
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(client.getRun(first).at("/state/result_state").asText()).isEqualTo("FAILED");

        emu.jobs().defaultScript(RunScript.builder().running(Duration.ofMinutes(5)).thenSucceed());
        assertThat(client.post("/api/2.2/jobs/runs/repair", "{\"run_id\":" + first
                + ",\"rerun_all_failed_tasks\":true}").status()).isEqualTo(200);
        long next = runNow(jobId, "");
        // the repaired run counts against max_concurrent_runs again
        assertThat(client.getRun(next).at("/state/life_cycle_state").asText()).isEqualTo("QUEUED");

        CLOCK.advance(Duration.ofMinutes(5));
        // looking at the queued run brings the repaired one up to date by the clock, which frees the slot
        assertThat(client.getRun(next).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        assertThat(client.getRun(first).at("/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void withoutQueueingTheRunBeyondMaxConcurrentRunsIsSkipped() {
        emu.jobs().defaultScript(RunScript.builder().running(10).thenSucceed());
        long jobId = job(",\"max_concurrent_runs\":1,\"queue\":{\"enabled\":true}");
        runNow(jobId, "");
        long skipped = runNow(jobId, ",\"queue\":{\"enabled\":false}");
        JsonNode run = client.getRun(skipped);
        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("SKIPPED");
        assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("MAX_CONCURRENT_RUNS_EXCEEDED");
    }

    @Test
    void cancelAllCancelsTheActiveAndQueuedRunsOfTheJob() {
        emu.jobs().defaultScript(RunScript.builder().running(10).thenSucceed());
        long jobId = job(",\"queue\":{\"enabled\":true}");
        long active = runNow(jobId, "");
        long queued = runNow(jobId, "");
        long other = client.submitNotebook("other", "/o");

        assertThat(client.post("/api/2.2/jobs/runs/cancel-all", "{\"job_id\":" + jobId + "}").status()).isEqualTo(200);
        assertThat(client.getRun(active).at("/state/result_state").asText()).isEqualTo("CANCELED");
        assertThat(client.getRun(queued).at("/state/result_state").asText()).isEqualTo("CANCELED");
        assertThat(client.getRun(other).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        assertThat(client.post("/api/2.2/jobs/runs/cancel-all", "{}").status()).isEqualTo(400);
        assertThat(client.post("/api/2.2/jobs/runs/cancel-all", "{\"job_id\":1}").message())
                .isEqualTo("Job 1 does not exist.");
    }

    @Test
    void cancelAllQueuedRunsLeavesActiveRunsAlone() {
        emu.jobs().defaultScript(RunScript.builder().running(10).thenSucceed());
        long jobId = job(",\"queue\":{\"enabled\":true}");
        long active = runNow(jobId, "");
        long queued = runNow(jobId, "");
        client.post("/api/2.2/jobs/runs/cancel-all", "{\"all_queued_runs\":true}");
        assertThat(client.getRun(queued).at("/state/result_state").asText()).isEqualTo("CANCELED");
        assertThat(client.getRun(active).at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aRunTimesOutExactlyAtItsTimeoutOnTheClock() {
        emu.jobs().defaultScript(RunScript.builder().pending(1).running(Duration.ofHours(2)).thenSucceed());
        long jobId = job(",\"timeout_seconds\":600");
        long runId = runNow(jobId, "");
        client.getRun(runId);
        CLOCK.advance(Duration.ofHours(1));
        JsonNode run = client.getRun(runId);
        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("TIMEDOUT");
        assertThat(run.at("/state/user_cancelled_or_timedout").asBoolean()).isTrue();
        assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("CANCELED");
        assertThat(run.get("end_time").asLong()).isEqualTo(T0.plusSeconds(600).toEpochMilli());
        assertThat(run.at("/tasks/0/state/result_state").asText()).isEqualTo("TIMEDOUT");
    }

    @Test
    void aTaskTimeoutEndsThatTaskAndItsDownstreamTasksWhileOthersGoOn() {
        emu.jobs().defaultScript(RunScript.builder().running(Duration.ofMinutes(30)).thenSucceed());
        long runId = client.submit("t", "[{\"task_key\":\"a\",\"timeout_seconds\":60,\"notebook_task\":{\"notebook_path\":\"/a\"}},"
                + "{\"task_key\":\"b\",\"depends_on\":[{\"task_key\":\"a\"}],\"notebook_task\":{\"notebook_path\":\"/b\"}},"
                + "{\"task_key\":\"c\",\"notebook_task\":{\"notebook_path\":\"/c\"}}]");
        CLOCK.advance(Duration.ofMinutes(2));
        JsonNode mid = client.getRun(runId);
        assertThat(mid.at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        assertThat(mid.at("/tasks/0/state/result_state").asText()).isEqualTo("TIMEDOUT");
        assertThat(mid.at("/tasks/0/end_time").asLong()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(mid.at("/tasks/1/state/result_state").asText()).isEqualTo("UPSTREAM_FAILED");
        assertThat(mid.at("/tasks/2/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        CLOCK.advance(Duration.ofMinutes(30));
        JsonNode done = client.getRun(runId);
        assertThat(done.at("/tasks/2/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/state/result_state").asText()).isEqualTo("TIMEDOUT");
    }

    @Test
    void submitTimeoutSecondsAppliesToTheWholeRun() {
        emu.jobs().defaultScript(RunScript.builder().running(Duration.ofMinutes(30)).thenSucceed());
        long runId = client.post("/api/2.2/jobs/runs/submit", "{\"run_name\":\"t\",\"timeout_seconds\":5,\"tasks\":"
                + "[{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]}").json().get("run_id").asLong();
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("TIMEDOUT");
    }

    @Test
    void cancellingATaskRunEndsOnlyThatTaskAndItsDownstreamTasks() {
        emu.jobs().defaultScript(RunScript.builder().running(3).thenSucceed());
        long runId = client.submit("c", "[{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"}},"
                + "{\"task_key\":\"b\",\"depends_on\":[{\"task_key\":\"a\"}],\"notebook_task\":{\"notebook_path\":\"/b\"}},"
                + "{\"task_key\":\"c\",\"notebook_task\":{\"notebook_path\":\"/c\"}}]");
        long taskA = client.getRun(runId).at("/tasks/0/run_id").asLong();
        assertThat(client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":" + taskA + "}").status()).isEqualTo(200);
        JsonNode mid = client.getRun(runId);
        assertThat(mid.at("/tasks/0/state/result_state").asText()).isEqualTo("CANCELED");
        assertThat(mid.at("/tasks/1/state/result_state").asText()).isEqualTo("UPSTREAM_CANCELED");
        assertThat(mid.at("/tasks/2/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        JsonNode done = client.getRun(runId);
        for (int i = 0; i < 5 && !done.at("/state/life_cycle_state").asText().equals("TERMINATED"); i++) {
            done = client.getRun(runId);
        }
        assertThat(done.at("/tasks/2/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/state/result_state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void onlyTerminatedRunsCanBeDeleted() {
        emu.jobs().defaultScript(RunScript.builder().running(2).thenSucceed());
        long runId = client.submitNotebook("d", "/d");
        Reply active = client.post("/api/2.2/jobs/runs/delete", "{\"run_id\":" + runId + "}");
        assertThat(active.status()).isEqualTo(400);
        assertThat(active.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(active.message()).contains("RUNNING");

        client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":" + runId + "}");
        assertThat(client.post("/api/2.2/jobs/runs/delete", "{\"run_id\":" + runId + "}").status()).isEqualTo(200);
        assertThat(client.get("/api/2.2/jobs/runs/get?run_id=" + runId).message())
                .isEqualTo("Run " + runId + " does not exist.");
        assertThat(emu.jobs().runCount()).isZero();
    }

    @Test
    void aFailedRunKeepsItsIdempotencyTokenAndADeletedOneMakesItAnError() {
        emu.jobs().failNextRun("broken");
        String body = "{\"run_name\":\"once\",\"idempotency_token\":\"nightly-2025-06-01\",\"tasks\":"
                + "[{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]}";
        long first = client.post("/api/2.2/jobs/runs/submit", body).json().get("run_id").asLong();
        for (int i = 0; i < 3; i++) {
            client.getRun(first);
        }
        assertThat(client.getRun(first).at("/state/result_state").asText()).isEqualTo("FAILED");

        Reply retry = client.post("/api/2.2/jobs/runs/submit", body);
        assertThat(retry.json().get("run_id").asLong()).isEqualTo(first);
        assertThat(emu.jobs().runCount()).isEqualTo(1);

        client.post("/api/2.2/jobs/runs/delete", "{\"run_id\":" + first + "}");
        Reply afterDelete = client.post("/api/2.2/jobs/runs/submit", body);
        assertThat(afterDelete.status()).isEqualTo(400);
        assertThat(afterDelete.message()).contains("nightly-2025-06-01").contains("deleted");
    }
}
