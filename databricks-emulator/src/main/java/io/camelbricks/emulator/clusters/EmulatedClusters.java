package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Clusters service of an emulator as a test sees it ({@code emulator.clusters()}): seeding and inspection.
 * A new emulator holds two clusters: {@value #SHARED_CLUSTER_ID} (RUNNING) and {@value #JOBS_CLUSTER_ID}
 * (TERMINATED).
 */
public final class EmulatedClusters {

    /** Seeded, RUNNING. */
    public static final String SHARED_CLUSTER_ID = "0101-000000-emu00001";
    /** Seeded, TERMINATED after inactivity. */
    public static final String JOBS_CLUSTER_ID = "0101-000000-emu00002";

    final ClusterStore store = new ClusterStore();
    private final Clock clock;
    private final String userName;
    private final AtomicLong ids = new AtomicLong(2);

    public EmulatedClusters(Clock clock, String userName) {
        this.clock = clock;
        this.userName = userName;
        seed();
    }

    /** Adds a cluster with generated id and typical details in {@code state} (RUNNING, TERMINATED, PENDING, ...). */
    public String addCluster(String name, String state) {
        String id = String.format("0101-000000-emu%05d", ids.incrementAndGet());
        store.put(details(id, name, state));
        return id;
    }

    /** Adds (or replaces, by cluster_id) a cluster given as {@code ClusterDetails} JSON; cluster_id is required. */
    public String putCluster(ObjectNode details) {
        if (!details.hasNonNull("cluster_id")) {
            throw new IllegalArgumentException("cluster_id is required");
        }
        return store.put(details).clusterId();
    }

    public Optional<ObjectNode> cluster(String clusterId) {
        return store.find(clusterId);
    }

    public List<String> clusterIds() {
        return store.list().stream().map(ClusterStore.StoredCluster::clusterId).toList();
    }

    public int clusterCount() {
        return store.count();
    }

    /** Back to the two seeded clusters. */
    public void reset() {
        store.clear();
        ids.set(2);
        seed();
    }

    private void seed() {
        store.put(details(SHARED_CLUSTER_ID, "Shared Autoscaling Emulator", "RUNNING"));
        store.put(details(JOBS_CLUSTER_ID, "Nightly ETL", "TERMINATED"));
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
