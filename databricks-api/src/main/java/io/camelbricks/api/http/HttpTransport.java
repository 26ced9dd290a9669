package io.camelbricks.api.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the response with its body still open. Implementations are thread-safe,
 * pooled, and never retry, redirect or keep cookies on their own: retries are the pipeline's decision.
 */
public interface HttpTransport extends AutoCloseable {

    HttpResponse execute(HttpRequest request) throws IOException;

    @Override
    void close();
}
