package io.camelbricks.emulator.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What the server acts out instead of (or around) a normal answer, as decided by a {@link FaultInjector} before the
 * request filters and the router run.
 *
 * @param action      what happens to the exchange
 * @param delay       real time to wait before acting (zero: none); the worker thread is not blocked meanwhile
 * @param error       the Databricks-shaped error to answer with ({@link Action#ERROR})
 * @param page        the response to answer with ({@link Action#PAGE}: an HTML error page)
 * @param description what was injected, for the request log ({@code "503"}, {@code "reset"}, ...)
 */
public record Fault(Action action, Duration delay, ApiException error, ApiResponse page, String description) {

    /** What happens to the exchange. */
    public enum Action {
        /** Answer normally (after {@link #delay()}). */
        PROCEED,
        /** Answer with {@link #error()}; the operation is not called. */
        ERROR,
        /** Answer with {@link #page()} as it is; the operation is not called. */
        PAGE,
        /** Close the connection without an answer; the operation is not called. */
        RESET,
        /** Call the operation, then close the connection without sending its answer (a lost answer). */
        LOSE_RESPONSE,
        /** Call the operation, declare its full Content-Length, send half of the body, close the connection. */
        TRUNCATE
    }

    public Fault {
        Objects.requireNonNull(action, "action");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        if (action == Action.ERROR && error == null || action == Action.PAGE && page == null) {
            throw new IllegalArgumentException(action + " needs its answer");
        }
    }
}
