package io.camelbricks.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.registry.ResponseHeaders;

/**
 * An HTTP response whose body is an open stream. Closing the response (or fully reading and closing its body)
 * returns the connection to the pool.
 */
public final class HttpResponse implements AutoCloseable, ResponseHeaders {
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final InputStream body;
    private final AutoCloseable onClose;
    private final Runnable abort;

    public HttpResponse(int status, String reason, List<Map.Entry<String, String>> headers, InputStream body,
                        AutoCloseable onClose) {
        this(status, reason, headers, body, onClose, null);
    }

    /**
     * With {@code abort}: what drops the connection at once, without reading the rest of the body (closing an
     * unread body may otherwise drain it to keep the connection).
     */
    public HttpResponse(int status, String reason, List<Map.Entry<String, String>> headers, InputStream body,
                        AutoCloseable onClose, Runnable abort) {
        this.abort = abort;
        this.status = status;
        this.reason = reason == null ? "" : reason;
        this.headers = headers;
        this.body = body == null ? InputStream.nullInputStream() : body;
        this.onClose = onClose;
    }

    public int status() { return status; }

    public String reason() { return reason; }

    public List<Map.Entry<String, String>> headers() { return headers; }

    @Override
    public String first(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The body stream; the caller closes the response when done with it. */
    public InputStream body() { return body; }

    /** Reads the whole body and closes the response. */
    public byte[] readAllAndClose() throws IOException {
        try (this) {
            return body.readAllBytes();
        }
    }

    /**
     * Reads at most {@code limit} bytes of the body and closes the response (an unread rest is dropped with the
     * connection): error bodies are read this way, so a huge one costs bounded memory.
     */
    public byte[] readAtMostAndClose(int limit) throws IOException {
        byte[] head;
        boolean more;
        try {
            head = body.readNBytes(limit);
            more = body.read() != -1;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        if (more && abort != null) {
            abort.run();
            closeQuietly();
        } else {
            close();
        }
        return head;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    /** {@code HTTP/1.1 404 Not Found}. */
    public String statusLine() {
        return "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    @Override
    public void close() throws IOException {
        try {
            body.close();
        } finally {
            if (onClose != null) {
                try {
                    onClose.close();
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
