package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.List;
import java.util.Set;

/**
 * The Instance Pools API ({@code /api/2.0/instance-pools/...}): create, get, list, edit, delete. {@code stats} count
 * the nodes of the clusters that use a pool: RUNNING, RESTARTING and RESIZING ones as used, PENDING ones as pending.
 */
public final class InstancePoolsHandler implements ServiceHandler {

    static final Set<String> VERSIONS = Set.of("2.0");

    /** Fields an edit may change. */
    private static final List<String> EDITABLE = List.of("instance_pool_name", "min_idle_instances", "max_capacity",
            "idle_instance_autotermination_minutes", "custom_tags", "remote_disk_throughput",
            "total_initial_remote_disk_size");

    private final EmulatedClusters clusters;

    public InstancePoolsHandler(EmulatedClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public void register(Router router) {
        router.post(VERSIONS, "/instance-pools/create", this::create)
              .get(VERSIONS, "/instance-pools/get", this::get)
              .get(VERSIONS, "/instance-pools/list", this::list)
              .post(VERSIONS, "/instance-pools/edit", this::edit)
              .post(VERSIONS, "/instance-pools/delete", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode json = Json.object();
        json.put("instance_pool_id", create(clusters, request.body()));
        return ApiResponse.ok(json);
    }

    static String create(EmulatedClusters clusters, ObjectNode body) {
        ObjectNode pool = body.deepCopy();
        pool.remove(List.of("instance_pool_id", "state", "stats", "status", "default_tags"));
        validate(pool);
        String id = clusters.pools.nextId();
        pool.put("instance_pool_id", id);
        if (!pool.has("idle_instance_autotermination_minutes")) {
            pool.put("idle_instance_autotermination_minutes", 60);
        }
        if (!pool.has("min_idle_instances")) {
            pool.put("min_idle_instances", 0);
        }
        ObjectNode tags = pool.putObject("default_tags");
        tags.put("Vendor", "Databricks");
        tags.put("DatabricksInstancePoolCreatorId", clusters.userName);
        tags.put("DatabricksInstancePoolId", id);
        pool.put("state", "ACTIVE");
        clusters.pools.put(pool);
        return id;
    }

    private static void validate(ObjectNode pool) {
        String name = pool.path("instance_pool_name").asText("");
        if (name.isEmpty()) {
            throw ApiException.missingField("instance_pool_name");
        }
        String nodeType = pool.path("node_type_id").asText("");
        if (nodeType.isEmpty()) {
            throw ApiException.missingField("node_type_id");
        }
        if (ClusterCatalog.nodeType(nodeType).isEmpty()) {
            throw ApiException.invalidParameter("Node type " + nodeType + " is not supported.");
        }
        int min = nonNegative(pool, "min_idle_instances");
        JsonNode max = pool.get("max_capacity");
        if (max != null && !max.isNull() && nonNegative(pool, "max_capacity") < min) {
            throw ApiException.invalidParameter("max_capacity (" + max.asInt() + ") must be at least "
                    + "min_idle_instances (" + min + ").");
        }
    }

    private static int nonNegative(ObjectNode pool, String field) {
        JsonNode n = pool.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToInt()) {
            throw ApiException.malformedRequest("expected an integer for field '" + field + "'");
        }
        if (n.asInt() < 0) {
            throw ApiException.invalidParameter(field + " must not be negative.");
        }
        return n.asInt();
    }

    private ApiResponse get(ApiRequest request) {
        ObjectNode pool = clusters.pools.get(request.requiredString("instance_pool_id"));
        return ApiResponse.ok(withStats(clusters, pool));
    }

    private ApiResponse list(ApiRequest request) {
        ObjectNode json = Json.object();
        List<ObjectNode> pools = clusters.pools.list();
        if (!pools.isEmpty()) {
            ArrayNode array = json.putArray("instance_pools");
            pools.forEach(p -> array.add(withStats(clusters, p)));
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse edit(ApiRequest request) {
        String id = request.requiredString("instance_pool_id");
        ObjectNode body = request.body();
        ObjectNode pool = clusters.pools.get(id);
        String nodeType = body.path("node_type_id").asText("");
        if (nodeType.isEmpty()) {
            throw ApiException.missingField("node_type_id");
        }
        if (!nodeType.equals(pool.path("node_type_id").asText())) {
            throw ApiException.invalidParameter("The node type of instance pool " + id + " cannot be changed.");
        }
        ObjectNode edited = pool.deepCopy();
        for (String f : EDITABLE) {
            if (body.has(f) && !body.get(f).isNull()) {
                edited.set(f, body.get(f).deepCopy());
            }
        }
        validate(edited);
        clusters.pools.put(edited);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.requiredString("instance_pool_id");
        if (!clusters.pools.remove(id)) {
            throw InstancePoolStore.notFound(id);
        }
        return ApiResponse.ok(Json.object());
    }

    /** The pool with {@code stats} counted from the clusters that use it and an empty {@code status}. */
    static ObjectNode withStats(EmulatedClusters clusters, ObjectNode pool) {
        String id = pool.path("instance_pool_id").asText();
        int used = 0;
        int pendingUsed = 0;
        for (ClusterStore.Snapshot c : clusters.store.snapshot(false)) {
            ObjectNode d = c.details();
            int nodes = (id.equals(d.path("instance_pool_id").asText()) ? workers(d) : 0)
                    + (id.equals(d.path("driver_instance_pool_id").asText(d.path("instance_pool_id").asText()))
                    ? 1 : 0);
            String state = d.path("state").asText();
            if (Set.of("RUNNING", "RESTARTING", "RESIZING").contains(state)) {
                used += nodes;
            } else if ("PENDING".equals(state)) {
                pendingUsed += nodes;
            }
        }
        ObjectNode json = pool.deepCopy();
        ObjectNode stats = json.putObject("stats");
        stats.put("used_count", used);
        stats.put("idle_count", pool.path("min_idle_instances").asInt(0));
        stats.put("pending_used_count", pendingUsed);
        stats.put("pending_idle_count", 0);
        json.putObject("status");
        return json;
    }

    private static int workers(ObjectNode d) {
        return d.has("autoscale") ? d.path("autoscale").path("min_workers").asInt(0) : d.path("num_workers").asInt(0);
    }
}
