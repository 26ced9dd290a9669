package io.camelbricks.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.server.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's OAuth server over real HTTP: discovery, the four grants, the consent page, API access. */
class OAuthServerTest {

    static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS =
            new DatabricksEmulatorExtension(EmulatorOptions.builder().clock(CLOCK).build());

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-verifier-0123456789";
    static final String REDIRECT = "http://localhost:8020/callback";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    DatabricksEmulator emu;

    @BeforeEach
    void fresh(DatabricksEmulator emulator) {
        emu = emulator;
        emu.reset();
    }

    @Nested
    class Discovery {
        @Test
        void workspaceMetadataNamesTheEndpointsWithoutAuthentication() throws Exception {
            HttpResponse<String> r = get("/oidc/.well-known/oauth-authorization-server", null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = JSON.readTree(r.body());
            assertThat(doc.path("issuer").asText()).isEqualTo(emu.url() + "/oidc");
            assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(emu.url() + "/oidc/v1/authorize");
            assertThat(doc.path("token_endpoint").asText()).isEqualTo(emu.url() + "/oidc/v1/token");
            assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
            assertThat(doc.path("grant_types_supported").toString()).contains("client_credentials",
                    "urn:ietf:params:oauth:grant-type:token-exchange");
        }

        @Test
        void accountMetadataUsesTheAccountPathsAndUnknownAccountsAre404() throws Exception {
            String base = "/oidc/accounts/" + emu.oauth().accountId();
            JsonNode doc = JSON.readTree(get(base + "/.well-known/oauth-authorization-server", null).body());
            assertThat(doc.path("token_endpoint").asText()).isEqualTo(emu.url() + base + "/v1/token");
            assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(emu.url() + base + "/v1/authorize");
            assertThat(get("/oidc/accounts/nope/.well-known/oauth-authorization-server", null).statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class ClientCredentials {
        @BeforeEach
        void servicePrincipal() {
            emu.oauth().addServicePrincipal("sp-id", "sp-secret");
        }

        @Test
        void basicHeaderGivesAnAccessTokenTheApiAccepts() throws Exception {
            JsonNode token = ok(token("/oidc/v1/token", basic("sp-id", "sp-secret"),
                    form("grant_type", "client_credentials", "scope", "all-apis")));
            assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
            assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
            assertThat(token.has("refresh_token")).isFalse();
            String access = token.path("access_token").asText();
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(get("/api/2.0/preview/scim/v2/Me", access).body()).path("userName").asText())
                    .isEqualTo("sp-id");
            assertThat(emu.oauth().tokenRequests("client_credentials")).isEqualTo(1);
        }

        @Test
        void bodyCredentialsWorkTooAndSecretsAreRedactedInTheRequestLog() throws Exception {
            ok(token("/oidc/v1/token", null,
                    form("grant_type", "client_credentials", "client_id", "sp-id", "client_secret", "sp-secret")));
            RecordedRequest recorded = emu.requests().last().orElseThrow();
            assertThat(recorded.bodyText()).contains("client_id=sp-id", "client_secret=***")
                    .doesNotContain("sp-secret");
        }

        @Test
        void aWrongSecretIs401InvalidClientWithoutTheSecret() throws Exception {
            HttpResponse<String> r = token("/oidc/v1/token", basic("sp-id", "wrong"), form("grant_type", "client_credentials"));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.path("error").asText()).isEqualTo("invalid_client");
            assertThat(r.body()).doesNotContain("wrong");
        }

        @Test
        void twoClientAuthenticationMethodsAtOnceAreRejected() throws Exception {
            HttpResponse<String> r = token("/oidc/v1/token", basic("sp-id", "sp-secret"),
                    form("grant_type", "client_credentials", "client_secret", "sp-secret"));
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("invalid_request");
        }

        @Test
        void accessTokensExpireOnTheEmulatorClockWith401() throws Exception {
            emu.oauth().accessTokenLifetime(Duration.ofMinutes(10));
            JsonNode token = ok(token("/oidc/v1/token", basic("sp-id", "sp-secret"), form("grant_type", "client_credentials")));
            assertThat(token.path("expires_in").asLong()).isEqualTo(600);
            String access = token.path("access_token").asText();
            CLOCK.advance(Duration.ofMinutes(10));
            HttpResponse<String> r = get("/api/2.2/jobs/list", access);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("error_code").asText()).isEqualTo("UNAUTHENTICATED");
        }

        @Test
        void scopesLimitWhichApisATokenReaches() throws Exception {
            String access = ok(token("/oidc/v1/token", basic("sp-id", "sp-secret"),
                    form("grant_type", "client_credentials", "scope", "clusters"))).path("access_token").asText();
            assertThat(get("/api/2.1/clusters/list", access).statusCode()).isEqualTo(200);
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(403);
        }

        @Test
        void revokedAndUnknownTokensAre403LikeAWrongPat() throws Exception {
            String access = ok(token("/oidc/v1/token", basic("sp-id", "sp-secret"), form("grant_type", "client_credentials")))
                    .path("access_token").asText();
            assertThat(emu.oauth().revoke(access)).isTrue();
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(403);
            assertThat(get("/api/2.2/jobs/list", "emuat_forged").statusCode()).isEqualTo(403);
        }

        @Test
        void theAccountTokenEndpointIssuesTokensToo() throws Exception {
            String path = "/oidc/accounts/" + emu.oauth().accountId() + "/v1/token";
            String access = ok(token(path, basic("sp-id", "sp-secret"), form("grant_type", "client_credentials")))
                    .path("access_token").asText();
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(200);
        }

        @Test
        void formEncodingIsRequiredAndUnknownGrantsAreNamed() throws Exception {
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(emu.url() + "/oidc/v1/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(json.body()).path("error").asText()).isEqualTo("invalid_request");
            HttpResponse<String> r = token("/oidc/v1/token", null, form("grant_type", "password"));
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("unsupported_grant_type");
            assertThat(emu.oauth().tokenRequests()).containsEntry("password", 1L);
        }
    }

    @Nested
    class AuthorizationCode {
        @Test
        void consentPageApprovalRedirectsWithCodeAndStateThenPkceExchangeGivesRefreshableTokens() throws Exception {
            HttpResponse<String> page = get(authorizeUrl("databricks-cli", REDIRECT, "all-apis offline_access", "st-1"), null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("<form", "value=\"allow\"", "databricks-cli");
            HttpResponse<String> approved = approve(page, "alice@example.com");
            assertThat(approved.statusCode()).isEqualTo(302);
            Map<String, String> callback = query(approved.headers().firstValue("Location").orElseThrow());
            assertThat(callback).containsEntry("state", "st-1").containsKey("code");

            JsonNode tokens = ok(token("/oidc/v1/token", null, form("grant_type", "authorization_code",
                    "code", callback.get("code"), "redirect_uri", REDIRECT, "code_verifier", VERIFIER,
                    "client_id", "databricks-cli")));
            assertThat(tokens.path("refresh_token").asText()).startsWith("emurt_");
            String access = tokens.path("access_token").asText();
            assertThat(JSON.readTree(get("/api/2.0/preview/scim/v2/Me", access).body()).path("userName").asText())
                    .isEqualTo("alice@example.com");
            assertThat(emu.oauth().consentPagesServed()).isEqualTo(1);
        }

        @Test
        void aWrongCodeVerifierFailsPkce() throws Exception {
            String code = login("all-apis", REDIRECT);
            HttpResponse<String> r = token("/oidc/v1/token", null, form("grant_type", "authorization_code",
                    "code", code, "redirect_uri", REDIRECT, "code_verifier", VERIFIER + "x", "client_id", "databricks-cli"));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error_description").asText()).contains("PKCE");
        }

        @Test
        void aCodeIsSingleUseAndItsReplayRevokesTheFirstTokens() throws Exception {
            String code = login("all-apis", REDIRECT);
            Map<String, String> exchange = form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", REDIRECT, "code_verifier", VERIFIER, "client_id", "databricks-cli");
            String access = ok(token("/oidc/v1/token", null, exchange)).path("access_token").asText();
            HttpResponse<String> replay = token("/oidc/v1/token", null, exchange);
            assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(403);
        }

        @Test
        void theRedirectUriMustMatchTheAuthorizationRequest() throws Exception {
            String code = login("all-apis", REDIRECT);
            HttpResponse<String> r = token("/oidc/v1/token", null, form("grant_type", "authorization_code",
                    "code", code, "redirect_uri", "http://localhost:8021/callback", "code_verifier", VERIFIER,
                    "client_id", "databricks-cli"));
            assertThat(JSON.readTree(r.body()).path("error_description").asText()).contains("redirect_uri");
        }

        @Test
        void withoutOfflineAccessThereIsNoRefreshToken() throws Exception {
            String code = login("all-apis", REDIRECT);
            JsonNode tokens = ok(token("/oidc/v1/token", null, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", REDIRECT, "code_verifier", VERIFIER, "client_id", "databricks-cli")));
            assertThat(tokens.has("refresh_token")).isFalse();
        }

        @Test
        void unknownClientsAndUnregisteredRedirectsGetAnErrorPageNotARedirect() throws Exception {
            HttpResponse<String> unknown = get(authorizeUrl("nobody", REDIRECT, "all-apis", "s"), null);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.headers().firstValue("Location")).isEmpty();
            emu.oauth().addApp("web", "web-secret", "https://app.example.com/callback");
            HttpResponse<String> evil = get(authorizeUrl("web", "https://evil.example.com/callback", "all-apis", "s"), null);
            assertThat(evil.statusCode()).isEqualTo(400);
            assertThat(evil.body()).contains("not registered");
        }

        @Test
        void missingPkceIsRedirectedAsInvalidRequest() throws Exception {
            String url = "/oidc/v1/authorize?response_type=code&client_id=databricks-cli&state=s1&redirect_uri="
                    + enc(REDIRECT);
            HttpResponse<String> r = get(url, null);
            assertThat(r.statusCode()).isEqualTo(302);
            Map<String, String> q = query(r.headers().firstValue("Location").orElseThrow());
            assertThat(q).containsEntry("error", "invalid_request").containsEntry("state", "s1");
        }

        @Test
        void denyRedirectsWithAccessDenied() throws Exception {
            HttpResponse<String> page = get(authorizeUrl("databricks-cli", REDIRECT, "all-apis", "st-2"), null);
            Matcher m = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(m.find()).isTrue();
            HttpResponse<String> denied = postForm("/oidc/v1/authorize", null,
                    form("request_id", m.group(1), "decision", "deny"));
            assertThat(query(denied.headers().firstValue("Location").orElseThrow()))
                    .containsEntry("error", "access_denied").containsEntry("state", "st-2");
        }

        @Test
        void confidentialAppsMustAuthenticateAtTheTokenEndpoint() throws Exception {
            String redirect = "https://app.example.com/callback";
            emu.oauth().addApp("web", "web-secret", redirect);
            HttpResponse<String> page = get(authorizeUrl("web", redirect, "all-apis", "s"), null);
            String code = query(approve(page, "bob@example.com").headers().firstValue("Location").orElseThrow()).get("code");
            Map<String, String> exchange = form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", redirect, "code_verifier", VERIFIER);
            assertThat(token("/oidc/v1/token", basic("web", "nope"), exchange).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class RefreshTokens {
        @Test
        void refreshRotatesAndAReusedRefreshTokenRevokesTheSession() throws Exception {
            JsonNode first = codeTokens();
            String oldRefresh = first.path("refresh_token").asText();
            JsonNode second = ok(token("/oidc/v1/token", null,
                    form("grant_type", "refresh_token", "refresh_token", oldRefresh, "client_id", "databricks-cli")));
            assertThat(second.path("refresh_token").asText()).isNotEqualTo(oldRefresh).startsWith("emurt_");
            String access = second.path("access_token").asText();
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(200);

            HttpResponse<String> reuse = token("/oidc/v1/token", null,
                    form("grant_type", "refresh_token", "refresh_token", oldRefresh, "client_id", "databricks-cli"));
            assertThat(JSON.readTree(reuse.body()).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(get("/api/2.2/jobs/list", access).statusCode()).isEqualTo(403);
            assertThat(emu.oauth().tokenRequests("refresh_token")).isEqualTo(2);
        }

        @Test
        void withoutRotationTheSameRefreshTokenKeepsWorking() throws Exception {
            emu.oauth().rotateRefreshTokens(false);
            String refresh = codeTokens().path("refresh_token").asText();
            for (int i = 0; i < 2; i++) {
                JsonNode next = ok(token("/oidc/v1/token", null,
                        form("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "databricks-cli")));
                assertThat(next.has("refresh_token")).isFalse();
            }
        }

        @Test
        void aRefreshTokenBelongsToItsClient() throws Exception {
            emu.oauth().addLoopbackApp("other-cli");
            String refresh = codeTokens().path("refresh_token").asText();
            HttpResponse<String> r = token("/oidc/v1/token", null,
                    form("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "other-cli"));
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("invalid_grant");
        }

        private JsonNode codeTokens() throws Exception {
            String code = login("all-apis offline_access", REDIRECT);
            return ok(token("/oidc/v1/token", null, form("grant_type", "authorization_code", "code", code,
                    "redirect_uri", REDIRECT, "code_verifier", VERIFIER, "client_id", "databricks-cli")));
        }
    }

    @Nested
    class TokenExchange {
        static final String ISSUER = "https://token.actions.githubusercontent.com";
        static final String SUBJECT = "repo:acme/etl:ref:refs/heads/main";

        @Test
        void aSignedIdTokenMatchingAServicePrincipalPolicyBecomesAnAccessToken() throws Exception {
            IdTokenIssuer idp = IdTokenIssuer.rs256(ISSUER);
            String audience = emu.oauth().tokenEndpoint();
            emu.oauth().addFederationPolicy(idp.policy().audience(audience).subject(SUBJECT).servicePrincipal("sp-fed").build());
            String idToken = idp.mint(SUBJECT, audience, CLOCK.instant(), Duration.ofMinutes(5));
            JsonNode token = ok(exchange(idToken, "sp-fed"));
            assertThat(token.path("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
            String access = token.path("access_token").asText();
            assertThat(JSON.readTree(get("/api/2.0/preview/scim/v2/Me", access).body()).path("userName").asText())
                    .isEqualTo("sp-fed");
            assertThat(emu.oauth().tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange")).isEqualTo(1);
        }

        @Test
        void accountWidePoliciesMapTheSubjectToAUserAndEs256Verifies() throws Exception {
            IdTokenIssuer idp = IdTokenIssuer.es256("https://idp.example.com");
            emu.oauth().addFederationPolicy(idp.policy().build()); // audience: the account id
            String idToken = idp.mint("carol@example.com", emu.oauth().accountId(), CLOCK.instant(), Duration.ofMinutes(5));
            String access = ok(exchange(idToken, null)).path("access_token").asText();
            assertThat(JSON.readTree(get("/api/2.0/preview/scim/v2/Me", access).body()).path("userName").asText())
                    .isEqualTo("carol@example.com");
        }

        @Test
        void tokensSignedWithAnotherKeyAreRejected() throws Exception {
            IdTokenIssuer trusted = IdTokenIssuer.rs256(ISSUER);
            IdTokenIssuer forger = IdTokenIssuer.rs256(ISSUER);
            String audience = emu.oauth().tokenEndpoint();
            emu.oauth().addFederationPolicy(trusted.policy().audience(audience).servicePrincipal("sp-fed").build());
            HttpResponse<String> r = exchange(forger.mint(SUBJECT, audience, CLOCK.instant(), Duration.ofMinutes(5)), "sp-fed");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error_description").asText()).contains("signature");
        }

        @Test
        void expiryAudienceSubjectAndIssuerAreChecked() throws Exception {
            IdTokenIssuer idp = IdTokenIssuer.rs256(ISSUER);
            String audience = emu.oauth().tokenEndpoint();
            emu.oauth().addFederationPolicy(idp.policy().audience(audience).subject(SUBJECT).servicePrincipal("sp-fed").build());
            assertThat(description(exchange(idp.mint(SUBJECT, audience, CLOCK.instant().minusSeconds(600),
                    Duration.ofMinutes(5)), "sp-fed"))).contains("expired");
            assertThat(description(exchange(idp.mint(SUBJECT, "https://elsewhere", CLOCK.instant(),
                    Duration.ofMinutes(5)), "sp-fed"))).contains("audience");
            assertThat(description(exchange(idp.mint("repo:evil/x:ref:refs/heads/main", audience, CLOCK.instant(),
                    Duration.ofMinutes(5)), "sp-fed"))).contains("subject");
            IdTokenIssuer other = IdTokenIssuer.rs256("https://other-issuer.example.com");
            assertThat(description(exchange(other.mint(SUBJECT, audience, CLOCK.instant(), Duration.ofMinutes(5)),
                    "sp-fed"))).contains("issuer");
            assertThat(description(exchange("not-a-jwt", "sp-fed"))).contains("not a JWT");
        }

        private HttpResponse<String> exchange(String idToken, String clientId) throws Exception {
            Map<String, String> form = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token", idToken, "subject_token_type", "urn:ietf:params:oauth:token-type:jwt",
                    "scope", "all-apis");
            if (clientId != null) {
                form.put("client_id", clientId);
            }
            return token("/oidc/v1/token", null, form);
        }

        private String description(HttpResponse<String> r) throws IOException {
            assertThat(r.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
            return error.path("error_description").asText();
        }
    }

    // ---- helpers

    String login(String scope, String redirect) throws Exception {
        HttpResponse<String> page = get(authorizeUrl("databricks-cli", redirect, scope, "state-x"), null);
        return query(approve(page, "alice@example.com").headers().firstValue("Location").orElseThrow()).get("code");
    }

    HttpResponse<String> approve(HttpResponse<String> page, String user) throws Exception {
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        Matcher id = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find() && id.find()).isTrue();
        return postForm(action.group(1), null, form("request_id", id.group(1), "user", user, "decision", "allow"));
    }

    static String authorizeUrl(String clientId, String redirect, String scope, String state) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(VERIFIER));
        return "/oidc/v1/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirect)
                + "&scope=" + enc(scope) + "&state=" + enc(state) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.url() + path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(String path, String authorization, Map<String, String> form) throws Exception {
        return postForm(path, authorization, form);
    }

    HttpResponse<String> postForm(String path, String authorization, Map<String, String> form) throws Exception {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        return JSON.readTree(r.body());
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> query(String url) {
        Map<String, String> m = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
