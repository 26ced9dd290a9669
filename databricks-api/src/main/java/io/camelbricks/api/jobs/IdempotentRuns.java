package io.camelbricks.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.error.BadRequest;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.JobsService;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.api.service.jobs.SubmitRun;

/**
 * At most one live run per business key, across retries, redeliveries and process restarts, and still a fresh run
 * when the previous one failed: the <em>generation walk</em> (the idea Kestra's SubmitRun uses).
 *
 * <pre>{@code
 * IdempotentRuns runs = w.jobs().idempotentRuns();
 * IdempotentRun r = runs.submit("invoice-batch-2025-01-01", new SubmitRun().setRunName("invoices").setTasks(tasks));
 * Run done = w.jobs().requireSuccess(w.jobs().waitForRun(r.runId(), Duration.ofHours(2)));   // or any waiter
 * }</pre>
 *
 * For generation g = 0, 1, 2, ... the request is sent with the token {@code SHA-256(kind, key, canonical request
 * JSON, g)}. The Jobs API answers a token it has seen with the run it started for it (even a finished one), so:
 * <ul>
 *   <li>the run is in progress or succeeded: it is <b>adopted</b> (returned; no new run);</li>
 *   <li>it ended without success <b>and started before this call began</b>: it belongs to an earlier attempt that
 *       failed, so the walk moves to g + 1, whose token starts a fresh run (or finds the one a previous retry
 *       started);</li>
 *   <li>it ended without success and started during this call: this call started it and it failed at once (a
 *       library that did not install, a bad parameter). It is returned as it is. Without this check a run that fails
 *       before the first look would make the walk start another one, and another, up to the limit: duplicates of
 *       exactly the kind the walk exists to prevent;</li>
 *   <li>the run for a token was deleted ({@code runs/get} NotFound, or the API refusing the token of a deleted run):
 *       next generation.</li>
 * </ul>
 * "Before this call began" means a {@code start_time} earlier than the call's start on {@link Builder#clock(Clock)}
 * minus {@link Builder#clockSkew(Duration)} (default 30 s), the allowance for the service's clock being behind
 * ours; a retry that comes within that allowance of the failed run's start therefore gets the failed run back. A run
 * without a {@code start_time} counts as started during the call (no duplicate on doubt). The walk stops
 * after {@link Builder#maxGenerations(int)} generations (default 100) with a {@link DatabricksException}.
 *
 * <p>The key must be stable for "the same piece of work" (an order id, a Camel exchange's breadcrumb, a schedule
 * slot) and the request the same; a different request gives different tokens. A request that already carries an
 * {@code idempotency_token} is sent once with that token, as given (generation -1): the caller owns it.
 */
public final class IdempotentRuns {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRuns.class);

    /** Default bound on generations. */
    public static final int DEFAULT_MAX_GENERATIONS = 100;
    /** Default allowance for the service's clock being behind the client's. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private final JobsService jobs;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration clockSkew;
    private final int maxGenerations;

    private IdempotentRuns(Builder b) {
        this.jobs = b.jobs;
        this.mapper = b.mapper;
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.maxGenerations = b.maxGenerations;
    }

    /** A builder over {@code jobs} (e.g. {@code w.jobs()}), with the JSON mapper of {@code jobs}' client. */
    public static Builder builder(JobsService jobs) {
        return new Builder(jobs);
    }

    /** {@code runs/submit} at most once per live run of {@code key} (see the class description). */
    public IdempotentRun submit(String key, SubmitRun request) {
        return JobsExt.join(submitAsync(key, request));
    }

    /** As {@link #submit(String, SubmitRun)}, without blocking. */
    public CompletableFuture<IdempotentRun> submitAsync(String key, SubmitRun request) {
        return submitAsync(key, request, 0);
    }

    /**
     * As {@link #submitAsync(String, SubmitRun)}, starting the walk at generation {@code from}: a caller that knows
     * the generations before {@code from} failed (e.g. Camel redelivering an exchange whose run failed) skips them,
     * so that a retry right after the failure is not handed the failed run within the clock-skew allowance.
     */
    public CompletableFuture<IdempotentRun> submitAsync(String key, SubmitRun request, int from) {
        Objects.requireNonNull(request, "request");
        return walk("submit", key, request, request.getIdempotencyToken(), from, token -> jobs.submitAsync(
                mapper.convertValue(request, SubmitRun.class).setIdempotencyToken(token))
                .thenApply(response -> response.getRunId()));
    }

    /** {@code jobs/run-now} at most once per live run of {@code key} (see the class description). */
    public IdempotentRun runNow(String key, RunNow request) {
        return JobsExt.join(runNowAsync(key, request));
    }

    /** As {@link #runNow(String, RunNow)}, without blocking. */
    public CompletableFuture<IdempotentRun> runNowAsync(String key, RunNow request) {
        return runNowAsync(key, request, 0);
    }

    /** As {@link #runNowAsync(String, RunNow)}, starting the walk at generation {@code from} (see submitAsync). */
    public CompletableFuture<IdempotentRun> runNowAsync(String key, RunNow request, int from) {
        Objects.requireNonNull(request, "request");
        return walk("run-now", key, request, request.getIdempotencyToken(), from, token -> jobs.runNowAsync(
                mapper.convertValue(request, RunNow.class).setIdempotencyToken(token))
                .thenApply(response -> response.getRunId()));
    }

    private CompletableFuture<IdempotentRun> walk(String kind, String key, Object request, String givenToken,
                                                  int from, Function<String, CompletableFuture<Long>> send) {
        Objects.requireNonNull(key, "key");
        Instant began = clock.instant();
        if (givenToken != null && !givenToken.isEmpty()) {
            return send.apply(givenToken).thenCompose(runId -> getRun(runId).thenApply(run ->
                    new IdempotentRun(runId, -1, givenToken, run, startedBefore(run, began))));
        }
        String canonical = IdempotencyTokens.canonicalJson(mapper, request);
        if (from < 0) {
            throw new IllegalArgumentException("the first generation must be 0 or more, got " + from);
        }
        return generation(new Walk(kind, key, canonical, began, send), from, null);
    }

    /** One walk's fixed inputs. */
    private record Walk(String kind, String key, String canonical, Instant began,
                        Function<String, CompletableFuture<Long>> send) {
    }

    /** What one generation found: a run to return, or null to go on. */
    private CompletableFuture<IdempotentRun> generation(Walk walk, int g, Long lastRunId) {
        if (g >= maxGenerations) {
            return CompletableFuture.failedFuture(new DatabricksException(walk.kind() + ": " + maxGenerations
                    + " generations of runs for this key all failed"
                    + (lastRunId == null ? "" : " (the last: run " + lastRunId + ")")
                    + "; use another key or raise maxGenerations"));
        }
        String token = IdempotencyTokens.token(walk.kind(), walk.key(), walk.canonical(), g);
        return walk.send().apply(token).handle((runId, failure) -> {
            if (failure == null) {
                return readAndDecide(walk, g, token, runId);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof BadRequest bad && refusesDeletedToken(bad)) {
                LOG.debug("{} generation {}: the run of this token was deleted; next generation", walk.kind(), g);
                return generation(walk, g + 1, lastRunId);
            }
            return CompletableFuture.<IdempotentRun>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<IdempotentRun> readAndDecide(Walk walk, int g, String token, long runId) {
        return getRun(runId).handle((run, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof NotFound) {
                    LOG.debug("{} generation {}: run {} is gone; next generation", walk.kind(), g, runId);
                    return generation(walk, g + 1, runId);
                }
                return CompletableFuture.<IdempotentRun>failedFuture(cause);
            }
            boolean before = startedBefore(run, walk.began());
            String outcome = RunStates.outcome(run.getState(), run.getStatus());
            if (!RunStates.isTerminal(run) || RunStates.isSuccess(run)) {
                if (before) {
                    LOG.info("Adopted run {} ({}) of an earlier attempt, generation {}", runId, outcome, g);
                }
                return CompletableFuture.completedFuture(new IdempotentRun(runId, g, token, run, before));
            }
            if (!before) {
                LOG.info("Run {} started by this call ended at once: {}", runId, outcome);
                return CompletableFuture.completedFuture(new IdempotentRun(runId, g, token, run, false));
            }
            LOG.info("Run {} of an earlier attempt ended {}; moving to generation {}", runId, outcome, g + 1);
            return generation(walk, g + 1, runId);
        }).thenCompose(Function.identity());
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private CompletableFuture<Run> getRun(long runId) {
        return jobs.getRunAsync(new JobsGetRunRequest().setRunId(runId));
    }

    /** Whether the run started before {@code began} minus the clock-skew allowance; false when unknown. */
    private boolean startedBefore(Run run, Instant began) {
        Long start = run.getStartTime();
        return start != null && start > 0 && Instant.ofEpochMilli(start).isBefore(began.minus(clockSkew));
    }

    private static boolean refusesDeletedToken(BadRequest e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("idempotency") && message.contains("delete");
    }

    /** Options of {@link IdempotentRuns}. */
    public static final class Builder {
        private final JobsService jobs;
        private ObjectMapper mapper;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private int maxGenerations = DEFAULT_MAX_GENERATIONS;

        private Builder(JobsService jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
        }

        /** The clock that says when a call began (default: the system clock; tests: the emulator's). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How far the service's clock may be behind ours (default 30 s). */
        public Builder clockSkew(Duration value) {
            if (Objects.requireNonNull(value, "clockSkew").isNegative()) {
                throw new IllegalArgumentException("negative clock skew");
            }
            this.clockSkew = value;
            return this;
        }

        /** How many generations to try before giving up (default 100). */
        public Builder maxGenerations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxGenerations must be at least 1");
            }
            this.maxGenerations = value;
            return this;
        }

        /** The JSON mapper for canonical requests (default: the client's). */
        public Builder mapper(ObjectMapper value) {
            this.mapper = Objects.requireNonNull(value, "mapper");
            return this;
        }

        public IdempotentRuns build() {
            if (mapper == null) {
                mapper = jobs instanceof JobsExt ext ? ext.apiClient().mapper() : new ObjectMapper();
            }
            return new IdempotentRuns(this);
        }
    }
}
