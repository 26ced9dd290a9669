package io.camelbricks.emulator.commands;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a command of the Command Execution API stays Queued and then Running before it is Finished: a number of
 * observations (a {@code commands/status} answer) or an amount of time on the emulator's clock, like a cluster's
 * {@code ClusterScript}. Nothing runs in the background; a command is brought up to date when it is looked at.
 *
 * <pre>{@code
 * CommandScript.defaults()                                    // Queued for 1 poll, Running for 1 poll
 * CommandScript.of(Step.polls(0), Step.lasting(Duration.ofSeconds(30)))
 * }</pre>
 */
public record CommandScript(Step queued, Step running) {

    /** How long one state lasts: {@code polls} observations, or {@code duration} of clock time when set. */
    public record Step(int polls, Duration duration) {
        public Step {
            if (duration == null ? polls < 0 : duration.isNegative()) {
                throw new IllegalArgumentException("negative step length");
            }
        }

        public static Step polls(int polls) {
            return new Step(polls, null);
        }

        public static Step lasting(Duration duration) {
            return new Step(0, Objects.requireNonNull(duration, "duration"));
        }

        public boolean isTimed() {
            return duration != null;
        }
    }

    public CommandScript {
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(running, "running");
    }

    /** Queued for one poll, Running for one poll, then Finished. */
    public static CommandScript defaults() {
        return new CommandScript(Step.polls(1), Step.polls(1));
    }

    public static CommandScript of(Step queued, Step running) {
        return new CommandScript(queued, running);
    }
}
