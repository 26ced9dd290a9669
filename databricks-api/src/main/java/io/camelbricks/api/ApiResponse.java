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
 * @param <R>     response type
 */
public record ApiResponse<R>(int status, List<Map.Entry<String, String>> headers, R body) {

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
