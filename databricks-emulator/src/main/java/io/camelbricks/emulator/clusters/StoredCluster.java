package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster as the emulator holds it: its {@code ClusterDetails} (kept up to date), the transition it is in, its
 * events and whether it is pinned. Not thread-safe: {@link ClusterStore} guards every access.
 */
final class StoredCluster {

    /** One cluster event; {@code sequence} orders all events of the workspace and keys their pages. */
    record Event(long sequence, ObjectNode json) {
        long timestamp() {
            return json.path("timestamp").asLong();
        }

        String type() {
            return json.path("type").asText();
        }
    }

    final long sequence;
    final String clusterId;
    ObjectNode details;
    final List<Event> events = new ArrayList<>();
    boolean pinned;

    /** The transition in progress (null when the cluster is RUNNING or TERMINATED). */
    ClusterScript.Step step;
    int pollsInStep;
    Instant stepEnteredAt;
    /** RUNNING or TERMINATED: where the transition leads. */
    String target;
    /** For a start that fails: the termination reason it ends with (null: it succeeds). */
    ObjectNode failure;
    String failureMessage;
    /** Workers before a resize, for UPSIZE_COMPLETED. */
    int workersBeforeResize;

    StoredCluster(long sequence, String clusterId, ObjectNode details) {
        this.sequence = sequence;
        this.clusterId = clusterId;
        this.details = details;
    }

    String state() {
        return details.path("state").asText();
    }

    String name() {
        return details.path("cluster_name").asText("");
    }

    /** The target number of workers: num_workers, or autoscale.min_workers. */
    int workers() {
        if (details.has("autoscale")) {
            return details.path("autoscale").path("min_workers").asInt(0);
        }
        return details.path("num_workers").asInt(0);
    }
}
