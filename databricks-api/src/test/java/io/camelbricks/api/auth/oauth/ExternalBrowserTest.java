package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/**
 * external-browser (U2M) end to end: a real HTTP client plays the browser (authorization page, form POST, 302 to the
 * loopback callback), the code is redeemed with PKCE, the tokens are cached (0600), reused without a browser and
 * refreshed with the refresh token once expired.
 */
class ExternalBrowserTest {
    private final ManualClock clock = new ManualClock();
    private DatabricksEmulator emu;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        emu.oauth().accessTokenLifetime(Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** A configuration as a developer has it: host and auth_type; HOME is a temporary directory. */
    private DatabricksConfig config(String... extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(),
                "DATABRICKS_HOST", emu.url(), "DATABRICKS_AUTH_TYPE", "external-browser",
                "DATABRICKS_REDIRECT_URL", "http://localhost:0/callback"));
        for (int i = 0; i < extraEnv.length; i += 2) {
            env.put(extraEnv[i], extraEnv[i + 1]);
        }
        return new DatabricksConfig().resolve(env).setClock(clock);
    }

    private WorkspaceClient client(DatabricksConfig config, BrowserOpener browser) {
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(browser));
        return new WorkspaceClient(TestClients.fast(config));
    }

    private Path cacheDir() {
        return home.resolve(".config/camelbricks/oauth");
    }

    @Test
    void theBrowserLoginGivesTheUsersTokensWhichAreCachedOwnerOnly() throws Exception {
        HttpClientBrowser browser = new HttpClientBrowser("alice@example.com");
        try (WorkspaceClient w = client(config(), browser)) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("alice@example.com");
            w.jobs().list(new JobsListRequest()).forEach(j -> { });
        }
        assertThat(browser.opened).hasValue(1);
        assertThat(browser.lastCallbackPage.statusCode()).isEqualTo(200);
        assertThat(browser.lastCallbackPage.body()).contains("You can close this tab");
        Map<String, String> query = query(browser.lastAuthorizationUrl);
        assertThat(query).containsEntry("client_id", "databricks-cli").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "all-apis offline_access");
        assertThat(query.get("redirect_uri")).matches("http://localhost:\\d+/callback");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(emu.oauth().tokenRequests("authorization_code")).isEqualTo(1);

        Path cache = onlyFile(cacheDir());
        assertThat(cache.getFileName().toString()).isEqualTo(FileTokenCache.key(emu.url(), "databricks-cli",
                java.util.List.of("all-apis", "offline_access")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir()))).isEqualTo("rwx------");
        assertThat(Files.readString(cache)).contains("\"refresh_token\"", "\"host\":\"" + emu.url() + "\"");
    }

    @Test
    void aSecondRunUsesTheCacheWithoutABrowserAndRefreshesOnceExpired() {
        HttpClientBrowser first = new HttpClientBrowser("alice@example.com");
        try (WorkspaceClient w = client(config(), first)) {
            w.currentUser().me();
        }
        HttpClientBrowser second = new HttpClientBrowser("mallory@example.com");
        try (WorkspaceClient w = client(config(), second)) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("alice@example.com");
            assertThat(second.opened).hasValue(0);

            clock.advance(Duration.ofMinutes(10)); // the access token is expired; the refresh token is not
            assertThat(w.currentUser().me().getUserName()).isEqualTo("alice@example.com");
        }
        assertThat(second.opened).hasValue(0);
        assertThat(emu.oauth().tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(emu.oauth().consentPagesServed()).isEqualTo(1);

        // the rotated refresh token was written back: a third run after expiry refreshes again, no browser
        clock.advance(Duration.ofMinutes(10));
        HttpClientBrowser third = new HttpClientBrowser("mallory@example.com");
        try (WorkspaceClient w = client(config(), third)) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("alice@example.com");
        }
        assertThat(third.opened).hasValue(0);
        assertThat(emu.oauth().tokenRequests("refresh_token")).isEqualTo(2);
    }

    @Test
    void aRevokedSessionFallsBackToTheBrowser() {
        try (WorkspaceClient w = client(config(), new HttpClientBrowser("alice@example.com"))) {
            w.currentUser().me();
        }
        emu.oauth().revokeAll();
        clock.advance(Duration.ofMinutes(10));
        HttpClientBrowser again = new HttpClientBrowser("alice@example.com");
        try (WorkspaceClient w = client(config(), again)) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("alice@example.com");
        }
        assertThat(again.opened).hasValue(1);
    }

    @Test
    void withoutRefreshTokensThereIsNoOfflineAccessAndAnExpiredLoginAsksTheBrowserAgain() {
        HttpClientBrowser browser = new HttpClientBrowser("alice@example.com");
        DatabricksConfig config = config("DATABRICKS_DISABLE_OAUTH_REFRESH_TOKEN", "true");
        try (WorkspaceClient w = client(config, browser)) {
            w.currentUser().me();
            assertThat(query(browser.lastAuthorizationUrl)).containsEntry("scope", "all-apis");
            clock.advance(Duration.ofMinutes(10));
            w.currentUser().me();
        }
        assertThat(browser.opened).hasValue(2);
        assertThat(emu.oauth().tokenRequests("refresh_token")).isZero();
    }

    @Test
    void aCallbackWithAForgedStateIsRejectedAndNoCodeIsRedeemed() {
        HttpClientBrowser forging = new HttpClientBrowser("alice@example.com",
                location -> location.replaceAll("state=[^&]+", "state=forged"));
        DatabricksConfig config = config();
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(forging));
        assertThatThrownBy(config::authenticate)
                .hasMessageContaining("external-browser auth: OAuth state mismatch");
        assertThat(forging.lastCallbackPage.statusCode()).isEqualTo(400);
        assertThat(forging.lastCallbackPage.body()).contains("state mismatch");
        assertThat(emu.oauth().tokenRequests("authorization_code")).isZero();
        assertThat(cacheDir()).doesNotExist();
    }

    @Test
    void aDeniedLoginReportsTheServersError() {
        BrowserOpener denying = url -> {
            Map<String, String> q = query(url);
            String callback = q.get("redirect_uri") + "?error=access_denied&error_description=The+user+denied&state="
                    + q.get("state");
            try {
                java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(callback))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                throw new java.io.IOException(e);
            }
        };
        DatabricksConfig config = config();
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(denying));
        assertThatThrownBy(config::authenticate)
                .hasMessageContaining("OAuth login failed: access_denied: The user denied");
    }

    @Test
    void withoutAnyAnswerTheLoginTimesOut() {
        DatabricksConfig config = config("DATABRICKS_OAUTH_BROWSER_AUTH_TIMEOUT", "1");
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(url -> { }));
        assertThatThrownBy(config::authenticate)
                .hasMessageContaining("no OAuth redirect reached http://localhost:")
                .hasMessageContaining("within 1 s (oauth_browser_auth_timeout)");
    }

    @Test
    void itNeverAppliesUnlessChosen() {
        DatabricksConfig config = new DatabricksConfig().setHost(emu.url()).resolve(Map.of("HOME", home.toString()));
        HttpClientBrowser browser = new HttpClientBrowser("alice@example.com");
        assertThat(new ExternalBrowserCredentialsProvider(browser).configure(config)).isEmpty();
        assertThat(browser.opened).hasValue(0);
    }

    @Test
    void aRedirectOffTheLoopbackIsRefused() {
        DatabricksConfig config = config("DATABRICKS_REDIRECT_URL", "https://evil.example.com/callback");
        config.setCredentialsProvider(new ExternalBrowserCredentialsProvider(new HttpClientBrowser("alice@example.com")));
        assertThatThrownBy(config::authenticate)
                .hasMessageContaining("must be an http URL on localhost or 127.0.0.1");
    }

    @Test
    void tokensNeverShowInToStringOrTheRequestLog() throws Exception {
        try (WorkspaceClient w = client(config(), new HttpClientBrowser("alice@example.com"))) {
            w.currentUser().me();
            com.fasterxml.jackson.databind.JsonNode token = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(onlyFile(cacheDir()).toFile()).path("token");
            String access = token.path("access_token").asText();
            String refresh = token.path("refresh_token").asText();
            assertThat(access).isNotEmpty();
            assertThat(w.config().toString()).doesNotContain(access).doesNotContain(refresh);
            assertThat(w.config().authenticate().toString()).doesNotContain(access);
            assertThat(emu.requests().all().toString() + emu.requests().all().stream()
                    .map(r -> r.bodyText() + r.headers()).toList()).doesNotContain(access).doesNotContain(refresh);
        }
    }

    static Map<String, String> query(URI url) {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return q;
    }

    static Path onlyFile(Path dir) {
        try (var files = Files.list(dir)) {
            var all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
