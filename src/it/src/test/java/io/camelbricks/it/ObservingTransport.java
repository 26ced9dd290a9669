package io.camelbricks.it;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelbricks.api.http.ApacheHttpTransport;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.http.TransportSettings;

/**
 * The client's default transport (Apache HttpClient 5, pooled), watched: tests wait on what really happened on the
 * wire (a refused connection, an answered poll) instead of sleeping.
 */
final class ObservingTransport implements HttpTransport {
    private final HttpTransport delegate;
    private final Semaphore refused = new Semaphore(0);
    private final Semaphore answeredPolls = new Semaphore(0);
    private final AtomicInteger refusedCount = new AtomicInteger();
    private final AtomicInteger otherFailures = new AtomicInteger();

    ObservingTransport(int timeoutSeconds, int maxConnections) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        this.delegate = new ApacheHttpTransport(new TransportSettings(timeout, timeout, maxConnections, false));
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        try {
            HttpResponse response = delegate.execute(request);
            if (response.status() == 200 && request.url().contains("/jobs/runs/get")) {
                answeredPolls.release();
            }
            return response;
        } catch (IOException e) {
            if (isRefused(e)) {
                refusedCount.incrementAndGet();
                refused.release();
            } else {
                otherFailures.incrementAndGet();
            }
            throw e;
        }
    }

    private static boolean isRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Waits until {@code n} more connections were refused (bounded, so a broken test fails instead of hanging). */
    void awaitRefused(int n) throws InterruptedException {
        if (!refused.tryAcquire(n, 60, TimeUnit.SECONDS)) {
            throw new AssertionError("the client did not try to connect " + n + " times");
        }
    }

    /** Forgets the polls answered so far; {@link #awaitAnsweredPoll()} then waits for the next one. */
    void forgetAnsweredPolls() {
        answeredPolls.drainPermits();
    }

    void awaitAnsweredPoll() throws InterruptedException {
        if (!answeredPolls.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no runs/get answered");
        }
    }

    int refusedCount() {
        return refusedCount.get();
    }

    /** Resets, timeouts, cut answers: failures other than a refused connection. */
    int otherFailures() {
        return otherFailures.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
