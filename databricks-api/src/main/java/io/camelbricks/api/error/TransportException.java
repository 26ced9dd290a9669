package io.camelbricks.api.error;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

import io.camelbricks.api.DatabricksException;

/** The request did not get an HTTP answer: connection refused or reset, DNS failure, read timeout. */
public class TransportException extends DatabricksException {
    private final String request;

    public TransportException(String request, Throwable cause) {
        this(request, null, cause);
    }

    /**
     * @param request the request line, e.g. {@code GET /api/2.2/jobs/get?job_id=1}
     * @param url     the URL it went to (only its host is used: to name a host that could not be resolved), or null
     * @param cause   what the transport raised
     */
    public TransportException(String request, String url, Throwable cause) {
        super(request + " failed: " + describe(url, cause), cause);
        this.request = request;
    }

    private static String describe(String url, Throwable cause) {
        String type = cause.getClass().getSimpleName();
        String plain = cause.getMessage() == null ? type : type + ": " + cause.getMessage();
        if (!isUnresolvedHost(cause)) {
            return plain;
        }
        // Apache HttpClient raises UnknownHostException (the resolver's words); java.net.http a ConnectException
        // without a message, caused by UnresolvedAddressException: say what happened, and to which host, either way
        String host = hostOf(url);
        return "the host name " + (host == null ? "" : host + " ") + "could not be resolved (DNS): " + plain
                + (cause.getMessage() == null ? " caused by " + rootOf(cause).getClass().getSimpleName() : "");
    }

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean isUnresolvedHost(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The request line, e.g. {@code GET /api/2.2/jobs/get?job_id=1}. */
    public String getRequest() {
        return request;
    }
}
