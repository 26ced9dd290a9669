package io.camelbricks.api.logging;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.http.HttpRequest;

/**
 * Writes each HTTP round trip at DEBUG on the {@code io.camelbricks.api} logger, the way the Databricks SDK for
 * Python does: {@code > } request lines, {@code < } response lines, bodies through {@link BodyRedactor}, headers only
 * when {@code debug_headers} is on (credentials always masked). Nothing is computed when DEBUG is off.
 */
public final class RoundTripLogger {
    private static final Logger LOG = LoggerFactory.getLogger("io.camelbricks.api");

    private final BodyRedactor redactor;
    private final boolean headers;

    public RoundTripLogger(BodyRedactor redactor, boolean headers) {
        this.redactor = redactor;
        this.headers = headers;
    }

    public boolean isEnabled() {
        return LOG.isDebugEnabled();
    }

    /** Logs one round trip; {@code responseBody} null means a stream that was not read. */
    public void log(HttpRequest request, int status, String statusLine, List<Map.Entry<String, String>> responseHeaders,
                    byte[] responseBody, boolean responseIsStream) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(render(request, statusLine, responseHeaders, responseBody, responseIsStream));
        }
    }

    /** The text of one round trip, as {@link #log} writes it. */
    public String render(HttpRequest request, String statusLine, List<Map.Entry<String, String>> responseHeaders,
                         byte[] responseBody, boolean responseIsStream) {
        StringBuilder sb = new StringBuilder();
        sb.append("> ").append(request.method()).append(' ').append(request.pathAndQuery());
        if (headers) {
            for (Map.Entry<String, String> h : request.headers()) {
                sb.append("\n> * ").append(h.getKey()).append(": ").append(BodyRedactor.headerValue(h));
            }
        }
        if (request.body() != null) {
            appendLines(sb, "> ", redactor.render(request.body()));
        } else if (request.bodyStream() != null) {
            sb.append("\n> [raw stream]");
        }
        sb.append("\n< ").append(statusLine);
        if (headers && responseHeaders != null) {
            for (Map.Entry<String, String> h : responseHeaders) {
                sb.append("\n< * ").append(h.getKey()).append(": ").append(BodyRedactor.headerValue(h));
            }
        }
        if (responseIsStream) {
            sb.append("\n< [raw stream]");
        } else if (responseBody != null) {
            appendLines(sb, "< ", redactor.render(responseBody));
        }
        return sb.toString();
    }

    /** Logs a request that got no HTTP answer. */
    public void logFailure(HttpRequest request, Exception failure) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("> {} {}\n< no response: {}", request.method(), request.pathAndQuery(), failure.toString());
        }
    }

    private static void appendLines(StringBuilder sb, String prefix, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n")) {
            sb.append('\n').append(prefix).append(line);
        }
    }
}
