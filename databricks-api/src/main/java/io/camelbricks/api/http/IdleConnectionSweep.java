package io.camelbricks.api.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;

/**
 * Closes pooled connections that idled too long (or outlived their keep-alive), on the calling thread, at most once
 * per interval: each request gives it the chance. It replaces Apache HttpClient's evictor, which is one more
 * platform thread per client for a job that costs microseconds a minute. A client that makes no request keeps its
 * idle sockets until its next request or its close; a socket the server dropped meanwhile is never reused stale,
 * because the pool validates connections idle for more than 2 s before lending them.
 */
final class IdleConnectionSweep {
    /** How often a request sweeps, and how long a connection may idle in the pool. */
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_IDLE = Duration.ofMinutes(1);

    private final PoolingHttpClientConnectionManager connections;
    private final TimeValue maxIdle;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweep;

    IdleConnectionSweep(PoolingHttpClientConnectionManager connections) {
        this(connections, INTERVAL, MAX_IDLE, System::nanoTime);
    }

    IdleConnectionSweep(PoolingHttpClientConnectionManager connections, Duration interval, Duration maxIdle,
                        LongSupplier nanoClock) {
        this.connections = connections;
        this.maxIdle = TimeValue.ofMilliseconds(maxIdle.toMillis());
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + intervalNanos);
    }

    /** Sweeps when the interval has passed since the last sweep; one caller sweeps, the others go on at once. */
    void maybeSweep() {
        long now = nanoClock.getAsLong();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + intervalNanos)) {
            connections.closeExpired();
            connections.closeIdle(maxIdle);
        }
    }
}
