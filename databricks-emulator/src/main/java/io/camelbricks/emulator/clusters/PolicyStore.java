package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster policies of the workspace ({@code Policy}), in creation order. Thread-safe. */
final class PolicyStore {

    private final Map<String, ObjectNode> policies = new LinkedHashMap<>();
    private long next = 1;

    synchronized String nextId() {
        return String.format("%016X", 0xE0C0_0000_0000_0000L + next++);
    }

    /** Stores a policy, refusing a name another policy has ("Cluster Policy with name `X` already exists"). */
    synchronized void put(ObjectNode policy) {
        String id = policy.path("policy_id").asText();
        String name = policy.path("name").asText();
        for (ObjectNode other : policies.values()) {
            if (!other.path("policy_id").asText().equals(id) && other.path("name").asText().equals(name)) {
                throw ApiException.invalidParameter("Cluster Policy with name `" + name + "` already exists");
            }
        }
        policies.put(id, policy.deepCopy());
    }

    synchronized Optional<ObjectNode> find(String id) {
        ObjectNode p = policies.get(id);
        return p == null ? Optional.empty() : Optional.of(p.deepCopy());
    }

    ObjectNode get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(String id) {
        return ApiException.resourceDoesNotExist("Can't find a cluster policy with id: " + id + ".");
    }

    synchronized boolean remove(String id) {
        return policies.remove(id) != null;
    }

    synchronized List<ObjectNode> list() {
        List<ObjectNode> result = new ArrayList<>();
        policies.values().forEach(p -> result.add(p.deepCopy()));
        return result;
    }

    synchronized List<String> ids() {
        return List.copyOf(policies.keySet());
    }

    synchronized void clear() {
        policies.clear();
        next = 1;
    }
}
