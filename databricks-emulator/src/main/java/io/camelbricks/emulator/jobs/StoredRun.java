package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run and its position in its {@link RunScript}. Not thread-safe: {@link RunStore} guards every access.
 *
 * <p>The lifecycle is evaluated lazily by {@link #settle}: when a step's budget (observations or clock time) is
 * used up the run moves on, possibly through several steps at once. A clock-timed step ends exactly at
 * {@code enteredAt + duration}, so times stay exact however late the run is looked at.
 */
final class StoredRun {

    /** A task of the run. */
    record StoredTask(String taskKey, long runId, ObjectNode spec, List<String> dependsOn) {
    }

    /** How a task ended. */
    record TaskEnd(String lifeCycleState, String resultState, String message, boolean userCancelledOrTimedOut,
                   String terminationCode, String terminationType) {
    }

    final long runId;
    final long jobId;
    final String runName;
    final String runType;
    final List<StoredTask> tasks;
    final Instant createdAt;
    final String idempotencyToken;
    final ObjectNode overridingParameters;
    final ArrayNode jobParameters;
    final int cancelPolls;

    private List<RunScript.Step> steps;
    private RunOutcome outcome;
    private int stepIndex;
    private int pollsInStep;
    private Instant stepEnteredAt;
    private Instant runningSince;
    private Instant endedAt;
    private boolean terminal;
    private boolean cancelRequested;
    private Map<String, TaskEnd> taskEnds = Map.of();

    StoredRun(long runId, long jobId, String runName, String runType, List<StoredTask> tasks, Instant createdAt,
              String idempotencyToken, ObjectNode overridingParameters, ArrayNode jobParameters, RunScript script) {
        this.runId = runId;
        this.jobId = jobId;
        this.runName = runName;
        this.runType = runType;
        this.tasks = List.copyOf(tasks);
        this.createdAt = createdAt;
        this.idempotencyToken = idempotencyToken;
        this.overridingParameters = overridingParameters;
        this.jobParameters = jobParameters;
        this.cancelPolls = script.cancelPolls();
        this.steps = script.steps();
        this.outcome = script.outcome();
        enterStep(0, createdAt);
    }

    /**
     * Applies the transitions that are due at {@code now}: clock-timed steps whose time is up, and, when
     * {@code pollBudgets}, observation-counted steps whose observations are used up. Inspection from a test
     * settles without poll budgets, so it shows what the last poll saw.
     */
    void settle(Instant now, boolean pollBudgets) {
        while (!terminal) {
            RunScript.Step step = steps.get(stepIndex);
            Instant transitionAt;
            if (step.isTimed()) {
                Instant due = stepEnteredAt.plus(step.duration());
                if (now.isBefore(due)) {
                    break;
                }
                transitionAt = due;
            } else {
                if (!pollBudgets || pollsInStep < step.polls()) {
                    break;
                }
                transitionAt = now;
            }
            enterStep(stepIndex + 1, transitionAt);
        }
    }

    /** One observation of the current state by a client ({@code runs/get}, a {@code runs/list} page). */
    void countObservation() {
        if (!terminal) {
            pollsInStep++;
        }
    }

    /** Moves to the next step now, whatever its budget. */
    void advance(Instant now) {
        if (!terminal) {
            enterStep(stepIndex + 1, now);
        }
    }

    /** Ends the run now with {@code finalOutcome}. */
    void finish(Instant now, RunOutcome finalOutcome) {
        if (terminal) {
            throw new IllegalStateException("run " + runId + " already ended " + outcome);
        }
        this.outcome = finalOutcome;
        this.steps = List.of();
        enterStep(0, now);
    }

    /** runs/cancel: no-op when already terminal or cancelling. */
    void cancel(Instant now) {
        settle(now, false);
        if (terminal || cancelRequested) {
            return;
        }
        cancelRequested = true;
        outcome = RunOutcome.canceled();
        steps = cancelPolls > 0 ? List.of(RunScript.Step.polls("TERMINATING", cancelPolls)) : List.of();
        enterStep(0, now);
    }

    private void enterStep(int index, Instant at) {
        stepIndex = index;
        pollsInStep = 0;
        stepEnteredAt = at;
        if (index >= steps.size()) {
            terminal = true;
            endedAt = at;
            taskEnds = computeTaskEnds(outcome);
        } else if ("RUNNING".equals(steps.get(index).lifeCycleState()) && runningSince == null) {
            runningSince = at;
        }
    }

    boolean isTerminal() {
        return terminal;
    }

    String lifeCycleState() {
        return terminal ? outcome.lifeCycleState() : steps.get(stepIndex).lifeCycleState();
    }

    /** The outcome: final once {@link #isTerminal()}, otherwise the one the script ends with. */
    RunOutcome outcome() {
        return outcome;
    }

    Instant runningSince() {
        return runningSince;
    }

    Instant endedAt() {
        return endedAt;
    }

    TaskEnd taskEnd(String taskKey) {
        return taskEnds.get(taskKey);
    }

    private Map<String, TaskEnd> computeTaskEnds(RunOutcome o) {
        Map<String, TaskEnd> ends = new LinkedHashMap<>();
        if (!o.failsTasks()) {
            TaskEnd same = new TaskEnd(o.lifeCycleState(), o.resultState(), o.taskMessage(),
                    o.userCancelledOrTimedOut(), o.terminationCode(), o.terminationType());
            tasks.forEach(t -> ends.put(t.taskKey(), same));
            return ends;
        }
        Set<String> failing = new HashSet<>();
        for (StoredTask t : tasks) {
            if (o.failedTaskKeys().contains(t.taskKey())) {
                failing.add(t.taskKey());
            }
        }
        if (failing.isEmpty() && !tasks.isEmpty()) {
            failing.add(tasks.get(tasks.size() - 1).taskKey());
        }
        Set<String> upstreamFailed = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StoredTask t : tasks) {
                if (failing.contains(t.taskKey()) || upstreamFailed.contains(t.taskKey())) {
                    continue;
                }
                for (String dependency : t.dependsOn()) {
                    if (failing.contains(dependency) || upstreamFailed.contains(dependency)) {
                        upstreamFailed.add(t.taskKey());
                        changed = true;
                        break;
                    }
                }
            }
        }
        for (StoredTask t : tasks) {
            if (failing.contains(t.taskKey())) {
                ends.put(t.taskKey(), new TaskEnd("TERMINATED", "FAILED", o.taskMessage(), false,
                        o.terminationCode(), o.terminationType()));
            } else if (upstreamFailed.contains(t.taskKey())) {
                ends.put(t.taskKey(), new TaskEnd("TERMINATED", "UPSTREAM_FAILED", "Upstream task(s) failed.", false,
                        "SKIPPED", "SUCCESS"));
            } else {
                ends.put(t.taskKey(), new TaskEnd("TERMINATED", "SUCCESS", "", false, "SUCCESS", "SUCCESS"));
            }
        }
        return ends;
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
