package io.camelbricks.api.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the response with its body still open. Implementations are thread-safe,
 * pooled, and never retry, redirect or keep cookies on their own: retries are the pipeline's decision.
 */
public interface HttpTransport extends AutoCloseable {

    HttpResponse execute(HttpRequest request) throws IOException;

    /**
     * Refuses at once, with the reason and what to do, a URL this transport cannot serve as configured (e.g. proxy
     * credentials it cannot send there); nothing is sent. A client calls it for its host when it is created, so a
     * configuration that cannot work fails then, not at the first request. The default accepts every URL.
     *
     * @throws io.camelbricks.api.DatabricksException naming the problem
     */
    default void checkCanSend(String url) {
    }

    @Override
    void close();
}
