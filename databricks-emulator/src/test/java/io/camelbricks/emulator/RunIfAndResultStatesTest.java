package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tasks' run_if conditions decide which tasks run after a failure; the run's result follows its leaf tasks. */
@ExtendWith(DatabricksEmulatorExtension.class)
class RunIfAndResultStatesTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    RunIfAndResultStatesTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    private static String task(String key, String runIf, String... dependsOn) {
        StringBuilder deps = new StringBuilder();
        for (String d : dependsOn) {
            deps.append(deps.length() == 0 ? "" : ",").append("{\"task_key\":\"").append(d).append("\"}");
        }
        return "{\"task_key\":\"" + key + "\"" + (runIf == null ? "" : ",\"run_if\":\"" + runIf + "\"")
                + (dependsOn.length == 0 ? "" : ",\"depends_on\":[" + deps + "]")
                + ",\"notebook_task\":{\"notebook_path\":\"/" + key + "\"}}";
    }

    private JsonNode run(RunOutcome outcome, String... tasks) {
        emu.jobs().scriptNextRun(RunScript.immediately(outcome));
        return client.getRun(client.submit("r", "[" + String.join(",", tasks) + "]"));
    }

    private static String result(JsonNode run, int task) {
        return run.at("/tasks/" + task + "/state/result_state").asText();
    }

    @Test
    void anAllDoneCleanupRunsAfterAFailureAndTheRunSucceedsWithFailures() {
        JsonNode run = run(RunOutcome.failedTask("load", "boom"), task("load", null),
                task("cleanup", "ALL_DONE", "load"));
        assertThat(result(run, 0)).isEqualTo("FAILED");
        assertThat(result(run, 1)).isEqualTo("SUCCESS");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS_WITH_FAILURES");
        assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("SUCCESS_WITH_FAILURES");
        assertThat(run.at("/status/termination_details/type").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aFailureHandlerIsExcludedWhenNothingFailed() {
        JsonNode run = run(RunOutcome.success(), task("load", null), task("alert", "AT_LEAST_ONE_FAILED", "load"),
                task("report", "NONE_FAILED", "alert"));
        assertThat(result(run, 0)).isEqualTo("SUCCESS");
        assertThat(result(run, 1)).isEqualTo("EXCLUDED");
        assertThat(result(run, 2)).isEqualTo("SUCCESS");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void conditionsNeedingSuccessEndUpstreamFailedAndTheRunFails() {
        JsonNode run = run(RunOutcome.failedTask("a", "boom"), task("a", null), task("b", null),
                task("any", "AT_LEAST_ONE_SUCCESS", "a", "b"), task("all", null, "a", "b"),
                task("onFailure", "ALL_FAILED", "a", "b"));
        assertThat(result(run, 2)).isEqualTo("SUCCESS");
        assertThat(result(run, 3)).isEqualTo("UPSTREAM_FAILED");
        assertThat(result(run, 4)).isEqualTo("EXCLUDED");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("FAILED");
    }
}
