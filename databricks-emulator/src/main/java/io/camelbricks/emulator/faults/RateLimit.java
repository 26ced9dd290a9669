package io.camelbricks.emulator.faults;

import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A per-endpoint rate limit like Databricks's: a token bucket shared by all requests that match its pattern, refilled
 * at {@code perSecond} on the <b>emulator's clock</b> (so a {@code ManualClock} makes it exact: nothing refills until
 * the test advances the clock), holding at most {@link #burst(int) burst} tokens (default: the rate, at least 1),
 * full at the start. A request that finds no token is answered
 * {@code 429 {"error_code":"REQUEST_LIMIT_EXCEEDED", ...}} with {@code Retry-After} (whole seconds until a token is
 * back, at least 1) and never reaches the operation.
 */
public final class RateLimit {

    private final PathPattern pattern;
    private final double perSecond;
    private int burst;
    private double tokens;
    private Instant last;
    private long allowed;
    private long rejected;
    private volatile boolean removed;

    RateLimit(PathPattern pattern, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate limit needs a positive rate: " + perSecond);
        }
        this.pattern = pattern;
        this.perSecond = perSecond;
        this.burst = (int) Math.max(1, Math.ceil(perSecond));
        this.tokens = burst;
    }

    /** At most {@code requests} in a burst (the bucket's size); refills to it. */
    public synchronized RateLimit burst(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("burst must be positive");
        }
        this.burst = requests;
        this.tokens = Math.min(tokens, requests);
        if (last == null) {
            this.tokens = requests;
        }
        return this;
    }

    /** Requests let through so far. */
    public synchronized long allowedCount() {
        return allowed;
    }

    /** Requests answered 429 so far. */
    public synchronized long rejectedCount() {
        return rejected;
    }

    public void remove() {
        removed = true;
    }

    boolean isRemoved() {
        return removed;
    }

    boolean matches(ApiRequest request) {
        return !removed && pattern.matches(request);
    }

    /** Takes a token; returns null when there was one, else the 429 to answer. */
    synchronized Fault take(Instant now) {
        if (last != null && now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsed * perSecond);
        }
        if (last == null || now.isAfter(last)) {
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            allowed++;
            return null;
        }
        rejected++;
        long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        ApiException error = new ApiException(429, "REQUEST_LIMIT_EXCEEDED",
                "Exceeded the rate limit of " + format(perSecond) + " requests per second for " + pattern
                        + ". Retry after " + retryAfter + " s.",
                Map.of("Retry-After", Long.toString(retryAfter)));
        return new Fault(Fault.Action.ERROR, Duration.ZERO, error, null, "429 rate-limit");
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public synchronized String toString() {
        return "rate limit " + pattern + ": " + format(perSecond) + "/s, burst " + burst;
    }
}
