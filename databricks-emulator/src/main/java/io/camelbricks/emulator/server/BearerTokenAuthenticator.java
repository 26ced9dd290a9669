package io.camelbricks.emulator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Personal access token authentication: {@code Authorization: Bearer <token>}. A missing header or another scheme
 * answers 401 UNAUTHENTICATED, a wrong token 403 PERMISSION_DENIED "Invalid access token.", like a workspace.
 */
public final class BearerTokenAuthenticator implements RequestFilter {

    private final byte[] expected;

    public BearerTokenAuthenticator(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
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
        byte[] presented = value.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw ApiException.invalidAccessToken();
        }
    }
}
