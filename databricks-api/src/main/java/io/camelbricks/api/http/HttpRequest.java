package io.camelbricks.api.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelbricks.api.registry.HttpMethod;

/**
 * One HTTP request as the transport sends it: verb, absolute URL, headers and an optional body (bytes, which can be
 * re-sent, or a stream, which can be sent once).
 */
public final class HttpRequest {
    private final HttpMethod method;
    private final String url;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final InputStream bodyStream;
    private final long bodyLength;
    private final String contentType;

    private HttpRequest(HttpMethod method, String url, List<Map.Entry<String, String>> headers, byte[] body,
                        InputStream bodyStream, long bodyLength, String contentType) {
        this.method = Objects.requireNonNull(method, "method");
        this.url = Objects.requireNonNull(url, "url");
        this.headers = headers;
        this.body = body;
        this.bodyStream = bodyStream;
        this.bodyLength = bodyLength;
        this.contentType = contentType;
    }

    public static HttpRequest of(HttpMethod method, String url) {
        return new HttpRequest(method, url, new ArrayList<>(), null, null, -1, null);
    }

    /** A copy with a byte body (replayable). */
    public HttpRequest withBody(byte[] bytes, String contentType) {
        return new HttpRequest(method, url, new ArrayList<>(headers), bytes, null, bytes.length, contentType);
    }

    /** A copy with a streamed body (sent once; {@code length} -1 when unknown, sent chunked). */
    public HttpRequest withBodyStream(InputStream stream, long length, String contentType) {
        return new HttpRequest(method, url, new ArrayList<>(headers), null, stream, length, contentType);
    }

    /** A copy with one more header. */
    public HttpRequest withHeader(String name, String value) {
        checkHeader(name, value);
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers.size() + 1);
        copy.addAll(headers);
        copy.add(Map.entry(name, value));
        return new HttpRequest(method, url, copy, body, bodyStream, bodyLength, contentType);
    }

    /** A copy with these headers added. */
    public HttpRequest withHeaders(Map<String, String> more) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers.size() + more.size());
        copy.addAll(headers);
        more.forEach((k, v) -> {
            checkHeader(k, v);
            copy.add(Map.entry(k, v));
        });
        return new HttpRequest(method, url, copy, body, bodyStream, bodyLength, contentType);
    }

    /** A copy with these headers, checked when they were made, added. */
    public HttpRequest withHeaders(CheckedHeaders more) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers.size() + more.entries().size());
        copy.addAll(headers);
        copy.addAll(more.entries());
        return new HttpRequest(method, url, copy, body, bodyStream, bodyLength, contentType);
    }

    /**
     * Refuses a CR, LF or NUL in a header (which could smuggle headers or a second request); the message names the
     * header, never its value (it may be a credential).
     */
    static void checkHeader(String name, String value) {
        if (name == null || name.isEmpty() || hasControl(name)) {
            throw new IllegalArgumentException("invalid HTTP header name" + (name == null ? "" : " '"
                    + name.replaceAll("[\\r\\n\\x00]", "?") + "'") + "; refusing to send the request");
        }
        if (value != null && hasControl(value)) {
            throw new IllegalArgumentException("the value of HTTP header '" + name
                    + "' contains a CR, LF or NUL character (header injection); refusing to send the request");
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return true;
            }
        }
        return false;
    }

    public HttpMethod method() { return method; }

    public String url() { return url; }

    public List<Map.Entry<String, String>> headers() { return headers; }

    /** The first value of a header, by case-insensitive name. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The byte body, or null. */
    public byte[] body() { return body; }

    /** The streamed body, or null. */
    public InputStream bodyStream() { return bodyStream; }

    public long bodyLength() { return bodyLength; }

    public String contentType() { return contentType; }

    public boolean hasBody() { return body != null || bodyStream != null; }

    /** The path and query of the URL, for log lines and messages. */
    public String pathAndQuery() {
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }

    /** {@code GET /api/2.2/jobs/get?job_id=1}: never contains headers or bodies, so it is safe in messages. */
    @Override
    public String toString() {
        return method + " " + pathAndQuery();
    }
}
