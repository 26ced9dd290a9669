package io.camelbricks.api.auth.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.TokenHeaderFactory;

/**
 * {@code oauth-m2m}: a service principal's client credentials ({@code client_id} + {@code client_secret}) swapped
 * for short-lived tokens at the workspace's or account's OIDC token endpoint (discovered only now, when this
 * provider applies); the client id and secret travel in an HTTP Basic header; scopes default to {@code all-apis}.
 * The first token is fetched at once, so wrong credentials fail at start-up; later ones are refreshed ahead of
 * expiry by {@link CachedTokenSource}.
 */
public final class OAuthM2MCredentialsProvider implements CredentialsProvider {
    @Override
    public String authType() {
        return "oauth-m2m";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String clientId = config.getClientId();
        String clientSecret = config.getClientSecret();
        if (isBlank(config.getHost()) || isBlank(clientId) || isBlank(clientSecret)) {
            return Optional.empty();
        }
        TokenEndpointClient http = config.tokenEndpointClient();
        OidcEndpoints endpoints = OidcDiscovery.discover(config, http);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", String.join(" ", config.getScopes()));
        CachedTokenSource tokens = CachedTokenSource.of(() -> http.requestToken(endpoints.tokenEndpoint(), form,
                        clientId, clientSecret, TokenEndpointClient.ClientAuth.HEADER))
                .configuredBy(config)
                .build();
        tokens.token();
        return Optional.of(new TokenHeaderFactory(tokens));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
