package io.camelbricks.emulator.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The two halves of the authorization code flow: pending authorization requests (validated at
 * {@code GET /authorize}, waiting for the user's decision on the consent page; single use, 10 minutes) and the
 * codes issued on approval (single use, {@code authorizationCodeLifetime}; a second use revokes the tokens issued
 * for the first).
 */
final class AuthorizationCodes {

    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    record Pending(String issuer, String clientId, String redirectUri, Set<String> scopes, String state,
                   String codeChallenge, Instant expiresAt) {
    }

    record Code(String issuer, String clientId, String redirectUri, Set<String> scopes, String codeChallenge,
                String principal, Instant expiresAt, String family) {
        @Override
        public String toString() {
            return "Code[" + clientId + ", " + principal + ", " + scopes + "]";
        }
    }

    private final Clock clock;
    private final OAuthSettings settings;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    /** Redeemed codes and the token family they started. */
    private final Map<String, String> redeemed = new ConcurrentHashMap<>();

    AuthorizationCodes(Clock clock, OAuthSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Keeps a validated request until the user decides; returns its id (the consent form's hidden field). */
    String await(String issuer, String clientId, String redirectUri, Set<String> scopes, String state,
                 String codeChallenge) {
        String id = RandomTokens.next("req_");
        pending.put(id, new Pending(issuer, clientId, redirectUri, Set.copyOf(scopes), state, codeChallenge,
                clock.instant().plus(PENDING_LIFETIME)));
        return id;
    }

    /** The pending request, removed (a consent form is submitted once). */
    Optional<Pending> decide(String id) {
        Pending p = id == null ? null : pending.remove(id);
        if (p == null || !clock.instant().isBefore(p.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Issues the code for an approved request. */
    String issue(Pending request, String principal) {
        String code = RandomTokens.next("emuac_");
        codes.put(code, new Code(request.issuer(), request.clientId(), request.redirectUri(), request.scopes(),
                request.codeChallenge(), principal, clock.instant().plus(settings.authorizationCodeLifetime),
                RandomTokens.next("family_")));
        return code;
    }

    /** Uses a code up. A code used before revokes, through {@code revokeFamily}, what its first use issued. */
    Code redeem(String code, Consumer<String> revokeFamily) {
        String family = redeemed.get(code);
        if (family != null) {
            revokeFamily.accept(family);
            throw OAuthError.invalidGrant("Authorization code has already been used; its tokens are revoked");
        }
        Code c = codes.remove(code);
        if (c == null) {
            throw OAuthError.invalidGrant("Authorization code is invalid");
        }
        redeemed.put(code, c.family());
        if (!clock.instant().isBefore(c.expiresAt())) {
            throw OAuthError.invalidGrant("Authorization code is expired");
        }
        return c;
    }

    void reset() {
        pending.clear();
        codes.clear();
        redeemed.clear();
    }
}
