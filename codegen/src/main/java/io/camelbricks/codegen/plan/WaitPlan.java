package io.camelbricks.codegen.plan;

import java.time.Duration;
import java.util.List;

import io.camelbricks.codegen.types.JavaType;

/**
 * A waiter with its names resolved to wire names.
 *
 * @param pollOperationId  the poll operation
 * @param pollResponseType the polled entity type (the {@code T} of {@code Wait<T, R>})
 * @param pollArguments    {@code request.<wire>} / {@code response.<wire>}
 * @param pollFields       the poll request's wire field for each argument
 * @param statusPath       dotted wire path of the state
 * @param messagePath      dotted wire path of the message, or null
 */
public record WaitPlan(String pollOperationId, JavaType pollResponseType, List<String> pollArguments,
                       List<String> pollFields, String statusPath, List<String> targetStates,
                       List<String> failureStates, String messagePath, Duration defaultTimeout) {
}
