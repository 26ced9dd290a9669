package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

/**
 * The web-app SSO API: OAuthClient → Consent (kept in a "session" as a map) → callback → SessionCredentials (kept as
 * a map) → a WorkspaceClient acting as the user, refreshed through the app's client.
 */
class WebAppSsoTest {
    static final String REDIRECT = "https://app.example.com/callback";

    private final ManualClock clock = new ManualClock();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DatabricksEmulator emu;
    private OAuthClient oauth;

    @BeforeEach
    void start() {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        emu.oauth().addApp("web-app", "web-secret", REDIRECT).accessTokenLifetime(Duration.ofMinutes(10));
        oauth = OAuthClient.builder().host(emu.url()).clientId("web-app").clientSecret("web-secret")
                .redirectUrl(REDIRECT).scopes(List.of("all-apis", "offline_access")).clock(clock).build();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** The user's browser: authorization page, "Allow", and the redirect's query (not followed: the app is fake). */
    private Map<String, String> userApproves(String authorizationUrl, String user) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(id.find()).as(page.body()).isTrue();
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl.substring(0,
                        authorizationUrl.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("request_id=" + id.group(1) + "&decision=allow&user="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        return ExternalBrowserTest.query(URI.create(location));
    }

    @Test
    void consentAndCredentialsSurviveTheSessionAsMapsAndActAsTheUser() throws Exception {
        Map<String, Object> session = new HashMap<>();
        Consent consent = oauth.initiateConsent();
        session.put("consent", new HashMap<>(consent.toMap()));
        assertThat(consent.toMap()).containsKeys("state", "verifier", "authorization_url", "redirect_url",
                "token_endpoint", "client_id");
        assertThat(ExternalBrowserTest.query(URI.create(consent.authorizationUrl())))
                .containsEntry("client_id", "web-app").containsEntry("redirect_uri", REDIRECT)
                .containsEntry("scope", "all-apis offline_access").containsEntry("code_challenge_method", "S256");

        Map<String, String> callback = userApproves(consent.authorizationUrl(), "dana@example.com");

        @SuppressWarnings("unchecked")
        Consent restored = Consent.fromMap(oauth, (Map<String, String>) session.get("consent"));
        SessionCredentials credentials = restored.exchangeCallbackParameters(callback);
        session.put("creds", new HashMap<>(credentials.toMap()));
        assertThat(emu.requests().matching(r -> r.path().equals("/oidc/v1/token")).get(0).headers().get("authorization"))
                .containsExactly("Basic ***"); // a confidential app authenticates with HTTP Basic

        @SuppressWarnings("unchecked")
        SessionCredentials fromSession = SessionCredentials.fromMap(oauth, (Map<String, String>) session.get("creds"));
        DatabricksConfig config = new DatabricksConfig().setHost(oauth.host()).setCredentialsProvider(fromSession)
                .resolve(Map.of()).setClock(clock);
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config))) {
            assertThat(w.currentUser().me().getUserName()).isEqualTo("dana@example.com");
            String refreshBefore = fromSession.toMap().get("refresh_token");
            clock.advance(Duration.ofMinutes(10));
            assertThat(w.currentUser().me().getUserName()).isEqualTo("dana@example.com");
            assertThat(emu.oauth().tokenRequests("refresh_token")).isEqualTo(1);
            assertThat(fromSession.toMap().get("refresh_token")).isNotEqualTo(refreshBefore); // rotated: save it back
            assertThat(fromSession.toMap().get("expiry")).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).toString());
        }
    }

    @Test
    void aCallbackWhoseStateIsNotTheConsentsIsRefusedBeforeAnyTokenRequest() throws Exception {
        Consent mine = oauth.initiateConsent();
        Consent someoneElses = oauth.initiateConsent();
        Map<String, String> callback = userApproves(someoneElses.authorizationUrl(), "eve@example.com");
        assertThatThrownBy(() -> mine.exchangeCallbackParameters(callback))
                .isInstanceOf(DatabricksException.class)
                .hasMessage("OAuth state mismatch: the callback does not belong to this login (stale or forged); "
                        + "start the login again");
        assertThat(emu.oauth().tokenRequests("authorization_code")).isZero();
    }

    @Test
    void errorsAndIncompleteCallbacksAreReported() {
        Consent consent = oauth.initiateConsent();
        assertThatThrownBy(() -> consent.exchangeCallbackParameters(Map.of("error", "access_denied",
                "error_description", "The user denied the request", "state", consent.state())))
                .hasMessage("OAuth login failed: access_denied: The user denied the request");
        assertThatThrownBy(() -> consent.exchangeCallbackParameters(Map.of("state", consent.state())))
                .hasMessage("OAuth callback without code or state");
    }

    @Test
    void aSavedConsentOfAnotherClientIsRefused() {
        Map<String, String> map = new HashMap<>(oauth.initiateConsent().toMap());
        map.put("client_id", "other-app");
        assertThatThrownBy(() -> Consent.fromMap(oauth, map)).hasMessageContaining("belongs to OAuth client other-app");
        assertThatThrownBy(() -> Consent.fromMap(oauth, Map.of())).hasMessageContaining("no OAuth login in progress");
    }

    @Test
    void aPublicAppFromAConfigurationSendsItsClientIdAndNoSecret() throws Exception {
        emu.oauth().addApp("public-app", null, REDIRECT);
        DatabricksConfig config = new DatabricksConfig().resolve(Map.of("DATABRICKS_HOST", emu.url(),
                "DATABRICKS_CLIENT_ID", "public-app", "DATABRICKS_REDIRECT_URL", REDIRECT, "DATABRICKS_SCOPES", "all-apis"))
                .setClock(clock);
        OAuthClient publicClient = OAuthClient.fromConfig(config);
        Consent consent = publicClient.initiateConsent();
        SessionCredentials credentials = consent.exchangeCallbackParameters(
                userApproves(consent.authorizationUrl(), "fay@example.com"));
        var tokenRequest = emu.requests().matching(r -> r.path().equals("/oidc/v1/token")).get(0);
        assertThat(tokenRequest.headers()).doesNotContainKey("authorization");
        assertThat(tokenRequest.bodyText()).contains("client_id=public-app", "code_verifier=***");
        assertThat(credentials.toMap()).doesNotContainKey("refresh_token"); // no offline_access asked
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(credentials::token).hasMessageContaining("has no refresh token");
    }

    @Test
    void toStringShowsNeitherStateNorVerifierNorTokens() throws Exception {
        Consent consent = oauth.initiateConsent();
        assertThat(consent.toString()).doesNotContain(consent.state())
                .doesNotContain(consent.toMap().get("verifier")).contains("state=***");
        SessionCredentials credentials = consent.exchangeCallbackParameters(
                userApproves(consent.authorizationUrl(), "gus@example.com"));
        Map<String, String> tokens = credentials.toMap();
        assertThat(credentials.toString()).doesNotContain(tokens.get("access_token"))
                .doesNotContain(tokens.get("refresh_token")).contains("accessToken=***", "refreshToken=***");
        assertThat(oauth.toString()).doesNotContain("web-secret").contains("clientSecret=***");
    }
}
