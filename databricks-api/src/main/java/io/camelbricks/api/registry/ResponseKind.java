package io.camelbricks.api.registry;

/** What an operation answers with. */
public enum ResponseKind {
    /** Nothing useful: the Java return type is {@code Void}. */
    NONE,
    /** A JSON document mapped onto the response type. */
    JSON,
    /** A raw stream (octet-stream or text/plain) handed over as an {@code InputStream}, with response headers. */
    BINARY
}
