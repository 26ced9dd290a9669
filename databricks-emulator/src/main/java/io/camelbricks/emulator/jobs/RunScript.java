package io.camelbricks.emulator.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The scripted lifecycle of one run: a list of non-terminal {@link Step}s, then a terminal {@link RunOutcome}.
 *
 * <p>Each step lasts either a number of <b>observations</b> (a {@code runs/get} or {@code runs/list} answer that
 * shows the run) or an amount of time on the emulator's {@link java.time.Clock}. Nothing runs in the background:
 * a run is brought up to date whenever it is looked at, so a test decides exactly what each poll sees.
 *
 * <pre>{@code
 * RunScript.succeeds()                                    // PENDING for 1 poll, RUNNING for 1 poll, TERMINATED/SUCCESS
 * RunScript.builder().pending(2).running(3).thenFail("boom")
 * RunScript.builder().pending(Duration.ofSeconds(5)).running(Duration.ofMinutes(1)).thenSucceed()   // on the clock
 * }</pre>
 *
 * A {@code runs/cancel} ends the run CANCELED; with {@link Builder#cancelTakes(int)} it passes through
 * TERMINATING for that many observations first.
 */
public final class RunScript {

    private static final Set<String> STEP_STATES =
            Set.of("PENDING", "QUEUED", "BLOCKED", "RUNNING", "TERMINATING", "WAITING_FOR_RETRY");

    /**
     * One non-terminal state and how long the run stays in it: {@code polls} observations, or {@code duration}
     * of clock time (exactly one of the two).
     */
    public record Step(String lifeCycleState, int polls, Duration duration) {
        public Step {
            if (!STEP_STATES.contains(lifeCycleState)) {
                throw new IllegalArgumentException("not a non-terminal life_cycle_state: " + lifeCycleState
                        + " (expected one of " + STEP_STATES + ")");
            }
            if (duration == null ? polls < 0 : duration.isNegative()) {
                throw new IllegalArgumentException("negative step length");
            }
        }

        public static Step polls(String lifeCycleState, int polls) {
            return new Step(lifeCycleState, polls, null);
        }

        public static Step timed(String lifeCycleState, Duration duration) {
            return new Step(lifeCycleState, 0, Objects.requireNonNull(duration, "duration"));
        }

        public boolean isTimed() {
            return duration != null;
        }
    }

    private final List<Step> steps;
    private final RunOutcome outcome;
    private final int cancelPolls;

    private RunScript(List<Step> steps, RunOutcome outcome, int cancelPolls) {
        this.steps = List.copyOf(steps);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.cancelPolls = cancelPolls;
    }

    /** The default: PENDING for the first poll, RUNNING for the next, then TERMINATED / SUCCESS. */
    public static RunScript succeeds() {
        return builder().pending(1).running(1).thenSucceed();
    }

    /** Default timing, then TERMINATED / FAILED with {@code message}. */
    public static RunScript fails(String message) {
        return succeeds().endingWith(RunOutcome.failed(message));
    }

    /** Default timing, then life_cycle_state INTERNAL_ERROR with {@code message}. */
    public static RunScript internalError(String message) {
        return succeeds().endingWith(RunOutcome.internalError(message));
    }

    /** Already terminal when created: the first poll sees {@code outcome}. */
    public static RunScript immediately(RunOutcome outcome) {
        return new RunScript(List.of(), outcome, 0);
    }

    /** PENDING for {@code pending}, RUNNING for {@code running} of clock time, then SUCCESS. */
    public static RunScript timed(Duration pending, Duration running) {
        return builder().pending(pending).running(running).thenSucceed();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same steps, ending with another outcome. */
    public RunScript endingWith(RunOutcome other) {
        return new RunScript(steps, other, cancelPolls);
    }

    public List<Step> steps() {
        return steps;
    }

    public RunOutcome outcome() {
        return outcome;
    }

    /** Observations a cancelled run spends in TERMINATING before it is TERMINATED / CANCELED. */
    public int cancelPolls() {
        return cancelPolls;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s.lifeCycleState()).append('(').append(s.isTimed() ? s.duration() : s.polls() + " polls")
                    .append(") -> ");
        }
        return sb.append(outcome).toString();
    }

    /** Builds a script step by step; finish with one of the {@code then...} methods. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private int cancelPolls;

        private Builder() {
        }

        public Builder pending(int polls) {
            return step(Step.polls("PENDING", polls));
        }

        public Builder pending(Duration duration) {
            return step(Step.timed("PENDING", duration));
        }

        public Builder queued(int polls) {
            return step(Step.polls("QUEUED", polls));
        }

        public Builder queued(Duration duration) {
            return step(Step.timed("QUEUED", duration));
        }

        public Builder running(int polls) {
            return step(Step.polls("RUNNING", polls));
        }

        public Builder running(Duration duration) {
            return step(Step.timed("RUNNING", duration));
        }

        public Builder terminating(int polls) {
            return step(Step.polls("TERMINATING", polls));
        }

        /** Any non-terminal state for a number of observations. */
        public Builder state(String lifeCycleState, int polls) {
            return step(Step.polls(lifeCycleState, polls));
        }

        /** Any non-terminal state for an amount of clock time. */
        public Builder state(String lifeCycleState, Duration duration) {
            return step(Step.timed(lifeCycleState, duration));
        }

        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** A cancelled run is TERMINATING for this many observations before TERMINATED / CANCELED (default 0). */
        public Builder cancelTakes(int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("negative polls");
            }
            this.cancelPolls = polls;
            return this;
        }

        public RunScript thenSucceed() {
            return then(RunOutcome.success());
        }

        public RunScript thenFail(String message) {
            return then(RunOutcome.failed(message));
        }

        public RunScript thenInternalError(String message) {
            return then(RunOutcome.internalError(message));
        }

        public RunScript then(RunOutcome outcome) {
            return new RunScript(steps, outcome, cancelPolls);
        }
    }
}
