package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clusters of the workspace in creation order, each with a sequence number used as its page key. Thread-safe. */
final class ClusterStore {

    /** A stored cluster: its {@code ClusterDetails} JSON and its position in creation order. */
    record StoredCluster(long sequence, ObjectNode details) {
        String clusterId() {
            return details.path("cluster_id").asText();
        }
    }

    private final Map<String, StoredCluster> clusters = new LinkedHashMap<>();
    private long nextSequence = 1;

    synchronized StoredCluster put(ObjectNode details) {
        String id = details.path("cluster_id").asText();
        StoredCluster existing = clusters.get(id);
        StoredCluster stored = new StoredCluster(existing != null ? existing.sequence() : nextSequence++,
                details.deepCopy());
        clusters.put(id, stored);
        return stored;
    }

    synchronized Optional<ObjectNode> find(String clusterId) {
        StoredCluster c = clusters.get(clusterId);
        return c == null ? Optional.empty() : Optional.of(c.details().deepCopy());
    }

    synchronized List<StoredCluster> list() {
        List<StoredCluster> copies = new ArrayList<>();
        clusters.values().forEach(c -> copies.add(new StoredCluster(c.sequence(), c.details().deepCopy())));
        return copies;
    }

    synchronized int count() {
        return clusters.size();
    }

    synchronized void clear() {
        clusters.clear();
        nextSequence = 1;
    }
}
