package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusters of the workspace in creation order, their state machines and events. Thread-safe.
 *
 * <p>PENDING → RUNNING (create, start), RUNNING → RESTARTING → RUNNING (restart, edit), RUNNING → RESIZING → RUNNING
 * (resize), any active state → TERMINATING → TERMINATED (delete). Transitional states last as long as the
 * {@link ClusterScript} in force when they began says, counted in observations or clock time; a cluster is brought
 * up to date whenever it is looked at.
 */
final class ClusterStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStore.class);

    private final Clock clock;
    private final Map<String, StoredCluster> clusters = new LinkedHashMap<>();
    private long nextSequence = 1;
    private long nextEvent = 1;
    private long nextContext = 1;

    ClusterStore(Clock clock) {
        this.clock = clock;
    }

    // ---- seeding and inspection

    /**
     * Adds or replaces (by cluster_id) a cluster given as {@code ClusterDetails}. A transitional state (PENDING,
     * RESTARTING, RESIZING, TERMINATING) starts its transition under {@code script}.
     */
    synchronized StoredCluster put(ObjectNode details, ClusterScript script) {
        String id = details.path("cluster_id").asText();
        StoredCluster existing = clusters.get(id);
        StoredCluster c = new StoredCluster(existing != null ? existing.sequence : nextSequence++, id,
                details.deepCopy());
        clusters.put(id, c);
        String state = c.state();
        if (ClusterScript.TRANSITIONAL_STATES.contains(state)) {
            begin(c, state, script, "TERMINATING".equals(state) ? "TERMINATED" : "RUNNING", clock.instant());
        }
        return c;
    }

    /** The cluster's details now (clock-timed transitions applied; not an observation). */
    synchronized Optional<ObjectNode> find(String clusterId) {
        StoredCluster c = clusters.get(clusterId);
        if (c == null) {
            return Optional.empty();
        }
        settle(c, clock.instant(), false);
        return Optional.of(c.details.deepCopy());
    }

    synchronized List<String> ids() {
        return List.copyOf(clusters.keySet());
    }

    synchronized int count() {
        return clusters.size();
    }

    synchronized void clear() {
        clusters.clear();
        nextSequence = 1;
        nextEvent = 1;
        nextContext = 1;
    }

    /** A snapshot for lists: sequence, details copy, pinned flag. */
    record Snapshot(long sequence, ObjectNode details, boolean pinned) {
        String clusterId() {
            return details.path("cluster_id").asText();
        }
    }

    /** All clusters brought up to date as a poll would (each one's due transitions applied), in creation order. */
    synchronized List<Snapshot> snapshot(boolean pollBudgets) {
        Instant now = clock.instant();
        List<Snapshot> result = new ArrayList<>();
        for (StoredCluster c : clusters.values()) {
            settle(c, now, pollBudgets);
            result.add(new Snapshot(c.sequence, c.details.deepCopy(), c.pinned));
        }
        return result;
    }

    /** Counts one observation of each of these clusters (those on a list page). */
    synchronized void observed(Collection<String> clusterIds) {
        for (String id : clusterIds) {
            StoredCluster c = clusters.get(id);
            if (c != null && c.step != null) {
                c.pollsInStep++;
            }
        }
    }

    /** clusters/get: due transitions applied, then one observation counted. */
    synchronized ObjectNode observe(String clusterId) {
        StoredCluster c = require(clusterId);
        settle(c, clock.instant(), true);
        if (c.step != null) {
            c.pollsInStep++;
        }
        return c.details.deepCopy();
    }

    /** The cluster's events (transitions applied first), oldest first. */
    synchronized List<StoredCluster.Event> events(String clusterId) {
        StoredCluster c = require(clusterId);
        settle(c, clock.instant(), false);
        return List.copyOf(c.events);
    }

    /** Reads the details of a cluster under the lock (clock-timed transitions applied). */
    synchronized <T> T read(String clusterId, Function<StoredCluster, T> view) {
        StoredCluster c = require(clusterId);
        settle(c, clock.instant(), false);
        return view.apply(c);
    }

    // ---- operations

    /** clusters/create: the details are complete and validated; the cluster starts PENDING. */
    synchronized void create(ObjectNode details, ClusterScript script, Failure failure, String user) {
        Instant now = clock.instant();
        StoredCluster c = new StoredCluster(nextSequence++, details.path("cluster_id").asText(), details.deepCopy());
        clusters.put(c.clusterId, c);
        c.details.put("start_time", now.toEpochMilli());
        ObjectNode d = Json.object();
        d.set("cluster_size", clusterSize(c.details));
        d.put("user", user);
        event(c, "CREATING", now, d);
        begin(c, "PENDING", script, "RUNNING", now);
        applyFailure(c, failure);
        LOG.info("Cluster {} ('{}') created: PENDING", c.clusterId, c.name());
    }

    /** clusters/start: TERMINATED → PENDING → RUNNING. */
    synchronized void start(String clusterId, ClusterScript script, java.util.function.Supplier<Failure> failure,
                            String user) {
        StoredCluster c = requireState(clusterId, "TERMINATED");
        Instant now = clock.instant();
        c.details.remove(List.of("terminated_time", "termination_reason"));
        c.details.put("start_time", now.toEpochMilli());
        event(c, "STARTING", now, user(user));
        begin(c, "PENDING", script, "RUNNING", now);
        applyFailure(c, failure.get());
        LOG.info("Cluster {} TERMINATED -> PENDING", clusterId);
    }

    /** clusters/restart: RUNNING → RESTARTING → RUNNING. */
    synchronized void restart(String clusterId, ClusterScript script, String user) {
        StoredCluster c = requireState(clusterId, "RUNNING");
        Instant now = clock.instant();
        event(c, "RESTARTING", now, user(user));
        begin(c, "RESTARTING", script, "RUNNING", now);
        LOG.info("Cluster {} RUNNING -> RESTARTING", clusterId);
    }

    /** clusters/resize: RUNNING → RESIZING → RUNNING with the new size. */
    synchronized void resize(String clusterId, ObjectNode newSize, ClusterScript script, String user) {
        StoredCluster c = requireState(clusterId, "RUNNING");
        Instant now = clock.instant();
        ObjectNode previous = clusterSize(c.details);
        c.workersBeforeResize = c.workers();
        if (newSize.has("autoscale")) {
            c.details.remove("num_workers");
            c.details.set("autoscale", newSize.get("autoscale").deepCopy());
        } else {
            c.details.remove("autoscale");
            c.details.put("num_workers", newSize.path("num_workers").asInt());
        }
        ObjectNode d = Json.object();
        d.set("cluster_size", clusterSize(c.details));
        d.set("previous_cluster_size", previous);
        d.put("target_num_workers", c.workers());
        d.put("user", user);
        event(c, "RESIZING", now, d);
        begin(c, "RESIZING", script, "RUNNING", now);
        LOG.info("Cluster {} RUNNING -> RESIZING ({} -> {} workers)", clusterId, c.workersBeforeResize, c.workers());
    }

    /**
     * clusters/edit and clusters/update: the new details replace the old. A RUNNING cluster restarts, a TERMINATED
     * one stays terminated; any other state is INVALID_STATE.
     */
    synchronized void edit(String clusterId, Function<ObjectNode, ObjectNode> newDetails, ClusterScript script,
                           String user) {
        StoredCluster c = require(clusterId);
        Instant now = clock.instant();
        settle(c, now, false);
        String state = c.state();
        if (!"RUNNING".equals(state) && !"TERMINATED".equals(state)) {
            throw invalidState(c);
        }
        ObjectNode before = c.details.deepCopy();
        c.details = newDetails.apply(c.details.deepCopy());
        ObjectNode d = Json.object();
        d.set("previous_attributes", attributes(before));
        d.set("attributes", attributes(c.details));
        d.put("user", user);
        event(c, "EDITED", now, d);
        if ("RUNNING".equals(state)) {
            event(c, "RESTARTING", now, user(user));
            begin(c, "RESTARTING", script, "RUNNING", now);
            LOG.info("Cluster {} edited: RUNNING -> RESTARTING", clusterId);
        }
    }

    /** clusters/delete: an active cluster goes TERMINATING → TERMINATED; a terminated or terminating one is left. */
    synchronized void terminate(String clusterId, ClusterScript script, String user) {
        StoredCluster c = require(clusterId);
        Instant now = clock.instant();
        settle(c, now, false);
        String state = c.state();
        if ("TERMINATED".equals(state) || "TERMINATING".equals(state)) {
            return;
        }
        ObjectNode reason = Json.object();
        reason.put("code", "USER_REQUEST");
        reason.put("type", "SUCCESS");
        reason.putObject("parameters").put("username", user);
        ObjectNode d = Json.object();
        d.set("reason", reason.deepCopy());
        d.put("user", user);
        event(c, "TERMINATING", now, d);
        begin(c, "TERMINATING", script, "TERMINATED", now);
        c.failure = reason;
        c.failureMessage = "Termination requested by " + user;
        LOG.info("Cluster {} {} -> TERMINATING", clusterId, state);
    }

    /** clusters/permanent-delete: gone at once (terminated first if needed). */
    synchronized void permanentDelete(String clusterId) {
        require(clusterId);
        clusters.remove(clusterId);
        LOG.info("Cluster {} permanently deleted", clusterId);
    }

    synchronized void pin(String clusterId, boolean pin, String user) {
        StoredCluster c = require(clusterId);
        if (c.pinned != pin) {
            c.pinned = pin;
            event(c, pin ? "PINNED" : "UNPINNED", clock.instant(), user(user));
        }
    }

    /** Completes the current transition of a cluster now (test control). */
    synchronized void advance(String clusterId) {
        StoredCluster c = require(clusterId);
        Instant now = clock.instant();
        settle(c, now, false);
        if (c.step != null) {
            complete(c, now);
        }
    }

    // ---- state machine

    /** A start that ends TERMINATED with this reason and message instead of RUNNING. */
    record Failure(ObjectNode reason, String message) {
    }

    private void applyFailure(StoredCluster c, Failure failure) {
        c.failure = failure == null ? null : failure.reason().deepCopy();
        c.failureMessage = failure == null ? null : failure.message();
    }

    private void begin(StoredCluster c, String state, ClusterScript script, String target, Instant at) {
        c.details.put("state", state);
        c.details.put("state_message", transitionalMessage(state));
        c.step = script.step(state);
        c.pollsInStep = 0;
        c.stepEnteredAt = at;
        c.target = target;
        c.failure = null;
        c.failureMessage = null;
    }

    private void settle(StoredCluster c, Instant now, boolean pollBudgets) {
        while (c.step != null) {
            Instant due;
            if (c.step.isTimed()) {
                due = c.stepEnteredAt.plus(c.step.duration());
            } else {
                due = pollBudgets && c.pollsInStep >= c.step.polls() ? now : null;
            }
            if (due == null || due.isAfter(now)) {
                return;
            }
            complete(c, due);
        }
    }

    private void complete(StoredCluster c, Instant at) {
        String from = c.state();
        c.step = null;
        if ("RUNNING".equals(c.target) && c.failure == null) {
            running(c, from, at);
        } else {
            if ("RUNNING".equals(c.target)) {
                ObjectNode d = Json.object();
                d.set("reason", c.failure.deepCopy());
                event(c, "TERMINATING", at, d);
            }
            terminated(c, at);
        }
        LOG.info("Cluster {} {} -> {}", c.clusterId, from, c.state());
    }

    private void running(StoredCluster c, String from, Instant at) {
        ObjectNode d = c.details;
        d.put("state", "RUNNING");
        d.put("state_message", "");
        if (!"RESIZING".equals(from)) {
            d.put("spark_context_id", 4_020_000_000_000_000_000L + nextContext++);
            d.put("last_restarted_time", at.toEpochMilli());
            ObjectNode driver = d.putObject("driver");
            driver.put("private_ip", "10.0.0.10");
            driver.put("host_private_ip", "10.0.1.10");
            driver.put("node_id", "emu-driver-" + c.clusterId);
            driver.put("instance_id", "i-emu-driver-" + c.sequence);
            driver.put("start_timestamp", at.toEpochMilli());
            d.put("jdbc_port", 10000);
        }
        int workers = c.workers();
        ArrayNode executors = d.putArray("executors");
        for (int i = 0; i < workers; i++) {
            ObjectNode e = executors.addObject();
            e.put("private_ip", "10.0.0." + (11 + i));
            e.put("host_private_ip", "10.0.1." + (11 + i));
            e.put("node_id", "emu-worker-" + c.clusterId + "-" + i);
            e.put("instance_id", "i-emu-worker-" + c.sequence + "-" + i);
            e.put("start_timestamp", at.toEpochMilli());
        }
        resources(d);
        ObjectNode ev = Json.object();
        ev.put("current_num_workers", workers);
        ev.put("target_num_workers", workers);
        if ("RESIZING".equals(from)) {
            if (workers > c.workersBeforeResize) {
                event(c, "UPSIZE_COMPLETED", at, ev);
            }
        } else {
            event(c, "RUNNING", at, ev);
        }
    }

    private void terminated(StoredCluster c, Instant at) {
        ObjectNode d = c.details;
        d.put("state", "TERMINATED");
        d.put("state_message", c.failureMessage == null ? "" : c.failureMessage);
        d.put("terminated_time", at.toEpochMilli());
        if (c.failure != null) {
            d.set("termination_reason", c.failure.deepCopy());
        }
        d.remove(List.of("spark_context_id", "driver", "executors", "jdbc_port"));
        c.failure = null;
        c.failureMessage = null;
    }

    /** cluster_cores and cluster_memory_mb from the node type and the number of nodes. */
    static void resources(ObjectNode d) {
        ClusterCatalog.nodeType(d.path("node_type_id").asText()).ifPresent(node -> {
            int nodes = (d.has("autoscale") ? d.path("autoscale").path("min_workers").asInt(0)
                    : d.path("num_workers").asInt(0)) + 1;
            d.put("cluster_cores", node.path("num_cores").asDouble() * nodes);
            d.put("cluster_memory_mb", node.path("memory_mb").asLong() * nodes);
        });
    }

    private void event(StoredCluster c, String type, Instant at, ObjectNode details) {
        ObjectNode e = Json.object();
        e.put("cluster_id", c.clusterId);
        e.put("timestamp", at.toEpochMilli());
        e.put("type", type);
        e.set("details", details);
        c.events.add(new StoredCluster.Event(nextEvent++, e));
    }

    private static ObjectNode user(String user) {
        ObjectNode d = Json.object();
        d.put("user", user);
        return d;
    }

    static ObjectNode clusterSize(ObjectNode details) {
        ObjectNode size = Json.object();
        if (details.has("autoscale")) {
            size.set("autoscale", details.get("autoscale").deepCopy());
        } else {
            size.put("num_workers", details.path("num_workers").asInt(0));
        }
        return size;
    }

    private static ObjectNode attributes(ObjectNode details) {
        ObjectNode a = details.path("spec").isObject() ? ((ObjectNode) details.get("spec")).deepCopy() : Json.object();
        a.remove("cluster_id");
        return a;
    }

    private static String transitionalMessage(String state) {
        switch (state) {
            case "PENDING":
                return "Finding instances for new nodes, acquiring more instances if necessary";
            case "RESTARTING":
                return "Restarting Spark";
            case "RESIZING":
                return "Resizing cluster";
            case "TERMINATING":
                return "Terminating cluster";
            default:
                return "";
        }
    }

    private StoredCluster require(String clusterId) {
        StoredCluster c = clusters.get(clusterId);
        if (c == null) {
            throw ApiException.legacyDoesNotExist("Cluster " + clusterId + " does not exist");
        }
        return c;
    }

    private StoredCluster requireState(String clusterId, String state) {
        StoredCluster c = require(clusterId);
        settle(c, clock.instant(), false);
        if (!state.equals(c.state())) {
            throw invalidState(c);
        }
        return c;
    }

    /** {@code 400 INVALID_STATE "Cluster <id> is in unexpected state Running."}, as the Clusters API answers. */
    static ApiException invalidState(StoredCluster c) {
        String s = c.state().toLowerCase(Locale.ROOT);
        String title = s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return new ApiException(400, "INVALID_STATE", "Cluster " + c.clusterId + " is in unexpected state " + title
                + ".");
    }
}
