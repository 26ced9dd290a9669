package io.camelbricks.emulator.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import java.util.Map;

/**
 * An OAuth 2.0 error answer (RFC 6749 section 5.2): {@code {"error":"invalid_grant","error_description":"..."}},
 * 400 or, for client authentication failures, 401. Descriptions never contain a secret.
 */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    OAuthError(int status, String error, String description, Map<String, String> headers) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, Map.of());
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description, Map.of());
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description, Map.of());
    }

    static OAuthError unsupportedGrantType(String grantType) {
        return new OAuthError(400, "unsupported_grant_type", "Unsupported grant_type: " + grantType, Map.of());
    }

    static OAuthError unauthorizedClient(String description) {
        return new OAuthError(400, "unauthorized_client", description, Map.of());
    }

    /** Client authentication failed; with Basic authentication the answer asks for it again (RFC 6749 5.2). */
    static OAuthError invalidClient(String description, boolean basic) {
        return new OAuthError(401, "invalid_client", description,
                basic ? Map.of("WWW-Authenticate", "Basic realm=\"oidc\"") : Map.of());
    }

    String error() {
        return error;
    }

    int status() {
        return status;
    }

    ApiResponse toResponse() {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", getMessage());
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put("Cache-Control", "no-store");
        return ApiResponse.json(status, body, h);
    }
}
