package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.KeysetPager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of the workspace, their task runs, idempotency tokens, queues and lifecycles. Thread-safe: every access
 * to a {@link StoredRun} happens under this store's lock, including rendering.
 *
 * <p>Every access first brings all runs up to date with the clock (timed steps, timeouts) and lets queued runs of a
 * job start when its {@code max_concurrent_runs} allows; only the runs that can still change are visited, so the
 * cost of an access does not grow with the ended runs the workspace holds.
 */
final class RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

    /** Run ids start well above 2^31 and away from job ids, so mixing the two up shows. */
    static final long FIRST_RUN_ID = 5_000_000_001L;

    /**
     * A run to create; {@code jobId} 0 gives a submitted run its own hidden one-time job id.
     *
     * @param timeoutSeconds run timeout (0: none)
     * @param jobClusters    the job's (or submit request's) job_clusters, or null
     * @param queue          run-now's {@code queue.enabled} override, or null for the job's setting
     */
    record NewRun(String runType, long jobId, String runName, List<ObjectNode> tasks, String idempotencyToken,
                  ObjectNode overridingParameters, ArrayNode jobParameters, long timeoutSeconds,
                  ArrayNode jobClusters, Boolean queue) {

        NewRun(String runType, long jobId, String runName, List<ObjectNode> tasks, String idempotencyToken,
               ObjectNode overridingParameters, ArrayNode jobParameters) {
            this(runType, jobId, runName, tasks, idempotencyToken, overridingParameters, jobParameters, 0, null, null);
        }
    }

    /** The answer to a creation: the run id and whether an idempotency token matched an existing run. */
    record Created(long runId, boolean existing) {
    }

    /**
     * A repair request, validated for types by the handler.
     *
     * @param latestRepairId  null when absent
     * @param overriding      the task parameter fields given (replace the run's), possibly empty
     * @param jobParameters   the run's new job_parameters, or null to keep them
     * @param currentSpec     the job's current specification of a task key (null: keep the run's)
     * @param body            the request as sent (recorded for {@link #repairs(long)})
     */
    record RepairRequest(long runId, List<String> rerunTasks, boolean rerunAllFailedTasks,
                         boolean rerunDependentTasks, Long latestRepairId, ObjectNode overriding,
                         ArrayNode jobParameters, Function<String, ObjectNode> currentSpec, ObjectNode body) {
    }

    /** A repair the service accepted: its id and the request body exactly as it was sent. */
    record AcceptedRepair(long repairId, ObjectNode request) {
    }

    /** A run, or one task run of it ({@code task} null for the run itself). */
    record Target(StoredRun run, StoredRun.TaskRun task) {
    }

    private final Clock clock;
    private final LongSupplier jobIds;
    private final LongFunction<Optional<StoredJob>> jobLookup;
    private final RunScriptRules scripts;
    private final TreeMap<Long, StoredRun> runs = new TreeMap<>();
    /**
     * The runs that may still change with the clock (queued or not yet terminal), a subset of {@link #runs}: only
     * these are brought up to date on each access, so that a workspace holding many ended runs stays as fast as an
     * empty one. A run leaves it once terminal and comes back when repaired.
     */
    private final TreeMap<Long, StoredRun> live = new TreeMap<>();
    private final Map<Long, Target> taskRuns = new HashMap<>();
    private final Map<String, Long> idempotencyTokens = new HashMap<>();
    private final Set<String> deletedTokens = new HashSet<>();
    private final Map<Long, List<AcceptedRepair>> repairs = new HashMap<>();
    private long nextRunId = FIRST_RUN_ID;

    RunStore(Clock clock, LongSupplier jobIds, LongFunction<Optional<StoredJob>> jobLookup, RunScriptRules scripts) {
        this.clock = clock;
        this.jobIds = jobIds;
        this.jobLookup = jobLookup;
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
     * active runs the new run is QUEUED (queueing enabled) or SKIPPED, as the Jobs service does.
     */
    synchronized Created create(NewRun request, StoredJob job) {
        String token = request.idempotencyToken();
        if (token != null) {
            if (deletedTokens.contains(token)) {
                throw ApiException.invalidParameter("The run created with idempotency token '" + token
                        + "' was deleted. Use a new idempotency token.");
            }
            Long existing = idempotencyTokens.get(token);
            if (existing != null) {
                return new Created(existing, true);
            }
        }
        Instant now = clock.instant();
        refresh(now);
        long jobId = request.jobId() != 0 ? request.jobId() : jobIds.getAsLong();
        RunSpec spec = new RunSpec(request.runType(), jobId, request.runName(), request.tasks());
        RunScript script;
        boolean queued = false;
        if (job != null) {
            int max = job.maxConcurrentRuns();
            boolean queueEnabled = request.queue() != null ? request.queue() : job.queueEnabled();
            boolean full = activeRuns(job.jobId()) >= max;
            if (max == 0 || (full && !queueEnabled)) {
                script = RunScript.immediately(RunOutcome.skipped("Skipping this run because the limit of "
                        + max + " maximum concurrent runs has been reached."));
            } else {
                queued = queueEnabled && (full || hasQueued(job.jobId()));
                script = scripts.scriptFor(spec);
            }
        } else {
            script = scripts.scriptFor(spec);
        }
        long runId = nextRunId++;
        List<StoredRun.StoredTask> tasks = new ArrayList<>();
        for (ObjectNode taskSpec : request.tasks()) {
            String key = taskSpec.path("task_key").asText();
            tasks.add(new StoredRun.StoredTask(key, nextRunId++, taskSpec.deepCopy(), StoredRun.dependencies(taskSpec)));
        }
        StoredRun run = new StoredRun(runId, jobId, request.runName(), request.runType(), tasks, now, token,
                request.overridingParameters(), request.jobParameters(), script,
                new StoredRun.Settings(request.timeoutSeconds(), request.jobClusters(), queued));
        runs.put(runId, run);
        live.put(runId, run);
        indexTasks(run);
        if (token != null) {
            idempotencyTokens.put(token, runId);
        }
        LOG.info("Run {} ({} '{}') created{}: {}", runId, request.runType(), request.runName(),
                queued ? " QUEUED" : "", script);
        return new Created(runId, false);
    }

    private void indexTasks(StoredRun run) {
        for (StoredRun.TaskRun t : run.attempts()) {
            taskRuns.putIfAbsent(t.runId, new Target(run, t));
        }
    }

    private int activeRuns(long jobId) {
        int active = 0;
        for (StoredRun run : live.values()) {
            if (run.jobId == jobId && run.isActive()) {
                active++;
            }
        }
        return active;
    }

    private boolean hasQueued(long jobId) {
        return live.values().stream().anyMatch(r -> r.jobId == jobId && r.isQueued());
    }

    /**
     * Applies clock-timed transitions to every run that can still change (terminal runs cannot, until repaired),
     * then starts queued runs that have a free slot.
     */
    private void refresh(Instant now) {
        for (StoredRun run : live.values()) {
            settle(run, now, false);
        }
        promoteQueued(now);
        live.values().removeIf(StoredRun::isTerminal);
    }

    private void settle(StoredRun run, Instant now, boolean pollBudgets) {
        String before = run.lifeCycleState();
        run.settle(now, pollBudgets);
        logTransition(run, before);
    }

    private void promoteQueued(Instant now) {
        boolean promoted = true;
        while (promoted) {
            promoted = false;
            Set<Long> seenJobs = new HashSet<>();
            for (StoredRun run : live.values()) {
                if (!run.isQueued() || !seenJobs.add(run.jobId)) {
                    continue;
                }
                int max = jobLookup.apply(run.jobId).map(StoredJob::maxConcurrentRuns).orElse(1);
                if (max > 0 && activeRuns(run.jobId) < max) {
                    Instant at = run.createdAt;
                    for (StoredRun other : runs.values()) {
                        if (other.jobId == run.jobId && other.isTerminal() && other.endedAt() != null
                                && other.endedAt().isAfter(at) && !other.endedAt().isAfter(now)) {
                            at = other.endedAt();
                        }
                    }
                    String before = run.lifeCycleState();
                    run.startFromQueue(at);
                    run.settle(now, false);
                    logTransition(run, before);
                    promoted = true;
                }
            }
        }
    }

    /**
     * Brings the run up to date and renders it; {@code runId} may be a run or a task run. With
     * {@code countAsPoll} (a {@code runs/get}) due transitions are applied and the answer counts as one observation
     * of the run; without (inspection, later task pages, run output) only clock-timed transitions apply.
     * Throws 400 INVALID_PARAMETER_VALUE "Run N does not exist." for an unknown id.
     */
    synchronized <T> T observe(long runId, boolean countAsPoll, BiFunction<StoredRun, StoredRun.TaskRun, T> view) {
        Target target = require(runId);
        Instant now = clock.instant();
        refresh(now);
        if (countAsPoll) {
            settle(target.run(), now, true);
            promoteQueued(now);
            target.run().countObservation();
        }
        return view.apply(target.run(), target.task());
    }

    synchronized <T> Optional<T> peek(long runId, Function<StoredRun, T> view) {
        StoredRun run = runs.get(runId);
        if (run == null) {
            return Optional.empty();
        }
        refresh(clock.instant());
        return Optional.of(view.apply(run));
    }

    /** runs/cancel: a run (all its tasks) or a task run (that task and its downstream tasks). */
    synchronized void cancel(long runId) {
        Target target = require(runId);
        Instant now = clock.instant();
        refresh(now);
        String before = target.run().lifeCycleState();
        if (target.task() == null) {
            target.run().cancel(now);
        } else {
            target.run().cancelTask(target.task(), now);
        }
        logTransition(target.run(), before);
        promoteQueued(now);
    }

    /**
     * runs/cancel-all: the active (and queued) runs of {@code jobId}, or with {@code allQueuedRuns} only the queued
     * ones (of the job, or of the whole workspace when {@code jobId} is null). Returns how many were cancelled.
     */
    synchronized int cancelAll(Long jobId, boolean allQueuedRuns) {
        Instant now = clock.instant();
        refresh(now);
        int cancelled = 0;
        for (StoredRun run : runs.values()) {
            if ((jobId == null || run.jobId == jobId) && (allQueuedRuns ? run.isQueued() : !run.isTerminal())) {
                String before = run.lifeCycleState();
                run.cancel(now);
                logTransition(run, before);
                cancelled++;
            }
        }
        promoteQueued(now);
        return cancelled;
    }

    /**
     * runs/delete: only a terminated run (not a task run) can be deleted. Its idempotency token stays reserved:
     * using it again is an error.
     */
    synchronized void delete(long runId) {
        Target target = require(runId);
        if (target.task() != null) {
            throw ApiException.invalidParameter("Run " + runId + " is a task run of run " + target.run().runId
                    + ". Delete the job run instead.");
        }
        refresh(clock.instant());
        StoredRun run = target.run();
        if (!run.isTerminal()) {
            throw ApiException.invalidParameter("Run " + runId + " cannot be deleted because it is "
                    + run.lifeCycleState() + ". Only terminated runs can be deleted; cancel it first.");
        }
        runs.remove(runId);
        live.remove(runId);
        run.attempts().forEach(t -> taskRuns.remove(t.runId));
        if (run.idempotencyToken != null) {
            idempotencyTokens.remove(run.idempotencyToken);
            deletedTokens.add(run.idempotencyToken);
        }
        LOG.info("Run {} deleted", runId);
    }

    /** runs/repair: returns the repair id. See {@link RepairRequest}. */
    synchronized long repair(RepairRequest request) {
        Target target = require(request.runId());
        if (target.task() != null) {
            throw ApiException.invalidParameter("Run " + request.runId() + " is a task run of run "
                    + target.run().runId + ". Repair the job run instead.");
        }
        Instant now = clock.instant();
        refresh(now);
        StoredRun run = target.run();
        if (!run.isTerminal()) {
            throw ApiException.invalidParameter("Run " + run.runId + " is " + run.lifeCycleState()
                    + ". Only runs in a terminal state can be repaired.");
        }
        long latest = run.latestRepairId();
        Long given = request.latestRepairId();
        if (latest != 0 && given == null) {
            // the service's own words (databricks-sdk-py discussion #158); it does not name the field
            throw ApiException.invalidParameter("The latest repair ID needs to be provided in order to create a new "
                    + "repair (latest_repair_id: run " + run.runId + " was repaired before, latest repair " + latest
                    + ").");
        }
        if (given != null && given != latest) {
            throw ApiException.invalidParameter(latest == 0
                    ? "Run " + run.runId + " has not been repaired yet, but latest_repair_id " + given + " was given."
                    : "latest_repair_id " + given + " is not the latest repair of run " + run.runId
                    + " (the latest is " + latest + ").");
        }
        Map<String, StoredRun.TaskRun> byKey = new LinkedHashMap<>();
        run.tasks().forEach(t -> byKey.put(t.taskKey, t));
        Set<String> chosen = new LinkedHashSet<>();
        for (String key : request.rerunTasks()) {
            if (!byKey.containsKey(key)) {
                throw ApiException.invalidParameter("Task " + key + " does not exist in run " + run.runId + ".");
            }
            chosen.add(key);
        }
        if (request.rerunAllFailedTasks()) {
            byKey.values().stream().filter(t -> t.end != null && t.end.isFailure()).forEach(t -> chosen.add(t.taskKey));
        }
        if (chosen.isEmpty()) {
            throw ApiException.invalidParameter(request.rerunAllFailedTasks()
                    ? "Run " + run.runId + " has no failed tasks to repair."
                    : "Either rerun_tasks or rerun_all_failed_tasks must be set.");
        }
        if (request.rerunDependentTasks()) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (StoredRun.TaskRun t : byKey.values()) {
                    if (!chosen.contains(t.taskKey) && t.dependsOn.stream().anyMatch(chosen::contains)) {
                        chosen.add(t.taskKey);
                        changed = true;
                    }
                }
            }
        }
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        for (StoredRun.TaskRun t : byKey.values()) {
            if (chosen.contains(t.taskKey)) {
                ObjectNode current = request.currentSpec() == null ? null : request.currentSpec().apply(t.taskKey);
                specs.put(t.taskKey, current != null ? current.deepCopy() : t.spec.deepCopy());
            }
        }
        if (request.overriding() != null && !request.overriding().isEmpty()) {
            ObjectNode merged = run.overridingParameters == null ? request.overriding().deepCopy()
                    : run.overridingParameters.deepCopy();
            merged.setAll(request.overriding().deepCopy());
            run.overridingParameters = merged;
        }
        if (request.jobParameters() != null) {
            run.jobParameters = request.jobParameters();
        }
        RunScript script = scripts.scriptFor(new RunSpec(run.runType, run.jobId, run.runName,
                new ArrayList<>(specs.values())));
        long repairId = nextRunId++;
        run.repair(repairId, specs, () -> nextRunId++, script, now);
        live.put(run.runId, run); // running again
        indexTasks(run);
        repairs.computeIfAbsent(run.runId, id -> new ArrayList<>()).add(new AcceptedRepair(repairId,
                request.body() == null ? null : request.body().deepCopy()));
        LOG.info("Run {} repair {} of tasks {}: {}", run.runId, repairId, specs.keySet(), script);
        return repairId;
    }

    synchronized void advance(long runId) {
        StoredRun run = require(runId).run();
        Instant now = clock.instant();
        refresh(now);
        String before = run.lifeCycleState();
        run.advance(now);
        logTransition(run, before);
        promoteQueued(now);
    }

    synchronized void finish(long runId, RunOutcome outcome) {
        StoredRun run = require(runId).run();
        Instant now = clock.instant();
        refresh(now);
        String before = run.lifeCycleState();
        run.finish(now, outcome);
        logTransition(run, before);
        promoteQueued(now);
    }

    private static final KeysetPager<StoredRun> RUN_PAGER = new KeysetPager<>("runs", r -> r.runId, true);

    /**
     * One page of runs, newest first, that match {@code filter} once brought up to date (due transitions of all
     * runs are applied first, as a poll would). Each run on the page counts one observation: a list answer shows
     * its state just like {@code runs/get} does. A run whose listing is delayed ({@link #delayListing}) is left out
     * until the clock reaches its listing time.
     */
    synchronized KeysetPager.Page<ObjectNode> list(Predicate<StoredRun> filter, int limit, String pageToken,
                                                   long offset, Function<StoredRun, ObjectNode> view) {
        Instant now = clock.instant();
        refresh(now);
        for (StoredRun run : runs.values()) {
            settle(run, now, true);
        }
        promoteQueued(now);
        List<StoredRun> matching = new ArrayList<>();
        for (StoredRun run : runs.descendingMap().values()) {
            if (!run.listedFrom.isAfter(now) && filter.test(run)) {
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

    /** The repairs accepted for {@code runId}, oldest first (empty when none, or the run is unknown). */
    synchronized List<AcceptedRepair> repairs(long runId) {
        return List.copyOf(repairs.getOrDefault(runId, List.of()));
    }

    /** {@code runs/list} shows the run only from {@code delay} after its creation (runs/get shows it at once). */
    synchronized void delayListing(long runId, Duration delay) {
        StoredRun run = require(runId).run();
        run.listedFrom = run.createdAt.plus(delay);
    }

    synchronized int count() {
        return runs.size();
    }

    synchronized List<Long> runIds() {
        return List.copyOf(runs.keySet());
    }

    synchronized void clear() {
        runs.clear();
        live.clear();
        taskRuns.clear();
        idempotencyTokens.clear();
        deletedTokens.clear();
        repairs.clear();
    }

    private Target require(long runId) {
        StoredRun run = runs.get(runId);
        if (run != null) {
            return new Target(run, null);
        }
        Target task = taskRuns.get(runId);
        if (task == null) {
            throw ApiException.legacyDoesNotExist("Run " + runId + " does not exist.");
        }
        return task;
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

    static boolean isPresent(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }
}
