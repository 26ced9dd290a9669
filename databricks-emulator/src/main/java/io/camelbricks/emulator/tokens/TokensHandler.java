package io.camelbricks.emulator.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.Map;
import java.util.Set;

/**
 * The Tokens API ({@code /api/2.0/token/...}): create ({@code comment}, {@code lifetime_seconds}; answers
 * {@code token_value} once and {@code token_info}), list ({@code token_infos}, the caller's tokens), delete
 * ({@code token_id}; unknown: {@code 404 RESOURCE_DOES_NOT_EXIST}).
 */
public final class TokensHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");

    private final EmulatedTokens tokens;
    private final String defaultOwner;

    public TokensHandler(EmulatedTokens tokens, String defaultOwner) {
        this.tokens = tokens;
        this.defaultOwner = defaultOwner;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/token/create", this::create)
              .get(V, "/token/list", this::list)
              .post(V, "/token/delete", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        String comment = request.optionalString("comment").orElse(null);
        long lifetime = request.optionalLong("lifetime_seconds").orElse(0);
        if (lifetime < 0 && lifetime != -1) {
            throw ApiException.invalidParameter("lifetime_seconds must be positive, or -1 / absent for no expiry.");
        }
        Map.Entry<EmulatedTokens.StoredToken, String> created = tokens.create(owner(request), comment, lifetime);
        ObjectNode json = Json.object();
        json.put("token_value", created.getValue());
        json.set("token_info", info(created.getKey()));
        return ApiResponse.ok(json);
    }

    private ApiResponse list(ApiRequest request) {
        String owner = owner(request);
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray("token_infos");
        tokens.list().stream().filter(t -> t.owner().equals(owner)).forEach(t -> array.add(info(t)));
        return ApiResponse.ok(json);
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.requiredString("token_id");
        String owner = owner(request);
        boolean mine = tokens.list().stream().anyMatch(t -> t.tokenId().equals(id) && t.owner().equals(owner));
        if (!mine || tokens.remove(id).isEmpty()) {
            throw ApiException.resourceDoesNotExist("Token with id " + id + " does not exist.");
        }
        return ApiResponse.ok(Json.object());
    }

    private static ObjectNode info(EmulatedTokens.StoredToken t) {
        ObjectNode json = Json.object();
        json.put("token_id", t.tokenId());
        json.put("creation_time", t.creationTime());
        json.put("expiry_time", t.expiryTime());
        if (t.comment() != null) {
            json.put("comment", t.comment());
        }
        return json;
    }

    private String owner(ApiRequest request) {
        return request.principal() != null ? request.principal() : defaultOwner;
    }
}
