package io.camelbricks.api.http;

import java.net.URI;
import java.util.concurrent.atomic.AtomicMarkableReference;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Builds the Apache request for an absolute URL without parsing the whole URL each time: the scheme and authority
 * ({@code https://adb-1.azuredatabricks.net}) are parsed once per distinct origin and kept (a client talks to one
 * workspace, so one entry almost always), the path and query are passed on as they are (already encoded).
 */
final class ApacheRequests {
    /** The origin of the last URL, parsed; replaced when a URL has another origin. */
    private volatile Origin last;

    CancellableRequest create(String method, String url) {
        int end = originEnd(url);
        Origin origin = last;
        if (origin == null || !url.startsWith(origin.text) || origin.text.length() != end) {
            origin = Origin.parse(url.substring(0, end));
            last = origin;
        }
        int fragment = url.indexOf('#', end);
        String path = fragment < 0 ? url.substring(end) : url.substring(end, fragment); // a fragment is never sent
        if (path.isEmpty() || path.charAt(0) == '?') {
            path = "/" + path;
        }
        return new CancellableRequest(method, origin.scheme, origin.authority, path);
    }

    /** Where the origin of {@code url} ends: the first '/', '?' or '#' after {@code scheme://}. */
    static int originEnd(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        for (int i = scheme + 3; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    /** A scheme and authority as Apache reads them from a URI. */
    private static final class Origin {
        final String text;
        final String scheme;
        final URIAuthority authority;

        private Origin(String text, String scheme, URIAuthority authority) {
            this.text = text;
            this.scheme = scheme;
            this.authority = authority;
        }

        static Origin parse(String origin) {
            // Apache's own reading of a URI (userinfo, IPv6 brackets, default ports), done once for this origin
            BasicHttpRequest parsed = new BasicHttpRequest("GET", URI.create(origin + "/"));
            return new Origin(origin, parsed.getScheme(), parsed.getAuthority());
        }
    }

    /**
     * A request that can be cancelled while it runs: cancelling it drops the connection of an answer not worth
     * reading to the end. Apache hands it what to cancel (the connection lease, then the connection) as the
     * request proceeds; a cancel before that cancels the next dependency at once.
     */
    static final class CancellableRequest extends BasicClassicHttpRequest implements CancellableDependency {
        private final AtomicMarkableReference<Cancellable> dependency = new AtomicMarkableReference<>(null, false);

        CancellableRequest(String method, String scheme, URIAuthority authority, String path) {
            super(method, scheme, authority, path);
        }

        @Override
        public void setDependency(Cancellable next) {
            boolean[] cancelled = new boolean[1];
            while (true) {
                Cancellable current = dependency.get(cancelled);
                if (cancelled[0]) {
                    if (next != null) {
                        next.cancel(); // cancelled before Apache got this far
                    }
                    return;
                }
                if (dependency.compareAndSet(current, next, false, false)) {
                    return;
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return dependency.isMarked();
        }

        @Override
        public boolean cancel() {
            boolean[] cancelled = new boolean[1];
            while (true) {
                Cancellable current = dependency.get(cancelled);
                if (cancelled[0]) {
                    return false;
                }
                if (dependency.compareAndSet(current, current, false, true)) {
                    if (current != null) {
                        current.cancel();
                    }
                    return true;
                }
            }
        }
    }
}
