package io.camelbricks.camel;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.wire.JsonMapper;

/** Requests the tests send: a one-task notebook run, as the emulator's seeding API and as a route body. */
final class EmulatorRequests {
    private EmulatorRequests() {
    }

    /** For {@code emulator.jobs().submitRun(...)}: no HTTP, no observation of the run. */
    static ObjectNode notebookRun(String name) {
        ObjectNode request = JsonMapper.create().createObjectNode();
        request.put("run_name", name);
        request.putArray("tasks").addObject().put("task_key", "main").putObject("notebook_task")
                .put("notebook_path", "/Workspace/Shared/" + name);
        return request;
    }

    /** A route body for {@code databricks:jobs/submit}. */
    static Map<String, Object> notebookRunBody(String name) {
        return Map.of("run_name", name, "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/" + name))));
    }
}
