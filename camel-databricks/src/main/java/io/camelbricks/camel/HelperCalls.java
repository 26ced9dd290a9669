package io.camelbricks.camel;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Message;

import io.camelbricks.api.clusters.ClustersExt;
import io.camelbricks.api.jobs.JobsExt;
import io.camelbricks.api.service.compute.ClustersGetRequest;
import io.camelbricks.api.service.jobs.JobsGetRunOutputRequest;

/**
 * Camel-only operations that are one call of a client helper: the request is assembled as for the REST operation
 * they are based on, the helper's result is the body (in the endpoint's {@code outputType}) and gives the headers.
 */
final class HelperCalls {
    private HelperCalls() {
    }

    /** {@code jobs/getRunOutputs}: the outputs of every task of a run. */
    static DataTransfer runOutputs(DatabricksEndpoint endpoint) {
        return (exchange, client, blocking) -> {
            JobsGetRunOutputRequest request = (JobsGetRunOutputRequest) endpoint.requestAssembler()
                    .assemble(exchange.getMessage(), client.mapper(), null);
            if (request == null || request.getRunId() == null) {
                throw new IllegalArgumentException("databricks:" + endpoint.getPath() + " needs runId (URI option"
                        + " or header CamelDatabricks.runId)");
            }
            return complete(endpoint, exchange.getMessage(), client.mapper(),
                    new JobsExt(client).getRunOutputsAsync(request.getRunId()).thenApply(outputs -> {
                        ResultHeaders.copy(client.mapper().valueToTree(outputs.run()), exchange.getMessage());
                        return outputs;
                    }));
        };
    }

    /** {@code clusters/ensureRunning}: the cluster, once RUNNING. */
    static DataTransfer ensureClusterRunning(DatabricksEndpoint endpoint) {
        return (exchange, client, blocking) -> {
            ClustersGetRequest request = (ClustersGetRequest) endpoint.requestAssembler()
                    .assemble(exchange.getMessage(), client.mapper(), null);
            if (request == null || request.getClusterId() == null) {
                throw new IllegalArgumentException("databricks:" + endpoint.getPath() + " needs clusterId (URI option"
                        + " or header CamelDatabricks.clusterId)");
            }
            return complete(endpoint, exchange.getMessage(), client.mapper(), new ClustersExt(client)
                    .ensureClusterIsRunningAsync(request.getClusterId(), endpoint.effectiveWaitTimeout())
                    .thenApply(cluster -> {
                        ResultHeaders.copy(client.mapper().valueToTree(cluster), exchange.getMessage());
                        return cluster;
                    }));
        };
    }

    private static CompletableFuture<Void> complete(DatabricksEndpoint endpoint, Message message,
                                                    com.fasterxml.jackson.databind.ObjectMapper mapper,
                                                    CompletableFuture<?> result) {
        return result.thenAccept(value -> message.setBody(ResultBody.convert(endpoint.output(), mapper, value)));
    }
}
