package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** runs/get-output and runs/export work per task run; runs/get answers a task run id too. */
@ExtendWith(DatabricksEmulatorExtension.class)
class RunOutputTest {

    private static final String TASKS = "[{\"task_key\":\"ingest\",\"notebook_task\":{\"notebook_path\":\"/etl/ingest\"}},"
            + "{\"task_key\":\"score\",\"depends_on\":[{\"task_key\":\"ingest\"}],"
            + "\"spark_python_task\":{\"python_file\":\"/etl/score.py\"}}]";

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RunOutputTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    private JsonNode finished(String tasks) {
        long runId = client.submit("out", tasks);
        JsonNode run = client.getRun(runId);
        for (int i = 0; i < 10 && !run.at("/state/life_cycle_state").asText().equals("TERMINATED"); i++) {
            run = client.getRun(runId);
        }
        return run;
    }

    private Reply output(long runId) {
        return client.get("/api/2.2/jobs/runs/get-output?run_id=" + runId);
    }

    @Test
    void outputOfAMultiTaskRunIsRefusedLikeTheService() {
        JsonNode run = finished(TASKS);
        Reply r = output(run.get("run_id").asLong());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).isEqualTo("Retrieving the output of runs with multiple tasks is not supported. "
                + "Please retrieve the output of each individual task run instead.");
    }

    @Test
    void aSingleTaskJobRunIsRefusedFrom21OnButAnsweredUnder20() {
        emu.jobs().taskOutput("main", TaskOutput.notebookResult("done"));
        long runId = finished("[{\"task_key\":\"main\",\"notebook_task\":{\"notebook_path\":\"/a\"}}]")
                .get("run_id").asLong();
        assertThat(client.get("/api/2.1/jobs/runs/get-output?run_id=" + runId).status()).isEqualTo(400);
        Reply legacy = client.get("/api/2.0/jobs/runs/get-output?run_id=" + runId);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().at("/notebook_output/result").asText()).isEqualTo("done");
    }

    @Test
    void notebookTaskRunAnswersItsScriptedExitValueAndItsOwnMetadata() {
        emu.jobs().taskOutput("ingest", TaskOutput.notebookResult("{\"rows\": 42}"));
        JsonNode run = finished(TASKS);
        long taskRun = run.at("/tasks/0/run_id").asLong();

        JsonNode out = output(taskRun).json();
        assertThat(out.at("/notebook_output/result").asText()).isEqualTo("{\"rows\": 42}");
        assertThat(out.at("/notebook_output/truncated").asBoolean()).isFalse();
        assertThat(out.has("error")).isFalse();
        JsonNode metadata = out.get("metadata");
        assertThat(metadata.get("run_id").asLong()).isEqualTo(taskRun);
        assertThat(metadata.get("job_run_id").asLong()).isEqualTo(run.get("run_id").asLong());
        assertThat(metadata.get("job_id").asLong()).isEqualTo(run.get("job_id").asLong());
        assertThat(metadata.at("/state/result_state").asText()).isEqualTo("SUCCESS");
        assertThat(metadata.at("/tasks/0/task_key").asText()).isEqualTo("ingest");
    }

    @Test
    void pythonTaskRunAnswersLogs() {
        emu.jobs().taskOutput("score", TaskOutput.logs("scored 42 rows\n"));
        JsonNode run = finished(TASKS);
        JsonNode out = output(run.at("/tasks/1/run_id").asLong()).json();
        assertThat(out.get("logs").asText()).isEqualTo("scored 42 rows\n");
        assertThat(out.get("logs_truncated").asBoolean()).isFalse();
        assertThat(out.has("notebook_output")).isFalse();
    }

    @Test
    void failedTaskRunAnswersErrorAndTrace() {
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("ingest", "ValueError: bad")));
        JsonNode run = finished(TASKS);
        JsonNode out = output(run.at("/tasks/0/run_id").asLong()).json();
        assertThat(out.get("error").asText()).isEqualTo("ValueError: bad");
        assertThat(out.get("error_trace").asText()).contains("ValueError: bad");
        assertThat(out.at("/notebook_output/result").isMissingNode()).isTrue();
        assertThat(out.at("/metadata/state/result_state").asText()).isEqualTo("FAILED");
        // the downstream task never ran: metadata only
        JsonNode skipped = output(run.at("/tasks/1/run_id").asLong()).json();
        assertThat(skipped.at("/metadata/state/result_state").asText()).isEqualTo("UPSTREAM_FAILED");
        assertThat(skipped.has("logs")).isFalse();
        assertThat(skipped.has("error")).isFalse();
    }

    @Test
    void outputOfARunningTaskHasOnlyMetadata() {
        emu.jobs().scriptNextRun(RunScript.builder().running(10).thenSucceed());
        long runId = client.submit("slow", TASKS);
        JsonNode out = output(client.getRun(runId).at("/tasks/0/run_id").asLong()).json();
        assertThat(out.at("/metadata/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        assertThat(out.has("notebook_output")).isFalse();
    }

    @Test
    void notebookResultsBeyondFiveMegabytesAreCutAndMarkedTruncated() {
        String big = "x".repeat(5 * 1024 * 1024 + 10);
        emu.jobs().taskOutput("ingest", TaskOutput.notebookResult(big));
        emu.jobs().taskOutput("score", TaskOutput.logs("a".repeat(10) + "b".repeat(5 * 1024 * 1024)));
        JsonNode run = finished(TASKS);
        JsonNode notebook = output(run.at("/tasks/0/run_id").asLong()).json();
        assertThat(notebook.at("/notebook_output/truncated").asBoolean()).isTrue();
        assertThat(notebook.at("/notebook_output/result").asText()).hasSize(5 * 1024 * 1024);
        JsonNode logs = output(run.at("/tasks/1/run_id").asLong()).json();
        assertThat(logs.get("logs_truncated").asBoolean()).isTrue();
        assertThat(logs.get("logs").asText()).hasSize(5 * 1024 * 1024).doesNotContain("a");
    }

    @Test
    void runsGetWithATaskRunIdAnswersThatTaskRun() {
        JsonNode run = finished(TASKS);
        long taskRun = run.at("/tasks/1/run_id").asLong();
        JsonNode task = client.getRun(taskRun);
        assertThat(task.get("run_id").asLong()).isEqualTo(taskRun);
        assertThat(task.get("job_run_id").asLong()).isEqualTo(run.get("run_id").asLong());
        assertThat(task.get("tasks")).hasSize(1);
        assertThat(task.at("/tasks/0/task_key").asText()).isEqualTo("score");
        assertThat(task.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void exportGivesTheNotebookViewOfANotebookTaskRun() {
        emu.jobs().taskOutput("ingest", TaskOutput.notebookResult("<42>"));
        JsonNode run = finished(TASKS);
        long taskRun = run.at("/tasks/0/run_id").asLong();
        JsonNode views = client.get("/api/2.2/jobs/runs/export?run_id=" + taskRun).json();
        assertThat(views.at("/views/0/type").asText()).isEqualTo("NOTEBOOK");
        assertThat(views.at("/views/0/name").asText()).isEqualTo("ingest");
        assertThat(views.at("/views/0/content").asText()).startsWith("<!DOCTYPE html>").contains("&lt;42&gt;");
        assertThat(client.get("/api/2.2/jobs/runs/export?run_id=" + taskRun + "&views_to_export=DASHBOARDS").json()
                .has("views")).isFalse();
        assertThat(client.get("/api/2.2/jobs/runs/export?run_id=" + run.get("run_id").asLong()).status()).isEqualTo(400);
        assertThat(client.get("/api/2.2/jobs/runs/export?run_id=" + run.at("/tasks/1/run_id").asLong()).status())
                .isEqualTo(400);
    }
}
