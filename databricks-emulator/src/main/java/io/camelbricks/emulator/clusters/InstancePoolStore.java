package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The instance pools of the workspace ({@code InstancePoolAndStats} without stats), in creation order. Thread-safe. */
final class InstancePoolStore {

    private final Map<String, ObjectNode> pools = new LinkedHashMap<>();
    private long next = 1;

    synchronized String nextId() {
        return String.format("0101-000000-emupool%03d-pool-%08x", next, 0x5eed0000 + next++);
    }

    synchronized void put(ObjectNode pool) {
        pools.put(pool.path("instance_pool_id").asText(), pool.deepCopy());
    }

    synchronized Optional<ObjectNode> find(String id) {
        ObjectNode p = pools.get(id);
        return p == null ? Optional.empty() : Optional.of(p.deepCopy());
    }

    /** The pool, or 404 RESOURCE_DOES_NOT_EXIST "Can't find an instance pool with id: X." as the API answers. */
    ObjectNode get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(String id) {
        return ApiException.resourceDoesNotExist("Can't find an instance pool with id: " + id + ".");
    }

    synchronized boolean remove(String id) {
        return pools.remove(id) != null;
    }

    synchronized List<ObjectNode> list() {
        List<ObjectNode> result = new ArrayList<>();
        pools.values().forEach(p -> result.add(p.deepCopy()));
        return result;
    }

    synchronized List<String> ids() {
        return List.copyOf(pools.keySet());
    }

    synchronized void clear() {
        pools.clear();
        next = 1;
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
