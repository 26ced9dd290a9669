package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the {@code tasks} of a {@code runs/submit} or {@code jobs/create} request the way the Jobs service does. */
final class TaskValidator {

    private static final Pattern TASK_KEY = Pattern.compile("^[\\w\\-]{1,100}$");

    private TaskValidator() {
    }

    /**
     * @param tasks    the {@code tasks} field (may be missing)
     * @param required true when at least one task is required (runs/submit)
     * @return the task objects
     */
    static List<ObjectNode> validate(JsonNode tasks, boolean required) {
        if (tasks == null || tasks.isMissingNode() || tasks.isNull()) {
            if (required) {
                throw ApiException.missingField("tasks");
            }
            return List.of();
        }
        if (!tasks.isArray()) {
            throw ApiException.malformedRequest("expected an array for field 'tasks'");
        }
        if (required && tasks.isEmpty()) {
            throw ApiException.invalidParameter("At least one task is required.");
        }
        List<ObjectNode> result = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            if (!(task instanceof ObjectNode)) {
                throw ApiException.malformedRequest("expected an object for field 'tasks[" + i + "]'");
            }
            JsonNode keyNode = task.get("task_key");
            if (keyNode == null || keyNode.isNull() || keyNode.asText().isEmpty()) {
                throw ApiException.missingField("tasks[" + i + "].task_key");
            }
            String key = keyNode.asText();
            if (!TASK_KEY.matcher(key).matches()) {
                throw ApiException.invalidParameter("Invalid task_key '" + key
                        + "': it must be 1 to 100 characters of letters, digits, '-' and '_'.");
            }
            if (!keys.add(key)) {
                throw ApiException.invalidParameter("Task key '" + key + "' is not unique.");
            }
            if (!hasTaskType(task)) {
                throw ApiException.invalidParameter("Task " + key
                        + " must have one task type, such as notebook_task or spark_python_task.");
            }
            result.add((ObjectNode) task);
        }
        for (ObjectNode task : result) {
            for (String dependency : StoredRun.dependencies(task)) {
                if (!keys.contains(dependency)) {
                    throw ApiException.invalidParameter("Task " + task.path("task_key").asText()
                            + " depends on " + dependency + ", which is not a task of this job.");
                }
            }
        }
        return result;
    }

    private static boolean hasTaskType(JsonNode task) {
        Iterator<String> names = task.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith("_task") && task.get(name).isObject()) {
                return true;
            }
        }
        return false;
    }
}
