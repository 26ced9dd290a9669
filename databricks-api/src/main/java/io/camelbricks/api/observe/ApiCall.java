package io.camelbricks.api.observe;

import java.time.Duration;
import java.util.Objects;

import io.camelbricks.api.error.DatabricksError;

/**
 * One logical call of an {@link io.camelbricks.api.ApiClient} as its {@link ApiCallListener}s see it: once per
 * operation call (a page of a list, a poll of a waiter, a submit), after its last attempt, retries included. It
 * carries no request or response body, no header and no credential, so a listener cannot leak a secret.
 *
 * @param operation the operation id, {@code <package>.<Service>.<method>}, e.g. {@code jobs.Jobs.submit}
 * @param method    the HTTP method, e.g. {@code POST}
 * @param status    the HTTP status of the last attempt, or 0 when no answer came (connection refused, timeout)
 * @param attempts  how many attempts were sent (1 without retries)
 * @param duration  from the first attempt to the outcome, back-off delays included
 * @param failure   the error the call ended with, or null when it succeeded
 */
public record ApiCall(String operation, String method, int status, int attempts, Duration duration,
                      RuntimeException failure) {

    public ApiCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(duration, "duration");
    }

    /** The status of a call that ended with {@code failure}: the HTTP status Databricks answered, else 0. */
    public static int statusOf(RuntimeException failure) {
        return failure instanceof DatabricksError error ? error.getStatusCode() : 0;
    }

    /** Attempts beyond the first. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** What became of the call, for a metric tag. */
    public Outcome outcome() {
        if (failure == null) {
            return Outcome.SUCCESS;
        }
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        return status >= 400 ? Outcome.CLIENT_ERROR : Outcome.IO_ERROR;
    }

    /** The outcome of a call. */
    public enum Outcome {
        /** A 2xx answer. */
        SUCCESS,
        /** A 4xx answer (bad request, permission, not found, rate limit after the retries). */
        CLIENT_ERROR,
        /** A 5xx answer after the retries. */
        SERVER_ERROR,
        /** No HTTP answer: connection refused or reset, timeout, TLS failure, a client-side refusal. */
        IO_ERROR
    }
}
