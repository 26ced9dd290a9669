package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides which {@link RunScript} a new run follows, first match wins:
 * <ol>
 *   <li>scripts queued for the next runs ({@code failNextRun}, {@code scriptNextRun}), in order;</li>
 *   <li>rules ({@code scriptRunsWhere}), in the order they were added;</li>
 *   <li>failure markers in a task's code location (notebook path, python file, ...): {@code internal-error} or
 *       {@code internal_error} → INTERNAL_ERROR; {@code fail} → that task FAILED (default timing);</li>
 *   <li>the default script.</li>
 * </ol>
 */
final class RunScriptRules {

    private record Rule(Predicate<RunSpec> predicate, RunScript script) {
    }

    private final RunScript initialDefault;
    private final boolean failureMarkers;
    private RunScript defaultScript;
    private final Deque<RunScript> next = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();

    RunScriptRules(RunScript defaultScript, boolean failureMarkers) {
        this.initialDefault = Objects.requireNonNull(defaultScript, "defaultScript");
        this.defaultScript = defaultScript;
        this.failureMarkers = failureMarkers;
    }

    synchronized RunScript defaultScript() {
        return defaultScript;
    }

    synchronized void defaultScript(RunScript script) {
        this.defaultScript = Objects.requireNonNull(script, "script");
    }

    synchronized void scriptNextRun(RunScript script) {
        next.addLast(Objects.requireNonNull(script, "script"));
    }

    synchronized void scriptNextRunEndingWith(RunOutcome outcome) {
        next.addLast(defaultScript.endingWith(outcome));
    }

    synchronized void addRule(Predicate<RunSpec> predicate, RunScript script) {
        rules.add(new Rule(Objects.requireNonNull(predicate, "predicate"), Objects.requireNonNull(script, "script")));
    }

    synchronized void reset() {
        next.clear();
        rules.clear();
        defaultScript = initialDefault;
    }

    synchronized RunScript scriptFor(RunSpec spec) {
        RunScript queued = next.pollFirst();
        if (queued != null) {
            return queued;
        }
        for (Rule rule : rules) {
            if (rule.predicate().test(spec)) {
                return rule.script();
            }
        }
        if (failureMarkers) {
            RunOutcome marked = outcomeFromMarkers(spec);
            if (marked != null) {
                return defaultScript.endingWith(marked);
            }
        }
        return defaultScript;
    }

    private static RunOutcome outcomeFromMarkers(RunSpec spec) {
        List<String> failing = new ArrayList<>();
        for (ObjectNode task : spec.tasks()) {
            String location = RunSpec.codeLocation(task).toLowerCase(Locale.ROOT);
            String key = task.path("task_key").asText();
            if (location.contains("internal-error") || location.contains("internal_error")) {
                return RunOutcome.internalError("Emulated internal error while running task " + key + ".");
            }
            if (location.contains("fail")) {
                failing.add(key);
            }
        }
        return failing.isEmpty() ? null
                : RunOutcome.failedTasks(failing, "Workload failed, see run output for details.");
    }
}
