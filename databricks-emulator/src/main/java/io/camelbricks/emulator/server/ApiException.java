package io.camelbricks.emulator.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the emulator answers with, in the Databricks shape {@code {"error_code": ..., "message": ...}}.
 * Handlers and filters throw it; {@link ErrorResponseWriter} turns it into the response.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final Map<String, String> headers;

    public ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, Map.of());
    }

    public ApiException(int status, String errorCode, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Extra response headers, e.g. {@code Allow} or {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    // ---- the error kinds the emulator uses (status and error_code as the real service sends them)

    public static ApiException unauthenticated() {
        return new ApiException(401, "UNAUTHENTICATED",
                "Credential was not sent or was of an unsupported type for this API.");
    }

    public static ApiException invalidAccessToken() {
        return new ApiException(403, "PERMISSION_DENIED", "Invalid access token.");
    }

    /** An OAuth access token past its lifetime: 401, so that clients fetch a new one and retry. */
    public static ApiException expiredAccessToken() {
        return new ApiException(401, "UNAUTHENTICATED", "Token is expired.");
    }

    /** A valid OAuth access token whose scopes do not include this API. */
    public static ApiException insufficientScope() {
        return new ApiException(403, "PERMISSION_DENIED", "Provided OAuth token does not have required scopes.");
    }

    public static ApiException endpointNotFound(String method, String apiPath) {
        return new ApiException(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + apiPath + "'");
    }

    public static ApiException methodNotAllowed(String method, String path, String allowed) {
        return new ApiException(405, "BAD_REQUEST",
                "Method " + method + " is not allowed for " + path + ". Allowed: " + allowed,
                Map.of("Allow", allowed));
    }

    public static ApiException malformedRequest(String detail) {
        return new ApiException(400, "MALFORMED_REQUEST", "Invalid JSON given in the body of the request - " + detail);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
    }

    public static ApiException missingField(String field) {
        return invalidParameter("Missing required field: " + field);
    }

    /**
     * A missing job, run or cluster. The Jobs and Clusters services answer 400 INVALID_PARAMETER_VALUE
     * ("Job 123 does not exist.") for legacy reasons, unlike most services (404 RESOURCE_DOES_NOT_EXIST);
     * the official SDKs remap it client-side. The emulator keeps the real wire behaviour.
     */
    public static ApiException legacyDoesNotExist(String message) {
        return invalidParameter(message);
    }

    /** The modern not-found shape (404 RESOURCE_DOES_NOT_EXIST), for services that use it. */
    public static ApiException resourceDoesNotExist(String message) {
        return new ApiException(404, "RESOURCE_DOES_NOT_EXIST", message);
    }

    public static ApiException internalError(String message) {
        return new ApiException(500, "INTERNAL_ERROR", message);
    }
}
