package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.KeysetPager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of the workspace, their idempotency tokens and their lifecycles. Thread-safe: every access to a
 * {@link StoredRun} happens under this store's lock, including rendering.
 */
final class RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

    /** Run ids start well above 2^31 and away from job ids, so mixing the two up shows. */
    static final long FIRST_RUN_ID = 5_000_000_001L;

    /** A run to create; {@code jobId} 0 gives a submitted run its own hidden one-time job id. */
    record NewRun(String runType, long jobId, String runName, List<ObjectNode> tasks, String idempotencyToken,
                  ObjectNode overridingParameters, ArrayNode jobParameters) {
    }

    /** The answer to a creation: the run id and whether an idempotency token matched an existing run. */
    record Created(long runId, boolean existing) {
    }

    private final Clock clock;
    private final LongSupplier jobIds;
    private final RunScriptRules scripts;
    private final TreeMap<Long, StoredRun> runs = new TreeMap<>();
    private final Map<String, Long> idempotencyTokens = new HashMap<>();
    private long nextRunId = FIRST_RUN_ID;

    RunStore(Clock clock, LongSupplier jobIds, RunScriptRules scripts) {
        this.clock = clock;
        this.jobIds = jobIds;
        this.scripts = scripts;
    }

    /**
     * Creates a run following the script the rules choose, or returns the run created earlier with the same
     * idempotency token.
     */
    synchronized Created create(NewRun request) {
        return create(request, null);
    }

    /**
     * Like {@link #create(NewRun)}, but for a job run: when {@code job} already has {@code max_concurrent_runs}
     * active runs (and queueing is off) the new run is SKIPPED, as the Jobs service does.
     */
    synchronized Created create(NewRun request, StoredJob job) {
        if (request.idempotencyToken() != null) {
            Long existing = idempotencyTokens.get(request.idempotencyToken());
            if (existing != null) {
                return new Created(existing, true);
            }
        }
        Instant now = clock.instant();
        long jobId = request.jobId() != 0 ? request.jobId() : jobIds.getAsLong();
        RunScript script;
        if (job != null && !job.queueEnabled() && activeRuns(job.jobId(), now) >= job.maxConcurrentRuns()) {
            script = RunScript.immediately(RunOutcome.skipped("Skipping this run because the limit of "
                    + job.maxConcurrentRuns() + " maximum concurrent runs has been reached."));
        } else {
            script = scripts.scriptFor(new RunSpec(request.runType(), jobId, request.runName(),
                    request.tasks()));
        }
        long runId = nextRunId++;
        List<StoredRun.StoredTask> tasks = new ArrayList<>();
        for (ObjectNode spec : request.tasks()) {
            String key = spec.path("task_key").asText();
            tasks.add(new StoredRun.StoredTask(key, nextRunId++, spec.deepCopy(), StoredRun.dependencies(spec)));
        }
        StoredRun run = new StoredRun(runId, jobId, request.runName(), request.runType(), tasks, now,
                request.idempotencyToken(), request.overridingParameters(), request.jobParameters(), script);
        runs.put(runId, run);
        if (request.idempotencyToken() != null) {
            idempotencyTokens.put(request.idempotencyToken(), runId);
        }
        LOG.info("Run {} ({} '{}') created: {}", runId, request.runType(), request.runName(), script);
        return new Created(runId, false);
    }

    private int activeRuns(long jobId, Instant now) {
        int active = 0;
        for (StoredRun run : runs.values()) {
            if (run.jobId == jobId) {
                run.settle(now, false);
                if (!run.isTerminal()) {
                    active++;
                }
            }
        }
        return active;
    }

    /**
     * Brings the run up to date and renders it. With {@code countAsPoll} (a {@code runs/get}) due transitions are
     * applied and the answer counts as one observation; without (inspection, later task pages) only clock-timed
     * transitions apply.
     * Throws 400 INVALID_PARAMETER_VALUE "Run N does not exist." for an unknown id.
     */
    synchronized <T> T observe(long runId, boolean countAsPoll, Function<StoredRun, T> view) {
        StoredRun run = require(runId);
        String before = run.lifeCycleState();
        run.settle(clock.instant(), countAsPoll);
        if (countAsPoll) {
            run.countObservation();
        }
        logTransition(run, before);
        return view.apply(run);
    }

    synchronized <T> Optional<T> peek(long runId, Function<StoredRun, T> view) {
        StoredRun run = runs.get(runId);
        if (run == null) {
            return Optional.empty();
        }
        String before = run.lifeCycleState();
        run.settle(clock.instant(), false);
        logTransition(run, before);
        return Optional.of(view.apply(run));
    }

    synchronized void cancel(long runId) {
        StoredRun run = require(runId);
        String before = run.lifeCycleState();
        run.cancel(clock.instant());
        logTransition(run, before);
    }

    synchronized void advance(long runId) {
        StoredRun run = require(runId);
        String before = run.lifeCycleState();
        run.settle(clock.instant(), false);
        run.advance(clock.instant());
        logTransition(run, before);
    }

    synchronized void finish(long runId, RunOutcome outcome) {
        StoredRun run = require(runId);
        String before = run.lifeCycleState();
        run.settle(clock.instant(), false);
        run.finish(clock.instant(), outcome);
        logTransition(run, before);
    }

    private static final KeysetPager<StoredRun> RUN_PAGER = new KeysetPager<>("runs", r -> r.runId, true);

    /**
     * One page of runs, newest first, that match {@code filter} once brought up to date (due transitions of all
     * runs are applied first, as a poll would). Each run on the page counts one observation: a list answer shows
     * its state just like {@code runs/get} does.
     */
    synchronized KeysetPager.Page<ObjectNode> list(Predicate<StoredRun> filter, int limit, String pageToken,
                                                   long offset, Function<StoredRun, ObjectNode> view) {
        Instant now = clock.instant();
        List<StoredRun> matching = new ArrayList<>();
        for (StoredRun run : runs.descendingMap().values()) {
            String before = run.lifeCycleState();
            run.settle(now, true);
            logTransition(run, before);
            if (filter.test(run)) {
                matching.add(run);
            }
        }
        KeysetPager.Page<StoredRun> page = RUN_PAGER.page(matching, limit, pageToken, offset);
        List<ObjectNode> items = new ArrayList<>();
        for (StoredRun run : page.items()) {
            run.countObservation();
            items.add(view.apply(run));
        }
        return new KeysetPager.Page<>(items, page.nextPageToken(), page.prevPageToken());
    }

    synchronized int count() {
        return runs.size();
    }

    synchronized List<Long> runIds() {
        return List.copyOf(runs.keySet());
    }

    synchronized void clear() {
        runs.clear();
        idempotencyTokens.clear();
    }

    private StoredRun require(long runId) {
        StoredRun run = runs.get(runId);
        if (run == null) {
            throw ApiException.legacyDoesNotExist("Run " + runId + " does not exist.");
        }
        return run;
    }

    private static void logTransition(StoredRun run, String before) {
        String after = run.lifeCycleState();
        if (!after.equals(before)) {
            if (run.isTerminal()) {
                LOG.info("Run {} {} -> {}", run.runId, before, run.outcome());
            } else {
                LOG.info("Run {} {} -> {}", run.runId, before, after);
            }
        }
    }
}
