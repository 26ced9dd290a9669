package io.camelbricks.api.retry;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.TransportException;

/**
 * Decides whether a failed attempt is tried again, and when. Rules:
 * <ul>
 * <li>429 and 503 are retried for every request: Databricks answers them before doing anything;</li>
 * <li>500, 502, 504 and lost connections are retried only for idempotent requests (GET, HEAD, PUT, DELETE, waiter
 *     polls, and requests carrying an idempotency token);</li>
 * <li>failures to connect (refused, DNS, no route) are retried for every request: nothing reached the server;</li>
 * <li>known transient messages (e.g. {@code ClusterNotReadyException}) are retried;</li>
 * <li>a streamed body that was (even partly) read is never sent again;</li>
 * <li>the delay honours {@code Retry-After}, else grows exponentially with jitter up to {@code maxDelay};</li>
 * <li>everything stops when the next attempt would start after the time budget ({@code retry_timeout_seconds}).</li>
 * </ul>
 */
public final class RetryPolicy {
    private static final List<String> TRANSIENT_MESSAGES = List.of(
            "com.databricks.backend.manager.util.UnknownWorkerEnvironmentException",
            "does not have any associated worker environments",
            "There is no worker environment with id",
            "Unknown worker environment",
            "ClusterNotReadyException",
            "Unexpected error",
            "Please try again later or try a faster operation.",
            "RPC token bucket limit has been exceeded");

    private final Duration budget;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final boolean disabled;

    public RetryPolicy(Duration budget, Duration initialDelay, Duration maxDelay, boolean disabled) {
        this.budget = budget;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.disabled = disabled;
    }

    /** The defaults: budget from {@code retry_timeout_seconds}, delays 1 s doubling up to 10 s. */
    public static RetryPolicy withBudget(Duration budget, boolean disabled) {
        return new RetryPolicy(budget, Duration.ofSeconds(1), Duration.ofSeconds(10), disabled);
    }

    public Duration budget() {
        return budget;
    }

    /** The facts about one failed attempt. */
    public record Attempt(int number, boolean idempotent, boolean bodyReplayable, Duration elapsed) {
    }

    /** The delay before the next attempt, or empty to give up and raise {@code failure}. */
    public Optional<Duration> nextDelay(Attempt attempt, RuntimeException failure) {
        if (disabled || !attempt.bodyReplayable() || !isRetryable(failure, attempt.idempotent())) {
            return Optional.empty();
        }
        Duration delay = serverDelay(failure);
        if (delay == null) {
            delay = backoff(attempt.number());
        }
        if (attempt.elapsed().plus(delay).compareTo(budget) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    boolean isRetryable(RuntimeException failure, boolean idempotent) {
        if (failure instanceof DatabricksError error) {
            int status = error.getStatusCode();
            if (status == 429 || status == 503) {
                return true;
            }
            if (isTransientMessage(error.getServerMessage())) {
                return true;
            }
            return idempotent && (status == 500 || status == 502 || status == 504);
        }
        if (failure instanceof TransportException transport) {
            if (isCertificateProblem(transport.getCause())) {
                return false; // an untrusted or mismatched certificate stays so: fail at once, with the reason
            }
            return neverReachedServer(transport.getCause()) || (idempotent && !isInterruption(transport.getCause()));
        }
        return false;
    }

    private static boolean isTransientMessage(String message) {
        if (message == null) {
            return false;
        }
        for (String t : TRANSIENT_MESSAGES) {
            if (message.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean neverReachedServer(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof NoRouteToHostException || t instanceof PortUnreachableException
                    || t.getClass().getSimpleName().equals("ConnectionRequestTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCertificateProblem(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLPeerUnverifiedException
                    || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterruption(Throwable cause) {
        return cause instanceof InterruptedIOException && !(cause instanceof java.net.SocketTimeoutException)
                && cause.getClass() == InterruptedIOException.class;
    }

    private static Duration serverDelay(RuntimeException failure) {
        return failure instanceof DatabricksError error ? error.getRetryAfter() : null;
    }

    /** initial × 2^(n−1), capped, then jittered into [½, 1] of that. */
    Duration backoff(int attemptNumber) {
        long cap = maxDelay.toMillis();
        long base = initialDelay.toMillis() << Math.min(Math.max(attemptNumber - 1, 0), 20);
        long bounded = Math.min(cap, base);
        long half = bounded / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
