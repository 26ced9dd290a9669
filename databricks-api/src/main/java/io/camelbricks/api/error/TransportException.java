package io.camelbricks.api.error;

import io.camelbricks.api.DatabricksException;

/** The request did not get an HTTP answer: connection refused or reset, DNS failure, read timeout. */
public class TransportException extends DatabricksException {
    private final String request;

    public TransportException(String request, Throwable cause) {
        super(request + " failed: " + describe(cause), cause);
        this.request = request;
    }

    private static String describe(Throwable cause) {
        String type = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }

    /** The request line, e.g. {@code GET /api/2.2/jobs/get?job_id=1}. */
    public String getRequest() {
        return request;
    }
}
