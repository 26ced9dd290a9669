package io.camelbricks.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.camel.Exchange;

import io.camelbricks.api.ApiClient;

/**
 * What a producer does itself instead of the one REST call of its operation: a file streamed up or down, the rows of
 * a SQL statement, a client helper (see {@link DataOperations}). The producer hands the exchange over and completes
 * it when the future does.
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
