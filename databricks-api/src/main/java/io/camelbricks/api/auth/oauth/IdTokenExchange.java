package io.camelbricks.api.auth.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.auth.TokenSource;

/**
 * Workload identity federation, shared by {@code env-oidc}, {@code file-oidc} and {@code github-oidc}: an ID token
 * from an {@link IdTokenSource} is exchanged (RFC 8693) at the Databricks token endpoint of the workspace or account
 * (discovered lazily, like {@code oauth-m2m}) for a Databricks access token:
 * <pre>
 * grant_type=urn:ietf:params:oauth:grant-type:token-exchange
 * subject_token=&lt;ID token&gt;  subject_token_type=urn:ietf:params:oauth:token-type:jwt
 * scope=&lt;scopes, space separated&gt;  client_id=&lt;client_id, when set: a service principal federation policy&gt;
 * </pre>
 * The audience asked of sources that can choose it is {@code token_audience}, else the account id on an account
 * host, else the token endpoint URL (as in the Databricks SDKs). The first token is fetched at once, so a rejected
 * ID token fails at start-up; later ones are fetched ahead of expiry with a fresh ID token.
 */
public final class IdTokenExchange implements TokenSource {
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    private final TokenEndpointClient http;
    private final String tokenEndpoint;
    private final String audience;
    private final String clientId;
    private final String scope;
    private final IdTokenSource idTokens;

    private IdTokenExchange(TokenEndpointClient http, String tokenEndpoint, String audience, String clientId,
                            String scope, IdTokenSource idTokens) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.audience = audience;
        this.clientId = clientId;
        this.scope = scope;
        this.idTokens = idTokens;
    }

    /** The header factory of a provider whose ID tokens come from {@code idTokens}; fetches the first token now. */
    public static Optional<HeaderFactory> configure(DatabricksConfig config, IdTokenSource idTokens) {
        TokenEndpointClient http = config.tokenEndpointClient();
        OidcEndpoints endpoints = OidcDiscovery.discover(config, http);
        String clientId = blankToNull(config.getClientId());
        IdTokenExchange exchange = new IdTokenExchange(http, endpoints.tokenEndpoint(),
                audience(config, endpoints), clientId, String.join(" ", config.getScopes()), idTokens);
        CachedTokenSource tokens = CachedTokenSource.of(exchange)
                .configuredBy(config)
                .build();
        tokens.token();
        return Optional.of(new TokenHeaderFactory(tokens));
    }

    /** {@code token_audience}, else the account id on an account host, else the token endpoint. */
    static String audience(DatabricksConfig config, OidcEndpoints endpoints) {
        String configured = blankToNull((String) config.getAttribute("token_audience"));
        if (configured != null) {
            return configured;
        }
        if (config.isAccountClient() && blankToNull(config.getAccountId()) != null) {
            return config.getAccountId();
        }
        return endpoints.tokenEndpoint();
    }

    @Override
    public Token token() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", idTokens.idToken(audience));
        form.put("subject_token_type", JWT_TOKEN_TYPE);
        form.put("scope", scope);
        form.put("client_id", clientId);
        return http.requestToken(tokenEndpoint, form, null, null, TokenEndpointClient.ClientAuth.BODY);
    }

    @Override
    public String toString() {
        return "IdTokenExchange{tokenEndpoint=" + tokenEndpoint + ", audience=" + audience + ", clientId=" + clientId
                + "}";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
