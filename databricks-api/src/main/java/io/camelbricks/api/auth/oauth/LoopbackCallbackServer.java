package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.camelbricks.api.DatabricksException;

/**
 * The local end of an {@code external-browser} login: an HTTP server on the loopback interface at the redirect URL's
 * port (port 0: any free port, the redirect URL then names it) that waits for the one browser redirect carrying
 * {@code code} and {@code state}. Only {@code GET} on the redirect path counts; the page tells the user whether the
 * login worked (a wrong {@code state} is shown as an error, and the consent check then refuses the code).
 */
final class LoopbackCallbackServer implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final URI redirectUri;
    private final String path;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private volatile String expectedState;

    private LoopbackCallbackServer(HttpServer server, ExecutorService executor, URI redirectUri, String path) {
        this.servers.add(server);
        this.executor = executor;
        this.redirectUri = redirectUri;
        this.path = path;
    }

    /** Binds {@code 127.0.0.1:<port of redirectUrl>}; the redirect URL must be {@code http} on a loopback host. */
    static LoopbackCallbackServer start(String redirectUrl) {
        URI uri = URI.create(redirectUrl);
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || host == null
                || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))) {
            throw new DatabricksException("redirect_url " + redirectUrl
                    + " must be an http URL on localhost or 127.0.0.1 for external-browser logins");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        HttpServer server;
        try {
            InetAddress bind = host.equals("[::1]") ? InetAddress.getByName("::1") : InetAddress.getByName("127.0.0.1");
            server = HttpServer.create(new InetSocketAddress(bind, port), 8);
        } catch (IOException e) {
            throw new DatabricksException("cannot listen on " + host + ":" + port + " for the OAuth redirect ("
                    + e.getClass().getSimpleName() + "); is another login running? Set redirect_url to another port", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oauth-callback-" + server.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        URI actual = URI.create(uri.getScheme() + "://" + host + ":" + server.getAddress().getPort()
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        LoopbackCallbackServer callbackServer = new LoopbackCallbackServer(server, executor, actual, path);
        server.createContext("/", callbackServer::handle);
        server.start();
        if (host.equals("localhost")) {
            callbackServer.alsoOnIpv6(server.getAddress().getPort());
        }
        return callbackServer;
    }

    /** "localhost" may resolve to ::1 first in a browser: listen there too when IPv6 is available. */
    private void alsoOnIpv6(int port) {
        try {
            HttpServer v6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), port), 8);
            v6.setExecutor(executor);
            v6.createContext("/", this::handle);
            v6.start();
            servers.add(v6);
        } catch (IOException e) {
            // no IPv6 loopback: 127.0.0.1 alone serves the redirect
        }
    }

    /** The redirect URL with the bound port. */
    String redirectUrl() {
        return redirectUri.toString();
    }

    /** The state the callback must carry (shown as an error page otherwise). */
    void expectState(String state) {
        this.expectedState = state;
    }

    /** Waits for the callback's query parameters; {@code timeout} null or zero waits forever. */
    Map<String, String> await(Duration timeout) {
        try {
            return timeout == null || timeout.isZero() ? callback.get()
                    : callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DatabricksException("no OAuth redirect reached " + redirectUri + " within "
                    + timeout.toSeconds() + " s (oauth_browser_auth_timeout); was the login finished in the browser?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted while waiting for the OAuth redirect", e);
        } catch (ExecutionException e) {
            throw new DatabricksException("OAuth redirect failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getRawPath())) {
                respond(exchange, 404, "Not found", "This is the OAuth redirect of a Databricks login.");
                return;
            }
            if (callback.isDone()) {
                respond(exchange, 409, "Already answered", "This login is already complete.");
                return;
            }
            Map<String, String> params;
            try {
                params = parse(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, "Bad request", "The redirect's query is malformed.");
                return;
            }
            String state = params.get("state");
            String expected = expectedState;
            if (params.containsKey("error")) {
                respond(exchange, 400, "Login failed", params.get("error") + ": "
                        + params.getOrDefault("error_description", ""));
            } else if (expected != null && (state == null || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8)))) {
                respond(exchange, 400, "Login failed", "The answer does not belong to this login (state mismatch).");
            } else {
                respond(exchange, 200, "Login complete", "You are signed in. You can close this tab.");
            }
            callback.complete(params);
        }
    }

    private static void respond(HttpExchange exchange, int status, String title, String message) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p id=\"message\">" + escape(message)
                + "</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
