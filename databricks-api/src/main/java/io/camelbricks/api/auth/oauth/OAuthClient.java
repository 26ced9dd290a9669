package io.camelbricks.api.auth.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.wire.PathEncoder;

/**
 * OAuth for web applications (as the Python SDK's "Single-Sign-On with OAuth"): the authorization code flow with
 * PKCE for a registered app, where each user signs in with their own Databricks identity.
 *
 * <pre>{@code
 * OAuthClient oauth = OAuthClient.builder().host(host).clientId(clientId).clientSecret(secret) // secret: optional
 *         .redirectUrl("https://app.example.com/callback").scopes(List.of("all-apis", "offline_access")).build();
 * // login:    Consent consent = oauth.initiateConsent(); session.put("consent", consent.toMap());
 * //           redirect the browser to consent.authorizationUrl()
 * // callback: SessionCredentials creds = Consent.fromMap(oauth, session.get("consent"))
 * //                   .exchangeCallbackParameters(queryParameters);
 * //           session.put("creds", creds.toMap());
 * // use:      SessionCredentials creds = SessionCredentials.fromMap(oauth, session.get("creds"));
 * //           new WorkspaceClient(new DatabricksConfig().setHost(host).setCredentialsProvider(creds));
 * }</pre>
 *
 * The OIDC endpoints are discovered on first use from the host (or {@code discovery_url}, or the account paths on
 * an account host). Tokens are only ever sent to that host's token endpoint. {@code toString()} has no secret.
 */
public final class OAuthClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabricksConfig config;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUrl;
    private final List<String> scopes;
    private volatile OidcEndpoints endpoints;

    OAuthClient(DatabricksConfig config, String clientId, String clientSecret, String redirectUrl, List<String> scopes) {
        this.config = Objects.requireNonNull(config, "config");
        if (clientId == null || clientId.isBlank()) {
            throw new DatabricksException("an OAuth client needs a client id");
        }
        if (redirectUrl == null || redirectUrl.isBlank()) {
            throw new DatabricksException("an OAuth client needs a redirect URL");
        }
        URI redirect = URI.create(redirectUrl);
        if (redirect.getScheme() == null || redirect.getHost() == null || redirect.getRawFragment() != null) {
            throw new DatabricksException("redirect URL " + redirectUrl + " must be absolute, without fragment");
        }
        this.clientId = clientId;
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        this.redirectUrl = redirectUrl;
        this.scopes = scopes == null || scopes.isEmpty() ? List.of("all-apis") : List.copyOf(scopes);
    }

    /**
     * A client from a configuration: its {@code host} (and {@code discovery_url}, {@code account_id}, clock and auth
     * transport), {@code client_id}, optional {@code client_secret}, {@code redirect_url} and {@code scopes}.
     */
    public static OAuthClient fromConfig(DatabricksConfig config) {
        if (config.getHost() == null || config.getHost().isBlank()) {
            throw new DatabricksException("an OAuth client needs a host");
        }
        return new OAuthClient(config, config.getClientId(), config.getClientSecret(),
                (String) config.getAttribute("redirect_url"), config.getScopes());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a login: a random {@code state} (anti-CSRF) and PKCE verifier (S256 challenge), and the URL to send the
     * user's browser to.
     */
    public Consent initiateConsent() {
        String state = randomUrlSafe(16);
        String verifier = randomUrlSafe(32);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUrl);
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, v) -> q.add(k + "=" + PathEncoder.encodeQueryComponent(v)));
        String authorize = endpoints().authorizationEndpoint();
        return new Consent(this, state, verifier, authorize + (authorize.indexOf('?') < 0 ? "?" : "&") + q);
    }

    /** Restores credentials a web session kept with {@link SessionCredentials#toMap()}. */
    public SessionCredentials sessionCredentials(Map<String, String> map) {
        return SessionCredentials.fromMap(this, map);
    }

    public String host() {
        return config.getHost();
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** Whether this is a confidential client (has a secret). */
    public boolean hasClientSecret() {
        return clientSecret != null;
    }

    /** The workspace's or account's OIDC endpoints (discovered on first use). */
    public OidcEndpoints endpoints() {
        OidcEndpoints e = endpoints;
        if (e == null) {
            e = OidcDiscovery.discover(config, config.tokenEndpointClient());
            if (e.authorizationEndpoint() == null || e.authorizationEndpoint().isBlank()) {
                throw new DatabricksException(config.getHost() + " has no OAuth authorization endpoint");
            }
            endpoints = e;
        }
        return e;
    }

    Clock clock() {
        return config.getClock();
    }

    boolean asyncRefresh() {
        return !Boolean.TRUE.equals(config.getAttribute("disable_async_token_refresh"));
    }

    /** Redeems an authorization code (with the PKCE verifier) at the token endpoint. */
    Token exchangeCode(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUrl);
        form.put("code_verifier", verifier);
        return requestToken(form);
    }

    /** {@code grant_type=refresh_token}; keeps the old refresh token when the server does not rotate it. */
    Token refresh(Token current) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        Token fresh = requestToken(form);
        return fresh.refreshToken() != null ? fresh
                : new Token(fresh.accessToken(), fresh.tokenType(), current.refreshToken(), fresh.expiry());
    }

    /** Confidential clients authenticate with HTTP Basic, public ones send {@code client_id} in the body. */
    private Token requestToken(Map<String, String> form) {
        return config.tokenEndpointClient().requestToken(endpoints().tokenEndpoint(), form, clientId, clientSecret,
                clientSecret != null ? TokenEndpointClient.ClientAuth.HEADER : TokenEndpointClient.ClientAuth.BODY);
    }

    static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "OAuthClient{host=" + config.getHost() + ", clientId=" + clientId
                + (clientSecret == null ? "" : ", clientSecret=***") + ", redirectUrl=" + redirectUrl
                + ", scopes=" + scopes + "}";
    }

    /** Builder of an {@link OAuthClient} from its parts. */
    public static final class Builder {
        private String host;
        private String accountId;
        private String clientId;
        private String clientSecret;
        private String redirectUrl;
        private List<String> scopes = List.of("all-apis");
        private Clock clock;

        private Builder() {
        }

        /** The workspace (or account console) URL. */
        public Builder host(String host) { this.host = host; return this; }

        /** For an account console host: the account whose OAuth endpoints to use. */
        public Builder accountId(String accountId) { this.accountId = accountId; return this; }

        public Builder clientId(String clientId) { this.clientId = clientId; return this; }

        /** Only for confidential apps. */
        public Builder clientSecret(String clientSecret) { this.clientSecret = clientSecret; return this; }

        /** Where the authorization server sends the browser back to; must be registered for the app. */
        public Builder redirectUrl(String redirectUrl) { this.redirectUrl = redirectUrl; return this; }

        /** Default {@code all-apis}; add {@code offline_access} for refresh tokens. */
        public Builder scopes(List<String> scopes) { this.scopes = scopes; return this; }

        /** The clock token expiry is judged by (tests). */
        public Builder clock(Clock clock) { this.clock = clock; return this; }

        public OAuthClient build() {
            if (host == null || host.isBlank()) {
                throw new DatabricksException("an OAuth client needs a host");
            }
            DatabricksConfig config = new DatabricksConfig().setHost(host).setAccountId(accountId).resolve(Map.of());
            if (clock != null) {
                config.setClock(clock);
            }
            return new OAuthClient(config, clientId, clientSecret, redirectUrl, scopes);
        }
    }
}
