package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compute services of an emulator as a test sees it ({@code emulator.clusters()}): clusters (seeding, inspection,
 * lifecycle scripting), instance pools and cluster policies. A new emulator holds two clusters:
 * {@value #SHARED_CLUSTER_ID} (RUNNING) and {@value #JOBS_CLUSTER_ID} (TERMINATED), no pools and no policies.
 */
public final class EmulatedClusters {

    /** Seeded, RUNNING. */
    public static final String SHARED_CLUSTER_ID = "0101-000000-emu00001";
    /** Seeded, TERMINATED after inactivity. */
    public static final String JOBS_CLUSTER_ID = "0101-000000-emu00002";

    final ClusterStore store;
    final InstancePoolStore pools = new InstancePoolStore();
    final PolicyStore policies = new PolicyStore();
    final Clock clock;
    final String userName;
    private final AtomicLong ids = new AtomicLong(2);
    private volatile ClusterScript script = ClusterScript.defaults();
    private final Deque<ClusterStore.Failure> failures = new ArrayDeque<>();

    public EmulatedClusters(Clock clock, String userName) {
        this.clock = clock;
        this.userName = userName;
        this.store = new ClusterStore(clock);
        seed();
    }

    // ---- clusters

    /** Adds a cluster with generated id and typical details in {@code state} (RUNNING, TERMINATED, PENDING, ...). */
    public String addCluster(String name, String state) {
        String id = nextClusterId();
        store.put(details(id, name, state), script);
        return id;
    }

    /**
     * Adds (or replaces, by cluster_id) a cluster given as {@code ClusterDetails} JSON; cluster_id is required. A
     * transitional state (PENDING, RESTARTING, RESIZING, TERMINATING) starts its transition under the current script.
     */
    public String putCluster(ObjectNode details) {
        if (!details.hasNonNull("cluster_id")) {
            throw new IllegalArgumentException("cluster_id is required");
        }
        return store.put(details, script).clusterId;
    }

    /** The cluster as {@code clusters/get} shows it, without counting as a poll. */
    public Optional<ObjectNode> cluster(String clusterId) {
        return store.find(clusterId);
    }

    /** The cluster's {@code state}, without counting as a poll. */
    public Optional<String> state(String clusterId) {
        return store.find(clusterId).map(c -> c.path("state").asText());
    }

    /** The cluster's events, oldest first, as {@code clusters/events} items. */
    public List<ObjectNode> events(String clusterId) {
        return store.events(clusterId).stream().map(e -> e.json().deepCopy()).toList();
    }

    public List<String> clusterIds() {
        return store.ids();
    }

    public int clusterCount() {
        return store.count();
    }

    /** Completes the cluster's current transition (PENDING, RESTARTING, RESIZING, TERMINATING) now. */
    public void advanceCluster(String clusterId) {
        store.advance(clusterId);
    }

    // ---- lifecycle scripting

    public ClusterScript script() {
        return script;
    }

    /** How long transitional states last from now on (default: one poll each). */
    public void script(ClusterScript script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * The next cluster to be created or started fails to start: after PENDING it is TERMINATED with
     * {@code termination_reason} CLOUD_PROVIDER_LAUNCH_FAILURE / CLOUD_FAILURE and {@code message} as state_message.
     */
    public void failNextStart(String message) {
        failNextStart("CLOUD_PROVIDER_LAUNCH_FAILURE", "CLOUD_FAILURE", message);
    }

    /** Like {@link #failNextStart(String)} with another termination reason code and type. */
    public void failNextStart(String code, String type, String message) {
        ObjectNode reason = Json.object();
        reason.put("code", code);
        reason.put("type", type);
        reason.putObject("parameters").put("databricks_error_message", message);
        synchronized (failures) {
            failures.addLast(new ClusterStore.Failure(reason, message));
        }
    }

    ClusterStore.Failure nextFailure() {
        synchronized (failures) {
            return failures.pollFirst();
        }
    }

    // ---- instance pools and policies

    /** Adds an instance pool of {@code nodeTypeId} nodes; returns its id. */
    public String addInstancePool(String name, String nodeTypeId) {
        ObjectNode request = Json.object();
        request.put("instance_pool_name", name);
        request.put("node_type_id", nodeTypeId);
        return InstancePoolsHandler.create(this, request);
    }

    /** The pool as {@code instance-pools/get} shows it. */
    public Optional<ObjectNode> instancePool(String instancePoolId) {
        return pools.find(instancePoolId).map(p -> InstancePoolsHandler.withStats(this, p));
    }

    public List<String> instancePoolIds() {
        return pools.ids();
    }

    /** Adds a cluster policy with a JSON {@code definition}; returns its id. */
    public String addPolicy(String name, String definition) {
        ObjectNode request = Json.object();
        request.put("name", name);
        request.put("definition", definition);
        return ClusterPoliciesHandler.create(this, request);
    }

    public Optional<ObjectNode> policy(String policyId) {
        return policies.find(policyId);
    }

    public List<String> policyIds() {
        return policies.ids();
    }

    /** Back to the two seeded clusters, no pools, no policies, the default script and no scripted failures. */
    public void reset() {
        store.clear();
        pools.clear();
        policies.clear();
        ids.set(2);
        script = ClusterScript.defaults();
        synchronized (failures) {
            failures.clear();
        }
        seed();
    }

    String nextClusterId() {
        return String.format("0101-000000-emu%05d", ids.incrementAndGet());
    }

    private void seed() {
        store.put(details(SHARED_CLUSTER_ID, "Shared Autoscaling Emulator", "RUNNING"), script);
        store.put(details(JOBS_CLUSTER_ID, "Nightly ETL", "TERMINATED"), script);
    }

    private ObjectNode details(String id, String name, String state) {
        long now = clock.millis();
        ObjectNode c = Json.object();
        c.put("cluster_id", id);
        c.put("cluster_name", name);
        c.put("spark_version", "15.4.x-scala2.12");
        c.put("node_type_id", "i3.xlarge");
        c.put("driver_node_type_id", "i3.xlarge");
        c.put("num_workers", 2);
        c.put("autotermination_minutes", 60);
        c.put("enable_elastic_disk", true);
        c.put("data_security_mode", "SINGLE_USER");
        c.put("single_user_name", userName);
        c.put("runtime_engine", "PHOTON");
        c.put("cluster_source", "UI");
        c.put("creator_user_name", userName);
        c.put("state", state);
        c.put("state_message", "");
        long started = now - Duration.ofHours(2).toMillis();
        c.put("start_time", started);
        c.put("cluster_memory_mb", 94208);
        c.put("cluster_cores", 12.0);
        ObjectNode tags = c.putObject("default_tags");
        tags.put("Vendor", "Databricks");
        tags.put("Creator", userName);
        tags.put("ClusterName", name);
        tags.put("ClusterId", id);
        if ("RUNNING".equals(state)) {
            c.put("spark_context_id", 4_020_000_000_000_000_001L + ids.get());
            c.put("last_restarted_time", started);
            ObjectNode driver = c.putObject("driver");
            driver.put("private_ip", "10.0.0.10");
            driver.put("node_id", "emu-driver-" + id);
            driver.put("start_timestamp", started);
        }
        if ("TERMINATED".equals(state)) {
            c.put("terminated_time", now - Duration.ofMinutes(30).toMillis());
            ObjectNode reason = c.putObject("termination_reason");
            reason.put("code", "INACTIVITY");
            reason.put("type", "SUCCESS");
            reason.putObject("parameters").put("inactivity_duration_min", "60");
        }
        return c;
    }
}
