package io.camelbricks.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.jobs.RunScript;

/** What the routes of the integration tests need to reach an emulated workspace, and the requests they send. */
final class Workspace {
    private Workspace() {
    }

    /** The URI options that point an endpoint at the emulator (values in RAW, as a user would write them). */
    static String connection(DatabricksEmulator emulator) {
        return "host=RAW(" + emulator.url() + ")&token=RAW(" + emulator.token() + ")";
    }

    /** A one-task notebook run, as a Map body: {@code run_name} and the notebook path are given. */
    static Map<String, Object> notebookRun(String runName, String notebookPath) {
        return Map.of("run_name", runName,
                "tasks", List.of(Map.of("task_key", "main",
                        "notebook_task", Map.of("notebook_path", notebookPath))));
    }

    static Map<String, Object> notebookRun(String runName) {
        return notebookRun(runName, "/Workspace/Shared/" + runName);
    }

    /** The same run for the emulator's seeding API ({@code emulator.jobs().submitRun(...)}: no HTTP, no poll). */
    static com.fasterxml.jackson.databind.node.ObjectNode notebookRunTree(String runName) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(notebookRun(runName));
    }

    /**
     * Seeds {@code count} one-task runs named {@code prefix + i} that stay PENDING until the test ends them (a state a
     * dead process did not deliver is still there to be seen after the restart), then succeed; their run ids in order.
     */
    static List<Long> pendingRuns(DatabricksEmulator emulator, int count, String prefix) {
        emulator.jobs().scriptRunsWhere(spec -> true, RunScript.builder().pending(1_000_000).thenSucceed());
        List<Long> runIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runIds.add(emulator.jobs().submitRun(notebookRunTree(prefix + i)));
        }
        return runIds;
    }
}
