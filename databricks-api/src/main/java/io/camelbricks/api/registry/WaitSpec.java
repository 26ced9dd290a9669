package io.camelbricks.api.registry;

import java.time.Duration;
import java.util.List;

/**
 * A long-running operation's waiter ({@code x-databricks-wait}): which operation to poll, with which arguments, and
 * which states end the wait.
 *
 * @param pollOperationId   operationId of the poll (e.g. {@code jobs.Jobs.getRun})
 * @param pollArguments     where each poll argument comes from, as {@code request.x} or {@code response.y}; the
 *                          poll request field has the same name as the source field
 * @param statusPath        dotted path of the state in the polled entity (e.g. {@code state.life_cycle_state})
 * @param targetStates      states that end the wait successfully
 * @param failureStates     states that end the wait with an error
 * @param messagePath       dotted path of a human-readable status message, or null
 * @param defaultTimeout    the spec's default timeout
 */
public record WaitSpec(String pollOperationId, List<String> pollArguments, String statusPath,
                       List<String> targetStates, List<String> failureStates, String messagePath,
                       Duration defaultTimeout) {
    public WaitSpec {
        pollArguments = List.copyOf(pollArguments);
        targetStates = List.copyOf(targetStates);
        failureStates = List.copyOf(failureStates);
    }
}
