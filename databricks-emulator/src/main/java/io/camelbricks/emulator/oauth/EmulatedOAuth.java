package io.camelbricks.emulator.oauth;

import io.camelbricks.emulator.server.AccessTokenVerifier;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The OAuth server of an emulator as a test sees it ({@code emulator.oauth()}): register service principals, app
 * integrations and federation policies, tune token lifetimes, inspect and revoke what was issued.
 *
 * <pre>{@code
 * emu.oauth().addServicePrincipal("sp-id", "sp-secret");           // client credentials (oauth-m2m)
 * emu.oauth().addApp("my-web-app", "app-secret", "http://127.0.0.1:8765/callback");  // authorization code
 * emu.oauth().addFederationPolicy(FederationPolicy.builder()        // token exchange (env/file/github-oidc)
 *         .issuer("https://token.actions.githubusercontent.com").audience(audience)
 *         .subject("repo:acme/etl:ref:refs/heads/main").verificationKey(publicKey).servicePrincipal("sp-id").build());
 * emu.oauth().accessTokenLifetime(Duration.ofMinutes(10));         // on the emulator's clock
 * emu.oauth().tokenRequests("client_credentials");                 // how many token requests of that grant type
 * }</pre>
 *
 * The published {@code databricks-cli} app (public, any loopback redirect) is always registered.
 */
public final class EmulatedOAuth {

    /** The account id account-level OAuth endpoints answer for (changeable with {@link #accountId(String)}). */
    public static final String DEFAULT_ACCOUNT_ID = OAuthSettings.DEFAULT_ACCOUNT_ID;

    final OAuthSettings settings;
    final OAuthClients clients = new OAuthClients();
    final AuthorizationCodes codes;
    final IssuedTokens tokens;
    final List<FederationPolicy> policies = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> tokenRequests = new ConcurrentHashMap<>();
    private final AtomicLong consentPages = new AtomicLong();
    private final Clock clock;
    private final String initialUser;
    private final Supplier<String> url;

    public EmulatedOAuth(Clock clock, String userName, Supplier<String> url) {
        this.clock = clock;
        this.initialUser = userName;
        this.url = url;
        this.settings = new OAuthSettings(userName);
        this.codes = new AuthorizationCodes(clock, settings);
        this.tokens = new IssuedTokens(clock, settings);
    }

    // ---- registration

    /** A service principal that may use client credentials ({@code oauth-m2m}); Basic header or form body. */
    public EmulatedOAuth addServicePrincipal(String clientId, String secret) {
        clients.addServicePrincipal(new OAuthClients.ServicePrincipal(requireText(clientId, "clientId"),
                requireText(secret, "secret"), clientId));
        return this;
    }

    /**
     * An app integration for the authorization code flow: confidential with a {@code secret} (then it must
     * authenticate at the token endpoint), public when {@code secret} is null; redirects must be one of
     * {@code redirectUrls} exactly.
     */
    public EmulatedOAuth addApp(String clientId, String secret, String... redirectUrls) {
        clients.addApp(new OAuthClients.App(requireText(clientId, "clientId"), secret, List.of(redirectUrls), false));
        return this;
    }

    /** A public app that, like {@code databricks-cli}, accepts any {@code http://localhost|127.0.0.1:<port>} redirect. */
    public EmulatedOAuth addLoopbackApp(String clientId) {
        clients.addApp(new OAuthClients.App(requireText(clientId, "clientId"), null, List.of(), true));
        return this;
    }

    /** Trust identity tokens for RFC 8693 token exchange (workload identity federation). */
    public EmulatedOAuth addFederationPolicy(FederationPolicy policy) {
        policies.add(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    // ---- behaviour

    /** Lifetime of issued access tokens on the emulator's clock (default 1 hour; {@code expires_in} tells clients). */
    public EmulatedOAuth accessTokenLifetime(Duration lifetime) {
        settings.accessTokenLifetime = positive(lifetime);
        return this;
    }

    /** Lifetime of refresh tokens (default 90 days). */
    public EmulatedOAuth refreshTokenLifetime(Duration lifetime) {
        settings.refreshTokenLifetime = positive(lifetime);
        return this;
    }

    /** Lifetime of authorization codes (default 5 minutes). */
    public EmulatedOAuth authorizationCodeLifetime(Duration lifetime) {
        settings.authorizationCodeLifetime = positive(lifetime);
        return this;
    }

    /**
     * Whether a refresh answers with a new refresh token and retires the old one (default true); a retired one
     * used again revokes the whole session. With false the same refresh token keeps working until it expires.
     */
    public EmulatedOAuth rotateRefreshTokens(boolean rotate) {
        settings.rotateRefreshTokens = rotate;
        return this;
    }

    /**
     * Whether the consent page approves itself with a script as soon as a browser renders it (default false: the
     * user clicks "Allow"). For tests with a real headless browser, which cannot click.
     */
    public EmulatedOAuth autoApprove(boolean autoApprove) {
        settings.autoApprove = autoApprove;
        return this;
    }

    /** The user name pre-filled on the login page (default: the emulator's {@code userName}). */
    public EmulatedOAuth defaultUser(String userName) {
        settings.defaultUser = requireText(userName, "userName");
        return this;
    }

    /** The account id of the {@code /oidc/accounts/{account_id}/...} endpoints (default {@link #DEFAULT_ACCOUNT_ID}). */
    public EmulatedOAuth accountId(String accountId) {
        settings.accountId = requireText(accountId, "accountId");
        return this;
    }

    public String accountId() {
        return settings.accountId;
    }

    // ---- endpoints

    /** {@code <url>/oidc}: the workspace issuer. */
    public String issuer() {
        return url.get() + "/oidc";
    }

    /** {@code <url>/oidc/v1/token}. */
    public String tokenEndpoint() {
        return issuer() + "/v1/token";
    }

    /** {@code <url>/oidc/v1/authorize}. */
    public String authorizationEndpoint() {
        return issuer() + "/v1/authorize";
    }

    /** {@code <url>/oidc/accounts/<account id>}: the account issuer. */
    public String accountIssuer() {
        return url.get() + "/oidc/accounts/" + settings.accountId;
    }

    // ---- inspection

    /** Token requests received with this {@code grant_type} (also failed ones), e.g. {@code "refresh_token"}. */
    public long tokenRequests(String grantType) {
        AtomicLong n = tokenRequests.get(grantType);
        return n == null ? 0 : n.get();
    }

    /** Token requests by {@code grant_type}, sorted by name. */
    public Map<String, Long> tokenRequests() {
        Map<String, Long> result = new TreeMap<>();
        tokenRequests.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    /** How many consent pages were served ({@code GET /authorize} that reached the page). */
    public long consentPagesServed() {
        return consentPages.get();
    }

    /** Access tokens issued and not yet expired or revoked. */
    public int activeAccessTokens() {
        return tokens.activeAccessTokens();
    }

    /** Revokes one access or refresh token (the API answers 403 for it from now on). */
    public boolean revoke(String token) {
        return tokens.revoke(token);
    }

    /** Revokes every access and refresh token. */
    public void revokeAll() {
        tokens.revokeAll();
    }

    /** The verifier the API's authentication filter consults for OAuth bearer tokens. */
    public AccessTokenVerifier accessTokenVerifier() {
        return tokens;
    }

    /** Back to the start: only {@code databricks-cli}, no policies, no tokens, default settings, zero counts. */
    public void reset() {
        clients.reset();
        policies.clear();
        codes.reset();
        tokens.reset();
        tokenRequests.clear();
        consentPages.set(0);
        settings.reset(initialUser);
    }

    // ---- for the handlers

    Clock clock() {
        return clock;
    }

    void countTokenRequest(String grantType) {
        tokenRequests.computeIfAbsent(grantType == null ? "<none>" : grantType, k -> new AtomicLong()).incrementAndGet();
    }

    void countConsentPage() {
        consentPages.incrementAndGet();
    }

    /**
     * The issuer a request is addressed to: {@code <url>/oidc} for workspace paths, {@code <url>/oidc/accounts/<id>}
     * for account paths (an unknown account id answers 404).
     */
    String issuerOf(ApiRequest request) {
        String accountId = request.pathParameter("account_id");
        if (accountId == null) {
            return issuer();
        }
        if (!accountId.equals(settings.accountId)) {
            throw new ApiException(404, "RESOURCE_DOES_NOT_EXIST", "Account " + accountId + " does not exist.");
        }
        return accountIssuer();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a lifetime must be positive");
        }
        return d;
    }

    @Override
    public String toString() {
        return "EmulatedOAuth{issuer=" + url.get() + "/oidc, accountId=" + settings.accountId + "}";
    }
}
