package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.KeysetPager;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.PageToken;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Clusters API ({@code /api/2.0|2.1/clusters/...}): create, get, list (filter_by, sort_by, page_size and
 * page_token), edit, update, start, restart, resize, delete, permanent-delete, pin, unpin, events, spark-versions and
 * list-node-types.
 */
public final class ClustersHandler implements ServiceHandler {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int EVENTS_DEFAULT_LIMIT = 50;
    private static final int EVENTS_MAX_LIMIT = 500;

    /** Fields of {@code ClusterDetails} that the service sets; never taken from a request. */
    private static final Set<String> RUNTIME_FIELDS = Set.of("cluster_id", "creator_user_name", "cluster_source",
            "state", "state_message", "start_time", "terminated_time", "termination_reason", "spark_context_id",
            "driver", "executors", "last_restarted_time", "last_state_loss_time", "jdbc_port", "default_tags",
            "cluster_memory_mb", "cluster_cores", "cluster_log_status", "spec");

    /** Request fields that are instructions, not part of the cluster's specification. */
    private static final Set<String> REQUEST_ONLY_FIELDS = Set.of("apply_policy_default_values", "clone_from");

    private final EmulatedClusters clusters;
    private final PageSizes pageSizes;
    private final KeysetPager<ClusterStore.Snapshot> pager =
            new KeysetPager<>("clusters", ClusterStore.Snapshot::sequence, false);

    public ClustersHandler(EmulatedClusters clusters) {
        this(clusters, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code compute.Clusters.list}, {@code compute.Clusters.events}) */
    public ClustersHandler(EmulatedClusters clusters, PageSizes pageSizes) {
        this.clusters = clusters;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        Set<String> v = Router.Versions.CLUSTERS;
        router.get(v, "/clusters/list", this::list)
              .get(v, "/clusters/get", this::get)
              .post(v, "/clusters/create", this::create)
              .post(v, "/clusters/edit", this::edit)
              .post(v, "/clusters/update", this::update)
              .post(v, "/clusters/start", this::start)
              .post(v, "/clusters/restart", this::restart)
              .post(v, "/clusters/resize", this::resize)
              .post(v, "/clusters/delete", this::delete)
              .post(v, "/clusters/permanent-delete", this::permanentDelete)
              .post(v, "/clusters/pin", request -> pin(request, true))
              .post(v, "/clusters/unpin", request -> pin(request, false))
              .post(v, "/clusters/events", this::events)
              .get(v, "/clusters/spark-versions", request -> ApiResponse.ok(ClusterCatalog.sparkVersions()))
              .get(v, "/clusters/list-node-types", request -> ApiResponse.ok(ClusterCatalog.nodeTypes()));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(clusters.store.observe(request.requiredString("cluster_id")));
    }

    // ---- create and change

    private ApiResponse create(ApiRequest request) {
        ObjectNode spec = specFromRequest(request.body());
        spec.remove("cluster_id");
        ObjectNode details = validated(spec);
        String id = clusters.nextClusterId();
        details.put("cluster_id", id);
        details.put("creator_user_name", user(request));
        details.put("cluster_source", "API");
        details.set("default_tags", defaultTags(id, details.path("cluster_name").asText(""), user(request)));
        details.set("spec", spec);
        clusters.store.create(details, clusters.script(), clusters.nextFailure(), user(request));
        ObjectNode json = Json.object();
        json.put("cluster_id", id);
        return ApiResponse.ok(json);
    }

    private ApiResponse edit(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        ObjectNode spec = specFromRequest(request.body());
        spec.remove("cluster_id");
        ObjectNode details = validated(spec);
        clusters.store.edit(clusterId, old -> replaceSpec(old, details, spec), clusters.script(), user(request));
        return ApiResponse.ok(Json.object());
    }

    /** clusters/update: only the fields named in {@code update_mask} (comma-separated, or {@code *}) change. */
    private ApiResponse update(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        String mask = request.requiredString("update_mask");
        JsonNode given = request.body().get("cluster");
        if (given != null && !given.isNull() && !given.isObject()) {
            throw ApiException.malformedRequest("expected an object for field 'cluster'");
        }
        ObjectNode changes = given instanceof ObjectNode o ? o : Json.object();
        ObjectNode current = clusters.store.read(clusterId, c -> specOf(c.details));
        ObjectNode spec = current.deepCopy();
        if ("*".equals(mask.trim())) {
            spec = specFromRequest(changes);
        } else {
            for (String field : mask.split(",")) {
                String f = field.trim();
                if (f.isEmpty()) {
                    continue;
                }
                if (RUNTIME_FIELDS.contains(f)) {
                    throw ApiException.invalidParameter("Field " + f + " cannot be updated.");
                }
                if (changes.has(f)) {
                    spec.set(f, changes.get(f).deepCopy());
                } else {
                    spec.remove(f);
                }
            }
        }
        ObjectNode newSpec = spec;
        ObjectNode details = validated(newSpec);
        clusters.store.edit(clusterId, old -> replaceSpec(old, details, newSpec), clusters.script(), user(request));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse start(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        clusters.store.start(clusterId, clusters.script(), clusters::nextFailure, user(request));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse restart(ApiRequest request) {
        clusters.store.restart(request.requiredString("cluster_id"), clusters.script(), user(request));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse resize(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        ObjectNode body = request.body();
        ObjectNode size = Json.object();
        JsonNode autoscale = body.get("autoscale");
        OptionalLong workers = request.optionalLong("num_workers");
        if (autoscale != null && !autoscale.isNull()) {
            size.set("autoscale", autoscale(autoscale));
        } else if (workers.isPresent()) {
            if (workers.getAsLong() < 0) {
                throw ApiException.invalidParameter("num_workers must not be negative.");
            }
            size.put("num_workers", workers.getAsLong());
        } else {
            throw ApiException.invalidParameter("Either num_workers or autoscale must be set.");
        }
        clusters.store.resize(clusterId, size, clusters.script(), user(request));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        clusters.store.terminate(request.requiredString("cluster_id"), clusters.script(), user(request));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse permanentDelete(ApiRequest request) {
        clusters.store.permanentDelete(request.requiredString("cluster_id"));
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse pin(ApiRequest request, boolean pin) {
        clusters.store.pin(request.requiredString("cluster_id"), pin, user(request));
        return ApiResponse.ok(Json.object());
    }

    private String user(ApiRequest request) {
        String principal = request.principal();
        return principal == null || principal.isEmpty() ? clusters.userName : principal;
    }

    // ---- specifications

    private static ObjectNode specFromRequest(ObjectNode body) {
        ObjectNode spec = body.deepCopy();
        REQUEST_ONLY_FIELDS.forEach(spec::remove);
        for (String f : RUNTIME_FIELDS) {
            if (!"cluster_id".equals(f)) {
                spec.remove(f);
            }
        }
        return spec;
    }

    /** The specification part of stored details (the {@code spec} kept at creation, or the details themselves). */
    private static ObjectNode specOf(ObjectNode details) {
        if (details.path("spec").isObject()) {
            return ((ObjectNode) details.get("spec")).deepCopy();
        }
        ObjectNode spec = details.deepCopy();
        RUNTIME_FIELDS.forEach(spec::remove);
        return spec;
    }

    /** Validates a cluster specification like the service does and fills in what it derives. */
    private ObjectNode validated(ObjectNode spec) {
        ObjectNode d = spec.deepCopy();
        String policyId = text(d, "policy_id");
        if (policyId != null && clusters.policies.find(policyId).isEmpty()) {
            throw ApiException.invalidParameter("Cluster validation error: Can't find a cluster policy with id: "
                    + policyId + ".");
        }
        String version = text(d, "spark_version");
        if (version == null) {
            if (policyId == null) {
                throw ApiException.missingField("spark_version");
            }
        } else if (!ClusterCatalog.isSparkVersion(version)) {
            throw ApiException.invalidParameter("Invalid spark version " + version + ".");
        }
        for (String poolField : List.of("instance_pool_id", "driver_instance_pool_id")) {
            String poolId = text(d, poolField);
            if (poolId != null) {
                ObjectNode pool = clusters.pools.find(poolId).orElseThrow(() -> ApiException.invalidParameter(
                        "Cluster validation error: Can't find an instance pool with id: " + poolId + "."));
                String poolNodeType = pool.path("node_type_id").asText();
                d.put("instance_pool_id".equals(poolField) ? "node_type_id" : "driver_node_type_id", poolNodeType);
            }
        }
        String nodeType = text(d, "node_type_id");
        if (nodeType == null) {
            if (policyId == null) {
                throw ApiException.missingField("node_type_id");
            }
        } else if (ClusterCatalog.nodeType(nodeType).isEmpty()) {
            throw ApiException.invalidParameter("Node type " + nodeType + " is not supported.");
        }
        String driverType = text(d, "driver_node_type_id");
        if (driverType == null) {
            if (nodeType != null) {
                d.put("driver_node_type_id", nodeType);
            }
        } else if (ClusterCatalog.nodeType(driverType).isEmpty()) {
            throw ApiException.invalidParameter("Node type " + driverType + " is not supported.");
        }
        JsonNode autoscale = d.get("autoscale");
        if (autoscale != null && !autoscale.isNull()) {
            d.set("autoscale", autoscale(autoscale));
            d.remove("num_workers");
        } else {
            d.remove("autoscale");
            JsonNode workers = d.get("num_workers");
            if (workers == null || workers.isNull()) {
                d.put("num_workers", 0);
            } else if (!workers.canConvertToInt()) {
                throw ApiException.malformedRequest("expected an integer for field 'num_workers'");
            } else if (workers.asInt() < 0) {
                throw ApiException.invalidParameter("num_workers must not be negative.");
            }
        }
        JsonNode auto = d.get("autotermination_minutes");
        if (auto != null && !auto.isNull()) {
            int minutes = auto.asInt(-1);
            if (minutes != 0 && (minutes < 10 || minutes > 10000)) {
                throw ApiException.invalidParameter("Invalid autotermination_minutes " + auto.asText()
                        + ": it must be between 10 and 10000 minutes, or 0 to disable automatic termination.");
            }
        }
        JsonNode tags = d.get("custom_tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            throw ApiException.malformedRequest("expected an object for field 'custom_tags'");
        }
        if (!d.has("cluster_name") || d.get("cluster_name").isNull()) {
            d.put("cluster_name", "");
        }
        ClusterStore.resources(d);
        return d;
    }

    private static ObjectNode autoscale(JsonNode autoscale) {
        if (!autoscale.isObject()) {
            throw ApiException.malformedRequest("expected an object for field 'autoscale'");
        }
        int min = autoscale.path("min_workers").asInt(0);
        int max = autoscale.path("max_workers").asInt(0);
        if (min < 0 || max < 1 || max < min) {
            throw ApiException.invalidParameter("Invalid autoscale: max_workers must be at least 1 and at least "
                    + "min_workers (min_workers " + min + ", max_workers " + max + ").");
        }
        ObjectNode a = Json.object();
        a.put("min_workers", min);
        a.put("max_workers", max);
        return a;
    }

    /** The new specification with the old identity and runtime fields. */
    private static ObjectNode replaceSpec(ObjectNode old, ObjectNode newDetails, ObjectNode spec) {
        ObjectNode d = newDetails.deepCopy();
        for (String f : RUNTIME_FIELDS) {
            if (old.has(f)) {
                d.set(f, old.get(f).deepCopy());
            }
        }
        d.set("spec", spec.deepCopy());
        if (d.path("default_tags").isObject()) {
            ((ObjectNode) d.get("default_tags")).put("ClusterName", d.path("cluster_name").asText(""));
        }
        ClusterStore.resources(d);
        return d;
    }

    private static ObjectNode defaultTags(String id, String name, String user) {
        ObjectNode tags = Json.object();
        tags.put("Vendor", "Databricks");
        tags.put("Creator", user);
        tags.put("ClusterName", name);
        tags.put("ClusterId", id);
        return tags;
    }

    private static String text(ObjectNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    // ---- list

    /**
     * Without page_size every cluster comes in one answer; with it, pages of that size (at most 100). filter_by
     * ({@code filter_by.cluster_states}, {@code cluster_sources}, {@code is_pinned}, {@code policy_id}) and sort_by
     * ({@code sort_by.field} DEFAULT or CLUSTER_NAME, {@code sort_by.direction} ASC or DESC) come as query parameters.
     * Clusters on the page count one observation each, as runs on a runs/list page do.
     */
    private ApiResponse list(ApiRequest request) {
        OptionalLong pageSize = request.optionalLong("page_size");
        String token = request.optionalString("page_token").orElse(null);
        Map<String, List<String>> query = request.queryParameters();
        Set<String> states = values(query, "filter_by.cluster_states");
        Set<String> sources = values(query, "filter_by.cluster_sources");
        String pinned = first(query, "filter_by.is_pinned");
        String policy = first(query, "filter_by.policy_id");
        String field = upper(first(query, "sort_by.field"), "DEFAULT");
        String direction = upper(first(query, "sort_by.direction"), "ASC");
        if (!Set.of("DEFAULT", "CLUSTER_NAME").contains(field)) {
            throw ApiException.invalidParameter("Invalid sort_by.field: " + field + ".");
        }
        if (!Set.of("ASC", "DESC").contains(direction)) {
            throw ApiException.invalidParameter("Invalid sort_by.direction: " + direction + ".");
        }
        Predicate<ClusterStore.Snapshot> filter = c -> (states.isEmpty()
                        || states.contains(c.details().path("state").asText()))
                && (sources.isEmpty() || sources.contains(c.details().path("cluster_source").asText()))
                && (pinned == null || Boolean.parseBoolean(pinned) == c.pinned())
                && (policy == null || policy.equals(c.details().path("policy_id").asText()));
        List<ClusterStore.Snapshot> all = new ArrayList<>(clusters.store.snapshot(true).stream().filter(filter)
                .toList());
        int size;
        if (pageSize.isPresent() && pageSize.getAsLong() != 0) {
            if (pageSize.getAsLong() < 0) {
                throw ApiException.invalidParameter("page_size must not be negative.");
            }
            size = (int) Math.min(MAX_PAGE_SIZE, pageSize.getAsLong());
        } else {
            size = token == null || token.isEmpty() ? Math.max(1, all.size()) : MAX_PAGE_SIZE;
        }
        size = forced(size, "compute.Clusters.list", "/clusters/list");
        KeysetPager.Page<ClusterStore.Snapshot> page;
        if ("DEFAULT".equals(field) && "ASC".equals(direction)) {
            page = pager.page(all, size, token, 0);
        } else {
            Comparator<ClusterStore.Snapshot> order = "CLUSTER_NAME".equals(field)
                    ? Comparator.comparing((ClusterStore.Snapshot c) -> c.details().path("cluster_name").asText()
                            .toLowerCase(Locale.ROOT)).thenComparingLong(ClusterStore.Snapshot::sequence)
                    : Comparator.comparingLong(ClusterStore.Snapshot::sequence);
            all.sort("DESC".equals(direction) ? order.reversed() : order);
            page = offsetPage(all, size, token, "clusters-" + field + "-" + direction);
        }
        clusters.store.observed(page.items().stream().map(ClusterStore.Snapshot::clusterId).toList());
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode array = json.putArray("clusters");
            page.items().forEach(c -> array.add(c.details()));
        }
        if (page.nextPageToken() != null) {
            json.put("next_page_token", page.nextPageToken());
        }
        if (page.prevPageToken() != null) {
            json.put("prev_page_token", page.prevPageToken());
        }
        return ApiResponse.ok(json);
    }

    private static <T> KeysetPager.Page<T> offsetPage(List<T> items, int size, String token, String scope) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            long offset = PageToken.decode(token, scope).boundary();
            if (offset < 0 || offset > items.size()) {
                throw ApiException.invalidParameter("Invalid page token: " + token);
            }
            from = (int) offset;
        }
        int to = Math.min(items.size(), from + size);
        String next = to < items.size() ? new PageToken(scope, true, to).encode() : null;
        String prev = from > 0 ? new PageToken(scope, true, Math.max(0, from - size)).encode() : null;
        return new KeysetPager.Page<>(List.copyOf(items.subList(from, to)), next, prev);
    }

    private static Set<String> values(Map<String, List<String>> query, String name) {
        Set<String> result = new LinkedHashSet<>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
    }

    private static String upper(String value, String fallback) {
        return value == null ? fallback : value.toUpperCase(Locale.ROOT);
    }

    // ---- events

    /**
     * clusters/events: newest first by default ({@code order} ASC or DESC), filtered by {@code event_types},
     * {@code start_time} and {@code end_time} (epoch ms, inclusive). Legacy paging with {@code offset} and
     * {@code limit} (default 50, at most 500) answers {@code next_page}, the request for the next page, and
     * {@code total_count}; with {@code page_size} or {@code page_token} it answers {@code next_page_token} and
     * {@code prev_page_token} instead.
     */
    private ApiResponse events(ApiRequest request) {
        String clusterId = request.requiredString("cluster_id");
        ObjectNode body = request.body();
        String order = upper(request.optionalString("order").filter(s -> !s.isEmpty()).orElse(null), "DESC");
        if (!Set.of("ASC", "DESC").contains(order)) {
            throw ApiException.invalidParameter("Invalid order: " + order + ". Expected ASC or DESC.");
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode eventTypes = body.get("event_types");
        if (eventTypes != null && !eventTypes.isNull()) {
            if (!eventTypes.isArray()) {
                throw ApiException.malformedRequest("expected an array for field 'event_types'");
            }
            eventTypes.forEach(t -> types.add(t.asText()));
        }
        OptionalLong start = request.optionalLong("start_time");
        OptionalLong end = request.optionalLong("end_time");
        List<StoredCluster.Event> matching = new ArrayList<>();
        for (StoredCluster.Event e : clusters.store.events(clusterId)) {
            if ((types.isEmpty() || types.contains(e.type()))
                    && (start.isEmpty() || e.timestamp() >= start.getAsLong())
                    && (end.isEmpty() || e.timestamp() <= end.getAsLong())) {
                matching.add(e);
            }
        }
        Comparator<StoredCluster.Event> byTime = Comparator.comparingLong(StoredCluster.Event::timestamp)
                .thenComparingLong(StoredCluster.Event::sequence);
        matching.sort("DESC".equals(order) ? byTime.reversed() : byTime);
        ObjectNode json = Json.object();
        OptionalLong pageSize = request.optionalLong("page_size");
        String token = request.optionalString("page_token").filter(s -> !s.isEmpty()).orElse(null);
        if (pageSize.isPresent() || token != null) {
            int size = forced((int) limit(pageSize, "page_size"), "compute.Clusters.events", "/clusters/events");
            KeysetPager.Page<StoredCluster.Event> page = offsetPage(matching, size, token,
                    "cluster-events-" + clusterId + "-" + order);
            putEvents(json, page.items());
            if (page.nextPageToken() != null) {
                json.put("next_page_token", page.nextPageToken());
            }
            if (page.prevPageToken() != null) {
                json.put("prev_page_token", page.prevPageToken());
            }
        } else {
            int limit = forced((int) limit(request.optionalLong("limit"), "limit"), "compute.Clusters.events",
                    "/clusters/events");
            long offset = request.optionalLong("offset").orElse(0);
            if (offset < 0) {
                throw ApiException.invalidParameter("offset must not be negative.");
            }
            int from = (int) Math.min(offset, matching.size());
            int to = Math.min(matching.size(), from + limit);
            putEvents(json, matching.subList(from, to));
            if (to < matching.size()) {
                ObjectNode next = body.deepCopy();
                next.put("cluster_id", clusterId);
                next.put("order", order);
                next.put("offset", to);
                next.put("limit", limit);
                json.set("next_page", next);
            }
        }
        json.put("total_count", matching.size());
        return ApiResponse.ok(json);
    }

    /** The size within the emulator's forced page size for this list, if one is set. */
    private int forced(int size, String... keys) {
        int max = pageSizes.forcedMax(keys);
        return max > 0 ? Math.min(size, max) : size;
    }

    private static long limit(OptionalLong given, String name) {
        if (given.isEmpty() || given.getAsLong() == 0) {
            return EVENTS_DEFAULT_LIMIT;
        }
        long v = given.getAsLong();
        if (v < 0 || v > EVENTS_MAX_LIMIT) {
            throw ApiException.invalidParameter("Invalid " + name + " " + v + ": it must be between 1 and "
                    + EVENTS_MAX_LIMIT + ".");
        }
        return v;
    }

    private static void putEvents(ObjectNode json, List<StoredCluster.Event> events) {
        if (!events.isEmpty()) {
            ArrayNode array = json.putArray("events");
            events.forEach(e -> array.add(e.json().deepCopy()));
        }
    }
}
