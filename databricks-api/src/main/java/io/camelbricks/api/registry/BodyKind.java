package io.camelbricks.api.registry;

/** What an operation sends as its HTTP body. */
public enum BodyKind {
    /** No body (GET, HEAD, most DELETEs). */
    NONE,
    /** The request object as JSON, minus the fields that travel as path or query parameters. */
    JSON,
    /** Only one field of the request, as JSON ({@code x-databricks-body-field}). */
    BODY_FIELD,
    /**
     * A raw body taken from a field: an {@code InputStream} (sent as {@code application/octet-stream}) or a
     * {@link io.camelbricks.api.http.StreamingBody} with its own content type (a streamed multipart form).
     */
    BINARY
}
