package io.camelbricks.api.jobs;

import java.util.Set;

import io.camelbricks.api.service.jobs.RepairHistoryItem;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunState;
import io.camelbricks.api.service.jobs.RunStatus;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.TerminationDetails;

/**
 * What the state of a run (or task run) means: terminal, success, failed. Jobs 2.2 describes a run twice, with the
 * deprecated {@code state} ({@code life_cycle_state}, {@code result_state}) and with {@code status}
 * ({@code state}, {@code termination_details}); {@code status} is preferred when present, {@code state} is the
 * fall-back.
 *
 * <ul>
 *   <li><b>terminal</b>: {@code status.state} TERMINATED, else {@code life_cycle_state} TERMINATED, SKIPPED or
 *       INTERNAL_ERROR (all three: a SKIPPED run never runs, an INTERNAL_ERROR run never ends otherwise);</li>
 *   <li><b>success</b>: terminal and {@code termination_details.code} SUCCESS or SUCCESS_WITH_FAILURES, else
 *       {@code result_state} SUCCESS or SUCCESS_WITH_FAILURES (the leaf tasks succeeded, as Databricks counts it);</li>
 *   <li><b>failed</b>: terminal and not success, e.g. FAILED, TIMEDOUT, CANCELED, SKIPPED, INTERNAL_ERROR,
 *       UPSTREAM_FAILED, a run that failed before the first poll included.</li>
 * </ul>
 * A task that was not run on purpose ({@code EXCLUDED} by a condition, {@code DISABLED}) is neither a success nor
 * a failure of its own: {@link #isFailedTask(RunTask)} is false for it.
 */
public final class RunStates {
    private static final Set<String> TERMINAL_LIFE_CYCLE_STATES = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");
    private static final Set<String> SUCCESS = Set.of("SUCCESS", "SUCCESS_WITH_FAILURES");
    private static final Set<String> NOT_RUN_ON_PURPOSE = Set.of("EXCLUDED", "DISABLED");

    private RunStates() {
    }

    /** Whether the run has ended (it will not change any more, unless repaired). */
    public static boolean isTerminal(Run run) {
        return run != null && isTerminal(run.getState(), run.getStatus());
    }

    /** Whether the run ended successfully. */
    public static boolean isSuccess(Run run) {
        return run != null && isSuccess(run.getState(), run.getStatus());
    }

    /** Whether the run ended without success (see the class description). */
    public static boolean isFailed(Run run) {
        return isTerminal(run) && !isSuccess(run);
    }

    /** Whether the task run has ended. */
    public static boolean isTerminal(RunTask task) {
        return task != null && isTerminal(task.getState(), task.getStatus());
    }

    /** Whether the task run ended successfully. */
    public static boolean isSuccess(RunTask task) {
        return task != null && isSuccess(task.getState(), task.getStatus());
    }

    /**
     * Whether the task run failed: ended, not a success, and not left out on purpose (EXCLUDED, DISABLED).
     * UPSTREAM_FAILED and UPSTREAM_CANCELED count: they are what a repair has to run again.
     */
    public static boolean isFailedTask(RunTask task) {
        String result = resultState(task);
        return isTerminal(task) && !isSuccess(task) && (result == null || !NOT_RUN_ON_PURPOSE.contains(result));
    }

    /** Whether a repair (an item of {@code repair_history}) has ended. */
    public static boolean isTerminal(RepairHistoryItem item) {
        return item != null && isTerminal(item.getState(), item.getStatus());
    }

    /** Whether {@code state}/{@code status} describe an ended run. */
    public static boolean isTerminal(RunState state, RunStatus status) {
        if (status != null && status.getState() != null) {
            return "TERMINATED".equals(status.getState().value());
        }
        String lifeCycle = lifeCycleState(state);
        return lifeCycle != null && TERMINAL_LIFE_CYCLE_STATES.contains(lifeCycle);
    }

    /** Whether {@code state}/{@code status} describe a successfully ended run. */
    public static boolean isSuccess(RunState state, RunStatus status) {
        if (!isTerminal(state, status)) {
            return false;
        }
        String code = terminationCode(status);
        if (code != null) {
            return SUCCESS.contains(code);
        }
        String lifeCycle = lifeCycleState(state);
        String result = state == null || state.getResultState() == null ? null : state.getResultState().value();
        return "TERMINATED".equals(lifeCycle) && result != null && SUCCESS.contains(result);
    }

    /**
     * The most telling single word for how the run ended or where it is: {@code result_state} when set (FAILED,
     * UPSTREAM_FAILED, ...), else the life cycle state (SKIPPED, INTERNAL_ERROR, RUNNING, ...), else
     * {@code status.state}.
     */
    public static String outcome(RunState state, RunStatus status) {
        if (state != null && state.getResultState() != null) {
            return state.getResultState().value();
        }
        String lifeCycle = lifeCycleState(state);
        if (lifeCycle != null) {
            return lifeCycle;
        }
        String code = terminationCode(status);
        if (code != null) {
            return code;
        }
        return status == null || status.getState() == null ? "UNKNOWN" : status.getState().value();
    }

    /** {@code status.termination_details.code}, or null. */
    public static String terminationCode(RunStatus status) {
        TerminationDetails details = status == null ? null : status.getTerminationDetails();
        return details == null || details.getCode() == null ? null : details.getCode().value();
    }

    /** {@code status.termination_details.message} when present and not blank, else {@code state.state_message}. */
    public static String message(RunState state, RunStatus status) {
        TerminationDetails details = status == null ? null : status.getTerminationDetails();
        String message = details == null ? null : details.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        message = state == null ? null : state.getStateMessage();
        return message == null || message.isBlank() ? null : message;
    }

    private static String lifeCycleState(RunState state) {
        return state == null || state.getLifeCycleState() == null ? null : state.getLifeCycleState().value();
    }

    private static String resultState(RunTask task) {
        return task.getState() == null || task.getState().getResultState() == null ? null
                : task.getState().getResultState().value();
    }
}
