package io.camelbricks.api.clusters;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.ClustersService;
import io.camelbricks.api.wait.WaitTimeoutException;

/**
 * {@code w.clusters()}: the generated Clusters service plus the helpers the Python SDK documents,
 * {@code select_spark_version}, {@code select_node_type} and {@code ensure_cluster_is_running}.
 *
 * <pre>{@code
 * String version = w.clusters().selectSparkVersion(new SparkVersionSelector().longTermSupport(true));
 * String nodeType = w.clusters().selectNodeType(new NodeTypeSelector().localDisk(true).minMemoryGb(16));
 * ClusterDetails running = w.clusters().ensureClusterIsRunning(clusterId);
 * }</pre>
 */
public class ClustersExt extends ClustersService {
    /** How long {@link #ensureClusterIsRunning(String)} waits at most, as the Python SDK: 20 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

    public ClustersExt(ApiClient api) {
        super(api);
    }

    /**
     * The key of the runtime {@code selector} describes, from {@code clusters/spark-versions}.
     *
     * @throws DatabricksException when none matches, or several do and the selector's {@code latest} is false
     */
    public String selectSparkVersion(SparkVersionSelector selector) {
        return Objects.requireNonNull(selector, "selector").select(sparkVersions().getVersions());
    }

    /** As {@link #selectSparkVersion}, without blocking. */
    public CompletableFuture<String> selectSparkVersionAsync(SparkVersionSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return sparkVersionsAsync().thenApply(r -> selector.select(r.getVersions()));
    }

    /**
     * The id of the smallest node type {@code selector} describes, from {@code clusters/list-node-types}.
     *
     * @throws DatabricksException when none matches
     */
    public String selectNodeType(NodeTypeSelector selector) {
        return Objects.requireNonNull(selector, "selector").select(listNodeTypes().getNodeTypes());
    }

    /** As {@link #selectNodeType}, without blocking. */
    public CompletableFuture<String> selectNodeTypeAsync(NodeTypeSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return listNodeTypesAsync().thenApply(r -> selector.select(r.getNodeTypes()));
    }

    /** {@link #ensureClusterIsRunning(String, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public ClusterDetails ensureClusterIsRunning(String clusterId) {
        return ensureClusterIsRunning(clusterId, DEFAULT_TIMEOUT);
    }

    /**
     * Makes the cluster RUNNING whatever its state and returns it: RUNNING returns at once; TERMINATED is started and
     * waited for; PENDING, RESTARTING and RESIZING are waited for; TERMINATING is waited out and then started. Blocks
     * the calling thread only (the polls run on the client's scheduler).
     *
     * @throws ClusterNotRunningException when the cluster is in ERROR or UNKNOWN, or terminates while starting
     * @throws WaitTimeoutException       when it is not RUNNING within {@code timeout}
     */
    public ClusterDetails ensureClusterIsRunning(String clusterId, Duration timeout) {
        try {
            return ensureClusterIsRunningAsync(clusterId, timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted while waiting for cluster " + clusterId, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof RuntimeException re ? re
                    : new DatabricksException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** {@link #ensureClusterIsRunningAsync(String, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public CompletableFuture<ClusterDetails> ensureClusterIsRunningAsync(String clusterId) {
        return ensureClusterIsRunningAsync(clusterId, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #ensureClusterIsRunning(String, Duration)}, holding no thread: the calls and polls are scheduled on
     * the client's executors, and the future completes with the RUNNING cluster or fails with the same exceptions.
     */
    public CompletableFuture<ClusterDetails> ensureClusterIsRunningAsync(String clusterId, Duration timeout) {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(timeout, "timeout");
        return new RunningCluster(api, this, clusterId, timeout).ensure();
    }
}
