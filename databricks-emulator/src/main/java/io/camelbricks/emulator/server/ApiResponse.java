package io.camelbricks.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body bytes (always sent with a Content-Length) and headers. */
public final class ApiResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;
    private final long streamLength;
    private final BodyWriter writer;

    /** Writes a streamed body (a file, a range of it) to the connection. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    private ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, -1, null);
    }

    private ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, long streamLength,
                        BodyWriter writer) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
        this.streamLength = streamLength;
        this.writer = writer;
    }

    /** Any bytes with any content type (downloads, XML errors of the emulated cloud storage). */
    public static ApiResponse bytes(int status, String contentType, byte[] body, Map<String, String> headers) {
        return new ApiResponse(status, contentType, body, headers);
    }

    /**
     * A body of {@code length} bytes written by {@code writer} straight to the connection, never held in memory
     * (file downloads). For HEAD requests nothing is written; put the length in a Content-Length header yourself.
     */
    public static ApiResponse stream(int status, String contentType, long length, Map<String, String> headers,
                                     BodyWriter writer) {
        return new ApiResponse(status, contentType, new byte[0], headers, length, writer);
    }

    /** True for {@link #stream} responses. */
    public boolean isStreamed() {
        return writer != null;
    }

    /** The length of a streamed body; -1 for others. */
    public long streamLength() {
        return streamLength;
    }

    /** Writes a streamed body. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        if (writer != null) {
            writer.writeTo(out);
        }
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body, Map.of());
    }

    public static ApiResponse json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new ApiResponse(status, "application/json", Json.MAPPER.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a Jackson tree", e);
        }
    }

    /** An HTML page (the OAuth server's login and consent pages). */
    public static ApiResponse html(int status, String html, Map<String, String> headers) {
        return new ApiResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@code 302 Found} with a {@code Location} header and no body. */
    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, "text/plain; charset=utf-8", new byte[0],
                Map.of("Location", location, "Cache-Control", "no-store"));
    }

    public static ApiResponse text(int status, String text) {
        return new ApiResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
