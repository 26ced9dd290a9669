package io.camelbricks.api.registry;

import java.time.Duration;
import java.util.List;

/**
 * A long-running operation's waiter ({@code x-databricks-wait}): which operation to poll, with which arguments, and
 * which states end the wait. Field names and paths are JSON wire names (the generator resolves the spec's names,
 * e.g. {@code request.cluster_id} becomes {@code request.clusterId} when that is the field's wire name).
 *
 * @param pollOperationId   operationId of the poll (e.g. {@code jobs.Jobs.getRun})
 * @param pollArguments     where each poll argument comes from, as {@code request.x} or {@code response.y}
 * @param statusPath        dotted path of the state in the polled entity (e.g. {@code state.life_cycle_state})
 * @param targetStates      states that end the wait successfully
 * @param failureStates     states that end the wait with an error
 * @param messagePath       dotted path of a human-readable status message, or null
 * @param defaultTimeout    the spec's default timeout
 * @param pollFields        for each entry of {@code pollArguments} (same order), the poll request field it is written
 *                          to; usually the source field's name, but not always ({@code response.id} of
 *                          {@code CommandExecution.execute} feeds {@code commandId}). Null means "the source names".
 */
public record WaitSpec(String pollOperationId, List<String> pollArguments, String statusPath,
                       List<String> targetStates, List<String> failureStates, String messagePath,
                       Duration defaultTimeout, List<String> pollFields) {
    public WaitSpec {
        pollArguments = List.copyOf(pollArguments);
        pollFields = pollFields == null
                ? pollArguments.stream().map(a -> a.substring(a.indexOf('.') + 1)).toList()
                : List.copyOf(pollFields);
        if (pollFields.size() != pollArguments.size()) {
            throw new IllegalArgumentException("pollFields must name one field per poll argument");
        }
        targetStates = List.copyOf(targetStates);
        failureStates = List.copyOf(failureStates);
    }

    /** A waiter whose poll request fields have the same names as their sources. */
    public WaitSpec(String pollOperationId, List<String> pollArguments, String statusPath,
                    List<String> targetStates, List<String> failureStates, String messagePath,
                    Duration defaultTimeout) {
        this(pollOperationId, pollArguments, statusPath, targetStates, failureStates, messagePath, defaultTimeout,
                null);
    }
}
