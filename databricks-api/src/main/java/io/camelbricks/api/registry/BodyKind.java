package io.camelbricks.api.registry;

/** What an operation sends as its HTTP body. */
public enum BodyKind {
    /** No body (GET, HEAD, most DELETEs). */
    NONE,
    /** The request object as JSON, minus the fields that travel as path or query parameters. */
    JSON,
    /** Only one field of the request, as JSON ({@code x-databricks-body-field}). */
    BODY_FIELD,
    /** A raw {@code application/octet-stream} body taken from an {@code InputStream} field. */
    BINARY
}
