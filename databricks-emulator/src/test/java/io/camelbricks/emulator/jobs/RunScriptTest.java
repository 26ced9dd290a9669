package io.camelbricks.emulator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.server.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunScriptTest {

    @Test
    void defaultScriptIsOnePollPendingOnePollRunningThenSuccess() {
        RunScript s = RunScript.succeeds();
        assertThat(s.steps()).extracting(RunScript.Step::lifeCycleState).containsExactly("PENDING", "RUNNING");
        assertThat(s.steps()).extracting(RunScript.Step::polls).containsExactly(1, 1);
        assertThat(s.outcome().resultState()).isEqualTo("SUCCESS");
    }

    @Test
    void rejectsTerminalStatesAsStepsAndNonTerminalOutcomes() {
        assertThatThrownBy(() -> RunScript.builder().state("TERMINATED", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOutcome.of("RUNNING", "SUCCESS", "", "SUCCESS", "SUCCESS"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mixedPollAndClockStepsFollowTheirOwnBudgets() {
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
        RunScript script = RunScript.builder().pending(Duration.ofSeconds(10)).running(2).thenSucceed();
        StoredRun run = new StoredRun(1, 2, "r", "SUBMIT_RUN", List.of(), clock.instant(), null, null, null, script);

        List<String> seen = new ArrayList<>();
        seen.add(poll(run, clock));
        seen.add(poll(run, clock));
        clock.advance(Duration.ofSeconds(10));
        seen.add(poll(run, clock));
        seen.add(poll(run, clock));
        seen.add(poll(run, clock));
        assertThat(seen).containsExactly("PENDING", "PENDING", "RUNNING", "RUNNING", "TERMINATED");
        assertThat(run.runningSince()).isEqualTo(Instant.parse("2025-01-01T00:00:10Z"));
    }

    @Test
    void immediatelyTerminalScriptEndsAtCreation() {
        RunScript script = RunScript.immediately(RunOutcome.skipped("busy"));
        StoredRun run = new StoredRun(1, 2, "r", "JOB_RUN", List.of(), Instant.EPOCH, null, null, null, script);
        assertThat(run.isTerminal()).isTrue();
        assertThat(run.lifeCycleState()).isEqualTo("SKIPPED");
        assertThat(run.endedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void queuedScriptsComeBeforeRulesBeforeMarkersBeforeTheDefault() {
        RunScriptRules rules = new RunScriptRules(RunScript.succeeds(), true);
        RunScript special = RunScript.immediately(RunOutcome.success());
        RunScript queued = RunScript.immediately(RunOutcome.timedOut());
        rules.addRule(spec -> spec.runName().equals("special"), special);
        rules.scriptNextRun(queued);

        RunSpec specialFailing = spec("special", "/fail");
        assertThat(rules.scriptFor(specialFailing)).isSameAs(queued);
        assertThat(rules.scriptFor(specialFailing)).isSameAs(special);
        assertThat(rules.scriptFor(spec("other", "/will-fail")).outcome().resultState()).isEqualTo("FAILED");
        assertThat(rules.scriptFor(spec("other", "/ok"))).isSameAs(rules.defaultScript());
    }

    private static RunSpec spec(String name, String notebookPath) {
        var task = Json.object();
        task.put("task_key", "t");
        task.putObject("notebook_task").put("notebook_path", notebookPath);
        return new RunSpec("SUBMIT_RUN", 1, name, List.of(task));
    }

    private static String poll(StoredRun run, ManualClock clock) {
        run.settle(clock.instant(), true);
        run.countObservation();
        return run.lifeCycleState();
    }
}
