package io.camelbricks.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/2.0/preview/scim/v2/Me}: who the request's credentials belong to (the PAT's owner, the user who
 * approved an OAuth login, or a service principal's application id), as a SCIM user. With the SCIM store
 * ({@link EmulatedIdentities}) the answer is the stored user (with its groups and entitlements), or the service
 * principal with that application id; otherwise a user made up from the name.
 */
public final class CurrentUserHandler implements ServiceHandler {

    private final EmulatedIdentities identities;

    public CurrentUserHandler() {
        this(null);
    }

    public CurrentUserHandler(EmulatedIdentities identities) {
        this.identities = identities;
    }

    /** The id a user gets from its name (stable, so {@code Me} and {@code Users/{id}} agree). */
    static String userId(String userName) {
        return Long.toString(Math.abs(UUID.nameUUIDFromBytes(userName.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits() % 10_000_000_000_000L));
    }

    @Override
    public void register(Router router) {
        router.get(Set.of("2.0"), "/preview/scim/v2/Me", this::me);
    }

    private ApiResponse me(ApiRequest request) {
        String userName = request.principal() == null ? "unknown" : request.principal();
        if (identities != null) {
            var stored = identities.userByName(userName);
            if (stored.isPresent()) {
                return ApiResponse.ok(stored.get());
            }
            var sp = identities.servicePrincipalByApplicationId(userName);
            if (sp.isPresent()) {
                ObjectNode user = sp.get();
                user.put("userName", userName);
                return ApiResponse.ok(user);
            }
        }
        ObjectNode user = Json.object();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("id", userId(userName));
        user.put("userName", userName);
        user.put("displayName", userName);
        user.put("active", true);
        if (userName.contains("@")) {
            ObjectNode email = user.putArray("emails").addObject();
            email.put("value", userName);
            email.put("type", "work");
            email.put("primary", true);
        }
        return ApiResponse.ok(user);
    }
}
