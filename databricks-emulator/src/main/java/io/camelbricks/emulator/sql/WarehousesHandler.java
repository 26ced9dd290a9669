package io.camelbricks.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.KeysetPager;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * SQL warehouses ({@code /api/2.0/sql/warehouses}): create, get, list (paged with {@code page_size}), edit, start,
 * stop, delete. Unknown warehouses: {@code 404 RESOURCE_DOES_NOT_EXIST}.
 */
public final class WarehousesHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final Set<String> CONFIG_FIELDS = Set.of("name", "cluster_size", "min_num_clusters",
            "max_num_clusters", "auto_stop_mins", "enable_photon", "enable_serverless_compute", "warehouse_type",
            "spot_instance_policy", "channel", "tags", "instance_profile_arn", "creator_name");

    private final EmulatedSql sql;
    private final KeysetPager<WarehouseStore.StoredWarehouse> pager =
            new KeysetPager<>("warehouses", WarehouseStore.StoredWarehouse::sequence, false);

    private final PageSizes pageSizes;

    public WarehousesHandler(EmulatedSql sql) {
        this(sql, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code emu.pageSizes()}) for {@code list} */
    public WarehousesHandler(EmulatedSql sql, PageSizes pageSizes) {
        this.sql = sql;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/sql/warehouses", this::create)
              .get(V, "/sql/warehouses", this::list)
              .get(V, "/sql/warehouses/{id}", this::get)
              .post(V, "/sql/warehouses/{id}/edit", this::edit)
              .post(V, "/sql/warehouses/{id}/start", this::start)
              .post(V, "/sql/warehouses/{id}/stop", this::stop)
              .add("DELETE", V, "/sql/warehouses/{id}", this::delete);
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode config = validated(request.body(), null);
        if (!config.has("creator_name")) {
            config.put("creator_name", request.principal() == null ? sql.userName() : request.principal());
        }
        WarehouseStore.StoredWarehouse w = sql.warehouses.create(sql.newWarehouseId(), config, "STARTING",
                sql.clock().instant());
        ObjectNode json = Json.object();
        json.put("id", w.id);
        return ApiResponse.ok(json);
    }

    private ApiResponse get(ApiRequest request) {
        WarehouseStore.StoredWarehouse w = find(request.pathParameter("id"), true);
        sql.warehouses.observe(w, sql.clock().instant(), true);
        return ApiResponse.ok(sql.renderWarehouse(w));
    }

    private ApiResponse list(ApiRequest request) {
        List<WarehouseStore.StoredWarehouse> all = sql.warehouses.list();
        OptionalLong pageSize = request.optionalLong("page_size");
        String token = request.optionalString("page_token").filter(t -> !t.isEmpty()).orElse(null);
        if (pageSize.isPresent() && pageSize.getAsLong() < 0) {
            throw ApiException.invalidParameter("page_size must not be negative.");
        }
        int size = pageSize.isPresent() && pageSize.getAsLong() > 0 ? (int) Math.min(pageSize.getAsLong(), 1000)
                : Math.max(1, all.size());
        int forced = pageSizes.forcedMax("sql.Warehouses.list", "/sql/warehouses");
        if (forced > 0) {
            size = Math.min(size, forced);
        }
        KeysetPager.Page<WarehouseStore.StoredWarehouse> page = pager.page(all, size, token, 0);
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode array = json.putArray("warehouses");
            for (WarehouseStore.StoredWarehouse w : page.items()) {
                sql.warehouses.observe(w, sql.clock().instant(), true);
                array.add(sql.renderWarehouse(w));
            }
        }
        if (page.nextPageToken() != null) {
            json.put("next_page_token", page.nextPageToken());
        }
        return ApiResponse.ok(json);
    }

    private ApiResponse edit(ApiRequest request) {
        WarehouseStore.StoredWarehouse w = find(request.pathParameter("id"), false);
        ObjectNode current = sql.warehouses.config(w);
        ObjectNode config = validated(request.body(), current);
        sql.warehouses.edit(w, config);
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse start(ApiRequest request) {
        WarehouseStore.StoredWarehouse w = find(request.pathParameter("id"), false);
        sql.warehouses.start(w, sql.clock().instant());
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse stop(ApiRequest request) {
        WarehouseStore.StoredWarehouse w = find(request.pathParameter("id"), false);
        sql.warehouses.stop(w, sql.clock().instant());
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse delete(ApiRequest request) {
        WarehouseStore.StoredWarehouse w = find(request.pathParameter("id"), false);
        sql.warehouses.delete(w, sql.clock().instant());
        return ApiResponse.ok(Json.object());
    }

    private WarehouseStore.StoredWarehouse find(String id, boolean deletedToo) {
        return sql.warehouses.find(id).filter(w -> deletedToo || !"DELETED".equals(w.state))
                .orElseThrow(() -> ApiException.resourceDoesNotExist("Warehouse " + id + " does not exist."));
    }

    /** The request's configuration fields over {@code base} (edit) or the defaults (create), validated. */
    private static ObjectNode validated(ObjectNode body, ObjectNode base) {
        ObjectNode config = base != null ? base : defaults();
        body.fields().forEachRemaining(e -> {
            if (CONFIG_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                config.set(e.getKey(), e.getValue());
            }
        });
        String name = config.path("name").asText("");
        if (name.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: name");
        }
        if (name.length() > 100) {
            throw ApiException.invalidParameter("name must be at most 100 characters.");
        }
        String size = config.path("cluster_size").asText("");
        if (!EmulatedSql.CLUSTER_SIZES.contains(size)) {
            throw ApiException.invalidParameter("Invalid cluster_size '" + size + "'. Supported sizes: "
                    + String.join(", ", List.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
                    "2X-Large", "3X-Large", "4X-Large")) + ".");
        }
        long min = intField(config, "min_num_clusters");
        long max = intField(config, "max_num_clusters");
        if (min < 1 || max < min || max > 40) {
            throw ApiException.invalidParameter("min_num_clusters must be at least 1 and at most max_num_clusters,"
                    + " and max_num_clusters at most 40.");
        }
        long autoStop = intField(config, "auto_stop_mins");
        boolean serverless = config.path("enable_serverless_compute").asBoolean(false);
        if (autoStop < 0 || (autoStop > 0 && autoStop < (serverless ? 1 : 10))) {
            throw ApiException.invalidParameter("auto_stop_mins must be 0 (no auto stop) or at least "
                    + (serverless ? 1 : 10) + " minutes.");
        }
        String type = config.path("warehouse_type").asText("CLASSIC");
        if (!Set.of("CLASSIC", "PRO", "TYPE_UNSPECIFIED").contains(type)) {
            throw ApiException.invalidParameter("Invalid warehouse_type '" + type + "'.");
        }
        if (serverless && !"PRO".equals(type)) {
            throw ApiException.invalidParameter("Serverless compute requires warehouse_type PRO.");
        }
        return config;
    }

    private static long intField(ObjectNode config, String field) {
        JsonNode n = config.get(field);
        if (n == null) {
            return 0;
        }
        if (!n.canConvertToLong() || !(n.isIntegralNumber() || n.isTextual())) {
            throw ApiException.malformedRequest("expected an integer for field '" + field + "'");
        }
        return n.asLong();
    }

    private static ObjectNode defaults() {
        ObjectNode config = Json.object();
        config.put("min_num_clusters", 1);
        config.put("max_num_clusters", 1);
        config.put("auto_stop_mins", 120);
        config.put("enable_photon", true);
        config.put("enable_serverless_compute", false);
        config.put("warehouse_type", "CLASSIC");
        config.put("spot_instance_policy", "COST_OPTIMIZED");
        config.putObject("channel").put("name", "CHANNEL_NAME_CURRENT");
        config.putObject("tags");
        return config;
    }
}
