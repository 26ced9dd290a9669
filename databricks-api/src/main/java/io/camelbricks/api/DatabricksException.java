package io.camelbricks.api;

/** Base of every error the client raises (unchecked). Messages never contain secrets. */
public class DatabricksException extends RuntimeException {
    private volatile int retries;

    public DatabricksException(String message) {
        super(message);
    }

    public DatabricksException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Attempts of the failed call beyond the first (0 when it was not retried, or did not reach the wire). */
    public int getRetries() {
        return retries;
    }

    /** Set by the client when the call has its outcome. */
    void recordRetries(int retries) {
        this.retries = retries;
    }
}
