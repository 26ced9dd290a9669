package io.camelbricks.emulator.faults;

import io.camelbricks.emulator.server.Fault;
import java.time.Duration;
import java.util.Random;

/**
 * One registered fault: which requests, what happens, and when it fires. Created by
 * {@code emu.faults().on(...).respond(503)} and friends; adjust it with the chained methods (all return this).
 *
 * <p>When it fires, deterministically, for the k-th request that matches its pattern (1-based):
 * <ol>
 *   <li>{@link #skip(int) skip(n)}: never for k ≤ n;</li>
 *   <li>{@link #times(int) times(n)}: at most n times in all (so "the first n requests");</li>
 *   <li>{@link #every(int) every(n)}: only when (k − skipped) is a multiple of n;</li>
 *   <li>{@link #probability(double) probability(p)}: then with probability p, drawn from a {@link Random} seeded with
 *       {@link #seed(long)} (default 0): the same requests in the same order get the same faults.</li>
 * </ol>
 * Without any of them it fires for every matching request. Thread-safe; rules are consulted in registration order
 * and the first that fires wins.
 */
public final class FaultRule {

    private final PathPattern pattern;
    private final Fault.Action action;
    private final String what;
    private final FaultFactory factory;
    private int skip;
    private int times = -1;
    private int every = 1;
    private double probability = 1.0;
    private long seed;
    private Random random = new Random(0);
    private Duration delay;
    private Integer retryAfterSeconds;
    private long matched;
    private long injected;
    private volatile boolean removed;

    /** Builds the server's fault once the rule fires. */
    interface FaultFactory {
        Fault create(Duration delay, Integer retryAfterSeconds);
    }

    FaultRule(PathPattern pattern, Fault.Action action, String what, FaultFactory factory, Duration delay) {
        this.pattern = pattern;
        this.action = action;
        this.what = what;
        this.factory = factory;
        this.delay = delay == null ? Duration.ZERO : delay;
    }

    /** Fires at most {@code n} times (the first n matching requests, unless other conditions skip some). */
    public synchronized FaultRule times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        this.times = n;
        return this;
    }

    /** Fires once: {@code times(1)}. */
    public FaultRule once() {
        return times(1);
    }

    /** Fires for every n-th matching request (n, 2n, 3n, ... after the skipped ones). */
    public synchronized FaultRule every(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("every needs a positive n");
        }
        this.every = n;
        return this;
    }

    /** Lets the first {@code n} matching requests through untouched. */
    public synchronized FaultRule skip(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip must not be negative");
        }
        this.skip = n;
        return this;
    }

    /** Fires with probability {@code p} (0..1), from a seeded random sequence ({@link #seed(long)}, default 0). */
    public synchronized FaultRule probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + p);
        }
        this.probability = p;
        return this;
    }

    /** The seed of {@link #probability(double)}'s random sequence; restarts the sequence. */
    public synchronized FaultRule seed(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        return this;
    }

    /** Waits this long (real time, without holding a server thread) before acting out the fault. */
    public synchronized FaultRule withDelay(Duration delay) {
        this.delay = EmulatedFaults.checkDelay(delay);
        return this;
    }

    /** A {@code Retry-After} header (seconds) on the error answer (429 answers have 1 by default). */
    public synchronized FaultRule retryAfter(Duration retryAfter) {
        if (action != Fault.Action.ERROR && action != Fault.Action.PAGE) {
            throw new IllegalStateException("Retry-After goes with an error answer, not with " + what);
        }
        long seconds = retryAfter.toSeconds();
        if (seconds < 0) {
            throw new IllegalArgumentException("negative Retry-After");
        }
        this.retryAfterSeconds = (int) seconds;
        return this;
    }

    /** Requests that matched the pattern so far. */
    public synchronized long matchedCount() {
        return matched;
    }

    /** Times it fired so far. */
    public synchronized long injectedCount() {
        return injected;
    }

    /** Unregisters the rule. */
    public void remove() {
        removed = true;
    }

    boolean isRemoved() {
        return removed;
    }

    boolean matches(io.camelbricks.emulator.server.ApiRequest request) {
        return !removed && pattern.matches(request);
    }

    /** Counts a matching request and returns the fault when the rule fires for it, else null. */
    synchronized Fault next() {
        matched++;
        if (matched <= skip) {
            return null;
        }
        if (times >= 0 && injected >= times) {
            return null;
        }
        if ((matched - skip) % every != 0) {
            return null;
        }
        if (probability < 1.0 && random.nextDouble() >= probability) {
            return null;
        }
        injected++;
        return factory.create(delay, retryAfterSeconds);
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("on ").append(pattern).append(": ").append(what);
        if (!delay.isZero()) {
            sb.append(" after ").append(delay.toMillis()).append("ms");
        }
        if (skip > 0) {
            sb.append(", skip ").append(skip);
        }
        if (every > 1) {
            sb.append(", every ").append(every);
        }
        if (times >= 0) {
            sb.append(", times ").append(times);
        }
        if (probability < 1) {
            sb.append(", probability ").append(probability).append(" seed ").append(seed);
        }
        return sb.toString();
    }
}
