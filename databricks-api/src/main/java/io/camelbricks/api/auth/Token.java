package io.camelbricks.api.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth access token with its type, optional refresh token and expiry ({@code null} expiry: never expires).
 * {@code toString()} never shows the token values.
 */
public record Token(String accessToken, String tokenType, String refreshToken, Instant expiry) {

    public Token {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("an access token must not be empty");
        }
        tokenType = tokenType == null || tokenType.isEmpty() ? "Bearer" : tokenType;
    }

    /** A bearer token without refresh token. */
    public static Token bearer(String accessToken, Instant expiry) {
        return new Token(accessToken, "Bearer", null, expiry);
    }

    /** Whether less than {@code margin} is left before expiry at {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiry != null && !now.plus(margin).isBefore(expiry);
    }

    /** The {@code Authorization} header value: {@code Bearer <token>}. */
    public String authorizationHeader() {
        String type = "bearer".equalsIgnoreCase(tokenType) ? "Bearer" : tokenType;
        return type + " " + accessToken;
    }

    @Override
    public String toString() {
        return "Token{type=" + tokenType + ", expiry=" + expiry + ", accessToken=***"
                + (refreshToken == null ? "" : ", refreshToken=***") + "}";
    }
}
