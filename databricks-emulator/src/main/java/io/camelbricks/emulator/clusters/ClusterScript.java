package io.camelbricks.emulator.clusters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How long a cluster stays in each transitional state: PENDING (create, start), RESTARTING (restart, edit of a
 * running cluster), RESIZING (resize) and TERMINATING (delete). Each lasts either a number of <b>observations</b>
 * (a {@code clusters/get} answer, or a {@code clusters/list} page that shows the cluster) or an amount of time on the
 * emulator's {@link java.time.Clock}, like the steps of a run's {@code RunScript}. Nothing runs in the background.
 *
 * <pre>{@code
 * ClusterScript.defaults()                                         // each transitional state for 1 poll
 * ClusterScript.builder().pending(3).terminating(Duration.ofSeconds(30)).build()
 * ClusterScript.timed(Duration.ofMinutes(5))                       // every transition takes 5 minutes of clock time
 * }</pre>
 */
public final class ClusterScript {

    /** The transitional states a script times. */
    public static final Set<String> TRANSITIONAL_STATES = Set.of("PENDING", "RESTARTING", "RESIZING", "TERMINATING");

    /** How long one transitional state lasts: {@code polls} observations, or {@code duration} of clock time. */
    public record Step(String state, int polls, Duration duration) {
        public Step {
            if (!TRANSITIONAL_STATES.contains(state)) {
                throw new IllegalArgumentException("not a transitional cluster state: " + state + " (expected one of "
                        + TRANSITIONAL_STATES + ")");
            }
            if (duration == null ? polls < 0 : duration.isNegative()) {
                throw new IllegalArgumentException("negative step length");
            }
        }

        public boolean isTimed() {
            return duration != null;
        }
    }

    private final Map<String, Step> steps;

    private ClusterScript(Map<String, Step> steps) {
        this.steps = Map.copyOf(steps);
    }

    /** Every transitional state lasts one poll: a waiter sees e.g. PENDING once, then RUNNING. */
    public static ClusterScript defaults() {
        return builder().build();
    }

    /** Every transitional state lasts {@code duration} of clock time. */
    public static ClusterScript timed(Duration duration) {
        return builder().pending(duration).restarting(duration).resizing(duration).terminating(duration).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The step for a transitional state. */
    public Step step(String state) {
        return steps.get(state);
    }

    @Override
    public String toString() {
        return "ClusterScript" + steps.values();
    }

    /** Builds a script; states not set last one poll. */
    public static final class Builder {
        private final Map<String, Step> steps = new LinkedHashMap<>();

        private Builder() {
            for (String s : new String[] {"PENDING", "RESTARTING", "RESIZING", "TERMINATING"}) {
                steps.put(s, new Step(s, 1, null));
            }
        }

        public Builder pending(int polls) {
            return polls("PENDING", polls);
        }

        public Builder pending(Duration duration) {
            return timed("PENDING", duration);
        }

        public Builder restarting(int polls) {
            return polls("RESTARTING", polls);
        }

        public Builder restarting(Duration duration) {
            return timed("RESTARTING", duration);
        }

        public Builder resizing(int polls) {
            return polls("RESIZING", polls);
        }

        public Builder resizing(Duration duration) {
            return timed("RESIZING", duration);
        }

        public Builder terminating(int polls) {
            return polls("TERMINATING", polls);
        }

        public Builder terminating(Duration duration) {
            return timed("TERMINATING", duration);
        }

        private Builder polls(String state, int polls) {
            steps.put(state, new Step(state, polls, null));
            return this;
        }

        private Builder timed(String state, Duration duration) {
            steps.put(state, new Step(state, 0, Objects.requireNonNull(duration, "duration")));
            return this;
        }

        public ClusterScript build() {
            return new ClusterScript(steps);
        }
    }
}
