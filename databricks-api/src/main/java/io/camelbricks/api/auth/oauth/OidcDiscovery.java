package io.camelbricks.api.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;

/**
 * Finds a workspace's or account's OAuth endpoints, only when an OAuth provider needs them (never for a PAT):
 * {@code discovery_url} if set; {@code {host}/oidc/accounts/{account_id}/v1/...} on an account host;
 * otherwise the workspace's {@code {host}/oidc/.well-known/oauth-authorization-server}.
 */
public final class OidcDiscovery {
    private OidcDiscovery() {
    }

    public static OidcEndpoints discover(DatabricksConfig config, TokenEndpointClient http) {
        String discoveryUrl = (String) config.getAttribute("discovery_url");
        if (discoveryUrl != null && !discoveryUrl.isBlank()) {
            return fromDocument(http.getJson(discoveryUrl), discoveryUrl);
        }
        String host = config.getHost();
        if (host == null) {
            throw new DatabricksException("OAuth needs host");
        }
        if (config.isAccountClient() && config.getAccountId() != null) {
            String base = host + "/oidc/accounts/" + config.getAccountId() + "/v1";
            return new OidcEndpoints(base + "/authorize", base + "/token");
        }
        String url = host + "/oidc/.well-known/oauth-authorization-server";
        return fromDocument(http.getJson(url), url);
    }

    private static OidcEndpoints fromDocument(JsonNode doc, String url) {
        String token = doc.path("token_endpoint").asText("");
        if (token.isEmpty()) {
            throw new DatabricksException(url + " has no token_endpoint");
        }
        return new OidcEndpoints(doc.path("authorization_endpoint").asText(null), token);
    }
}
