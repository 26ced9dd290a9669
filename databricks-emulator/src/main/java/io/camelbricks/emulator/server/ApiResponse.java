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

    private ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
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
