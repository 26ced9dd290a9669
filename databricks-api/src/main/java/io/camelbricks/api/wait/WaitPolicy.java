package io.camelbricks.api.wait;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a waiter polls: linearly growing from {@code initial} by {@code initial} per poll up to {@code max},
 * plus up to {@code jitter} of randomness (the SDKs' 1 s → 10 s schedule by default).
 */
public record WaitPolicy(Duration initial, Duration max, Duration jitter) {
    public static final WaitPolicy DEFAULT = new WaitPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMillis(750));

    /** A fixed interval without jitter (e.g. a Camel {@code pollInterval}). */
    public static WaitPolicy fixed(Duration interval) {
        return new WaitPolicy(interval, interval, Duration.ZERO);
    }

    /** The delay before poll number {@code attempt} (1-based). */
    public Duration delayBefore(int attempt) {
        long ms = Math.min(max.toMillis(), initial.toMillis() * Math.max(1, attempt));
        long j = jitter.toMillis();
        return Duration.ofMillis(ms + (j > 0 ? ThreadLocalRandom.current().nextLong(j + 1) : 0));
    }
}
