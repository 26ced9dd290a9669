package io.camelbricks.api.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the server said about a failed request.
 *
 * @param status      HTTP status
 * @param errorCode   Databricks {@code error_code} (or a code derived from the status line for non-JSON bodies)
 * @param message     the server's message, readable even for plain-text and HTML bodies
 * @param details     the {@code details} array ({@code @type}-tagged objects such as ErrorInfo), possibly empty
 * @param requestId   the request id (from {@code x-request-id} or a RequestInfo detail), or null
 * @param request     the request line, e.g. {@code GET /api/2.2/jobs/get?job_id=1}
 * @param retryAfter  the server's {@code Retry-After}, or null
 */
public record ErrorDetails(int status, String errorCode, String message, List<Map<String, Object>> details,
                           String requestId, String request, Duration retryAfter) {
    public ErrorDetails {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
