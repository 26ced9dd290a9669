package io.camelbricks.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The Permissions API ({@code /api/2.0/permissions/{type}/{id}}): get, set ({@code PUT}, replaces the direct
 * entries), update ({@code PATCH}, merges them) and {@code permissionLevels}, for jobs, clusters, instance pools,
 * cluster policies, warehouses, notebooks, directories, files, pipelines and the other object types (any level of the
 * spec). Principals must exist in the SCIM store ({@code user_name}, {@code group_name}, or
 * {@code service_principal_name} = application id). Every object shows its owner ({@code IS_OWNER} where the type
 * has owners, else {@code CAN_MANAGE}: the emulator's user) and {@code admins CAN_MANAGE} inherited from the root
 * object. Permissions are stored ({@link EmulatedPermissions}), not enforced.
 */
public final class PermissionsHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");

    /** What an object type accepts. */
    record TypeInfo(String objectType, List<String> levels, boolean hasOwner) {
    }

    private static final Map<String, TypeInfo> TYPES = Map.ofEntries(
            Map.entry("jobs", new TypeInfo("job", List.of("CAN_VIEW", "CAN_MANAGE_RUN", "IS_OWNER", "CAN_MANAGE"), true)),
            Map.entry("clusters", new TypeInfo("cluster", List.of("CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"), false)),
            Map.entry("instance-pools", new TypeInfo("instance-pool", List.of("CAN_ATTACH_TO", "CAN_MANAGE"), false)),
            Map.entry("cluster-policies", new TypeInfo("cluster-policy", List.of("CAN_USE"), false)),
            Map.entry("warehouses", new TypeInfo("warehouses", List.of("CAN_VIEW", "CAN_MONITOR", "CAN_USE", "IS_OWNER",
                    "CAN_MANAGE"), true)),
            Map.entry("notebooks", new TypeInfo("notebook", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("directories", new TypeInfo("directory", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("files", new TypeInfo("file", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("pipelines", new TypeInfo("pipeline", List.of("CAN_VIEW", "CAN_RUN", "CAN_MANAGE", "IS_OWNER"), true)),
            Map.entry("repos", new TypeInfo("repo", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("serving-endpoints", new TypeInfo("serving-endpoint", List.of("CAN_VIEW", "CAN_QUERY", "CAN_MANAGE"),
                    false)),
            Map.entry("experiments", new TypeInfo("mlflowExperiment", List.of("CAN_READ", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("registered-models", new TypeInfo("registered-model", List.of("CAN_READ", "CAN_EDIT",
                    "CAN_MANAGE_STAGING_VERSIONS", "CAN_MANAGE_PRODUCTION_VERSIONS", "CAN_MANAGE"), false)),
            Map.entry("dashboards", new TypeInfo("dashboard", List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"), false)),
            Map.entry("apps", new TypeInfo("apps", List.of("CAN_USE", "CAN_MANAGE"), false)),
            Map.entry("authorization", new TypeInfo("tokens", List.of("CAN_USE"), false)));

    private final EmulatedIdentities identities;
    private final String owner;
    private final BiPredicate<String, String> objectExists;
    private final EmulatedPermissions acls;

    /**
     * @param objectExists whether {@code (type, id)} names an existing object (404 RESOURCE_DOES_NOT_EXIST otherwise)
     */
    public PermissionsHandler(EmulatedPermissions acls, EmulatedIdentities identities, String owner,
                              BiPredicate<String, String> objectExists) {
        this.acls = acls;
        this.identities = identities;
        this.owner = owner;
        this.objectExists = objectExists;
    }

    @Override
    public void register(Router router) {
        String path = "/permissions/{request_object_type}/{request_object_id}";
        router.get(V, path, this::get)
              .add("PUT", V, path, r -> change(r, true))
              .add("PATCH", V, path, r -> change(r, false))
              .get(V, path + "/permissionLevels", this::levels);
    }

    private ApiResponse get(ApiRequest request) {
        String type = request.pathParameter("request_object_type");
        String id = request.pathParameter("request_object_id");
        check(type, id);
        return ApiResponse.ok(render(type, id));
    }

    private ApiResponse change(ApiRequest request, boolean replace) {
        String type = request.pathParameter("request_object_type");
        String id = request.pathParameter("request_object_id");
        TypeInfo info = check(type, id);
        JsonNode list = request.body().get("access_control_list");
        if (list != null && !list.isArray()) {
            throw ApiException.malformedRequest("expected an array for field 'access_control_list'");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String level = e.path("permission_level").asText("");
                if (!info.levels().contains(level)) {
                    throw ApiException.invalidParameter("Permission " + (level.isEmpty() ? "(none)" : level)
                            + " is not supported for " + type + "; supported: " + String.join(", ", info.levels()) + ".");
                }
                entries.put(principal(e, i), level);
            }
        }
        if (entries.values().stream().filter("IS_OWNER"::equals).count() > 1) {
            throw ApiException.invalidParameter("An object can have only one owner.");
        }
        acls.update(type, id, current -> {
            if (replace) {
                String previousOwner = ownerOf(type, current);
                current.clear();
                if (info.hasOwner() && !entries.containsValue("IS_OWNER")) {
                    current.put(previousOwner, "IS_OWNER");
                }
            } else if (entries.containsValue("IS_OWNER")) {
                current.values().removeIf("IS_OWNER"::equals);
            }
            current.putAll(entries);
            return null;
        });
        return ApiResponse.ok(render(type, id));
    }

    private ApiResponse levels(ApiRequest request) {
        String type = request.pathParameter("request_object_type");
        String id = request.pathParameter("request_object_id");
        TypeInfo info = check(type, id);
        ObjectNode json = Json.object();
        ArrayNode array = json.putArray("permission_levels");
        for (String level : info.levels()) {
            ObjectNode l = array.addObject();
            l.put("permission_level", level);
            l.put("description", "Can " + level.replaceFirst("^(CAN_|IS_)", "").toLowerCase().replace('_', ' '));
        }
        return ApiResponse.ok(json);
    }

    private TypeInfo check(String type, String id) {
        TypeInfo info = TYPES.get(type);
        if (info == null) {
            throw ApiException.invalidParameter("Unknown object type '" + type + "'.");
        }
        if (!objectExists.test(type, id)) {
            throw ApiException.resourceDoesNotExist(info.objectType() + " " + id + " does not exist.");
        }
        return info;
    }

    private String principal(JsonNode e, int i) {
        List<String> keys = new ArrayList<>();
        if (e.hasNonNull("user_name")) {
            String name = e.get("user_name").asText();
            if (identities.userByName(name).isEmpty()) {
                throw ApiException.invalidParameter("Principal: UserName(" + name + ") does not exist");
            }
            keys.add("user:" + name);
        }
        if (e.hasNonNull("group_name")) {
            String name = e.get("group_name").asText();
            if (identities.groupByName(name).isEmpty()) {
                throw ApiException.invalidParameter("Principal: GroupName(" + name + ") does not exist");
            }
            keys.add("group:" + name);
        }
        if (e.hasNonNull("service_principal_name")) {
            String name = e.get("service_principal_name").asText();
            if (identities.servicePrincipalByApplicationId(name).isEmpty()) {
                throw ApiException.invalidParameter("Principal: ServicePrincipalName(" + name + ") does not exist");
            }
            keys.add("sp:" + name);
        }
        if (keys.size() != 1) {
            throw ApiException.invalidParameter("access_control_list[" + i + "] must name exactly one of user_name,"
                    + " group_name and service_principal_name.");
        }
        return keys.get(0);
    }

    private String ownerOf(String type, Map<String, String> current) {
        for (Map.Entry<String, String> e : current.entrySet()) {
            if ("IS_OWNER".equals(e.getValue())) {
                return e.getKey();
            }
        }
        return "user:" + owner;
    }

    private ObjectNode render(String type, String id) {
        TypeInfo info = TYPES.get(type);
        Map<String, String> set = acls.snapshot(type, id);
        Map<String, String> direct = set != null ? set : new LinkedHashMap<>();
        if (set == null) {
            direct.put("user:" + owner, info.hasOwner() ? "IS_OWNER" : info.levels().contains("CAN_MANAGE")
                    ? "CAN_MANAGE" : info.levels().get(info.levels().size() - 1));
        }
        ObjectNode json = Json.object();
        json.put("object_id", "/" + type + "/" + id);
        json.put("object_type", info.objectType());
        ArrayNode list = json.putArray("access_control_list");
        boolean adminsListed = false;
        for (Map.Entry<String, String> e : direct.entrySet()) {
            ObjectNode entry = list.addObject();
            String key = e.getKey();
            String name = key.substring(key.indexOf(':') + 1);
            switch (key.substring(0, key.indexOf(':'))) {
                case "user" -> {
                    entry.put("user_name", name);
                    entry.put("display_name", identities.userByName(name).map(u -> u.path("displayName").asText(name))
                            .orElse(name));
                }
                case "group" -> entry.put("group_name", name);
                default -> {
                    entry.put("service_principal_name", name);
                    identities.servicePrincipalByApplicationId(name)
                            .ifPresent(sp -> entry.put("display_name", sp.path("displayName").asText(name)));
                }
            }
            ArrayNode all = entry.putArray("all_permissions");
            ObjectNode p = all.addObject();
            p.put("permission_level", e.getValue());
            p.put("inherited", false);
            if ("group:admins".equals(key)) {
                adminsListed = true;
                addAdminsInherited(all, type);
            }
        }
        if (!adminsListed && info.levels().contains("CAN_MANAGE")) {
            ObjectNode admins = list.addObject();
            admins.put("group_name", "admins");
            addAdminsInherited(admins.putArray("all_permissions"), type);
        }
        return json;
    }

    private static void addAdminsInherited(ArrayNode all, String type) {
        ObjectNode p = all.addObject();
        p.put("permission_level", "CAN_MANAGE");
        p.put("inherited", true);
        p.putArray("inherited_from_object").add("/" + type + "/");
    }
}
