package io.camelbricks.emulator.oauth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 authorization server metadata (RFC 8414), without authentication: the workspace's
 * {@code /oidc/.well-known/oauth-authorization-server} and the account's
 * {@code /oidc/accounts/{account_id}/.well-known/oauth-authorization-server}.
 */
public final class DiscoveryHandler implements ServiceHandler {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    private final EmulatedOAuth oauth;

    public DiscoveryHandler(EmulatedOAuth oauth) {
        this.oauth = oauth;
    }

    @Override
    public void register(Router router) {
        router.addPublic("GET", "/oidc/.well-known/oauth-authorization-server", this::metadata)
              .addPublic("GET", "/oidc/accounts/{account_id}/.well-known/oauth-authorization-server", this::metadata);
    }

    private ApiResponse metadata(ApiRequest request) {
        String issuer = oauth.issuerOf(request);
        ObjectNode doc = Json.object();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/v1/authorize");
        doc.put("token_endpoint", issuer + "/v1/token");
        strings(doc.putArray("response_types_supported"), List.of("code"));
        strings(doc.putArray("response_modes_supported"), List.of("query"));
        strings(doc.putArray("grant_types_supported"),
                List.of("authorization_code", "refresh_token", "client_credentials", TOKEN_EXCHANGE));
        strings(doc.putArray("code_challenge_methods_supported"), List.of("S256"));
        strings(doc.putArray("token_endpoint_auth_methods_supported"),
                List.of("client_secret_basic", "client_secret_post", "none"));
        strings(doc.putArray("scopes_supported"), List.of("all-apis", "offline_access", "sql", "jobs", "clusters"));
        return ApiResponse.json(200, doc, Map.of("Cache-Control", "public, max-age=300"));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
