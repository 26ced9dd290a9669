package io.camelbricks.emulator;

import java.util.List;

/**
 * The state the standalone emulator starts with ({@code java -jar databricks-emulator-<v>-standalone.jar}, unless
 * {@code --empty}) and {@code @DatabricksEmulatorTest(demoWorkspace = true)}: a few jobs, clusters, an instance pool
 * and a cluster policy, so that a client or a UI has something to list right away.
 *
 * <p><b>Extending it</b>: each service seeds its part in its own method below; add yours there (and call it from
 * {@link #seed}). Keep the seeding idempotent per fresh emulator and use only the public {@code Emulated*} facades.
 */
public final class DemoWorkspace {

    /** Names of the seeded jobs. */
    public static final List<String> JOB_NAMES = List.of("nightly-etl", "hourly-ingest", "weekly-report");

    private DemoWorkspace() {
    }

    /** Seeds everything below into {@code emu} (started or not). */
    public static void seed(DatabricksEmulator emu) {
        seedJobs(emu);
        seedCompute(emu);
        seedSqlWarehouses(emu);
        seedCatalog(emu);
    }

    /** Jobs: three notebook jobs (no runs). */
    static void seedJobs(DatabricksEmulator emu) {
        JOB_NAMES.forEach(emu.jobs()::createJob);
    }

    /**
     * Compute: the always-present clusters ({@code EmulatedClusters.SHARED_CLUSTER_ID}, running, and
     * {@code JOBS_CLUSTER_ID}, terminated), plus an analytics cluster, an instance pool and a cluster policy.
     */
    static void seedCompute(DatabricksEmulator emu) {
        emu.clusters().addCluster("analytics", "TERMINATED");
        emu.clusters().addInstancePool("default-pool", "i3.xlarge");
        emu.clusters().addPolicy("small-clusters",
                "{\"num_workers\":{\"type\":\"range\",\"maxValue\":4},\"autotermination_minutes\":{\"type\":\"fixed\",\"value\":30}}");
    }

    /** SQL warehouses: EXTEND HERE (the SQL warehouses service seeds a "Starter Warehouse" here). */
    static void seedSqlWarehouses(DatabricksEmulator emu) {
        // nothing yet: the SQL warehouses service adds its seeding here
    }

    /** Unity Catalog: EXTEND HERE (the Unity Catalog service seeds a catalog, e.g. "main" with "default", here). */
    static void seedCatalog(DatabricksEmulator emu) {
        // nothing yet: the Unity Catalog service adds its seeding here
    }
}
