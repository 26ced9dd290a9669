package io.camelbricks.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A small loopback HTTP(S) server for the security tests, in one of three roles:
 * <ul>
 *   <li>{@link #relay}: a reverse proxy in front of the emulator (e.g. to put TLS in front of it);</li>
 *   <li>{@link #forwardProxy}: a plain (CONNECT-less) forward proxy for {@code http://} targets, optionally asking for
 *       basic credentials ({@code 407}); every request, whatever host it names, is forwarded to the emulator (which
 *       stands in for the world);</li>
 *   <li>{@link #answering}: answers every request with a fixed {@link Reply} (redirects, odd error bodies).</li>
 * </ul>
 * Every request is recorded with its request line and headers.
 */
final class LoopbackHttp implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "proxy-authorization", "proxy-connection", "transfer-encoding", "keep-alive");

    /** One request as the server saw it: the request-target (absolute for a proxy) and the headers. */
    record Seen(String method, URI uri, Map<String, List<String>> headers) {
        String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A fixed answer; {@code body} is repeated {@code repeat} times (so a huge body costs no memory here). */
    record Reply(int status, Map<String, String> headers, byte[] body, long repeat) {
        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                    body.getBytes(StandardCharsets.UTF_8), 1);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange, Seen seen) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    /** Bytes of {@link Reply} bodies written before the client went away. */
    private volatile long bytesWritten;

    private LoopbackHttp(InetAddress address, SSLContext tls, Handler handler) {
        try {
            InetSocketAddress at = new InetSocketAddress(address, 0);
            if (tls != null) {
                HttpsServer https = HttpsServer.create(at, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(at, 0);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                Seen s = new Seen(exchange.getRequestMethod(), exchange.getRequestURI(),
                        new TreeMap<>(exchange.getRequestHeaders()));
                seen.add(s);
                handler.handle(exchange, s);
            }
        });
        server.start();
    }

    /** A reverse proxy to {@code target} (e.g. the emulator's URL), over TLS when {@code tls} is given. */
    static LoopbackHttp relay(SSLContext tls, String target) {
        LoopbackHttp[] self = new LoopbackHttp[1];
        self[0] = new LoopbackHttp(InetAddress.getLoopbackAddress(), tls,
                (exchange, s) -> self[0].forward(exchange, target + pathAndQuery(s.uri())));
        return self[0];
    }

    /**
     * A forward proxy: every request goes to {@code emulator} (same path and query), whatever host its absolute
     * request-target names. With {@code proxyAuthorization} (a full header value), requests without it get
     * {@code 407 Proxy-Authenticate: Basic}.
     */
    static LoopbackHttp forwardProxy(String emulator, String proxyAuthorization) {
        LoopbackHttp[] self = new LoopbackHttp[1];
        self[0] = new LoopbackHttp(InetAddress.getLoopbackAddress(), null, (exchange, s) -> {
            if (proxyAuthorization != null && !proxyAuthorization.equals(s.header("Proxy-Authorization"))) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"it-proxy\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            self[0].forward(exchange, emulator + pathAndQuery(s.uri()));
        });
        return self[0];
    }

    /** Answers every request with {@code reply}, on {@code address} (e.g. 127.0.0.2, another loopback host). */
    static LoopbackHttp answering(InetAddress address, Reply reply) {
        LoopbackHttp[] self = new LoopbackHttp[1];
        self[0] = new LoopbackHttp(address, null, (exchange, s) -> self[0].reply(exchange, reply));
        return self[0];
    }

    static LoopbackHttp answering(Reply reply) {
        return answering(InetAddress.getLoopbackAddress(), reply);
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void forward(HttpExchange exchange, String url) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(url))
                .method(exchange.getRequestMethod(), body.length == 0 && !"POST".equals(exchange.getRequestMethod())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = forwarder.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }

    private void reply(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        long length = (long) reply.body().length * reply.repeat();
        exchange.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        try {
            for (long i = 0; i < reply.repeat(); i++) {
                out.write(reply.body());
                bytesWritten += reply.body().length;
            }
        } catch (IOException clientWentAway) {
            // expected for huge bodies: the client stops reading
        }
    }

    /** {@code http(s)://127.0.0.1:<port>}. */
    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        InetSocketAddress at = server.getAddress();
        return scheme + "://" + at.getAddress().getHostAddress() + ":" + at.getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
