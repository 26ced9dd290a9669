package io.camelbricks.api.http;

import java.io.InputStream;
import java.util.Objects;

/**
 * A request body read once from a stream, with its own content type (e.g. a {@link MultipartForm}): the value of a
 * {@code BINARY} body field when {@code application/octet-stream} is not the right type. Sent as it is read, never
 * buffered; like any stream body it is not re-sent once the transport has read from it.
 *
 * @param contents    the bytes to send
 * @param length      the number of bytes, or -1 when unknown (then sent chunked)
 * @param contentType the {@code Content-Type} header, e.g. {@code multipart/form-data; boundary=...}
 */
public record StreamingBody(InputStream contents, long length, String contentType) {
    public StreamingBody {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(contentType, "contentType");
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or more, got " + length);
        }
    }
}
