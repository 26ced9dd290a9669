package io.camelbricks.api.jobs;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.api.wait.WaitTimeoutException;

/**
 * Polls {@code runs/get} (all pages) on the client's scheduler with its {@link WaitPolicy} until the run satisfies a
 * condition, holding no thread between polls. A poll that fails after the client's own retries (a 502 that lasts
 * longer than the retry budget) fails the wait; shorter outages are retried by the client, as for every idempotent
 * GET.
 */
final class RunPoller {
    private final ApiClient api;
    private final JobsExt jobs;

    RunPoller(ApiClient api, JobsExt jobs) {
        this.api = api;
        this.jobs = jobs;
    }

    /** Completes with the first polled run that satisfies {@code done}; {@link WaitTimeoutException} after {@code timeout}. */
    CompletableFuture<Run> until(JobsGetRunRequest request, Predicate<Run> done, String what, Duration timeout) {
        CompletableFuture<Run> result = api.track(new CompletableFuture<>());
        long deadline = System.nanoTime() + timeout.toNanos();
        poll(request, done, what, timeout, deadline, 1, result);
        return result;
    }

    private void poll(JobsGetRunRequest request, Predicate<Run> done, String what, Duration timeout, long deadline,
                      int attempt, CompletableFuture<Run> result) {
        if (result.isDone()) {
            return;
        }
        jobs.getRunAsync(request).whenComplete((run, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return;
            }
            if (done.test(run)) {
                result.complete(run);
                return;
            }
            long remaining = deadline - System.nanoTime();
            String state = RunStates.outcome(run.getState(), run.getStatus());
            if (remaining <= 0) {
                result.completeExceptionally(new WaitTimeoutException("timed out after " + timeout + " waiting for "
                        + what + " of run " + request.getRunId() + "; last state " + state, state));
                return;
            }
            long delay = Math.min(api.waitPolicy().delayBefore(attempt).toNanos(), remaining);
            try {
                api.scheduler().schedule(() -> poll(request, done, what, timeout, deadline, attempt + 1, result),
                        delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(api.refused("the next poll of the wait", e));
            }
        });
    }
}
