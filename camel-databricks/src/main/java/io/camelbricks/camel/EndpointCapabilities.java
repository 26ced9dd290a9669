package io.camelbricks.camel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.WaitSpec;

/**
 * What a {@code databricks:} endpoint on an operation does beyond what the operation registry says, for tooling
 * (the per-operation documentation of camel-databricks-catalog): the result states that fail a wait by default,
 * the operation {@code onWaitTimeout=cancel} calls, and how a consumer on the operation behaves.
 */
public final class EndpointCapabilities {
    private EndpointCapabilities() {
    }

    /** The default of {@code failOnResultState} for {@code wait=true} on {@code op}; empty without a waiter. */
    public static List<String> failOnResultStateDefault(Operation<?, ?> op) {
        return op.hasWaiter() ? List.copyOf(FailureStates.of(op, null).states().stream().sorted().toList())
                : List.of();
    }

    /** The operation {@code onWaitTimeout=cancel} calls on {@code op}'s wait, if there is one. */
    public static Optional<Operation<?, ?>> waitCancellation(Operation<?, ?> op) {
        return Optional.ofNullable(WaitCancellation.of(op)).map(WaitCancellation::operation);
    }

    /** For a list operation: the default {@code stateField} of {@code emit=changes}, if the items have one. */
    public static Optional<String> changesStateField(Operation<?, ?> op) {
        return op.isPaginated() ? Optional.ofNullable(ConsumerPlan.defaultStatePath(op)) : Optional.empty();
    }

    /** Whether a consumer on {@code op} follows one entity until it is final (e.g. {@code jobs/getRun}). */
    public static boolean isFollowable(Operation<?, ?> op) {
        return !op.isPaginated() && !ConsumerPlan.waitersPolling(op).isEmpty();
    }

    /** For a followable operation: the state field and the states after which the consumer stops. */
    public static Optional<String> followStateField(Operation<?, ?> op) {
        List<WaitSpec> waiters = op.isPaginated() ? List.of() : ConsumerPlan.waitersPolling(op);
        return waiters.isEmpty() ? Optional.empty() : Optional.of(waiters.get(0).statusPath());
    }

    /** For a followable operation: the default {@code terminalStates}. */
    public static Set<String> followTerminalStates(Operation<?, ?> op) {
        Set<String> states = new LinkedHashSet<>();
        if (!op.isPaginated()) {
            for (WaitSpec waiter : ConsumerPlan.waitersPolling(op)) {
                states.addAll(waiter.targetStates());
                states.addAll(waiter.failureStates());
            }
        }
        return states;
    }
}
