package io.camelbricks.emulator.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a statement gets to its end: non-terminal steps ({@code PENDING} or {@code RUNNING}, each lasting a number of
 * looks or an amount of time on the emulator's clock), then an outcome: run the SQL on H2 (SUCCEEDED, or FAILED with
 * H2's error) or fail with a given error without running it.
 *
 * <p>A look is the answer of {@code POST /sql/statements} (when {@code wait_timeout} is not {@code 0s}) or of
 * {@code GET /sql/statements/{id}}. The SQL runs at the look that ends the last step, so a statement cancelled while
 * RUNNING changes nothing.
 *
 * <pre>{@code
 * StatementScript.immediate();                                  // the default: done at the first look
 * StatementScript.running(3);                                   // RUNNING for 3 looks, then runs
 * StatementScript.builder().pending(1).running(Duration.ofMinutes(2)).thenRun();
 * StatementScript.builder().running(2).thenFail("DEADLINE_EXCEEDED", "Query exceeded the timeout");
 * }</pre>
 */
public final class StatementScript {

    /** One non-terminal step: {@code polls} looks, or (when {@code duration} is set) that much clock time. */
    public record Step(String state, int polls, Duration duration) {
        public boolean timed() {
            return duration != null;
        }
    }

    private final List<Step> steps;
    private final String failCode;
    private final String failMessage;

    private StatementScript(List<Step> steps, String failCode, String failMessage) {
        this.steps = List.copyOf(steps);
        this.failCode = failCode;
        this.failMessage = failMessage;
    }

    /** No steps: the statement runs at its first look. */
    public static StatementScript immediate() {
        return new StatementScript(List.of(), null, null);
    }

    /** RUNNING for {@code polls} looks, then the SQL runs. */
    public static StatementScript running(int polls) {
        return builder().running(polls).thenRun();
    }

    /** RUNNING for {@code duration} of clock time, then the SQL runs. */
    public static StatementScript running(Duration duration) {
        return builder().running(duration).thenRun();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Step> steps() {
        return steps;
    }

    /** True when the statement fails with {@link #failCode()} instead of running. */
    public boolean fails() {
        return failCode != null;
    }

    public String failCode() {
        return failCode;
    }

    public String failMessage() {
        return failMessage;
    }

    @Override
    public String toString() {
        return "StatementScript" + steps + (fails() ? " then FAILED " + failCode : " then run");
    }

    /** Builder: steps in order, then {@link #thenRun()} or {@link #thenFail}. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        private Builder() {
        }

        public Builder pending(int polls) {
            return step("PENDING", polls);
        }

        public Builder pending(Duration duration) {
            return step("PENDING", duration);
        }

        public Builder running(int polls) {
            return step("RUNNING", polls);
        }

        public Builder running(Duration duration) {
            return step("RUNNING", duration);
        }

        private Builder step(String state, int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("polls must not be negative");
            }
            if (polls > 0) {
                steps.add(new Step(state, polls, null));
            }
            return this;
        }

        private Builder step(String state, Duration duration) {
            if (Objects.requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("duration must not be negative");
            }
            if (!duration.isZero()) {
                steps.add(new Step(state, 0, duration));
            }
            return this;
        }

        /** The SQL runs on H2: SUCCEEDED with its result, or FAILED with its error. */
        public StatementScript thenRun() {
            return new StatementScript(steps, null, null);
        }

        /** FAILED with {@code BAD_REQUEST} and this message, without running the SQL. */
        public StatementScript thenFail(String message) {
            return thenFail("BAD_REQUEST", message);
        }

        /** FAILED with this {@code ServiceErrorCode} ({@code DEADLINE_EXCEEDED}, {@code INTERNAL_ERROR}, ...). */
        public StatementScript thenFail(String errorCode, String message) {
            return new StatementScript(steps, Objects.requireNonNull(errorCode, "errorCode"),
                    Objects.requireNonNull(message, "message"));
        }
    }
}
