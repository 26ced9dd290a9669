package io.camelbricks.examples;

import java.util.List;
import java.util.Map;

import io.camelbricks.camel.DatabricksConfiguration;
import io.camelbricks.emulator.DatabricksEmulator;

/**
 * Where the example runs: a real workspace when Databricks credentials are configured in the environment
 * ({@code DATABRICKS_HOST}, or a {@code DATABRICKS_CONFIG_PROFILE}), otherwise an emulator started on loopback.
 */
final class ExampleTarget implements AutoCloseable {
    private final DatabricksEmulator emulator;
    private final Map<String, String> env;

    private ExampleTarget(DatabricksEmulator emulator, Map<String, String> env) {
        this.emulator = emulator;
        this.env = env;
    }

    static ExampleTarget from(Map<String, String> env) {
        boolean configured = isSet(env, "DATABRICKS_HOST") || isSet(env, "DATABRICKS_CONFIG_PROFILE");
        if (configured) {
            return new ExampleTarget(null, env);
        }
        DatabricksEmulator emulator = new DatabricksEmulator().start();
        emulator.jobs().createJob("nightly-etl");
        emulator.jobs().createJob("hourly-ingest");
        return new ExampleTarget(emulator, env);
    }

    boolean isEmulator() {
        return emulator != null;
    }

    /** Points the component at the emulator; for a real workspace leaves it to the default chain (environment, profile). */
    void configure(DatabricksConfiguration configuration) {
        if (isEmulator()) {
            configuration.setHost(emulator.url());
            configuration.setToken(emulator.token());
        }
    }

    String describe() {
        return isEmulator() ? "the embedded Databricks emulator at " + emulator.url()
                : "the workspace configured by " + (isSet(env, "DATABRICKS_HOST") ? "DATABRICKS_HOST" : "DATABRICKS_CONFIG_PROFILE");
    }

    /** The run to submit: a one-task notebook run (real workspaces need EXAMPLE_NOTEBOOK_PATH and EXAMPLE_CLUSTER_ID). */
    Map<String, Object> runSpecification() {
        String notebook = isEmulator() ? "/Shared/camel-databricks-example" : required("EXAMPLE_NOTEBOOK_PATH");
        String cluster = isEmulator() ? "emulated-cluster" : required("EXAMPLE_CLUSTER_ID");
        return Map.of("run_name", "camel-databricks example",
                "tasks", List.of(Map.of("task_key", "main",
                        "existing_cluster_id", cluster,
                        "notebook_task", Map.of("notebook_path", notebook))));
    }

    private String required(String name) {
        if (!isSet(env, name)) {
            throw new IllegalStateException("running against a real workspace needs " + name
                    + " (EXAMPLE_NOTEBOOK_PATH: a notebook to run; EXAMPLE_CLUSTER_ID: a cluster to run it on)");
        }
        return env.get(name);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
