package io.camelbricks.api.dbutils;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.clusters.ClustersExt;
import io.camelbricks.api.service.compute.Command;
import io.camelbricks.api.service.compute.CommandExecutionService;
import io.camelbricks.api.service.compute.CommandStatus;
import io.camelbricks.api.service.compute.CommandStatusResponse;
import io.camelbricks.api.service.compute.CreateContext;
import io.camelbricks.api.service.compute.DestroyContext;
import io.camelbricks.api.service.compute.Language;
import io.camelbricks.api.service.compute.ResultType;
import io.camelbricks.api.service.compute.Results;

/**
 * Runs Python on one cluster through the Command Execution API (1.2): on first use it makes sure the cluster is
 * running (starting a TERMINATED one and waiting for RUNNING), creates one execution context (language python) and
 * waits until it is Running; every {@link #execute(String, String)} reuses that context and waits for the command to
 * be Finished, Error or Cancelled with the client's waiters (polls on the scheduler, no sleeping thread).
 * {@link #close()} destroys the context. Thread-safe; commands of one context run one after another on the cluster.
 */
public final class CommandExecution implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecution.class);

    private final ApiClient api;
    private final String clusterId;
    private final CommandExecutionService commands;
    private final ClustersExt clusters;
    private String contextId;
    private boolean closed;

    public CommandExecution(ApiClient api, String clusterId) {
        this.api = Objects.requireNonNull(api, "api");
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.commands = new CommandExecutionService(api);
        this.clusters = new ClustersExt(api);
    }

    public String clusterId() {
        return clusterId;
    }

    /** The id of the execution context, creating it (and starting the cluster) on first use. */
    public synchronized String contextId() {
        if (closed) {
            throw new IllegalStateException("this CommandExecution on cluster " + clusterId + " is closed");
        }
        if (contextId == null) {
            clusters.ensureClusterIsRunning(clusterId);
            contextId = commands.create(new CreateContext().setClusterId(clusterId).setLanguage(Language.PYTHON))
                    .get().getId();
            LOG.debug("execution context {} created on cluster {}", contextId, clusterId);
        }
        return contextId;
    }

    /**
     * Runs {@code code} and returns its text output ({@code results.data}).
     *
     * @param what names the command in errors (e.g. {@code dbutils.fs.mount})
     * @throws CommandFailedException when the command raised (its summary and cause), or ended with status Error
     * @throws io.camelbricks.api.wait.WaitFailedException when it was cancelled
     */
    public String execute(String what, String code) {
        String context = contextId();
        CommandStatusResponse done = commands.execute(new Command().setClusterId(clusterId).setContextId(context)
                .setLanguage(Language.PYTHON).setCommand(code)).get();
        Results results = done.getResults();
        if (CommandStatus.ERROR.equals(done.getStatus())
                || results != null && ResultType.ERROR.equals(results.getResultType())) {
            throw CommandFailedException.of(what, results);
        }
        if (results == null || results.getData() == null) {
            return "";
        }
        return String.valueOf(results.getData());
    }

    /** Destroys the execution context, if one was created (a failure is logged, not raised). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (contextId != null) {
            try {
                commands.destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
                LOG.debug("execution context {} on cluster {} destroyed", contextId, clusterId);
            } catch (RuntimeException e) {
                LOG.debug("could not destroy execution context {} on cluster {}: {}", contextId, clusterId,
                        e.getMessage());
            }
            contextId = null;
        }
    }

    @Override
    public String toString() {
        return "CommandExecution[cluster " + clusterId + (contextId == null ? "" : ", context " + contextId) + "]";
    }
}
