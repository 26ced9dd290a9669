package io.camelbricks.emulator.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a run ends: the terminal {@code state} (life_cycle_state, result_state, state_message,
 * user_cancelled_or_timedout) and Jobs 2.2 {@code status.termination_details} (code, type, message).
 *
 * <p>For a failed run, {@link #failedTaskKeys()} names the tasks that fail (their downstream tasks end
 * UPSTREAM_FAILED, the others SUCCESS); when empty, the last task of the run fails.
 */
public final class RunOutcome {

    private static final Set<String> TERMINAL_LIFE_CYCLE_STATES = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");

    private final String lifeCycleState;
    private final String resultState;
    private final String stateMessage;
    private final String taskMessage;
    private final boolean userCancelledOrTimedOut;
    private final String terminationCode;
    private final String terminationType;
    private final List<String> failedTaskKeys;

    private RunOutcome(String lifeCycleState, String resultState, String stateMessage, String taskMessage,
                       boolean userCancelledOrTimedOut, String terminationCode, String terminationType,
                       List<String> failedTaskKeys) {
        if (!TERMINAL_LIFE_CYCLE_STATES.contains(lifeCycleState)) {
            throw new IllegalArgumentException("not a terminal life_cycle_state: " + lifeCycleState
                    + " (expected one of " + TERMINAL_LIFE_CYCLE_STATES + ")");
        }
        this.lifeCycleState = lifeCycleState;
        this.resultState = resultState;
        this.stateMessage = Objects.requireNonNull(stateMessage, "stateMessage");
        this.taskMessage = taskMessage == null ? stateMessage : taskMessage;
        this.userCancelledOrTimedOut = userCancelledOrTimedOut;
        this.terminationCode = terminationCode;
        this.terminationType = terminationType;
        this.failedTaskKeys = List.copyOf(failedTaskKeys);
    }

    /** TERMINATED / SUCCESS. */
    public static RunOutcome success() {
        return new RunOutcome("TERMINATED", "SUCCESS", "", "", false, "SUCCESS", "SUCCESS", List.of());
    }

    /** TERMINATED / FAILED; the last task fails with {@code message}. */
    public static RunOutcome failed(String message) {
        return new RunOutcome("TERMINATED", "FAILED", message, message, false, "RUN_EXECUTION_ERROR", "CLIENT_ERROR",
                List.of());
    }

    /** TERMINATED / FAILED because task {@code taskKey} failed with {@code message}. */
    public static RunOutcome failedTask(String taskKey, String message) {
        return failedTasks(List.of(taskKey), message);
    }

    /** TERMINATED / FAILED because these tasks failed with {@code message}. */
    public static RunOutcome failedTasks(List<String> taskKeys, String message) {
        String runMessage = "Task " + String.join(", ", taskKeys) + " failed with message: " + message
                + " This caused all downstream tasks to get skipped.";
        return new RunOutcome("TERMINATED", "FAILED", runMessage, message, false, "RUN_EXECUTION_ERROR",
                "CLIENT_ERROR", taskKeys);
    }

    /** life_cycle_state INTERNAL_ERROR (a failure of the platform, e.g. the cluster could not start). */
    public static RunOutcome internalError(String message) {
        return new RunOutcome("INTERNAL_ERROR", "FAILED", message, message, false, "INTERNAL_ERROR", "INTERNAL_ERROR",
                List.of());
    }

    /** TERMINATED / CANCELED by a user ({@code runs/cancel}). */
    public static RunOutcome canceled() {
        return new RunOutcome("TERMINATED", "CANCELED", "Run cancelled.", "Run cancelled.", true, "USER_CANCELED",
                "SUCCESS", List.of());
    }

    /** TERMINATED / TIMEDOUT: the run exceeded its timeout_seconds. */
    public static RunOutcome timedOut() {
        return new RunOutcome("TERMINATED", "TIMEDOUT", "Run timed out.", "Run timed out.", true, "CANCELED",
                "CLIENT_ERROR", List.of());
    }

    /** life_cycle_state SKIPPED (e.g. the job's max_concurrent_runs was reached). */
    public static RunOutcome skipped(String message) {
        return new RunOutcome("SKIPPED", null, message, message, false, "MAX_CONCURRENT_RUNS_EXCEEDED", "CLIENT_ERROR",
                List.of());
    }

    /** Any other combination, e.g. {@code of("TERMINATED", "SUCCESS_WITH_FAILURES", "", "SUCCESS_WITH_FAILURES", "SUCCESS")}. */
    public static RunOutcome of(String lifeCycleState, String resultState, String stateMessage,
                                String terminationCode, String terminationType) {
        return new RunOutcome(lifeCycleState, resultState, stateMessage, stateMessage, false, terminationCode,
                terminationType, List.of());
    }

    /** Any combination with a separate task message (null: the state message) and user_cancelled_or_timedout. */
    static RunOutcome custom(String lifeCycleState, String resultState, String stateMessage, String taskMessage,
                             boolean userCancelledOrTimedOut, String terminationCode, String terminationType) {
        return new RunOutcome(lifeCycleState, resultState, stateMessage, taskMessage, userCancelledOrTimedOut,
                terminationCode, terminationType, List.of());
    }

    public String lifeCycleState() {
        return lifeCycleState;
    }

    /** Null for SKIPPED runs. */
    public String resultState() {
        return resultState;
    }

    public String stateMessage() {
        return stateMessage;
    }

    /** The message on the failing tasks (the run message for other outcomes). */
    public String taskMessage() {
        return taskMessage;
    }

    public boolean userCancelledOrTimedOut() {
        return userCancelledOrTimedOut;
    }

    public String terminationCode() {
        return terminationCode;
    }

    public String terminationType() {
        return terminationType;
    }

    public List<String> failedTaskKeys() {
        return failedTaskKeys;
    }

    boolean failsTasks() {
        return "TERMINATED".equals(lifeCycleState) && "FAILED".equals(resultState);
    }

    @Override
    public String toString() {
        return lifeCycleState + (resultState == null ? "" : "/" + resultState)
                + (stateMessage.isEmpty() ? "" : " (" + stateMessage + ")");
    }
}
