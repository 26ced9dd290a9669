package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/** oauth-m2m against the emulator's OAuth server: discovery, client credentials, expiry on a shared clock. */
class OAuthM2MEmulatorTest {
    private final ManualClock clock = new ManualClock();
    private DatabricksEmulator emu;

    @BeforeEach
    void start() {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        emu.oauth().addServicePrincipal("sp-id", "sp-secret").accessTokenLifetime(Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private DatabricksConfig workspace(String secret) {
        return new DatabricksConfig().setHost(emu.url()).setClientId("sp-id").setClientSecret(secret)
                .resolve(Map.of()).setClock(clock);
    }

    @Test
    void theServicePrincipalCallsTheApiWithATokenFromTheDiscoveredEndpoint() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(workspace("sp-secret")))) {
            assertThat(w.config().getAuthType()).isEqualTo("oauth-m2m");
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-id");
            assertThat(emu.requests().matching(r -> r.path().equals("/oidc/.well-known/oauth-authorization-server")))
                    .hasSize(1);
            assertThat(emu.oauth().tokenRequests("client_credentials")).isEqualTo(1);
            String tokenRequest = emu.requests().matching(r -> r.path().equals("/oidc/v1/token")).get(0).bodyText();
            assertThat(tokenRequest).contains("grant_type=client_credentials", "scope=all-apis")
                    .doesNotContain("sp-secret");
        }
    }

    @Test
    void anExpiredTokenIsReplacedBeforeTheNextCall() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(workspace("sp-secret")))) {
            w.currentUser().me();
            clock.advance(Duration.ofMinutes(10));
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-id");
            assertThat(emu.oauth().tokenRequests("client_credentials")).isEqualTo(2);
        }
    }

    @Test
    void aTokenTheServerConsidersExpiredIsReplacedOnceAfterThe401() {
        MutableClock clientClock = new MutableClock(clock.instant()); // the client's clock lags the server's
        DatabricksConfig config = workspace("sp-secret").setClock(clientClock);
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            w.currentUser().me();
            clock.advance(Duration.ofMinutes(11));
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-id");
            assertThat(emu.oauth().tokenRequests("client_credentials")).isEqualTo(2);
        }
    }

    @Test
    void aWrongSecretFailsAtStartupWithTheServersReasonAndNoSecret() {
        assertThatThrownBy(() -> workspace("not-the-secret").authenticate())
                .hasMessageContaining("oauth-m2m: token request to " + emu.url() + "/oidc/v1/token failed: HTTP 401 "
                        + "invalid_client: Client authentication failed")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void onAnAccountHostTheAccountTokenEndpointIsUsedWithoutDiscovery() throws Exception {
        String accounts = "https://accounts.cloud.databricks.com";
        DatabricksConfig config = new DatabricksConfig().setHost(accounts).setAccountId(emu.oauth().accountId())
                .setClientId("sp-id").setClientSecret("sp-secret").resolve(Map.of()).setClock(clock)
                .setAuthTransport(new RewritingTransport(accounts, emu.url()));
        HeaderFactory headers = new OAuthM2MCredentialsProvider().configure(config).orElseThrow();
        String authorization = headers.headers().get("Authorization");

        assertThat(emu.requests().matching(r -> r.path().contains("well-known"))).isEmpty();
        assertThat(emu.requests().matching(r -> r.path().equals(
                "/oidc/accounts/" + emu.oauth().accountId() + "/v1/token"))).hasSize(1);
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emu.url() + "/api/2.0/preview/scim/v2/Me")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userName\":\"sp-id\"");
    }

    @Test
    void aDiscoveryUrlPointsAtTheAccountMetadata() {
        DatabricksConfig config = new DatabricksConfig().setHost(emu.url()).setClientId("sp-id").setClientSecret("sp-secret")
                .setAttribute("discovery_url", emu.url() + "/oidc/accounts/" + emu.oauth().accountId()
                        + "/.well-known/oauth-authorization-server")
                .resolve(Map.of()).setClock(clock);
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-id");
            assertThat(emu.requests().matching(r -> r.path().endsWith("/v1/token")).get(0).path())
                    .isEqualTo("/oidc/accounts/" + emu.oauth().accountId() + "/v1/token");
        }
    }

    @Test
    void thirtyTwoThreadsCallingWhileTheTokenExpiresCauseExactlyOneRefreshAndNoFailure() throws Exception {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(workspace("sp-secret")))) {
            w.currentUser().me();
            clock.advance(Duration.ofMinutes(10)); // the token has expired for client and server alike
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return w.currentUser().me().getUserName();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<String> call : calls) {
                assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("sp-id");
            }
            pool.shutdown();
            assertThat(emu.oauth().tokenRequests("client_credentials")).as("one initial token, one refresh").isEqualTo(2);
        }
    }
}
