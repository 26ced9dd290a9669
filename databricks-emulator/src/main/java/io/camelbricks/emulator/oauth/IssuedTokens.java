package io.camelbricks.emulator.oauth;

import io.camelbricks.emulator.server.AccessTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and refresh tokens the OAuth server issued. Tokens of one login (one authorization code, or one
 * refresh-token chain) form a family, revoked together when a used code or a rotated refresh token comes back
 * (RFC 6749 section 10.5, OAuth 2.0 Security BCP refresh token reuse detection). Also the API's verifier of OAuth
 * bearer tokens.
 */
final class IssuedTokens implements AccessTokenVerifier {

    static final String ALL_APIS = "all-apis";
    static final String OFFLINE_ACCESS = "offline_access";

    record AccessToken(String principal, String clientId, Set<String> scopes, Instant expiresAt, String family) {
        @Override
        public String toString() {
            return "AccessToken[" + principal + ", " + scopes + ", expires " + expiresAt + "]";
        }
    }

    record RefreshToken(String principal, String clientId, Set<String> scopes, Instant expiresAt, String family,
                        String issuer) {
        @Override
        public String toString() {
            return "RefreshToken[" + principal + ", " + scopes + ", expires " + expiresAt + "]";
        }
    }

    /** What the token endpoint answers with. */
    record Issued(String accessToken, long expiresIn, String refreshToken, Set<String> scopes) {
        @Override
        public String toString() {
            return "Issued[access=***, refresh=" + (refreshToken == null ? "none" : "***") + "]";
        }
    }

    private final Clock clock;
    private final OAuthSettings settings;
    private final Map<String, AccessToken> access = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refresh = new ConcurrentHashMap<>();
    /** Rotated-away refresh tokens, by token, with their family: using one again revokes the family. */
    private final Map<String, String> rotated = new ConcurrentHashMap<>();

    IssuedTokens(Clock clock, OAuthSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Issues an access token (and a refresh token when asked) for {@code principal}. */
    Issued issue(String principal, String clientId, Set<String> scopes, String family, boolean withRefresh,
                 String issuer) {
        Duration lifetime = settings.accessTokenLifetime;
        Instant now = clock.instant();
        String token = RandomTokens.next("emuat_");
        access.put(token, new AccessToken(principal, clientId, Set.copyOf(scopes), now.plus(lifetime), family));
        String refreshToken = null;
        if (withRefresh) {
            refreshToken = RandomTokens.next("emurt_");
            refresh.put(refreshToken, new RefreshToken(principal, clientId, Set.copyOf(scopes),
                    now.plus(settings.refreshTokenLifetime), family, issuer));
        }
        return new Issued(token, lifetime.toSeconds(), refreshToken, scopes);
    }

    /**
     * Redeems a refresh token for {@code clientId} at {@code issuer}: with rotation it is used up (a second use
     * revokes its whole family).
     */
    RefreshToken redeem(String refreshToken, String clientId, String issuer) {
        String family = rotated.get(refreshToken);
        if (family != null) {
            revokeFamily(family);
            throw OAuthError.invalidGrant("Refresh token has already been used; the session is revoked");
        }
        RefreshToken grant = refresh.get(refreshToken);
        if (grant == null) {
            throw OAuthError.invalidGrant("Refresh token is invalid or revoked");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("Refresh token was issued to another client");
        }
        if (!grant.issuer().equals(issuer)) {
            throw OAuthError.invalidGrant("Refresh token was issued by another authorization server");
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            refresh.remove(refreshToken);
            throw OAuthError.invalidGrant("Refresh token is expired");
        }
        if (settings.rotateRefreshTokens) {
            refresh.remove(refreshToken);
            rotated.put(refreshToken, grant.family());
        }
        return grant;
    }

    void revokeFamily(String family) {
        access.values().removeIf(t -> t.family().equals(family));
        refresh.values().removeIf(t -> t.family().equals(family));
    }

    /** Revokes one access or refresh token; true when it existed. */
    boolean revoke(String token) {
        return access.remove(token) != null | refresh.remove(token) != null;
    }

    void revokeAll() {
        access.clear();
        refresh.clear();
    }

    int activeAccessTokens() {
        Instant now = clock.instant();
        return (int) access.values().stream().filter(t -> now.isBefore(t.expiresAt())).count();
    }

    void reset() {
        access.clear();
        refresh.clear();
        rotated.clear();
    }

    @Override
    public Verdict verify(String token, String apiPath) {
        AccessToken t = access.get(token);
        if (t == null) {
            return Verdict.UNKNOWN;
        }
        if (!clock.instant().isBefore(t.expiresAt())) {
            return new Verdict(Status.EXPIRED, null);
        }
        if (!covers(t.scopes(), apiPath)) {
            return new Verdict(Status.INSUFFICIENT_SCOPE, null);
        }
        return new Verdict(Status.VALID, t.principal());
    }

    /**
     * {@code all-apis} covers every API; otherwise the scope named like the API's first path segment
     * ({@code jobs} for {@code /jobs/list}, {@code clusters}, ...). Who-am-I ({@code /preview/scim/v2/Me}) needs none.
     */
    static boolean covers(Set<String> scopes, String apiPath) {
        if (scopes.contains(ALL_APIS) || apiPath == null || apiPath.startsWith("/preview/scim/v2/Me")) {
            return true;
        }
        String[] segments = apiPath.split("/");
        int i = 1;
        if (segments.length > 2 && "preview".equals(segments[1])) {
            i = 2;
        }
        return segments.length > i && scopes.contains(segments[i]);
    }
}
