package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabricksEmulatorExtension.class)
class RunLifecycleTest {

    private static final String TWO_TASKS = "[{\"task_key\":\"ingest\",\"notebook_task\":{\"notebook_path\":\"/Shared/ingest\"}},"
            + "{\"task_key\":\"report\",\"depends_on\":[{\"task_key\":\"ingest\"}],"
            + "\"spark_python_task\":{\"python_file\":\"/Shared/report.py\"}}]";

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RunLifecycleTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void submittedRunGoesFromPendingToTerminatedSuccess() {
        long runId = client.submit("nightly", TWO_TASKS);

        JsonNode first = client.getRun(runId);
        assertThat(first.at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(first.at("/status/state").asText()).isEqualTo("PENDING");
        assertThat(first.at("/state/result_state").isMissingNode()).isTrue();
        assertThat(first.get("end_time").asLong()).isZero();

        JsonNode second = client.getRun(runId);
        assertThat(second.at("/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        assertThat(second.at("/state/state_message").asText()).isEqualTo("In run");
        assertThat(second.at("/tasks/0/state/life_cycle_state").asText()).isEqualTo("RUNNING");

        JsonNode done = client.getRun(runId);
        assertThat(done.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
        assertThat(done.at("/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/state/user_cancelled_or_timedout").asBoolean()).isFalse();
        assertThat(done.at("/status/state").asText()).isEqualTo("TERMINATED");
        assertThat(done.at("/status/termination_details/code").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/status/termination_details/type").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("end_time").asLong()).isGreaterThanOrEqualTo(done.get("start_time").asLong());
        assertThat(client.lifeCycle(runId)).isEqualTo("TERMINATED");
    }

    @Test
    void runCarriesIdentityTasksAndPageUrl() {
        long runId = client.submit("nightly", TWO_TASKS);
        JsonNode run = client.getRun(runId);

        assertThat(run.get("run_id").asLong()).isEqualTo(runId).isGreaterThan(Integer.MAX_VALUE);
        assertThat(run.get("run_name").asText()).isEqualTo("nightly");
        assertThat(run.get("number_in_job").asLong()).isEqualTo(runId);
        assertThat(run.get("run_type").asText()).isEqualTo("SUBMIT_RUN");
        assertThat(run.get("job_id").asLong()).isPositive();
        assertThat(run.get("run_page_url").asText())
                .isEqualTo(emu.url() + "/#job/" + run.get("job_id").asLong() + "/run/" + runId);
        assertThat(run.get("tasks")).hasSize(2);
        assertThat(run.at("/tasks/0/task_key").asText()).isEqualTo("ingest");
        assertThat(run.at("/tasks/1/task_key").asText()).isEqualTo("report");
        assertThat(run.at("/tasks/1/spark_python_task/python_file").asText()).isEqualTo("/Shared/report.py");
        assertThat(run.at("/tasks/0/run_id").asLong()).isNotEqualTo(runId);
    }

    @Test
    void sameIdempotencyTokenReturnsSameRun() {
        String body = "{\"run_name\":\"once\",\"idempotency_token\":\"tok-1\",\"tasks\":" + TWO_TASKS + "}";
        long first = client.post("/api/2.2/jobs/runs/submit", body).json().get("run_id").asLong();
        long again = client.post("/api/2.2/jobs/runs/submit", body).json().get("run_id").asLong();
        long other = client.post("/api/2.2/jobs/runs/submit", body.replace("tok-1", "tok-2")).json().get("run_id").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(emu.jobs().runCount()).isEqualTo(2);
    }

    @Test
    void idempotencyTokenLongerThan64CharactersIsRejected() {
        String body = "{\"idempotency_token\":\"" + "x".repeat(65) + "\",\"tasks\":" + TWO_TASKS + "}";
        assertThat(client.post("/api/2.2/jobs/runs/submit", body).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void taskWhoseNotebookPathContainsFailFailsTheRunAndSkipsDownstreamTasks() {
        long runId = client.submit("bad", "[{\"task_key\":\"ingest\",\"notebook_task\":{\"notebook_path\":\"/Shared/will-fail\"}},"
                + "{\"task_key\":\"report\",\"depends_on\":[{\"task_key\":\"ingest\"}],\"notebook_task\":{\"notebook_path\":\"/Shared/r\"}},"
                + "{\"task_key\":\"side\",\"notebook_task\":{\"notebook_path\":\"/Shared/side\"}}]");
        JsonNode run = pollUntilDone(runId);

        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("FAILED");
        assertThat(run.at("/state/state_message").asText()).contains("ingest");
        assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("RUN_EXECUTION_ERROR");
        assertThat(run.at("/status/termination_details/type").asText()).isEqualTo("CLIENT_ERROR");
        assertThat(run.at("/tasks/0/state/result_state").asText()).isEqualTo("FAILED");
        assertThat(run.at("/tasks/1/state/result_state").asText()).isEqualTo("UPSTREAM_FAILED");
        assertThat(run.at("/tasks/2/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void pythonFileContainingInternalErrorEndsInInternalErrorLifecycle() {
        long runId = client.submit("broken", "[{\"task_key\":\"main\",\"spark_python_task\":{\"python_file\":\"/x/internal-error.py\"}}]");
        JsonNode run = pollUntilDone(runId);

        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("FAILED");
        assertThat(run.at("/status/state").asText()).isEqualTo("TERMINATED");
        assertThat(run.at("/status/termination_details/type").asText()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void failNextRunFailsOnlyTheNextRun() {
        emu.jobs().failNextRun("boom");
        long failed = client.submitNotebook("a", "/Shared/a");
        long fine = client.submitNotebook("b", "/Shared/b");

        assertThat(pollUntilDone(failed).at("/state/result_state").asText()).isEqualTo("FAILED");
        assertThat(pollUntilDone(failed).at("/state/state_message").asText()).isEqualTo("boom");
        assertThat(pollUntilDone(fine).at("/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void internalErrorOnNextRunUsesTheDefaultTiming() {
        emu.jobs().internalErrorOnNextRun("Cluster failed to start");
        long runId = client.submitNotebook("a", "/Shared/a");

        assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");
        assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
        JsonNode run = client.getRun(runId);
        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(run.at("/state/state_message").asText()).isEqualTo("Cluster failed to start");
    }

    @Test
    void scriptedRunStaysInEachStateForItsNumberOfPolls() {
        emu.jobs().scriptNextRun(RunScript.builder().pending(2).queued(1).running(3).thenSucceed());
        long runId = client.submitNotebook("a", "/Shared/a");

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seen.add(client.lifeCycle(runId));
        }
        assertThat(seen).containsExactly("PENDING", "PENDING", "QUEUED", "RUNNING", "RUNNING", "RUNNING", "TERMINATED");
    }

    @Test
    void rulesScriptRunsByName() {
        emu.jobs().scriptRunsNamed("instant", RunScript.immediately(RunOutcome.success()));
        long runId = client.submitNotebook("instant", "/Shared/a");
        assertThat(client.lifeCycle(runId)).isEqualTo("TERMINATED");
    }

    @Test
    void cancelEndsRunTerminatedCanceled() {
        long runId = client.submitNotebook("a", "/Shared/a");
        client.getRun(runId);

        Reply cancel = client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":" + runId + "}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().isEmpty()).isTrue();

        JsonNode run = client.getRun(runId);
        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("CANCELED");
        assertThat(run.at("/state/user_cancelled_or_timedout").asBoolean()).isTrue();
        assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("USER_CANCELED");
        assertThat(run.at("/tasks/0/state/result_state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void cancelOfAFinishedRunChangesNothing() {
        long runId = client.submitNotebook("a", "/Shared/a");
        pollUntilDone(runId);
        assertThat(client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":" + runId + "}").status()).isEqualTo(200);
        assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void cancelCanPassThroughTerminating() {
        emu.jobs().scriptNextRun(RunScript.builder().pending(1).running(10).cancelTakes(1).thenSucceed());
        long runId = client.submitNotebook("a", "/Shared/a");
        client.post("/api/2.2/jobs/runs/cancel", "{\"run_id\":" + runId + "}");

        assertThat(client.lifeCycle(runId)).isEqualTo("TERMINATING");
        assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void inspectionFromTheTestDoesNotCountAsAPoll() {
        long runId = client.submitNotebook("a", "/Shared/a");
        for (int i = 0; i < 5; i++) {
            assertThat(emu.jobs().lifeCycleState(runId)).contains("PENDING");
            assertThat(emu.jobs().run(runId).orElseThrow().at("/state/life_cycle_state").asText()).isEqualTo("PENDING");
        }
        assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");
        // the PENDING poll budget is used up, but a look from the test still shows what the last poll saw
        assertThat(emu.jobs().lifeCycleState(runId)).contains("PENDING");
        assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
        assertThat(emu.jobs().lifeCycleState(runId)).contains("RUNNING");
    }

    @Test
    void advanceAndFinishDriveARunFromTheTest() {
        long runId = client.submitNotebook("a", "/Shared/a");
        emu.jobs().advanceRun(runId);
        assertThat(emu.jobs().lifeCycleState(runId)).contains("RUNNING");
        emu.jobs().finishRun(runId, RunOutcome.timedOut());
        assertThat(client.getRun(runId).at("/state/result_state").asText()).isEqualTo("TIMEDOUT");
        assertThatThrownBy(() -> emu.jobs().finishRun(runId, RunOutcome.success()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsJobsApiVersions20And21And22() {
        long runId = client.submitNotebook("a", "/Shared/a");
        for (String version : List.of("2.0", "2.1", "2.2")) {
            Reply r = client.get("/api/" + version + "/jobs/runs/get?run_id=" + runId);
            assertThat(r.status()).as(version).isEqualTo(200);
        }
        Reply submit21 = client.post("/api/2.1/jobs/runs/submit",
                "{\"tasks\":[{\"task_key\":\"t\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]}");
        assertThat(submit21.status()).isEqualTo(200);
        assertThat(submit21.json().get("run_id").asLong()).isPositive();
    }

    @Test
    void jobs22PagesRunTasksBy100WhileOlderVersionsReturnAll() {
        StringBuilder tasks = new StringBuilder("[");
        for (int i = 0; i < 150; i++) {
            tasks.append(i == 0 ? "" : ",").append("{\"task_key\":\"t").append(i)
                    .append("\",\"notebook_task\":{\"notebook_path\":\"/n\"}}");
        }
        long runId = client.submit("wide", tasks.append("]").toString());

        JsonNode page1 = client.getRun(runId);
        assertThat(page1.get("tasks")).hasSize(100);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        String token = page1.get("next_page_token").asText();
        JsonNode page2 = client.get("/api/2.2/jobs/runs/get?run_id=" + runId + "&page_token=" + token).json();
        assertThat(page2.get("tasks")).hasSize(50);
        assertThat(page2.at("/tasks/0/task_key").asText()).isEqualTo("t100");
        assertThat(page2.has("next_page_token")).isFalse();
        // fetching the second page is not another poll of the run
        assertThat(page2.at("/state/life_cycle_state").asText()).isEqualTo("PENDING");

        assertThat(client.get("/api/2.1/jobs/runs/get?run_id=" + runId).json().get("tasks")).hasSize(150);
    }

    @Test
    void runNowStartsAJobRunWithTheJobsTasks() {
        long jobId = emu.jobs().createJob("etl");
        Reply r = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}");
        assertThat(r.status()).isEqualTo(200);
        long runId = r.json().get("run_id").asLong();
        assertThat(r.json().get("number_in_job").asLong()).isEqualTo(runId);

        JsonNode run = client.getRun(runId);
        assertThat(run.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(run.get("run_type").asText()).isEqualTo("JOB_RUN");
        assertThat(run.get("run_name").asText()).isEqualTo("etl");
        assertThat(run.at("/tasks/0/task_key").asText()).isEqualTo("main");
        assertThat(pollUntilDone(runId).at("/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void runNowBeyondMaxConcurrentRunsIsSkipped() {
        long jobId = emu.jobs().createJob("etl");
        long first = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();
        long second = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();

        JsonNode skipped = client.getRun(second);
        assertThat(skipped.at("/state/life_cycle_state").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.at("/state/state_message").asText()).contains("maximum concurrent runs");
        assertThat(skipped.at("/status/termination_details/code").asText()).isEqualTo("MAX_CONCURRENT_RUNS_EXCEEDED");

        pollUntilDone(first);
        long third = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();
        assertThat(client.lifeCycle(third)).isEqualTo("PENDING");
    }

    @Test
    void runNowPassesParametersAndHonoursIdempotencyToken() {
        long jobId = emu.jobs().createJob(object("{\"name\":\"p\",\"parameters\":[{\"name\":\"day\",\"default\":\"mon\"}],"
                + "\"tasks\":[{\"task_key\":\"t\",\"notebook_task\":{\"notebook_path\":\"/p\"}}]}"));
        String body = "{\"job_id\":" + jobId + ",\"idempotency_token\":\"k\",\"job_parameters\":{\"day\":\"tue\"}}";
        long runId = client.post("/api/2.2/jobs/run-now", body).json().get("run_id").asLong();
        assertThat(client.post("/api/2.2/jobs/run-now", body).json().get("run_id").asLong()).isEqualTo(runId);

        JsonNode run = client.getRun(runId);
        assertThat(run.at("/job_parameters/0/name").asText()).isEqualTo("day");
        assertThat(run.at("/job_parameters/0/value").asText()).isEqualTo("tue");
        assertThat(run.at("/job_parameters/0/default").asText()).isEqualTo("mon");
    }

    @Test
    void concurrentPollsFromManyThreadsAllSucceed() throws Exception {
        long runId = client.submitNotebook("a", "/Shared/a");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        client.getRun(runId);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(emu.requests().count("GET", "/jobs/runs/get")).isEqualTo(200);
        assertThat(client.lifeCycle(runId)).isEqualTo("TERMINATED");
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) EmulatorClient.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode pollUntilDone(long runId) {
        for (int i = 0; i < 20; i++) {
            JsonNode run = client.getRun(runId);
            String state = run.at("/state/life_cycle_state").asText();
            if (state.equals("TERMINATED") || state.equals("INTERNAL_ERROR") || state.equals("SKIPPED")) {
                return run;
            }
        }
        throw new AssertionError("run " + runId + " did not end within 20 polls");
    }
}
