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

    /** SQL warehouses: nothing to add. */
    static void seedSqlWarehouses(DatabricksEmulator emu) {
        // every emulator already has the RUNNING EmulatedSql.DEFAULT_WAREHOUSE_ID, seeded by EmulatedSql's constructor
    }

    /** Unity Catalog: nothing to add. */
    static void seedCatalog(DatabricksEmulator emu) {
        // every emulator already has catalog main with schema main.default, seeded by EmulatedCatalog's constructor
    }
}
