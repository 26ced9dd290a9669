package io.camelbricks.emulator.oauth;

import java.time.Duration;

/** The tunable behaviour of the OAuth server (see {@link EmulatedOAuth} for the setters and defaults). */
final class OAuthSettings {

    static final String DEFAULT_ACCOUNT_ID = "e0000000-0000-4000-8000-00000000e1e1";

    volatile Duration accessTokenLifetime = Duration.ofHours(1);
    volatile Duration refreshTokenLifetime = Duration.ofDays(90);
    volatile Duration authorizationCodeLifetime = Duration.ofMinutes(5);
    volatile boolean rotateRefreshTokens = true;
    volatile boolean autoApprove;
    volatile String accountId = DEFAULT_ACCOUNT_ID;
    volatile String defaultUser;

    OAuthSettings(String defaultUser) {
        this.defaultUser = defaultUser;
    }

    void reset(String user) {
        accessTokenLifetime = Duration.ofHours(1);
        refreshTokenLifetime = Duration.ofDays(90);
        authorizationCodeLifetime = Duration.ofMinutes(5);
        rotateRefreshTokens = true;
        autoApprove = false;
        accountId = DEFAULT_ACCOUNT_ID;
        defaultUser = user;
    }
}
