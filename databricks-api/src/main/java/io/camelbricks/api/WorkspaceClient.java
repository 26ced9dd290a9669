package io.camelbricks.api;

import io.camelbricks.api.generated.WorkspaceServices;

/**
 * Entry point to a Databricks workspace: one accessor per service ({@code w.jobs()}, {@code w.clusters()},
 * {@code w.files()}, ...), one method per operation. Thread-safe; share one per workspace and close it when done.
 *
 * <pre>{@code
 * try (WorkspaceClient w = new WorkspaceClient()) {          // env vars / ~/.databrickscfg
 *     for (BaseJob job : w.jobs().list(new JobsListRequest())) { ... }
 * }
 * }</pre>
 */
public class WorkspaceClient extends WorkspaceServices implements AutoCloseable {
    private final ApiClient apiClient;
    private io.camelbricks.api.sql.SqlClient sql;
    private io.camelbricks.api.files.DbUtils dbutils;
    private volatile io.camelbricks.api.clusters.ClustersExt clusters;
    private volatile io.camelbricks.api.jobs.JobsExt jobs;

    /** Uses the default configuration chain (environment, then {@code ~/.databrickscfg}). */
    public WorkspaceClient() {
        this(new DatabricksConfig().resolve());
    }

    public WorkspaceClient(DatabricksConfig config) {
        this(new ApiClient(config));
    }

    public WorkspaceClient(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    @Override
    public ApiClient apiClient() {
        return apiClient;
    }

    public DatabricksConfig config() {
        return apiClient.config();
    }

    /**
     * The Clusters service with the helpers {@code selectSparkVersion}, {@code selectNodeType} and
     * {@code ensureClusterIsRunning} (see {@link io.camelbricks.api.clusters.ClustersExt}).
     */
    @Override
    public io.camelbricks.api.clusters.ClustersExt clusters() {
        io.camelbricks.api.clusters.ClustersExt service = clusters;
        if (service == null) {
            service = new io.camelbricks.api.clusters.ClustersExt(apiClient);
            clusters = service;
        }
        return service;
    }

    /**
     * The Jobs service with per-task outputs, failure descriptions, repair with parameters and
     * {@code latest_repair_id}, jobs by name, cancel-previous-runs and idempotent submissions (see
     * {@link io.camelbricks.api.jobs.JobsExt}).
     */
    @Override
    public io.camelbricks.api.jobs.JobsExt jobs() {
        io.camelbricks.api.jobs.JobsExt service = jobs;
        if (service == null) {
            service = new io.camelbricks.api.jobs.JobsExt(apiClient);
            jobs = service;
        }
        return service;
    }

    /** SQL statements with results as lazy typed rows (see {@link io.camelbricks.api.sql.SqlClient}). */
    public synchronized io.camelbricks.api.sql.SqlClient sql() {
        if (sql == null) {
            sql = new io.camelbricks.api.sql.SqlClient(apiClient);
        }
        return sql;
    }

    /** The Files API ({@code /Volumes/...}) with streams (see {@link io.camelbricks.api.files.FileSystem}). */
    public io.camelbricks.api.files.FileSystem fileSystem() {
        return new io.camelbricks.api.files.FileSystem(apiClient);
    }

    /** DBFS with streams (see {@link io.camelbricks.api.files.Dbfs}). */
    public io.camelbricks.api.files.Dbfs dbfsFiles() {
        return new io.camelbricks.api.files.Dbfs(apiClient);
    }

    /**
     * dbutils as the Python SDK offers it outside a notebook: path-routed files (/Volumes, dbfs:, file:) and secrets
     * through the REST APIs; mounts, widgets and task values on the cluster {@code cluster_id} (one execution
     * context, destroyed when this client is closed).
     */
    public synchronized io.camelbricks.api.files.DbUtils dbutils() {
        if (dbutils == null) {
            dbutils = new io.camelbricks.api.files.DbUtils(apiClient);
        }
        return dbutils;
    }

    /** Workspace import and export as streams, with formats (see {@link io.camelbricks.api.workspace.WorkspaceFiles}). */
    public io.camelbricks.api.workspace.WorkspaceFiles workspaceFiles() {
        return new io.camelbricks.api.workspace.WorkspaceFiles(apiClient);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (sql != null) {
                sql.close();
            }
            if (dbutils != null) {
                dbutils.close();
            }
        }
        apiClient.close();
    }
}
