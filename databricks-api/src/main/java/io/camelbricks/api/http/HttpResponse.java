package io.camelbricks.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelbricks.api.registry.ResponseHeaders;

/**
 * An HTTP response whose body is an open stream. Closing the response (or fully reading and closing its body)
 * returns the connection to the pool.
 */
public final class HttpResponse implements AutoCloseable, ResponseHeaders {
    /** Bodies announced larger than this are read in chunks as they come, not into one array of the announced size. */
    static final long MAX_PRESIZED_BODY = 8L << 20;

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
            return readAll(body, announcedLength());
        }
    }

    /**
     * The whole of {@code in}, read into an array of the announced size when there is one (a JSON answer of a
     * kilobyte then costs a kilobyte, not the 16 KB chunks of {@link InputStream#readAllBytes()}). The size is a hint
     * only: a shorter body gives what came, a longer one (a body the transport decompressed) is read to its end.
     */
    static byte[] readAll(InputStream in, long announced) throws IOException {
        if (announced < 0 || announced > MAX_PRESIZED_BODY) {
            return in.readAllBytes();
        }
        byte[] head = new byte[(int) announced];
        int n = in.readNBytes(head, 0, head.length);
        if (n < head.length) {
            return Arrays.copyOf(head, n);
        }
        int next = in.read();
        if (next < 0) {
            return head;
        }
        byte[] rest = in.readAllBytes();
        byte[] all = Arrays.copyOf(head, n + 1 + rest.length);
        all[n] = (byte) next;
        System.arraycopy(rest, 0, all, n + 1, rest.length);
        return all;
    }

    /** The Content-Length the answer announced, or -1 (none, or not a number). */
    long announcedLength() {
        String length = first("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
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
