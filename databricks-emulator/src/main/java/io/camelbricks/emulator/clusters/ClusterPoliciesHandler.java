package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Cluster Policies API ({@code /api/2.0/policies/clusters/...}): create, get, list ({@code sort_column}
 * POLICY_CREATION_TIME or POLICY_NAME, {@code sort_order} ASC or DESC; one page), edit, delete. Names are unique; a definition
 * must be a JSON object. Policies are not enforced on clusters.
 */
public final class ClusterPoliciesHandler implements ServiceHandler {

    private static final List<String> FIELDS = List.of("name", "definition", "description", "max_clusters_per_user",
            "policy_family_id", "policy_family_definition_overrides", "libraries");

    private final EmulatedClusters clusters;

    public ClusterPoliciesHandler(EmulatedClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public void register(Router router) {
        Set<String> v = InstancePoolsHandler.VERSIONS;
        router.post(v, "/policies/clusters/create", this::create)
              .get(v, "/policies/clusters/get", this::get)
              .get(v, "/policies/clusters/list", this::list)
              .post(v, "/policies/clusters/edit", this::edit)
              .post(v, "/policies/clusters/delete", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode json = Json.object();
        json.put("policy_id", create(clusters, request.body()));
        return ApiResponse.ok(json);
    }

    static String create(EmulatedClusters clusters, ObjectNode body) {
        ObjectNode policy = fields(body);
        String id = clusters.policies.nextId();
        policy.put("policy_id", id);
        policy.put("creator_user_name", clusters.userName);
        policy.put("created_at_timestamp", clusters.clock.millis());
        policy.put("is_default", false);
        clusters.policies.put(policy);
        return id;
    }

    /** The policy fields of a create or edit request, validated. */
    private static ObjectNode fields(ObjectNode body) {
        ObjectNode policy = Json.object();
        for (String f : FIELDS) {
            JsonNode v = body.get(f);
            if (v != null && !v.isNull()) {
                policy.set(f, v.deepCopy());
            }
        }
        String name = policy.path("name").asText("");
        if (name.isEmpty()) {
            throw ApiException.missingField("name");
        }
        if (name.length() > 100) {
            throw ApiException.invalidParameter("Cluster policy name must be at most 100 characters.");
        }
        for (String jsonField : List.of("definition", "policy_family_definition_overrides")) {
            JsonNode d = policy.get(jsonField);
            if (d == null) {
                continue;
            }
            if (!d.isTextual()) {
                throw ApiException.malformedRequest("expected a string for field '" + jsonField + "'");
            }
            try {
                JsonNode parsed = Json.MAPPER.readTree(d.textValue());
                if (parsed == null || !parsed.isObject()) {
                    throw ApiException.invalidParameter("Invalid policy " + jsonField + ": it must be a JSON object.");
                }
            } catch (JsonProcessingException e) {
                throw ApiException.invalidParameter("Invalid policy " + jsonField + ": " + e.getOriginalMessage());
            }
        }
        if (!policy.has("definition") && !policy.has("policy_family_id")) {
            policy.put("definition", "{}");
        }
        JsonNode max = policy.get("max_clusters_per_user");
        if (max != null && (!max.canConvertToLong() || max.asLong() < 0)) {
            throw ApiException.invalidParameter("max_clusters_per_user must be a non-negative integer.");
        }
        return policy;
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(clusters.policies.get(request.requiredString("policy_id")));
    }

    private ApiResponse list(ApiRequest request) {
        String column = request.optionalString("sort_column").filter(s -> !s.isEmpty()).orElse("POLICY_CREATION_TIME")
                .toUpperCase(Locale.ROOT);
        String order = request.optionalString("sort_order").filter(s -> !s.isEmpty()).orElse("DESC")
                .toUpperCase(Locale.ROOT);
        if (!Set.of("POLICY_CREATION_TIME", "POLICY_NAME").contains(column)) {
            throw ApiException.invalidParameter("Invalid sort_column: " + column + ".");
        }
        if (!Set.of("ASC", "DESC").contains(order)) {
            throw ApiException.invalidParameter("Invalid sort_order: " + order + ".");
        }
        List<ObjectNode> policies = new ArrayList<>(clusters.policies.list());
        Comparator<ObjectNode> byCreation = Comparator.comparingLong(p -> p.path("created_at_timestamp").asLong());
        Comparator<ObjectNode> comparator = "POLICY_NAME".equals(column)
                ? Comparator.comparing(p -> p.path("name").asText().toLowerCase(Locale.ROOT)) : byCreation;
        policies.sort("DESC".equals(order) ? comparator.reversed() : comparator);
        ObjectNode json = Json.object();
        if (!policies.isEmpty()) {
            ArrayNode array = json.putArray("policies");
            policies.forEach(array::add);
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse edit(ApiRequest request) {
        String id = request.requiredString("policy_id");
        ObjectNode current = clusters.policies.get(id);
        ObjectNode edited = fields(request.body());
        for (String f : List.of("policy_id", "creator_user_name", "created_at_timestamp", "is_default")) {
            edited.set(f, current.get(f));
        }
        clusters.policies.put(edited);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.requiredString("policy_id");
        if (!clusters.policies.remove(id)) {
            throw PolicyStore.notFound(id);
        }
        return ApiResponse.ok(Json.object());
    }
}
