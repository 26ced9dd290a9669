package io.camelbricks.emulator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer token authentication: {@code Authorization: Bearer <token>} with the personal access token, or with an
 * OAuth access token the emulator's OAuth server issued. A missing header or another scheme answers 401
 * UNAUTHENTICATED; an expired OAuth token 401 too (so a client re-authenticates); a wrong token 403
 * PERMISSION_DENIED "Invalid access token.", like a workspace; an OAuth token whose scopes do not cover the API 403.
 * The request is marked with the principal the token belongs to.
 */
public final class BearerTokenAuthenticator implements RequestFilter {

    private final byte[] expected;
    private final String patOwner;
    private final AccessTokenVerifier oauthTokens;

    public BearerTokenAuthenticator(String token) {
        this(token, null, AccessTokenVerifier.NONE);
    }

    public BearerTokenAuthenticator(String token, String patOwner, AccessTokenVerifier oauthTokens) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        this.patOwner = patOwner;
        this.oauthTokens = oauthTokens;
    }

    @Override
    public void apply(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            throw ApiException.unauthenticated();
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthenticated();
        }
        String presented = value.substring(7).trim();
        if (MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            request.authenticatedAs(patOwner);
            return;
        }
        AccessTokenVerifier.Verdict verdict = oauthTokens.verify(presented, request.apiPath());
        switch (verdict.status()) {
            case VALID -> request.authenticatedAs(verdict.principal());
            case EXPIRED -> throw ApiException.expiredAccessToken();
            case INSUFFICIENT_SCOPE -> throw ApiException.insufficientScope();
            default -> throw ApiException.invalidAccessToken();
        }
    }
}
