package io.camelbricks.examples.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.oauth.Consent;
import io.camelbricks.api.auth.oauth.OAuthClient;
import io.camelbricks.api.auth.oauth.SessionCredentials;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.ClustersListRequest;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.emulator.DatabricksEmulator;

/**
 * A small web application where every user signs in with their own Databricks identity (OAuth authorization code
 * + PKCE, the Python SDK's "Single-Sign-On with OAuth" in Java), on the JDK's HTTP server:
 * <ul>
 * <li>{@code GET /}: signed in, lists the clusters and jobs the user sees, calling Databricks as the user; otherwise
 *     redirects to {@code /login};</li>
 * <li>{@code GET /login}: {@link OAuthClient#initiateConsent()}, keeps the consent in the session, redirects the
 *     browser to Databricks;</li>
 * <li>{@code GET /callback}: checks state and redeems the code ({@link Consent#exchangeCallbackParameters}), keeps
 *     the {@link SessionCredentials} in the session;</li>
 * <li>{@code GET /logout}: forgets the session.</li>
 * </ul>
 * Sessions live in server memory behind an unguessable {@code HttpOnly}, {@code SameSite=Lax} cookie; tokens never
 * reach the browser. Run {@link #main} for a demo against an embedded emulator, or set {@code DATABRICKS_HOST},
 * {@code SSO_CLIENT_ID}, {@code SSO_CLIENT_SECRET} (confidential apps) and {@code SSO_PORT} for a workspace with an
 * app registered for {@code http://localhost:<port>/callback}.
 */
public final class SsoWebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SsoWebApp.class);
    private static final String COOKIE = "sso_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuthClient oauth;
    private final HttpServer server;
    private final String redirectUrl;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Map<String, Map<String, String>>> sessions = new ConcurrentHashMap<>();

    private SsoWebApp(HttpServer server, Function<String, OAuthClient> oauthForRedirect) {
        this.server = server;
        this.redirectUrl = "http://localhost:" + server.getAddress().getPort() + "/callback";
        this.oauth = oauthForRedirect.apply(redirectUrl);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves the app on 127.0.0.1:{@code port} (0: a free port). {@code oauthForRedirect} gets the redirect URL
     * ({@code http://localhost:<port>/callback}, to register for the app) and returns the app's OAuth client.
     */
    public static SsoWebApp start(int port, Function<String, OAuthClient> oauthForRedirect) throws IOException {
        return new SsoWebApp(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16),
                oauthForRedirect);
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (DatabricksException e) {
                LOG.info("request failed: {}", e.getMessage());
                page(exchange, 400, "Sign-in failed", "<p id=\"error\">" + escape(e.getMessage())
                        + "</p><p><a href=\"/login\">Sign in again</a></p>");
            } catch (RuntimeException e) {
                LOG.warn("request failed", e);
                page(exchange, 500, "Error", "<p>Something went wrong.</p>");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            page(exchange, 405, "Method not allowed", "<p>Only GET.</p>");
            return;
        }
        switch (path) {
            case "/" -> home(exchange);
            case "/login" -> login(exchange);
            case "/callback" -> callback(exchange);
            case "/logout" -> {
                String id = sessionId(exchange);
                if (id != null) {
                    sessions.remove(id);
                }
                redirect(exchange, "/", "Max-Age=0");
            }
            default -> page(exchange, 404, "Not found", "<p>Nothing here.</p>");
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Map<String, Map<String, String>> session = session(exchange);
        if (session == null || session.get("creds") == null) {
            redirect(exchange, "/login", null);
            return;
        }
        SessionCredentials credentials = SessionCredentials.fromMap(oauth, session.get("creds"));
        DatabricksConfig config = new DatabricksConfig().setHost(oauth.host()).setCredentialsProvider(credentials)
                .resolve(Map.of());
        StringBuilder html = new StringBuilder();
        try (WorkspaceClient w = new WorkspaceClient(config)) {
            html.append("<p>Signed in as <strong id=\"user\">").append(escape(w.currentUser().me().getUserName()))
                .append("</strong> (<a href=\"/logout\">sign out</a>)</p>\n<h2>Clusters</h2>\n<ul id=\"clusters\">");
            for (ClusterDetails c : w.clusters().list(new ClustersListRequest())) {
                html.append("<li>").append(escape(c.getClusterName())).append(" (")
                    .append(escape(String.valueOf(c.getState()))).append(")</li>");
            }
            html.append("</ul>\n<h2>Jobs</h2>\n<ul id=\"jobs\">");
            for (BaseJob j : w.jobs().list(new JobsListRequest())) {
                html.append("<li>").append(j.getJobId()).append(": ")
                    .append(escape(j.getSettings() == null ? "" : j.getSettings().getName())).append("</li>");
            }
            html.append("</ul>");
        }
        session.put("creds", credentials.toMap()); // a refresh may have rotated the tokens: keep the new ones
        page(exchange, 200, "Databricks SSO example", html.toString());
    }

    private void login(HttpExchange exchange) throws IOException {
        String id = sessionId(exchange);
        boolean fresh = id == null || !sessions.containsKey(id);
        if (fresh) {
            id = random();
            sessions.put(id, new ConcurrentHashMap<>());
        }
        Consent consent = oauth.initiateConsent();
        sessions.get(id).put("consent", consent.toMap());
        if (fresh) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        }
        redirect(exchange, consent.authorizationUrl(), null);
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, Map<String, String>> session = session(exchange);
        if (session == null) {
            throw new DatabricksException("no sign-in in progress for this browser");
        }
        Map<String, String> saved = session.remove("consent"); // one callback per consent
        Consent consent = Consent.fromMap(oauth, saved);
        SessionCredentials credentials = consent.exchangeCallbackParameters(query(exchange.getRequestURI().getRawQuery()));
        session.put("creds", credentials.toMap());
        redirect(exchange, "/", null);
    }

    // ---- HTTP helpers

    /** This browser's session, or null. */
    private Map<String, Map<String, String>> session(HttpExchange exchange) {
        String id = sessionId(exchange);
        return id == null ? null : sessions.get(id);
    }

    private static String sessionId(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=")) {
                    return c.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static void redirect(HttpExchange exchange, String location, String cookieAttributes) throws IOException {
        if (cookieAttributes != null) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; " + cookieAttributes);
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Runs the app until killed. Against a workspace: {@code DATABRICKS_HOST}, {@code SSO_CLIENT_ID},
     * {@code SSO_CLIENT_SECRET} (optional), {@code SSO_PORT} (default 8765). Otherwise an embedded emulator with a
     * registered app and two jobs.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("SSO_PORT", "8765"));
        DatabricksEmulator emulator = env.get("DATABRICKS_HOST") != null ? null : new DatabricksEmulator().start();
        SsoWebApp app = start(port, redirect -> {
            OAuthClient.Builder oauth = OAuthClient.builder().redirectUrl(redirect)
                    .scopes(List.of("all-apis", "offline_access"));
            if (emulator == null) {
                return oauth.host(env.get("DATABRICKS_HOST")).clientId(env.get("SSO_CLIENT_ID"))
                        .clientSecret(env.get("SSO_CLIENT_SECRET")).build();
            }
            emulator.jobs().createJob("nightly-etl");
            emulator.jobs().createJob("hourly-ingest");
            emulator.oauth().addApp("sso-example", "sso-example-secret", redirect);
            return oauth.host(emulator.url()).clientId("sso-example").clientSecret("sso-example-secret").build();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            if (emulator != null) {
                emulator.close();
            }
            stopped.countDown();
        }));
        LOG.info("SSO example at http://localhost:{}/ (against {})", app.port(),
                emulator != null ? "the embedded emulator at " + emulator.url() : env.get("DATABRICKS_HOST"));
        stopped.await();
    }
}
