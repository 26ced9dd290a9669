package io.camelbricks.api.clusters;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.InvalidState;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.ClustersGetRequest;
import io.camelbricks.api.service.compute.ClustersOperations;
import io.camelbricks.api.service.compute.ClustersService;
import io.camelbricks.api.service.compute.DeleteCluster;
import io.camelbricks.api.service.compute.StartCluster;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.api.wait.WaitTimeoutException;

/**
 * Brings one cluster to RUNNING whatever its state, without holding a thread: RUNNING is done; TERMINATED is started
 * and waited for; PENDING, RESTARTING and RESIZING are waited for; TERMINATING is waited out, then started; ERROR and
 * UNKNOWN fail at once. A start refused with INVALID_STATE (someone else started it meanwhile) looks at the cluster
 * again. Waits are the generated {@code start}/{@code delete} waiters, polled on the client's scheduler with its
 * {@code WaitPolicy}, all within one deadline.
 */
final class RunningCluster {
    /** How often a start refused as INVALID_STATE leads to looking again before giving up. */
    private static final int MAX_LOOKS = 5;

    private final ApiClient api;
    private final ClustersService clusters;
    private final String clusterId;
    private final Duration timeout;
    private final long deadline;

    RunningCluster(ApiClient api, ClustersService clusters, String clusterId, Duration timeout) {
        this.api = api;
        this.clusters = clusters;
        this.clusterId = clusterId;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    CompletableFuture<ClusterDetails> ensure() {
        return look(1);
    }

    private CompletableFuture<ClusterDetails> look(int looks) {
        return clusters.getAsync(new ClustersGetRequest().setClusterId(clusterId)).thenCompose(c -> {
            String state = c.getState() == null ? "UNKNOWN" : c.getState().value();
            return switch (state) {
                case "RUNNING" -> CompletableFuture.completedFuture(c);
                case "TERMINATED" -> start(looks);
                case "TERMINATING" -> terminated().thenCompose(t -> start(looks));
                case "PENDING", "RESTARTING", "RESIZING" -> running();
                default -> CompletableFuture.failedFuture(ClusterNotRunningException.of(c, "cannot be started", null));
            };
        });
    }

    private CompletableFuture<ClusterDetails> start(int looks) {
        return clusters.startAsync(new StartCluster().setClusterId(clusterId))
                .handle((ignored, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause == null) {
                        return running();
                    }
                    if (cause instanceof InvalidState && looks < MAX_LOOKS) {
                        return look(looks + 1);
                    }
                    return CompletableFuture.<ClusterDetails>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<ClusterDetails> running() {
        StartCluster request = new StartCluster().setClusterId(clusterId);
        Wait<ClusterDetails, Void> wait = api.waitFor(ClustersOperations.START, request, null);
        return within(wait, "did not start");
    }

    private CompletableFuture<ClusterDetails> terminated() {
        DeleteCluster request = new DeleteCluster().setClusterId(clusterId);
        Wait<ClusterDetails, Void> wait = api.waitFor(ClustersOperations.DELETE, request, null);
        return within(wait, "did not finish terminating");
    }

    /** The wait, within what is left of the deadline; a failure state becomes a ClusterNotRunningException. */
    private CompletableFuture<ClusterDetails> within(Wait<ClusterDetails, Void> wait, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.failedFuture(new WaitTimeoutException("timed out after " + timeout
                    + " making cluster " + clusterId + " RUNNING", null));
        }
        return wait.toCompletableFuture(Duration.ofNanos(left)).handle((c, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                return c;
            }
            if (cause instanceof WaitFailedException failed && failed.getEntity() instanceof ClusterDetails last) {
                throw ClusterNotRunningException.of(last, what, failed);
            }
            throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
        });
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
