package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.oauth.IdTokenIssuer;

/**
 * env-oidc, file-oidc and github-oidc: ID tokens signed by a test identity provider, exchanged (RFC 8693) at the
 * emulator's token endpoint under a federation policy that verifies the signature.
 */
class WorkloadIdentityFederationTest {
    static final String SUBJECT = "repo:acme/etl:ref:refs/heads/main";

    private final ManualClock clock = new ManualClock();
    private final IdTokenIssuer idp = IdTokenIssuer.rs256("https://token.actions.githubusercontent.com");
    private DatabricksEmulator emu;
    private String audience;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        audience = emu.oauth().tokenEndpoint(); // the default audience: the token endpoint
        emu.oauth().addFederationPolicy(idp.policy().audience(audience).subject(SUBJECT).servicePrincipal("sp-fed").build());
        emu.oauth().accessTokenLifetime(Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private String idToken() {
        return idp.mint(SUBJECT, audience, clock.instant(), Duration.ofMinutes(5));
    }

    private DatabricksConfig config(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("DATABRICKS_HOST", emu.url());
        all.put("DATABRICKS_CLIENT_ID", "sp-fed");
        return new DatabricksConfig().resolve(all).setClock(clock);
    }

    private String whoAmI(DatabricksConfig config, CredentialsProvider provider) {
        config.setCredentialsProvider(provider);
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            return w.currentUser().me().getUserName();
        }
    }

    @Test
    void envOidcExchangesTheTokenFromDatabricksOidcToken() {
        DatabricksConfig config = config(Map.of("DATABRICKS_OIDC_TOKEN", idToken()));
        assertThat(whoAmI(config, new EnvOidcCredentialsProvider())).isEqualTo("sp-fed");
        String exchange = emu.requests().matching(r -> r.path().equals("/oidc/v1/token")).get(0).bodyText();
        assertThat(decode(exchange)).contains("grant_type=urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token_type=urn:ietf:params:oauth:token-type:jwt", "scope=all-apis", "client_id=sp-fed");
        assertThat(emu.oauth().tokenRequests(IdTokenExchange.GRANT_TYPE)).isEqualTo(1);
    }

    @Test
    void envOidcReadsTheVariableNamedByOidcTokenEnv() {
        DatabricksConfig config = config(Map.of("DATABRICKS_OIDC_TOKEN_ENV", "MY_ID_TOKEN", "MY_ID_TOKEN", idToken()));
        assertThat(whoAmI(config, new EnvOidcCredentialsProvider())).isEqualTo("sp-fed");
    }

    @Test
    void envOidcDoesNotApplyWithoutTheVariable() {
        assertThat(new EnvOidcCredentialsProvider().configure(config(Map.of()))).isEmpty();
    }

    @Test
    void aRejectedIdTokenFailsWithTheServersReasonButNotTheToken() {
        IdTokenIssuer forger = IdTokenIssuer.rs256(idp.issuer());
        String forged = forger.mint(SUBJECT, audience, clock.instant(), Duration.ofMinutes(5));
        DatabricksConfig config = config(Map.of("DATABRICKS_OIDC_TOKEN", forged));
        config.setCredentialsProvider(new EnvOidcCredentialsProvider());
        assertThatThrownBy(config::authenticate)
                .hasMessageContaining("env-oidc auth: token request to " + emu.url() + "/oidc/v1/token failed: "
                        + "HTTP 400 invalid_grant: subject_token is not accepted by any federation policy: signature")
                .hasMessageNotContaining(forged)
                .hasMessageNotContaining(forged.substring(forged.lastIndexOf('.') + 1));
    }

    @Test
    void fileOidcReadsTheFileForEveryExchange() throws Exception {
        Path file = tmp.resolve("token");
        Files.writeString(file, idToken() + "\n");
        DatabricksConfig config = config(Map.of("DATABRICKS_OIDC_TOKEN_FILEPATH", file.toString()));
        config.setCredentialsProvider(new FileOidcCredentialsProvider());
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-fed");
            clock.advance(Duration.ofMinutes(10)); // the Databricks token expired, and so did the first ID token
            Files.writeString(file, idToken());    // the platform rotated the file
            assertThat(w.currentUser().me().getUserName()).isEqualTo("sp-fed");
            assertThat(emu.oauth().tokenRequests(IdTokenExchange.GRANT_TYPE)).isEqualTo(2);
        }
    }

    @Test
    void fileOidcWithAMissingFileSaysSo() {
        DatabricksConfig config = config(Map.of("DATABRICKS_OIDC_TOKEN_FILEPATH", tmp.resolve("absent").toString()));
        config.setCredentialsProvider(new FileOidcCredentialsProvider());
        assertThatThrownBy(config::authenticate).hasMessageContaining(
                "file-oidc auth: oidc_token_filepath " + tmp.resolve("absent") + ": cannot read the ID token (NoSuchFileException)");
    }

    @Test
    void fileOidcDoesNotApplyWithoutAPath() {
        assertThat(new FileOidcCredentialsProvider().configure(config(Map.of()))).isEmpty();
    }

    @Test
    void githubOidcAsksGithubForATokenWithTheAudienceAndExchangesIt() {
        try (LoopbackServer github = new LoopbackServer()) {
            github.respondWith(r -> {
                if (!"Bearer gh-request-token".equals(r.header("Authorization"))) {
                    return Reply.json(401, "{\"message\":\"bad credentials\"}");
                }
                String aud = URLDecoder.decode(r.uri().substring(r.uri().indexOf("audience=") + 9), StandardCharsets.UTF_8);
                return Reply.ok("{\"count\":1,\"value\":\"" + idp.mint(SUBJECT, aud, clock.instant(), Duration.ofMinutes(5)) + "\"}");
            });
            DatabricksConfig config = config(Map.of(
                    "ACTIONS_ID_TOKEN_REQUEST_URL", github.url() + "/_apis/idtoken?api-version=2.0",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token"));
            assertThat(whoAmI(config, new GithubOidcCredentialsProvider())).isEqualTo("sp-fed");
            String requested = github.lastRequest().uri();
            assertThat(requested).startsWith("/_apis/idtoken?api-version=2.0&audience=");
            assertThat(URLDecoder.decode(requested, StandardCharsets.UTF_8)).endsWith("audience=" + audience);
        }
    }

    @Test
    void githubOidcUsesTokenAudienceWhenSet() {
        emu.oauth().addFederationPolicy(idp.policy().audience("my-audience").servicePrincipal("sp-fed").build());
        try (LoopbackServer github = new LoopbackServer()) {
            github.respondWith(r -> Reply.ok("{\"value\":\"" + idp.mint(SUBJECT, "my-audience", clock.instant(),
                    Duration.ofMinutes(5)) + "\"}"));
            DatabricksConfig config = config(Map.of(
                    "ACTIONS_ID_TOKEN_REQUEST_URL", github.url() + "/_apis/idtoken?api-version=2.0",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token",
                    "DATABRICKS_TOKEN_AUDIENCE", "my-audience"));
            assertThat(whoAmI(config, new GithubOidcCredentialsProvider())).isEqualTo("sp-fed");
            assertThat(github.lastRequest().uri()).endsWith("&audience=my-audience");
        }
    }

    @Test
    void githubOidcFailureNamesTheEndpointButNotTheRequestToken() {
        try (LoopbackServer github = new LoopbackServer()) {
            github.respondWith(r -> Reply.json(403, "{\"message\":\"no id-token permission\"}"));
            DatabricksConfig config = config(Map.of(
                    "ACTIONS_ID_TOKEN_REQUEST_URL", github.url() + "/_apis/idtoken?api-version=2.0",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token"));
            config.setCredentialsProvider(new GithubOidcCredentialsProvider());
            assertThatThrownBy(config::authenticate)
                    .hasMessageContaining("github-oidc auth: GET " + github.url() + "/_apis/idtoken failed: HTTP 403: no id-token permission")
                    .hasMessageNotContaining("gh-request-token");
        }
    }

    @Test
    void githubOidcDoesNotApplyOutsideActions() {
        assertThat(new GithubOidcCredentialsProvider().configure(config(Map.of()))).isEmpty();
    }

    private static String decode(String form) {
        return URLDecoder.decode(form, StandardCharsets.UTF_8);
    }
}
