package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;

/** Renders {@code runs/get-output} ({@code RunOutput}) and {@code runs/export} ({@code ExportRunOutput}) of a task run. */
final class RunOutputRenderer {

    /** The service returns the first 5 MB of a notebook result and the last 5 MB of logs. */
    static final int OUTPUT_LIMIT = 5 * 1024 * 1024;

    private RunOutputRenderer() {
    }

    static ObjectNode output(StoredRun.TaskRun task, TaskOutput scripted, ObjectNode metadata) {
        ObjectNode json = Json.object();
        json.set("metadata", metadata);
        StoredRun.TaskEnd end = task.end;
        if (end == null || "SKIPPED".equals(end.lifeCycleState())) {
            return json;
        }
        TaskOutput out = scripted != null ? scripted : TaskOutput.none();
        boolean failed = "FAILED".equals(end.resultState()) || "INTERNAL_ERROR".equals(end.lifeCycleState())
                || "TIMEDOUT".equals(end.resultState());
        boolean ran = !"UPSTREAM_FAILED".equals(end.resultState()) && !"UPSTREAM_CANCELED".equals(end.resultState());
        if (task.spec.has("notebook_task")) {
            ObjectNode notebook = json.putObject("notebook_output");
            String result = out.notebookResult();
            if (result != null && ran) {
                boolean truncated = result.length() > OUTPUT_LIMIT;
                notebook.put("result", truncated ? result.substring(0, OUTPUT_LIMIT) : result);
                notebook.put("truncated", truncated);
            }
        } else if (ran && logsKind(task.spec)) {
            String logs = out.logsText() != null ? out.logsText()
                    : "Emulated " + taskType(task.spec) + " " + task.taskKey + ": " + RunSpec.codeLocation(task.spec)
                    + (failed ? "\n" + end.message() : "") + "\n";
            boolean truncated = logs.length() > OUTPUT_LIMIT;
            json.put("logs", truncated ? logs.substring(logs.length() - OUTPUT_LIMIT) : logs);
            json.put("logs_truncated", truncated);
        }
        if (out.errorText() != null) {
            json.put("error", out.errorText());
            if (out.errorTrace() != null) {
                json.put("error_trace", out.errorTrace());
            }
        } else if (failed) {
            json.put("error", end.message());
            json.put("error_trace", "Traceback (most recent call last):\n  File \"" + RunSpec.codeLocation(task.spec)
                    + "\", line 1, in <module>\nException: " + end.message());
        }
        json.setAll(out.extra().deepCopy());
        return json;
    }

    /** The notebook of a notebook task run as an HTML view ({@code views_to_export} CODE or ALL). */
    static ObjectNode export(StoredRun.TaskRun task, TaskOutput scripted, String viewsToExport) {
        ObjectNode json = Json.object();
        if ("DASHBOARDS".equals(viewsToExport)) {
            return json;
        }
        String path = task.spec.path("notebook_task").path("notebook_path").asText("");
        String name = path.substring(path.lastIndexOf('/') + 1);
        String result = scripted != null && scripted.notebookResult() != null ? scripted.notebookResult() : "";
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(name) + "</title></head>"
                + "<body><h1>" + escape(path) + "</h1><p>Task " + escape(task.taskKey) + ", run " + task.runId
                + "</p><pre>" + escape(result) + "</pre></body></html>";
        ArrayNode views = json.putArray("views");
        ObjectNode view = views.addObject();
        view.put("content", html);
        view.put("name", name);
        view.put("type", "NOTEBOOK");
        return json;
    }

    private static boolean logsKind(ObjectNode spec) {
        return spec.has("spark_python_task") || spec.has("python_wheel_task") || spec.has("spark_jar_task")
                || spec.has("spark_submit_task");
    }

    private static String taskType(ObjectNode spec) {
        var names = spec.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.endsWith("_task") && spec.get(n).isObject()) {
                return n;
            }
        }
        return "task";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
