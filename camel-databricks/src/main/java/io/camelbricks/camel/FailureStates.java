package io.camelbricks.camel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


import io.camelbricks.api.registry.Operation;

/**
 * States that fail a wait although the operation's waiter counts them as reached: a job run ends
 * {@code TERMINATED} whether it succeeded or not, and {@code SKIPPED} when it never ran; its outcome is in
 * {@code state.result_state}. Without this, a failed run would complete the exchange as if it had succeeded (a
 * pain point of every orchestrator integration). Set by the {@code failOnResultState} option; by default the
 * unsuccessful outcomes for the runs that {@code jobs/submit}, {@code jobs/runNow} and {@code jobs/repairRun} start,
 * and nothing for other waits (e.g. {@code jobs/cancelRun}, whose expected outcome is {@code CANCELED}).
 */
final class FailureStates {
    /** The default for runs: every result state that is not a success, and a run that never ran. */
    static final List<String> RUN_DEFAULTS = List.of("FAILED", "TIMEDOUT", "CANCELED",
            "MAXIMUM_CONCURRENT_RUNS_REACHED", "UPSTREAM_FAILED", "UPSTREAM_CANCELED", "SKIPPED");
    /** Where a run keeps its outcome. */
    static final String RESULT_STATE_PATH = "state.result_state";

    private static final String RUN_POLL = "jobs.Jobs.getRun";
    private static final String CANCEL_RUN = "jobs.Jobs.cancelRun";

    private final Set<String> states;
    private final String statusPath;

    private FailureStates(Set<String> states, String statusPath) {
        this.states = states;
        this.statusPath = statusPath;
    }

    /** The states for a wait on {@code op}: {@code option} when set ({@code none}: nothing), else the default. */
    static FailureStates of(Operation<?, ?> op, String option) {
        Set<String> states = new LinkedHashSet<>();
        if (option != null) {
            states.addAll(DatabricksEndpoint.listOption(option));
        } else if (RUN_POLL.equals(op.waitSpec().pollOperationId()) && !CANCEL_RUN.equals(op.id())) {
            states.addAll(RUN_DEFAULTS);
        }
        return new FailureStates(Set.copyOf(states), op.waitSpec().statusPath());
    }

    Set<String> states() {
        return states;
    }

    /**
     * The state of {@code entity} that fails the wait (its result state first, then its status), or null; read
     * through {@code fields} (the getters), not a JSON tree of the entity.
     */
    String failingState(ResultFields fields, Object entity) {
        if (states.isEmpty() || entity == null) {
            return null;
        }
        Object result = fields.at(entity, RESULT_STATE_PATH);
        if (result != null && states.contains(result.toString())) {
            return result.toString();
        }
        Object status = fields.at(entity, statusPath);
        return status != null && states.contains(status.toString()) ? status.toString() : null;
    }
}
