package io.camelbricks.api.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunTask;

/**
 * Why a run did not succeed, in one line a user can act on without opening the run page:
 *
 * <pre>
 * run 123 "nightly" FAILED (RUN_EXECUTION_ERROR): task ingest FAILED: NameError: name 'x' is not defined;
 *   task report UPSTREAM_FAILED; see https://.../#job/1/run/123
 * </pre>
 *
 * The run's code and message come from {@code status.termination_details} when present, else from the deprecated
 * {@code state}; each failed task (see {@link RunStates#isFailedTask}) is listed with its result and the
 * {@code error} of its output (first line), else its own termination message (left out for UPSTREAM_* tasks, which
 * only repeat that an upstream task failed). The run's own message is added when no task explains the failure
 * (SKIPPED, INTERNAL_ERROR, a cluster that did not start).
 *
 * @param runId        the job run id
 * @param runName      the run name
 * @param outcome      {@link RunStates#outcome}: FAILED, TIMEDOUT, CANCELED, SKIPPED, INTERNAL_ERROR, ...
 * @param code         {@code status.termination_details.code}, or null
 * @param runMessage   the run's termination or state message, or null
 * @param failedTasks  the failed tasks, in the run's task order
 * @param runPageUrl   the run page, or null
 */
public record RunFailure(long runId, String runName, String outcome, String code, String runMessage,
                         List<TaskFailure> failedTasks, String runPageUrl) {

    /** Longest error text kept per task in {@link #message()}. */
    static final int MAX_ERROR_LENGTH = 500;

    /**
     * One failed task.
     *
     * @param taskKey   the task key
     * @param taskRunId the task run id
     * @param outcome   FAILED, TIMEDOUT, CANCELED, UPSTREAM_FAILED, UPSTREAM_CANCELED, INTERNAL_ERROR, ...
     * @param code      the task's {@code status.termination_details.code}, or null
     * @param message   the task's termination or state message, or null
     * @param error     the {@code error} of its output, or null
     */
    public record TaskFailure(String taskKey, long taskRunId, String outcome, String code, String message,
                              String error) {
    }

    public RunFailure {
        failedTasks = List.copyOf(failedTasks);
    }

    /**
     * Describes the terminal run {@code run}; {@code outputs} (may be null) supply each failed task's {@code error}.
     */
    public static RunFailure of(Run run, RunOutputs outputs) {
        Objects.requireNonNull(run, "run");
        Map<String, TaskRunOutput> byKey = outputs == null ? Map.of() : outputs.byTaskKey();
        List<TaskFailure> failed = new ArrayList<>();
        for (RunTask task : JobsExt.latestAttempts(run)) {
            if (!RunStates.isFailedTask(task)) {
                continue;
            }
            TaskRunOutput output = byKey.get(task.getTaskKey());
            failed.add(new TaskFailure(task.getTaskKey(), task.getRunId() == null ? 0 : task.getRunId(),
                    RunStates.outcome(task.getState(), task.getStatus()), RunStates.terminationCode(task.getStatus()),
                    RunStates.message(task.getState(), task.getStatus()), output == null ? null : output.error()));
        }
        return new RunFailure(run.getRunId() == null ? 0 : run.getRunId(), run.getRunName(),
                RunStates.outcome(run.getState(), run.getStatus()), RunStates.terminationCode(run.getStatus()),
                RunStates.message(run.getState(), run.getStatus()), failed, run.getRunPageUrl());
    }

    /** The one-line description (see the class description). */
    public String message() {
        StringBuilder sb = new StringBuilder("run ").append(runId);
        if (runName != null && !runName.isEmpty()) {
            sb.append(" \"").append(runName).append('"');
        }
        sb.append(' ').append(outcome);
        if (code != null && !code.equals(outcome)) {
            sb.append(" (").append(code).append(')');
        }
        List<String> parts = new ArrayList<>();
        for (TaskFailure t : failedTasks) {
            parts.add(describe(t));
        }
        boolean explained = failedTasks.stream().anyMatch(t -> !t.outcome().startsWith("UPSTREAM_")
                && (t.error() != null || t.message() != null));
        if (!explained && runMessage != null) {
            parts.add(0, firstLine(runMessage));
        }
        if (!parts.isEmpty()) {
            sb.append(": ").append(String.join("; ", parts));
        }
        if (runPageUrl != null && !runPageUrl.isEmpty()) {
            sb.append("; see ").append(runPageUrl);
        }
        return sb.toString();
    }

    /** The failed tasks alone: {@code task ingest FAILED: NameError: ...; task report UPSTREAM_FAILED}, or "". */
    public String tasksSummary() {
        List<String> parts = new ArrayList<>();
        for (TaskFailure t : failedTasks) {
            parts.add(describe(t));
        }
        return String.join("; ", parts);
    }

    private static String describe(TaskFailure t) {
        StringBuilder sb = new StringBuilder("task ").append(t.taskKey()).append(' ').append(t.outcome());
        String why = t.error() != null && !t.error().isBlank() ? t.error()
                : t.outcome().startsWith("UPSTREAM_") ? null : t.message();
        if (why != null) {
            sb.append(": ").append(firstLine(why));
        }
        return sb.toString();
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH) + "..." : line;
    }

    @Override
    public String toString() {
        return message();
    }
}
