package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A run: its task attempts, its phases (the original execution, then one per repair) and its position in the
 * current phase's {@link RunScript}. Not thread-safe: {@link RunStore} guards every access.
 *
 * <p>The lifecycle is evaluated lazily by {@link #settle}: when a step's budget (observations or clock time) is
 * used up the run moves on, possibly through several steps at once. A clock-timed step ends exactly at
 * {@code enteredAt + duration}, so times stay exact however late the run is looked at. Timeouts
 * ({@code timeout_seconds} of the run or of a task) are clock-timed too.
 *
 * <p>All tasks of a phase move together through the script's steps; a task can end earlier on its own when it is
 * cancelled ({@code runs/cancel} with its task run id) or reaches its own {@code timeout_seconds}.
 */
final class StoredRun {

    /** A task as given to a new run: key, task run id, specification, dependencies. */
    record StoredTask(String taskKey, long runId, ObjectNode spec, List<String> dependsOn) {
    }

    /** How a task attempt ended. */
    record TaskEnd(String lifeCycleState, String resultState, String message, boolean userCancelledOrTimedOut,
                   String terminationCode, String terminationType) {

        boolean isFailure() {
            return "INTERNAL_ERROR".equals(lifeCycleState) || "FAILED".equals(resultState)
                    || "TIMEDOUT".equals(resultState) || "CANCELED".equals(resultState)
                    || "UPSTREAM_FAILED".equals(resultState) || "UPSTREAM_CANCELED".equals(resultState);
        }
    }

    /** Run-level settings that do not change during the run. */
    record Settings(long timeoutSeconds, ArrayNode jobClusters, boolean queued) {
        static final Settings NONE = new Settings(0, null, false);
    }

    /** One attempt of a task: the original one, or a repair's. */
    static final class TaskRun {
        final String taskKey;
        final long runId;
        final int attemptNumber;
        final ObjectNode spec;
        final List<String> dependsOn;
        final Phase phase;
        final long originalAttemptRunId;
        TaskEnd end;
        Instant endedAt;

        TaskRun(String taskKey, long runId, int attemptNumber, ObjectNode spec, List<String> dependsOn, Phase phase,
                long originalAttemptRunId) {
            this.taskKey = taskKey;
            this.runId = runId;
            this.attemptNumber = attemptNumber;
            this.spec = spec;
            this.dependsOn = List.copyOf(dependsOn);
            this.phase = phase;
            this.originalAttemptRunId = originalAttemptRunId;
        }

        long timeoutSeconds() {
            return spec.path("timeout_seconds").asLong(0);
        }
    }

    /** The original execution (repair id 0) or one repair: a script applied to a set of task attempts. */
    static final class Phase {
        final long repairId;
        final List<TaskRun> tasks = new ArrayList<>();
        final int cancelPolls;
        List<RunScript.Step> steps;
        RunOutcome outcome;
        int stepIndex;
        int pollsInStep;
        Instant startedAt;
        Instant stepEnteredAt;
        Instant runningSince;
        Instant endedAt;
        boolean terminal;
        boolean cancelRequested;
        RunOutcome runOutcome;

        Phase(long repairId, RunScript script) {
            this.repairId = repairId;
            this.cancelPolls = script.cancelPolls();
            this.steps = script.steps();
            this.outcome = script.outcome();
        }

        String lifeCycleState() {
            return terminal ? runOutcome.lifeCycleState() : steps.get(stepIndex).lifeCycleState();
        }
    }

    final long runId;
    final long jobId;
    final String runName;
    final String runType;
    final Instant createdAt;
    final String idempotencyToken;
    final long timeoutSeconds;
    final ArrayNode jobClusters;
    ObjectNode overridingParameters;
    ArrayNode jobParameters;
    /** From when {@code runs/list} shows the run (its creation, unless the test delays it). */
    Instant listedFrom;

    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, TaskRun> latest = new LinkedHashMap<>();
    private final List<TaskRun> attempts = new ArrayList<>();
    private boolean queued;

    StoredRun(long runId, long jobId, String runName, String runType, List<StoredTask> tasks, Instant createdAt,
              String idempotencyToken, ObjectNode overridingParameters, ArrayNode jobParameters, RunScript script) {
        this(runId, jobId, runName, runType, tasks, createdAt, idempotencyToken, overridingParameters, jobParameters,
                script, Settings.NONE);
    }

    StoredRun(long runId, long jobId, String runName, String runType, List<StoredTask> tasks, Instant createdAt,
              String idempotencyToken, ObjectNode overridingParameters, ArrayNode jobParameters, RunScript script,
              Settings settings) {
        this.runId = runId;
        this.jobId = jobId;
        this.runName = runName;
        this.runType = runType;
        this.createdAt = createdAt;
        this.listedFrom = createdAt;
        this.idempotencyToken = idempotencyToken;
        this.overridingParameters = overridingParameters;
        this.jobParameters = jobParameters;
        this.timeoutSeconds = settings.timeoutSeconds();
        this.jobClusters = settings.jobClusters();
        Phase original = new Phase(0, script);
        for (StoredTask t : tasks) {
            TaskRun attempt = new TaskRun(t.taskKey(), t.runId(), 0, t.spec(), t.dependsOn(), original, t.runId());
            original.tasks.add(attempt);
            attempts.add(attempt);
            latest.put(t.taskKey(), attempt);
        }
        phases.add(original);
        if (settings.queued()) {
            queued = true;
        } else {
            start(original, createdAt);
        }
    }

    private Phase current() {
        return phases.get(phases.size() - 1);
    }

    // ---- lifecycle

    /**
     * Applies the transitions that are due at {@code now}: clock-timed steps and timeouts whose time is up, and, when
     * {@code pollBudgets}, observation-counted steps whose observations are used up. Inspection from a test
     * settles without poll budgets, so it shows what the last poll saw.
     */
    void settle(Instant now, boolean pollBudgets) {
        Phase p = current();
        while (!queued && !p.terminal) {
            RunScript.Step step = p.steps.get(p.stepIndex);
            Instant stepDue;
            if (step.isTimed()) {
                stepDue = p.stepEnteredAt.plus(step.duration());
            } else {
                stepDue = pollBudgets && p.pollsInStep >= step.polls() ? now : null;
            }
            Instant timeout = nextTimeout(p);
            if (timeout != null && !timeout.isAfter(now) && (stepDue == null || !timeout.isAfter(stepDue))) {
                fireTimeouts(p, timeout);
                continue;
            }
            if (stepDue == null || stepDue.isAfter(now)) {
                break;
            }
            enterStep(p, p.stepIndex + 1, stepDue);
        }
    }

    /** One observation of the current state by a client ({@code runs/get}, a {@code runs/list} page). */
    void countObservation() {
        Phase p = current();
        if (!queued && !p.terminal) {
            p.pollsInStep++;
        }
    }

    /** Moves to the next step now, whatever its budget (a queued run leaves the queue). */
    void advance(Instant now) {
        Phase p = current();
        if (queued) {
            startFromQueue(now);
        } else if (!p.terminal) {
            enterStep(p, p.stepIndex + 1, now);
        }
    }

    /** Ends the current phase now with {@code finalOutcome}. */
    void finish(Instant now, RunOutcome finalOutcome) {
        Phase p = current();
        if (isTerminal()) {
            throw new IllegalStateException("run " + runId + " already ended " + outcome());
        }
        if (queued) {
            queued = false;
            p.startedAt = now;
        }
        p.outcome = finalOutcome;
        p.steps = List.of();
        enterStep(p, 0, now);
    }

    /** runs/cancel of the run: no-op when already terminal or cancelling. */
    void cancel(Instant now) {
        settle(now, false);
        Phase p = current();
        if (queued) {
            queued = false;
            p.startedAt = now;
            p.cancelRequested = true;
            p.steps = List.of();
            p.outcome = RunOutcome.canceled();
            enterStep(p, 0, now);
            return;
        }
        if (p.terminal || p.cancelRequested) {
            return;
        }
        p.cancelRequested = true;
        p.outcome = RunOutcome.canceled();
        p.steps = p.cancelPolls > 0 ? List.of(RunScript.Step.polls("TERMINATING", p.cancelPolls)) : List.of();
        enterStep(p, 0, now);
    }

    /**
     * runs/cancel with a task run id: only that task (and the tasks downstream of it) end CANCELED /
     * UPSTREAM_CANCELED; the others go on. A task that already ended, or of an earlier phase, is left alone.
     */
    void cancelTask(TaskRun task, Instant now) {
        settle(now, false);
        Phase p = current();
        if (queued) {
            cancel(now);
            return;
        }
        if (p.terminal || task.phase != p || task.end != null) {
            return;
        }
        endTask(task, new TaskEnd("TERMINATED", "CANCELED", "Task cancelled.", true, "USER_CANCELED", "SUCCESS"), now);
        markDownstream(p, task.taskKey, new TaskEnd("TERMINATED", "UPSTREAM_CANCELED", "Upstream task(s) cancelled.",
                false, "SKIPPED", "SUCCESS"), now);
        endPhaseIfAllTasksEnded(p, now);
    }

    /** Leaves the queue: the run's script starts at {@code at}. */
    void startFromQueue(Instant at) {
        if (queued) {
            queued = false;
            start(current(), at);
        }
    }

    /**
     * Starts a repair: new attempts (with new task run ids) of {@code specs}' tasks follow {@code script} from
     * {@code now}. The run must be terminal.
     */
    Phase repair(long repairId, Map<String, ObjectNode> specs, LongSupplier taskRunIds, RunScript script, Instant now) {
        if (!isTerminal()) {
            throw new IllegalStateException("run " + runId + " is not terminal");
        }
        Phase p = new Phase(repairId, script);
        for (Map.Entry<String, ObjectNode> e : specs.entrySet()) {
            TaskRun previous = latest.get(e.getKey());
            TaskRun attempt = new TaskRun(e.getKey(), taskRunIds.getAsLong(),
                    previous == null ? 0 : previous.attemptNumber + 1, e.getValue(), dependencies(e.getValue()), p,
                    previous == null ? 0 : previous.originalAttemptRunId);
            p.tasks.add(attempt);
            attempts.add(attempt);
            latest.put(e.getKey(), attempt);
        }
        phases.add(p);
        start(p, now);
        return p;
    }

    private void start(Phase p, Instant at) {
        p.startedAt = at;
        enterStep(p, 0, at);
    }

    private void enterStep(Phase p, int index, Instant at) {
        p.stepIndex = index;
        p.pollsInStep = 0;
        p.stepEnteredAt = at;
        if (index >= p.steps.size()) {
            endPhase(p, p.outcome, at);
        } else if ("RUNNING".equals(p.steps.get(index).lifeCycleState()) && p.runningSince == null) {
            p.runningSince = at;
        }
    }

    // ---- timeouts

    private Instant nextTimeout(Phase p) {
        Instant next = null;
        if (timeoutSeconds > 0) {
            next = p.startedAt.plus(Duration.ofSeconds(timeoutSeconds));
        }
        for (TaskRun t : p.tasks) {
            if (t.end == null && t.timeoutSeconds() > 0) {
                Instant due = p.startedAt.plus(Duration.ofSeconds(t.timeoutSeconds()));
                if (next == null || due.isBefore(next)) {
                    next = due;
                }
            }
        }
        return next;
    }

    private void fireTimeouts(Phase p, Instant at) {
        if (timeoutSeconds > 0 && !p.startedAt.plus(Duration.ofSeconds(timeoutSeconds)).isAfter(at)) {
            endPhase(p, RunOutcome.timedOut(), at);
            return;
        }
        for (TaskRun t : p.tasks) {
            if (t.end == null && t.timeoutSeconds() > 0
                    && !p.startedAt.plus(Duration.ofSeconds(t.timeoutSeconds())).isAfter(at)) {
                endTask(t, new TaskEnd("TERMINATED", "TIMEDOUT", "Task timed out after " + t.timeoutSeconds()
                        + " seconds.", true, "CANCELED", "CLIENT_ERROR"), at);
                markDownstream(p, t.taskKey, new TaskEnd("TERMINATED", "UPSTREAM_FAILED", "Upstream task(s) failed.",
                        false, "SKIPPED", "SUCCESS"), at);
            }
        }
        endPhaseIfAllTasksEnded(p, at);
    }

    // ---- task ends

    private static void endTask(TaskRun t, TaskEnd end, Instant at) {
        t.end = end;
        t.endedAt = at;
    }

    private static void markDownstream(Phase p, String taskKey, TaskEnd end, Instant at) {
        Set<String> reached = new HashSet<>(Set.of(taskKey));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TaskRun t : p.tasks) {
                if (t.end == null && t.dependsOn.stream().anyMatch(reached::contains)) {
                    endTask(t, end, at);
                    reached.add(t.taskKey);
                    changed = true;
                }
            }
        }
    }

    private void endPhaseIfAllTasksEnded(Phase p, Instant at) {
        if (!p.terminal && p.tasks.stream().allMatch(t -> t.end != null)) {
            endPhase(p, p.outcome, at);
        }
    }

    private void endPhase(Phase p, RunOutcome phaseOutcome, Instant at) {
        boolean earlyEnds = p.tasks.stream().anyMatch(t -> t.end != null);
        List<TaskRun> unfinished = p.tasks.stream().filter(t -> t.end == null).toList();
        computeTaskEnds(phaseOutcome, unfinished).forEach((t, end) -> endTask(t, end, at));
        p.terminal = true;
        p.endedAt = at;
        p.outcome = phaseOutcome;
        if (p.repairId == 0 && !earlyEnds) {
            p.runOutcome = phaseOutcome.failsTasks() && leavesSucceeded() ? successWithFailures() : phaseOutcome;
        } else {
            p.runOutcome = aggregate(phaseOutcome);
        }
    }

    /**
     * Whether every leaf task (no other task depends on it) ended SUCCESS: then a run with failed tasks is
     * SUCCESS_WITH_FAILURES, as the service answers when e.g. an {@code ALL_DONE} task ran after a failure.
     */
    private boolean leavesSucceeded() {
        Set<String> upstream = new HashSet<>();
        latest.values().forEach(t -> upstream.addAll(t.dependsOn));
        boolean any = false;
        for (TaskRun t : latest.values()) {
            if (!upstream.contains(t.taskKey)) {
                if (t.end == null || !"SUCCESS".equals(t.end.resultState())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static RunOutcome successWithFailures() {
        return RunOutcome.custom("TERMINATED", "SUCCESS_WITH_FAILURES", "Some tasks failed, but all leaf tasks "
                + "succeeded.", null, false, "SUCCESS_WITH_FAILURES", "SUCCESS");
    }

    /** The run's result from the latest attempt of every task, for repaired runs and runs with early task ends. */
    private RunOutcome aggregate(RunOutcome phaseOutcome) {
        String result = phaseOutcome.resultState();
        boolean taskLevel = "TERMINATED".equals(phaseOutcome.lifeCycleState())
                && ("SUCCESS".equals(result) || "FAILED".equals(result) || "SUCCESS_WITH_FAILURES".equals(result));
        if (!taskLevel) {
            return phaseOutcome;
        }
        List<String> failed = new ArrayList<>();
        String failedMessage = null;
        List<String> timedOut = new ArrayList<>();
        boolean upstreamFailed = false;
        List<String> canceled = new ArrayList<>();
        for (TaskRun t : latest.values()) {
            TaskEnd e = t.end;
            if (e == null) {
                continue;
            }
            if ("FAILED".equals(e.resultState()) || "INTERNAL_ERROR".equals(e.lifeCycleState())) {
                failed.add(t.taskKey);
                if (failedMessage == null) {
                    failedMessage = e.message();
                }
            } else if ("TIMEDOUT".equals(e.resultState())) {
                timedOut.add(t.taskKey);
            } else if ("UPSTREAM_FAILED".equals(e.resultState())) {
                upstreamFailed = true;
            } else if ("CANCELED".equals(e.resultState()) || "UPSTREAM_CANCELED".equals(e.resultState())) {
                canceled.add(t.taskKey);
            }
        }
        if (!failed.isEmpty()) {
            return leavesSucceeded() ? successWithFailures() : RunOutcome.failedTasks(failed, failedMessage);
        }
        if (!timedOut.isEmpty()) {
            return RunOutcome.custom("TERMINATED", "TIMEDOUT", "Task " + String.join(", ", timedOut) + " timed out.",
                    null, true, "CANCELED", "CLIENT_ERROR");
        }
        if (upstreamFailed) {
            return RunOutcome.custom("TERMINATED", "FAILED", "Upstream task(s) failed.", null, false,
                    "RUN_EXECUTION_ERROR", "CLIENT_ERROR");
        }
        if (!canceled.isEmpty()) {
            return RunOutcome.custom("TERMINATED", "CANCELED", "Task " + String.join(", ", canceled)
                    + " was cancelled.", null, true, "USER_CANCELED", "SUCCESS");
        }
        return "FAILED".equals(result) ? RunOutcome.success() : phaseOutcome;
    }

    /**
     * How the unfinished tasks of a phase end under {@code o}. For a TERMINATED / SUCCESS or FAILED outcome each task's
     * {@code run_if} (default ALL_SUCCESS) decides from its dependencies' ends whether it ran: a task that did not run
     * ends UPSTREAM_FAILED when a dependency failed and the condition needed success, EXCLUDED otherwise. The failing
     * tasks of a FAILED outcome are those it names (the last task when it names none). Other outcomes end every task
     * alike.
     */
    private Map<TaskRun, TaskEnd> computeTaskEnds(RunOutcome o, List<TaskRun> tasks) {
        Map<TaskRun, TaskEnd> ends = new LinkedHashMap<>();
        boolean taskLevel = o.failsTasks() || "TERMINATED".equals(o.lifeCycleState())
                && "SUCCESS".equals(o.resultState());
        if (!taskLevel) {
            TaskEnd same = new TaskEnd(o.lifeCycleState(), o.resultState(), o.taskMessage(),
                    o.userCancelledOrTimedOut(), o.terminationCode(), o.terminationType());
            tasks.forEach(t -> ends.put(t, same));
            return ends;
        }
        Set<String> failing = new HashSet<>();
        if (o.failsTasks()) {
            for (TaskRun t : tasks) {
                if (o.failedTaskKeys().contains(t.taskKey)) {
                    failing.add(t.taskKey);
                }
            }
            if (failing.isEmpty() && !tasks.isEmpty()) {
                failing.add(tasks.get(tasks.size() - 1).taskKey);
            }
        }
        Map<String, TaskEnd> byKey = new LinkedHashMap<>();
        latest.values().forEach(t -> {
            if (t.end != null) {
                byKey.put(t.taskKey, t.end);
            }
        });
        Set<String> pending = new HashSet<>();
        tasks.forEach(t -> pending.add(t.taskKey));
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (TaskRun t : tasks) {
                if (!pending.contains(t.taskKey) || t.dependsOn.stream().anyMatch(pending::contains)) {
                    continue;
                }
                TaskEnd end;
                if (failing.contains(t.taskKey)) {
                    end = new TaskEnd("TERMINATED", "FAILED", o.taskMessage(), false, o.terminationCode(),
                            o.terminationType());
                } else {
                    end = runIf(t, byKey);
                }
                ends.put(t, end);
                byKey.put(t.taskKey, end);
                pending.remove(t.taskKey);
                progress = true;
            }
        }
        for (TaskRun t : tasks) {
            if (pending.contains(t.taskKey)) {
                ends.put(t, new TaskEnd("TERMINATED", "SUCCESS", "", false, "SUCCESS", "SUCCESS"));
            }
        }
        return ends;
    }

    private static TaskEnd runIf(TaskRun t, Map<String, TaskEnd> ends) {
        int succeeded = 0;
        int failed = 0;
        for (String d : t.dependsOn) {
            TaskEnd e = ends.get(d);
            if (e == null || "SUCCESS".equals(e.resultState())) {
                succeeded++;
            } else if (!"EXCLUDED".equals(e.resultState())) {
                failed++;
            }
        }
        int all = t.dependsOn.size();
        String condition = t.spec.path("run_if").asText("ALL_SUCCESS");
        boolean runs;
        switch (condition) {
            case "ALL_DONE":
                runs = true;
                break;
            case "AT_LEAST_ONE_SUCCESS":
                runs = all == 0 || succeeded > 0;
                break;
            case "NONE_FAILED":
                runs = failed == 0;
                break;
            case "AT_LEAST_ONE_FAILED":
                runs = failed > 0;
                break;
            case "ALL_FAILED":
                runs = all > 0 && failed == all;
                break;
            default:
                runs = succeeded == all;
                break;
        }
        if (runs) {
            return new TaskEnd("TERMINATED", "SUCCESS", "", false, "SUCCESS", "SUCCESS");
        }
        if (failed > 0 && Set.of("ALL_SUCCESS", "NONE_FAILED", "AT_LEAST_ONE_SUCCESS").contains(condition)) {
            return new TaskEnd("TERMINATED", "UPSTREAM_FAILED", "Upstream task(s) failed.", false, "SKIPPED",
                    "SUCCESS");
        }
        return new TaskEnd("TERMINATED", "EXCLUDED", "The task was excluded: its run_if condition " + condition
                + " was not met.", false, "SKIPPED", "SUCCESS");
    }

    // ---- views

    boolean isTerminal() {
        return !queued && current().terminal;
    }

    /** Waiting in the job's queue for a concurrency slot. */
    boolean isQueued() {
        return queued;
    }

    /** Neither queued nor terminal: counts against the job's max_concurrent_runs. */
    boolean isActive() {
        return !queued && !current().terminal;
    }

    String lifeCycleState() {
        return queued ? "QUEUED" : current().lifeCycleState();
    }

    /** The outcome: final once {@link #isTerminal()}, otherwise the one the current script ends with. */
    RunOutcome outcome() {
        Phase p = current();
        return p.terminal ? p.runOutcome : p.outcome;
    }

    /** When the current phase entered RUNNING, or null. */
    Instant runningSince() {
        return current().runningSince;
    }

    /** When the current phase ended, or null. */
    Instant endedAt() {
        return current().endedAt;
    }

    /** When the first phase started (after the queue), or null while queued. */
    Instant startedAt() {
        return phases.get(0).startedAt;
    }

    /** The end of the latest attempt of {@code taskKey}, or null while it runs. */
    TaskEnd taskEnd(String taskKey) {
        TaskRun t = latest.get(taskKey);
        return t == null ? null : t.end;
    }

    /** The latest attempt of every task, in the run's task order. */
    Collection<TaskRun> tasks() {
        return latest.values();
    }

    /** Every task attempt, oldest first. */
    List<TaskRun> attempts() {
        return attempts;
    }

    /** The original execution and the repairs, oldest first. */
    List<Phase> phases() {
        return phases;
    }

    /** The id of the latest repair, or 0 when the run was never repaired. */
    long latestRepairId() {
        return current().repairId;
    }

    /** The life cycle state a task attempt shows now (its own end, or its phase's state). */
    String taskLifeCycleState(TaskRun t) {
        if (t.end != null) {
            return t.end.lifeCycleState();
        }
        return queued ? "QUEUED" : t.phase.terminal ? t.phase.runOutcome.lifeCycleState() : t.phase.lifeCycleState();
    }

    static List<String> dependencies(JsonNode taskSpec) {
        List<String> result = new ArrayList<>();
        for (JsonNode d : taskSpec.path("depends_on")) {
            String key = d.path("task_key").asText("");
            if (!key.isEmpty()) {
                result.add(key);
            }
        }
        return result;
    }
}
