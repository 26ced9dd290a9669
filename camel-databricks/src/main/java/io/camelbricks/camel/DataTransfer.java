package io.camelbricks.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.camel.Exchange;

import io.camelbricks.api.ApiClient;

/**
 * A producer operation whose body is data rather than a JSON request or response: a file streamed up or down, or
 * the rows of a SQL statement. The producer hands the exchange over and completes it when the future does.
 */
interface DataTransfer extends AutoCloseable {
    /**
     * Starts the transfer of one exchange; the returned future completes once the message body and headers are
     * set. Blocking work runs on {@code blocking}, never on the caller's thread.
     */
    CompletableFuture<Void> start(Exchange exchange, ApiClient client, Executor blocking);

    /** The endpoint stops: give up or cancel what is in progress. */
    @Override
    default void close() {
    }
}
