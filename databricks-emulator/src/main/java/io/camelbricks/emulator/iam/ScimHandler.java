package io.camelbricks.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * SCIM 2.0 users, groups and service principals ({@code /api/2.0/preview/scim/v2/Users|Groups|ServicePrincipals}):
 * create ({@code 201}), get, list ({@code startIndex} 1-based, {@code count} default 10000, {@code filter},
 * {@code attributes}, {@code excludedAttributes}, {@code sortBy}, {@code sortOrder}), replace ({@code PUT}),
 * patch ({@code PatchOp} add / replace / remove, with paths such as {@code active}, {@code members},
 * {@code members[value eq "123"]}), delete ({@code 204}). Errors are SCIM error bodies
 * ({@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":...,"status":"404"}}).
 */
public final class ScimHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final String BASE = "/preview/scim/v2/";
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Set<String> MULTI_VALUED = Set.of("members", "emails", "entitlements", "roles", "groups");

    private final EmulatedIdentities identities;
    private final PageSizes pageSizes;

    public ScimHandler(EmulatedIdentities identities) {
        this(identities, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code emu.pageSizes()}): {@code count} is cut down to them */
    public ScimHandler(EmulatedIdentities identities, PageSizes pageSizes) {
        this.identities = identities;
        this.pageSizes = pageSizes;
    }

    /** A SCIM error answer. */
    private static final class ScimError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String scimType;

        ScimError(int status, String detail, String scimType) {
            super(detail, null, false, false);
            this.status = status;
            this.scimType = scimType;
        }
    }

    @Override
    public void register(Router router) {
        for (EmulatedIdentities.Kind kind : EmulatedIdentities.Kind.values()) {
            String path = BASE + kind.path;
            router.post(V, path, scim(r -> create(kind, r)))
                  .get(V, path, scim(r -> list(kind, r)))
                  .get(V, path + "/{id}", scim(r -> get(kind, r)))
                  .add("PUT", V, path + "/{id}", scim(r -> replace(kind, r)))
                  .add("PATCH", V, path + "/{id}", scim(r -> patch(kind, r)))
                  .add("DELETE", V, path + "/{id}", scim(r -> delete(kind, r)));
        }
    }

    private static io.camelbricks.emulator.server.ApiHandler scim(io.camelbricks.emulator.server.ApiHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (ScimError e) {
                ObjectNode body = Json.object();
                body.putArray("schemas").add(ERROR_SCHEMA);
                body.put("detail", e.getMessage());
                if (e.scimType != null) {
                    body.put("scimType", e.scimType);
                }
                body.put("status", Integer.toString(e.status));
                return ApiResponse.json(e.status, body, Map.of());
            }
        };
    }

    private ApiResponse create(EmulatedIdentities.Kind kind, ApiRequest request) {
        ObjectNode body = request.body();
        synchronized (identities) {
            String id = validate(kind, body, null);
            if (kind == EmulatedIdentities.Kind.SERVICE_PRINCIPALS && !body.hasNonNull("applicationId")) {
                body.put("applicationId", EmulatedIdentities.newApplicationId());
            }
            if (kind != EmulatedIdentities.Kind.GROUPS && !body.has("active")) {
                body.put("active", true);
            }
            if (kind == EmulatedIdentities.Kind.USERS && !body.hasNonNull("displayName")) {
                body.put("displayName", body.path("userName").asText());
            }
            checkMembers(kind, body);
            ObjectNode created = identities.put(kind, id, body);
            return ApiResponse.json(201, created, Map.of());
        }
    }

    private ApiResponse get(EmulatedIdentities.Kind kind, ApiRequest request) {
        String id = request.pathParameter("id");
        return ApiResponse.ok(identities.get(kind, id).orElseThrow(() -> notFound(kind, id)));
    }

    private ApiResponse list(EmulatedIdentities.Kind kind, ApiRequest request) {
        List<ObjectNode> all = identities.all(kind);
        String filter = request.optionalString("filter").filter(s -> !s.isBlank()).orElse(null);
        if (filter != null) {
            Predicate<JsonNode> predicate;
            try {
                predicate = ScimFilter.parse(filter);
            } catch (ScimFilter.InvalidFilter e) {
                throw new ScimError(400, "Invalid filter: " + e.getMessage(), "invalidFilter");
            }
            all = all.stream().filter(predicate).collect(Collectors.toCollection(ArrayList::new));
        }
        String sortBy = request.optionalString("sortBy").filter(s -> !s.isBlank()).orElse(null);
        if (sortBy != null) {
            Comparator<ObjectNode> order = Comparator.comparing(r -> ScimFilter.values(r, sortBy).stream().findFirst()
                    .map(JsonNode::asText).map(s -> s.toLowerCase(Locale.ROOT)).orElse(""));
            if ("descending".equalsIgnoreCase(request.optionalString("sortOrder").orElse("ascending"))) {
                order = order.reversed();
            }
            all.sort(order);
        }
        long startIndex = request.optionalLong("startIndex").orElse(1);
        long count = request.optionalLong("count").orElse(10_000);
        if (startIndex < 1) {
            startIndex = 1;
        }
        if (count < 0) {
            count = 0;
        }
        String operationId = "iam." + (kind == EmulatedIdentities.Kind.USERS ? "Users"
                : kind == EmulatedIdentities.Kind.GROUPS ? "Groups" : "ServicePrincipals") + ".list";
        int forced = pageSizes.forcedMax(operationId, request.apiPath());
        if (forced > 0) {
            count = Math.min(count, forced);
        }
        int from = (int) Math.min(all.size(), startIndex - 1);
        int to = (int) Math.min(all.size(), from + count);
        List<ObjectNode> page = all.subList(from, to);
        ObjectNode json = Json.object();
        json.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        json.put("totalResults", all.size());
        json.put("startIndex", startIndex);
        json.put("itemsPerPage", page.size());
        if (!page.isEmpty()) {
            ArrayNode resources = json.putArray("Resources");
            Set<String> attributes = csv(request.optionalString("attributes").orElse(""));
            Set<String> excluded = csv(request.optionalString("excludedAttributes").orElse(""));
            for (ObjectNode r : page) {
                resources.add(project(r, attributes, excluded));
            }
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse replace(EmulatedIdentities.Kind kind, ApiRequest request) {
        String id = request.pathParameter("id");
        ObjectNode body = request.body();
        synchronized (identities) {
            if (!identities.exists(kind, id)) {
                throw notFound(kind, id);
            }
            validate(kind, body, id);
            checkMembers(kind, body);
            return ApiResponse.ok(identities.put(kind, id, body));
        }
    }

    private ApiResponse patch(EmulatedIdentities.Kind kind, ApiRequest request) {
        String id = request.pathParameter("id");
        ObjectNode body = request.body();
        JsonNode operations = body.get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimError(400, "A PatchOp request needs a non-empty Operations array.", "invalidSyntax");
        }
        synchronized (identities) {
            if (!identities.exists(kind, id)) {
                throw notFound(kind, id);
            }
            ObjectNode r = identities.stored(kind, id);
            for (JsonNode op : operations) {
                apply(r, op);
            }
            validate(kind, r, id);
            checkMembers(kind, r);
            return ApiResponse.ok(identities.put(kind, id, r));
        }
    }

    private ApiResponse delete(EmulatedIdentities.Kind kind, ApiRequest request) {
        String id = request.pathParameter("id");
        if (!identities.remove(kind, id)) {
            throw notFound(kind, id);
        }
        return ApiResponse.bytes(204, "application/json", new byte[0], Map.of());
    }

    // ---- helpers

    /** Checks required fields and uniqueness; returns the id a new resource gets (or {@code existingId}). */
    private String validate(EmulatedIdentities.Kind kind, ObjectNode body, String existingId) {
        switch (kind) {
            case USERS -> {
                String userName = body.path("userName").asText("");
                if (userName.isBlank()) {
                    throw new ScimError(400, "Request is unparsable, syntactically incorrect, or violates schema:"
                            + " userName is required.", "invalidValue");
                }
                identities.userByName(userName).filter(u -> !u.path("id").asText().equals(existingId))
                        .ifPresent(u -> {
                            throw new ScimError(409, "User with username " + userName + " already exists.", "uniqueness");
                        });
                return existingId != null ? existingId : CurrentUserHandler.userId(userName);
            }
            case GROUPS -> {
                String name = body.path("displayName").asText("");
                if (name.isBlank()) {
                    throw new ScimError(400, "Request is unparsable, syntactically incorrect, or violates schema:"
                            + " displayName is required.", "invalidValue");
                }
                identities.groupByName(name).filter(g -> !g.path("id").asText().equals(existingId))
                        .ifPresent(g -> {
                            throw new ScimError(409, "Group with name " + name + " already exists.", "uniqueness");
                        });
                return existingId != null ? existingId : identities.newId();
            }
            default -> {
                String applicationId = body.path("applicationId").asText("");
                if (!applicationId.isEmpty()) {
                    identities.servicePrincipalByApplicationId(applicationId)
                            .filter(s -> !s.path("id").asText().equals(existingId))
                            .ifPresent(s -> {
                                throw new ScimError(409, "Service principal with application ID " + applicationId
                                        + " already exists.", "uniqueness");
                            });
                }
                if (body.path("displayName").asText("").isBlank() && applicationId.isEmpty()) {
                    throw new ScimError(400, "Request is unparsable, syntactically incorrect, or violates schema:"
                            + " displayName is required.", "invalidValue");
                }
                return existingId != null ? existingId : identities.newId();
            }
        }
    }

    private void checkMembers(EmulatedIdentities.Kind kind, ObjectNode body) {
        if (kind != EmulatedIdentities.Kind.GROUPS || !body.path("members").isArray()) {
            return;
        }
        for (JsonNode m : body.get("members")) {
            String value = m.path("value").asText("");
            boolean known = Arrays.stream(EmulatedIdentities.Kind.values()).anyMatch(k -> identities.exists(k, value));
            if (!known) {
                throw new ScimError(404, "Member " + value + " not found.", null);
            }
        }
    }

    /** Applies one PatchOp operation to a stored resource. */
    private static void apply(ObjectNode r, JsonNode op) {
        String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
        String path = op.hasNonNull("path") ? op.get("path").asText() : null;
        JsonNode value = op.get("value");
        if (!Set.of("add", "replace", "remove").contains(kind)) {
            throw new ScimError(400, "Unsupported patch operation '" + op.path("op").asText() + "'.", "invalidSyntax");
        }
        if (path == null) {
            if ("remove".equals(kind) || value == null || !value.isObject()) {
                throw new ScimError(400, "A patch operation without a path needs an object value.", "noTarget");
            }
            value.fields().forEachRemaining(e -> setOrAdd(r, e.getKey(), e.getValue(), "add".equals(kind)));
            return;
        }
        String attribute = path;
        String filter = null;
        int bracket = path.indexOf('[');
        if (bracket > 0 && path.endsWith("]")) {
            attribute = path.substring(0, bracket);
            filter = path.substring(bracket + 1, path.length() - 1);
        }
        String field = canonical(r, attribute);
        if ("remove".equals(kind)) {
            if (filter == null) {
                if (value != null && value.isArray() && MULTI_VALUED.contains(field.toLowerCase(Locale.ROOT))) {
                    Set<String> drop = new java.util.HashSet<>();
                    value.forEach(v -> drop.add(v.path("value").asText()));
                    removeWhere(r, field, n -> drop.contains(n.path("value").asText()));
                } else {
                    r.remove(field);
                }
            } else {
                Predicate<JsonNode> match;
                try {
                    match = ScimFilter.parse(filter);
                } catch (ScimFilter.InvalidFilter e) {
                    throw new ScimError(400, "Invalid filter in path: " + e.getMessage(), "invalidPath");
                }
                removeWhere(r, field, match);
            }
            return;
        }
        if (value == null) {
            throw new ScimError(400, "A patch operation '" + kind + "' needs a value.", "invalidValue");
        }
        if (field.contains(".")) {
            String[] parts = field.split("\\.", 2);
            ObjectNode parent = r.has(parts[0]) && r.get(parts[0]).isObject() ? (ObjectNode) r.get(parts[0])
                    : r.putObject(parts[0]);
            parent.set(parts[1], value.deepCopy());
            return;
        }
        setOrAdd(r, field, value, "add".equals(kind));
    }

    private static void setOrAdd(ObjectNode r, String field, JsonNode value, boolean add) {
        String name = canonical(r, field);
        if (MULTI_VALUED.contains(name.toLowerCase(Locale.ROOT))) {
            ArrayNode values = add && r.path(name).isArray() ? (ArrayNode) r.get(name) : Json.array();
            JsonNode incoming = value.isArray() ? value : Json.array().add(value);
            for (JsonNode v : incoming) {
                boolean duplicate = false;
                for (JsonNode existing : values) {
                    if (existing.path("value").asText().equals(v.path("value").asText())) {
                        duplicate = true;
                        break;
                    }
                }
                if (!duplicate) {
                    values.add(v.deepCopy());
                }
            }
            r.set(name, values);
        } else {
            r.set(name, value.deepCopy());
        }
    }

    private static void removeWhere(ObjectNode r, String field, Predicate<JsonNode> match) {
        JsonNode values = r.get(field);
        if (values == null || !values.isArray()) {
            return;
        }
        ArrayNode kept = Json.array();
        values.forEach(v -> {
            if (!match.test(v)) {
                kept.add(v);
            }
        });
        r.set(field, kept);
    }

    /** The stored spelling of an attribute name (SCIM names are case-insensitive). */
    private static String canonical(ObjectNode r, String attribute) {
        var it = r.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(attribute)) {
                return f;
            }
        }
        for (String known : List.of("userName", "displayName", "active", "members", "emails", "entitlements", "roles",
                "externalId", "applicationId", "name")) {
            if (known.equalsIgnoreCase(attribute)) {
                return known;
            }
        }
        return attribute;
    }

    private static ObjectNode project(ObjectNode r, Set<String> attributes, Set<String> excluded) {
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return r;
        }
        ObjectNode out = Json.object();
        r.fields().forEachRemaining(e -> {
            String f = e.getKey().toLowerCase(Locale.ROOT);
            boolean always = f.equals("id") || f.equals("schemas");
            boolean wanted = attributes.isEmpty() || attributes.contains(f);
            if (always || (wanted && !excluded.contains(f))) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static Set<String> csv(String value) {
        Set<String> result = new java.util.HashSet<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                result.add(s.trim().toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    private static ScimError notFound(EmulatedIdentities.Kind kind, String id) {
        String what = switch (kind) {
            case USERS -> "User";
            case GROUPS -> "Group";
            default -> "Service principal";
        };
        return new ScimError(404, what + " with id " + id + " not found.", null);
    }
}
