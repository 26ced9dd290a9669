package io.camelbricks.api.auth.oauth;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenHeaderFactory;

/**
 * A signed-in user's tokens (from {@link Consent#exchangeCallbackParameters}), refreshable with the refresh token
 * ahead of expiry, and usable as the credentials provider of a client:
 * {@code new DatabricksConfig().setHost(host).setCredentialsProvider(credentials)}. Keep them in the user's web
 * session with {@link #toMap()} (again after calls, since a refresh may have rotated them) and
 * {@link #fromMap(OAuthClient, Map)}. {@code toString()} masks both tokens.
 */
public final class SessionCredentials implements CredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCredentials.class);

    private final OAuthClient client;
    private final CachedTokenSource tokens;
    private final Consumer<Token> onNewToken;
    private final Supplier<Token> login;
    private volatile Token current;

    /**
     * @param onNewToken called with every token obtained by a refresh (e.g. to rewrite a token cache), or null
     * @param login      how to get a token when the session cannot be refreshed (no refresh token, or the server
     *                   rejected it), e.g. the browser login of {@code external-browser}; null: fail
     */
    SessionCredentials(OAuthClient client, Token token, Consumer<Token> onNewToken, Supplier<Token> login) {
        this.client = client;
        this.current = token;
        this.onNewToken = onNewToken == null ? t -> { } : onNewToken;
        this.login = login;
        this.tokens = CachedTokenSource.of(this::refresh)
                .clock(client.clock())
                .asyncRefresh(client.asyncRefresh())
                .initial(token)
                .build();
    }

    @Override
    public String authType() {
        return "oauth-u2m";
    }

    /** Authorization headers from these credentials, for any configuration that names them as its provider. */
    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        return Optional.of(new TokenHeaderFactory(tokens));
    }

    /** A valid token, refreshed first if it is about to expire. */
    public Token token() {
        return tokens.token();
    }

    /** The most recent token, as is (no refresh). */
    public Token currentToken() {
        return current;
    }

    /** The token cache of this session (for its refresh count and the refresh-ahead rules). */
    CachedTokenSource tokenSource() {
        return tokens;
    }

    private Token refresh() {
        Token before = current;
        Token fresh;
        if (before.refreshToken() != null) {
            try {
                fresh = client.refresh(before);
            } catch (TokenRequestException e) {
                if (login == null || !e.isRejection()) {
                    throw e;
                }
                LOG.info("OAuth refresh was rejected ({}); logging in again", e.error());
                fresh = login.get();
            }
        } else if (login != null) {
            fresh = login.get();
        } else {
            throw new DatabricksException("the OAuth session has expired and has no refresh token "
                    + "(offline_access was not granted); log in again");
        }
        current = fresh;
        onNewToken.accept(fresh);
        return fresh;
    }

    /**
     * The tokens as strings for a web session: {@code access_token}, {@code token_type}, {@code refresh_token}
     * (when there is one) and {@code expiry} (ISO-8601, when known). They are credentials: keep the map server side.
     */
    public Map<String, String> toMap() {
        return tokenToMap(current);
    }

    /** Restores credentials kept with {@link #toMap()}; they refresh through {@code client}. */
    public static SessionCredentials fromMap(OAuthClient client, Map<String, String> map) {
        return new SessionCredentials(client, tokenFromMap(map), null, null);
    }

    static Map<String, String> tokenToMap(Token token) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("access_token", token.accessToken());
        map.put("token_type", token.tokenType());
        if (token.refreshToken() != null) {
            map.put("refresh_token", token.refreshToken());
        }
        if (token.expiry() != null) {
            map.put("expiry", token.expiry().toString());
        }
        return map;
    }

    static Token tokenFromMap(Map<String, String> map) {
        if (map == null || map.get("access_token") == null || map.get("access_token").isBlank()) {
            throw new DatabricksException("no OAuth session (the map has no access_token); log in");
        }
        Instant expiry = null;
        String e = map.get("expiry");
        if (e != null && !e.isBlank()) {
            try {
                expiry = Instant.parse(e);
            } catch (DateTimeParseException ex) {
                throw new DatabricksException("OAuth session expiry is not an ISO-8601 instant");
            }
        }
        return new Token(map.get("access_token"), map.get("token_type"), map.get("refresh_token"), expiry);
    }

    @Override
    public String toString() {
        Token t = current;
        return "SessionCredentials{clientId=" + client.clientId() + ", expiry=" + t.expiry() + ", accessToken=***"
                + (t.refreshToken() == null ? "" : ", refreshToken=***") + "}";
    }
}
