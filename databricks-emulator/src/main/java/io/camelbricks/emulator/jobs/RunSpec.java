package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run about to be created, as seen by script rules ({@link EmulatedJobs#scriptRunsWhere}).
 *
 * @param runType SUBMIT_RUN or JOB_RUN
 * @param jobId   the job (for submitted runs: the hidden one-time job)
 * @param runName run name (for job runs: the job name)
 * @param tasks   copies of the task specifications
 */
public record RunSpec(String runType, long jobId, String runName, List<ObjectNode> tasks) {

    public RunSpec {
        tasks = tasks.stream().map(ObjectNode::deepCopy).collect(Collectors.toUnmodifiableList());
    }

    public List<String> taskKeys() {
        return tasks.stream().map(t -> t.path("task_key").asText()).collect(Collectors.toUnmodifiableList());
    }

    /** The task's code location: notebook path, python file, SQL file, jar main class or wheel entry point. */
    static String codeLocation(JsonNode task) {
        String[][] candidates = {
            {"notebook_task", "notebook_path"},
            {"spark_python_task", "python_file"},
            {"python_wheel_task", "entry_point"},
            {"spark_jar_task", "main_class_name"},
        };
        StringBuilder sb = new StringBuilder();
        for (String[] c : candidates) {
            JsonNode v = task.path(c[0]).path(c[1]);
            if (v.isTextual()) {
                sb.append(v.textValue()).append(' ');
            }
        }
        JsonNode sqlFile = task.path("sql_task").path("file").path("path");
        if (sqlFile.isTextual()) {
            sb.append(sqlFile.textValue());
        }
        return sb.toString().trim();
    }
}
