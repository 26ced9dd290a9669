package io.camelbricks.api.jobs;

import io.camelbricks.api.service.jobs.Run;

/**
 * The run {@link IdempotentRuns} settled on for a business key.
 *
 * @param runId            the run id
 * @param generation       the generation whose token found or started it (0, 1, ...), or -1 when the request
 *                         carried its own {@code idempotency_token}
 * @param idempotencyToken the token sent
 * @param run              the run as read right after the submission
 * @param existedBefore    whether the run started before this call began (minus the clock-skew margin): a run of an
 *                         earlier attempt or process that was adopted; false for a run this call started
 */
public record IdempotentRun(long runId, int generation, String idempotencyToken, Run run, boolean existedBefore) {
}
