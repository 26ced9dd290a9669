package io.camelbricks.camel;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.Operation;

/**
 * Readiness of a producer: can its client reach Databricks and authenticate? One cheap call, the one the Databricks
 * SDKs use to check credentials: {@code currentUser/me} for a workspace, {@code account/workspaces/list} for an
 * account. DOWN when the answer is 401/403 (credentials), 5xx, or no answer within {@link #TIMEOUT_SECONDS};
 * UP for a success or any other answer (Databricks was reached and accepted the credentials). Registered in Camel's
 * {@code producers} health-check repository, which Camel enables with {@code camel.health.producersEnabled=true}.
 */
final class DatabricksProducerHealthCheck extends AbstractHealthCheck {
    /** How long the check waits for an answer (the client's own retries may go on behind it). */
    static final long TIMEOUT_SECONDS = 10;
    static final String WORKSPACE_CHECK = "iam.CurrentUser.me";
    static final String ACCOUNT_CHECK = "provisioning.Workspaces.list";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DatabricksEndpoint endpoint;

    DatabricksProducerHealthCheck(DatabricksEndpoint endpoint) {
        super("camel", "producer:databricks-" + endpoint.getPath().replace('/', '-') + "-"
                + SEQUENCE.incrementAndGet());
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ApiClient client = endpoint.clientOrNull();
        builder.detail("databricks.operation", endpoint.getPath());
        if (client == null) {
            builder.down().message("databricks:" + endpoint.getPath() + " is not started");
            return;
        }
        builder.detail("databricks.host", String.valueOf(client.config().getHost()));
        @SuppressWarnings("unchecked")
        Operation<Object, Object> probe = (Operation<Object, Object>) OperationRegistry.byId(
                endpoint.definition().scope() == ApiScope.ACCOUNT ? ACCOUNT_CHECK : WORKSPACE_CHECK).orElseThrow();
        builder.detail("databricks.check", OperationLookup.pathOf(probe));
        try {
            Object request = probe.hasRequest() ? client.mapper().convertValue(Map.of(), probe.requestType()) : null;
            client.executeAsync(probe, request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            builder.up();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof DatabricksError error) {
                int status = error.getStatusCode();
                builder.detail(HealthCheck.HTTP_RESPONSE_CODE, status);
                builder.detail(SERVICE_ERROR_CODE, String.valueOf(error.getErrorCode()));
                if (status == 401 || status == 403 || status >= 500) {
                    builder.down().error(cause).message((status >= 500 ? "Databricks answered " : "Databricks"
                            + " rejected the credentials: ") + status + " " + error.getErrorCode());
                } else {
                    builder.up(); // reached and authenticated; the check call itself is not the point
                }
            } else {
                builder.down().error(cause).message("Databricks cannot be reached: " + cause.getMessage());
            }
        } catch (TimeoutException e) {
            builder.down().message("Databricks did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted");
        } catch (RuntimeException e) {
            builder.down().error(e).message("Databricks cannot be reached: " + e.getMessage());
        }
    }
}
