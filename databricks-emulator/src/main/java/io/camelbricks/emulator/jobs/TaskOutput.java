package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.util.Objects;

/**
 * What {@code runs/get-output} answers for a task run, besides its {@code metadata}: scripted per task with
 * {@code emu.jobs().taskOutput("ingest", TaskOutput.notebookResult("{\"rows\": 42}"))}.
 *
 * <pre>{@code
 * TaskOutput.notebookResult("42")                       // notebook_output.result (dbutils.notebook.exit value)
 * TaskOutput.logs("line 1\nline 2\n")                   // logs (python, wheel, jar, spark-submit tasks)
 * TaskOutput.error("ValueError: bad row", "Traceback ...")  // error, error_trace
 * TaskOutput.notebookResult("ok").with("info", Json...)  // any other RunOutput field (sql_output, run_job_output, ...)
 * }</pre>
 *
 * Values longer than 5 MB are cut as the service does: the first 5 MB of a notebook result
 * ({@code notebook_output.truncated}), the last 5 MB of logs ({@code logs_truncated}). Without a scripted output a
 * successful notebook task has an empty {@code notebook_output}, a failed task gets {@code error} (its failure
 * message) and an {@code error_trace}, and other task types get a short {@code logs} text.
 */
public final class TaskOutput {

    private final String notebookResult;
    private final String logs;
    private final String error;
    private final String errorTrace;
    private final ObjectNode extra;

    private TaskOutput(String notebookResult, String logs, String error, String errorTrace, ObjectNode extra) {
        this.notebookResult = notebookResult;
        this.logs = logs;
        this.error = error;
        this.errorTrace = errorTrace;
        this.extra = extra;
    }

    /** No scripted values: the defaults described above. */
    public static TaskOutput none() {
        return new TaskOutput(null, null, null, null, Json.object());
    }

    /** {@code notebook_output.result}: the value the notebook passed to {@code dbutils.notebook.exit}. */
    public static TaskOutput notebookResult(String exitValue) {
        return none().withNotebookResult(exitValue);
    }

    /** {@code logs}: the task's standard output. */
    public static TaskOutput logs(String logs) {
        return none().withLogs(logs);
    }

    /** {@code error} and {@code error_trace} (a failed task). */
    public static TaskOutput error(String error, String errorTrace) {
        return none().withError(error, errorTrace);
    }

    public TaskOutput withNotebookResult(String exitValue) {
        return new TaskOutput(Objects.requireNonNull(exitValue, "exitValue"), logs, error, errorTrace, extra);
    }

    public TaskOutput withLogs(String text) {
        return new TaskOutput(notebookResult, Objects.requireNonNull(text, "logs"), error, errorTrace, extra);
    }

    public TaskOutput withError(String message, String trace) {
        return new TaskOutput(notebookResult, logs, Objects.requireNonNull(message, "error"), trace, extra);
    }

    /** Any other {@code RunOutput} field, e.g. {@code sql_output}, {@code run_job_output}, {@code info}. */
    public TaskOutput with(String field, JsonNode value) {
        ObjectNode copy = extra.deepCopy();
        copy.set(field, value.deepCopy());
        return new TaskOutput(notebookResult, logs, error, errorTrace, copy);
    }

    String notebookResult() {
        return notebookResult;
    }

    String logsText() {
        return logs;
    }

    String errorText() {
        return error;
    }

    String errorTrace() {
        return errorTrace;
    }

    ObjectNode extra() {
        return extra;
    }
}
