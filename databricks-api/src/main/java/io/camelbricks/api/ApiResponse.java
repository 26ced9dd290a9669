package io.camelbricks.api;

import java.util.List;
import java.util.Map;

/**
 * A successful answer with its HTTP status and headers, for callers that need more than the typed body (e.g. the
 * Camel component's {@code CamelDatabricksStatusCode} header).
 *
 * @param status  HTTP status (2xx)
 * @param headers response headers, in the order received
 * @param body    the typed response ({@code null} for {@code Void} operations)
 * @param retries attempts of the call beyond the first (retried 429, 5xx, connection errors, a re-authentication)
 * @param <R>     response type
 */
public record ApiResponse<R>(int status, List<Map.Entry<String, String>> headers, R body, int retries) {

    /** An answer to a first attempt. */
    public ApiResponse(int status, List<Map.Entry<String, String>> headers, R body) {
        this(status, headers, body, 0);
    }

    /** This answer, reached after {@code retries} retries. */
    public ApiResponse<R> withRetries(int retries) {
        return new ApiResponse<>(status, headers, body, retries);
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
