package io.camelbricks.api.retry;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket of {@code rate} requests per second with a burst of {@code rate}, shared by every request of one
 * client (the Go SDK's behaviour; the Java and Python SDKs parse {@code rate_limit} but never enforce it).
 * Implemented as GCRA: {@link #reserve()} books the next slot and says how long to wait for it, so the blocking
 * and the non-blocking paths share one accounting.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final long toleranceNanos;
    private final LongSupplier nanoTime;
    private long theoreticalArrival;
    private boolean started;

    public RateLimiter(int requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime);
    }

    public RateLimiter(int requestsPerSecond, LongSupplier nanoTime) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("rate_limit must be a positive number of requests per second, got "
                    + requestsPerSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
        this.toleranceNanos = intervalNanos * (requestsPerSecond - 1L);
        this.nanoTime = nanoTime;
    }

    /** Books one request; returns the nanoseconds to wait before sending it (0 when it may go now). */
    public synchronized long reserve() {
        long now = nanoTime.getAsLong();
        if (!started) {
            theoreticalArrival = now;
            started = true;
        }
        long start = Math.max(now, theoreticalArrival - toleranceNanos);
        theoreticalArrival = Math.max(theoreticalArrival, now) + intervalNanos;
        return start - now;
    }
}
