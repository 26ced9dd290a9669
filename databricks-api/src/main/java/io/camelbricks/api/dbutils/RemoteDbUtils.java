package io.camelbricks.api.dbutils;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksException;

/**
 * The {@code dbutils} calls that need a cluster, run there through the Command Execution API as the Python SDK's
 * {@code RemoteDbUtils} does: the cluster is {@code cluster_id} of the configuration (environment variable
 * {@code DATABRICKS_CLUSTER_ID}); it is started if it is terminated, one Python execution context is created on first
 * use and reused, and each call is sent as a {@link DbUtilsCall} (JSON arguments in, the result printed as JSON).
 *
 * <pre>{@code
 * List<MountInfo> mounts = w.dbutils().fs().mounts();
 * w.dbutils().fs().mount("s3a://bucket/raw", "/mnt/raw", Map.of("fs.s3a.endpoint", "..."));
 * String date = w.dbutils().widgets().get("run_date");
 * Object rows = w.dbutils().jobs().taskValues().get("ingest", "rows", 0, 0);
 * }</pre>
 *
 * {@link #close()} destroys the execution context (a later call creates a new one). Thread-safe.
 */
public final class RemoteDbUtils implements AutoCloseable {
    private final ApiClient api;
    private final RemoteFs fs = new RemoteFs(this);
    private final RemoteWidgets widgets = new RemoteWidgets(this);
    private final RemoteJobs jobs = new RemoteJobs(this);
    private CommandExecution execution;

    public RemoteDbUtils(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** {@code dbutils.fs} on the cluster: mounts. */
    public RemoteFs fs() {
        return fs;
    }

    /** {@code dbutils.widgets} of the cluster's notebook context. */
    public RemoteWidgets widgets() {
        return widgets;
    }

    /** {@code dbutils.jobs}: task values. */
    public RemoteJobs jobs() {
        return jobs;
    }

    /** Runs {@code call} on the cluster and returns its result as JSON. */
    public JsonNode call(DbUtilsCall call) {
        String output = execution(call).execute(call.label(), call.code(api.mapper()));
        return call.result(api.mapper(), output);
    }

    ApiClient api() {
        return api;
    }

    /** Destroys the execution context, if there is one. */
    @Override
    public void close() {
        CommandExecution current;
        synchronized (this) {
            current = execution;
            execution = null;
        }
        if (current != null) {
            current.close();
        }
    }

    private synchronized CommandExecution execution(DbUtilsCall call) {
        if (execution == null) {
            String clusterId = api.config().getClusterId();
            if (clusterId == null || clusterId.isBlank()) {
                throw new DatabricksException(call.label() + " runs on a cluster, and none is configured: set "
                        + "cluster_id (DatabricksConfig.setClusterId, the environment variable DATABRICKS_CLUSTER_ID, "
                        + "or cluster_id in the .databrickscfg profile)");
            }
            execution = new CommandExecution(api, clusterId);
        }
        return execution;
    }

    @Override
    public String toString() {
        return "RemoteDbUtils[" + (execution == null ? "no context" : execution) + "]";
    }
}
