package io.camelbricks.api;

/** Base of every error the client raises (unchecked). Messages never contain secrets. */
public class DatabricksException extends RuntimeException {
    public DatabricksException(String message) {
        super(message);
    }

    public DatabricksException(String message, Throwable cause) {
        super(message, cause);
    }
}
