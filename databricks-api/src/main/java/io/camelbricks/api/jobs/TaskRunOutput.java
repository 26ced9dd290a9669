package io.camelbricks.api.jobs;

import io.camelbricks.api.service.jobs.DbtOutput;
import io.camelbricks.api.service.jobs.RunOutput;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.SqlOutput;

/**
 * The output of one task run of a job run, as {@code runs/get-output} answered it for the task run id.
 *
 * @param taskKey           the task's key
 * @param taskRunId         the task run id the output was read with
 * @param outcome           how the task ended or where it is ({@link RunStates#outcome}), e.g. SUCCESS, FAILED,
 *                          UPSTREAM_FAILED, RUNNING
 * @param task              the task run as {@code runs/get} described it
 * @param output            the whole answer (null when it could not be read, see {@code unavailable})
 * @param unavailable       why the output could not be read (the error of {@code runs/get-output}), or null
 */
public record TaskRunOutput(String taskKey, long taskRunId, String outcome, RunTask task, RunOutput output,
                            String unavailable) {

    /** The value the notebook passed to {@code dbutils.notebook.exit} (at most its first 5 MB), or null. */
    public String notebookResult() {
        return output == null || output.getNotebookOutput() == null ? null : output.getNotebookOutput().getResult();
    }

    /** Whether {@link #notebookResult()} was cut at 5 MB by the service. */
    public boolean notebookResultTruncated() {
        return output != null && output.getNotebookOutput() != null
                && Boolean.TRUE.equals(output.getNotebookOutput().getTruncated());
    }

    /** The task's standard output (the last 5 MB; python, wheel, jar and spark-submit tasks), or null. */
    public String logs() {
        return output == null ? null : output.getLogs();
    }

    /** Whether {@link #logs()} was cut to its last 5 MB. */
    public boolean logsTruncated() {
        return output != null && Boolean.TRUE.equals(output.getLogsTruncated());
    }

    /** The error message of a failed task (e.g. {@code NameError: name 'x' is not defined}), or null. */
    public String error() {
        return output == null ? null : output.getError();
    }

    /** The stack trace of a failed task, or null. */
    public String errorTrace() {
        return output == null ? null : output.getErrorTrace();
    }

    /** The output of a SQL task, or null. */
    public SqlOutput sqlOutput() {
        return output == null ? null : output.getSqlOutput();
    }

    /** The output of a dbt task (artifacts link), or null. */
    public DbtOutput dbtOutput() {
        return output == null ? null : output.getDbtOutput();
    }

    /** Whether the task ended successfully. */
    public boolean isSuccess() {
        return RunStates.isSuccess(task);
    }

    /** Whether the task failed (see {@link RunStates#isFailedTask}). */
    public boolean isFailed() {
        return RunStates.isFailedTask(task);
    }
}
