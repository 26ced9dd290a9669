package io.camelbricks.api.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.DatabricksException;

/**
 * An error answered by the Databricks REST API. The subclass tells the kind (by {@code error_code}, then HTTP
 * status); the fields carry everything the server said.
 */
public class DatabricksError extends DatabricksException {
    private final transient ErrorDetails error;

    public DatabricksError(ErrorDetails error) {
        super(format(error));
        this.error = error;
    }

    private static String format(ErrorDetails e) {
        StringBuilder sb = new StringBuilder();
        if (e.errorCode() != null && !e.errorCode().isEmpty()) {
            sb.append(e.errorCode()).append(": ");
        }
        sb.append(e.message() == null || e.message().isEmpty() ? "request failed" : e.message());
        sb.append(" (HTTP ").append(e.status());
        if (e.request() != null) {
            sb.append(", ").append(e.request());
        }
        if (e.requestId() != null) {
            sb.append(", request id ").append(e.requestId());
        }
        return sb.append(')').toString();
    }

    public int getStatusCode() { return error.status(); }

    public String getErrorCode() { return error.errorCode(); }

    /** The server's message alone (without code, status and request). */
    public String getServerMessage() { return error.message(); }

    public List<Map<String, Object>> getDetails() { return error.details(); }

    public String getRequestId() { return error.requestId(); }

    /** The request line that failed, e.g. {@code POST /api/2.2/jobs/runs/submit}. */
    public String getRequest() { return error.request(); }

    /** The server's {@code Retry-After}, or null. */
    public Duration getRetryAfter() { return error.retryAfter(); }

    public ErrorDetails getError() { return error; }
}
