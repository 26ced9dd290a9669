package io.camelbricks.api.clusters;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.ClusterDetails;

/**
 * A cluster that {@link ClustersExt#ensureClusterIsRunning} cannot bring to RUNNING: it is in ERROR or UNKNOWN, or it
 * terminated (or failed) while starting. The message names the cluster, its state, the state message and the
 * termination reason; {@link #getCluster()} is the last state seen.
 */
public class ClusterNotRunningException extends DatabricksException {
    private final transient ClusterDetails cluster;

    public ClusterNotRunningException(String message, ClusterDetails cluster, Throwable cause) {
        super(message, cause);
        this.cluster = cluster;
    }

    /** The cluster as last polled. */
    public ClusterDetails getCluster() {
        return cluster;
    }

    public String getClusterId() {
        return cluster == null ? null : cluster.getClusterId();
    }

    /** The state it ended in, e.g. {@code TERMINATED} or {@code ERROR}. */
    public String getState() {
        return cluster == null || cluster.getState() == null ? null : cluster.getState().value();
    }

    /** {@code cluster <id> (<name>) <what>: <state>: <state message> (termination reason <code>)}. */
    static ClusterNotRunningException of(ClusterDetails c, String what, Throwable cause) {
        StringBuilder sb = new StringBuilder("cluster ").append(c.getClusterId());
        if (c.getClusterName() != null && !c.getClusterName().isEmpty()) {
            sb.append(" (").append(c.getClusterName()).append(')');
        }
        sb.append(' ').append(what).append(": ").append(c.getState() == null ? "UNKNOWN" : c.getState().value());
        if (c.getStateMessage() != null && !c.getStateMessage().isEmpty()) {
            sb.append(": ").append(c.getStateMessage());
        }
        if (c.getTerminationReason() != null && c.getTerminationReason().getCode() != null) {
            sb.append(" (termination reason ").append(c.getTerminationReason().getCode().value()).append(')');
        }
        return new ClusterNotRunningException(sb.toString(), c, cause);
    }
}
