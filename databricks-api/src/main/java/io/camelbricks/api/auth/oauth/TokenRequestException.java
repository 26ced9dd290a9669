package io.camelbricks.api.auth.oauth;

import io.camelbricks.api.DatabricksException;

/**
 * An OAuth endpoint answered with an error status: carries the HTTP status and the OAuth {@code error} code
 * ({@code invalid_grant}, {@code invalid_client}, ...; empty when the body had none), so that callers can tell a
 * rejected grant (log in again) from a network failure (try later). The message never contains a secret.
 */
public final class TokenRequestException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public TokenRequestException(String message, int status, String error) {
        super(message);
        this.status = status;
        this.error = error == null ? "" : error;
    }

    public int status() {
        return status;
    }

    /** The OAuth error code, or empty. */
    public String error() {
        return error;
    }

    /** Whether the server rejected the request itself (4xx), as opposed to failing (5xx). */
    public boolean isRejection() {
        return status >= 400 && status < 500;
    }
}
