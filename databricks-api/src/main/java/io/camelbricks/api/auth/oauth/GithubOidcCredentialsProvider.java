package io.camelbricks.api.auth.oauth;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.wire.PathEncoder;

/**
 * {@code github-oidc}: workload identity federation inside a GitHub Actions job (with {@code permissions:
 * id-token: write}). Applies when {@code host}, {@code actions_id_token_request_url} and
 * {@code actions_id_token_request_token} ({@code ACTIONS_ID_TOKEN_REQUEST_URL} / {@code _TOKEN}) are set. For every
 * exchange it asks GitHub for an ID token: {@code GET <url>&audience=<audience>} with
 * {@code Authorization: Bearer <request token>}, answer {@code {"value": "<ID token>"}}; then
 * {@link IdTokenExchange} swaps it for a Databricks token.
 */
public final class GithubOidcCredentialsProvider implements CredentialsProvider {

    @Override
    public String authType() {
        return "github-oidc";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String url = IdTokenExchange.blankToNull((String) config.getAttribute("actions_id_token_request_url"));
        String requestToken = IdTokenExchange.blankToNull((String) config.getAttribute("actions_id_token_request_token"));
        if (IdTokenExchange.blankToNull(config.getHost()) == null || url == null || requestToken == null) {
            return Optional.empty();
        }
        TokenEndpointClient http = config.tokenEndpointClient();
        return IdTokenExchange.configure(config, audience -> {
            String requestUrl = audience == null ? url
                    : url + (url.indexOf('?') < 0 ? "?" : "&") + "audience=" + PathEncoder.encodeQueryComponent(audience);
            JsonNode answer = http.getJson(requestUrl, Map.of("Authorization", "Bearer " + requestToken));
            String value = answer.path("value").asText("");
            if (value.isBlank()) {
                throw new DatabricksException("GitHub Actions answered without an ID token (no 'value')");
            }
            return value;
        });
    }
}
