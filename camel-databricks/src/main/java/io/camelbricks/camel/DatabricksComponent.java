package io.camelbricks.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.registry.Operation;

/**
 * The {@code databricks} component: creates one endpoint per operation of the Databricks REST API, validated
 * against the operation registry, and shares one client per distinct connection configuration between them. Clients
 * it creates run on Camel-managed threads and are closed by the component; clients given to it (options
 * {@code apiClient}, {@code workspaceClient}, {@code accountClient}, possibly autowired) are never closed by it.
 */
@Component("databricks")
public class DatabricksComponent extends HealthCheckComponent {

    @Metadata(description = "The connection configuration shared by every endpoint of this component.")
    private DatabricksConfiguration configuration = new DatabricksConfiguration();

    private final SharedClients clients = new SharedClients();
    private ExecutorService ioExecutor;
    private ScheduledExecutorService scheduler;

    public DatabricksComponent() {
    }

    public DatabricksComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] path = OperationLookup.split(remaining);
        Operation<?, ?> op = OperationLookup.resolve(path[0], path[1]);
        DatabricksEndpoint endpoint = new DatabricksEndpoint(uri, this, configuration.copy());
        endpoint.setService(path[0]);
        endpoint.setOperation(path[1]);
        setProperties(endpoint, parameters);
        // what the declared options did not take are request fields (databricks:jobs/getRun?runId=42)
        Map<String, Object> requestFieldOptions = new LinkedHashMap<>(parameters);
        parameters.clear();
        endpoint.initOperation(op, requestFieldOptions);
        return endpoint;
    }

    /** The shared client for {@code endpointConfiguration}'s connection options, created on first use. */
    synchronized ApiClient acquireClient(DatabricksConfiguration endpointConfiguration) {
        ensureExecutors();
        return clients.acquire(endpointConfiguration.connectionAttributes(), this::newClient);
    }

    void releaseClient(ApiClient client) {
        clients.release(client);
    }

    /** Builds a client on Camel's threads; the configuration is resolved (environment, profile) and authenticated. */
    protected ApiClient newClient(DatabricksConfig config) {
        return ApiClient.builder(config).executors(ioExecutor, scheduler).build();
    }

    /** Runs blocking work of producers (collecting a paginated listing) off the routing thread. */
    synchronized ExecutorService blockingExecutor() {
        ensureExecutors();
        return ioExecutor;
    }

    /** One I/O pool and one scheduler for every client the component creates, managed by Camel. */
    private void ensureExecutors() {
        if (ioExecutor == null) {
            ioExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "Databricks");
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "DatabricksScheduler", 1);
        }
    }

    /** How many clients the component created and still holds. */
    int sharedClientCount() {
        return clients.size();
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        synchronized (this) {
            if (ioExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(ioExecutor);
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
                ioExecutor = null;
                scheduler = null;
            }
        }
        super.doStop();
    }

    public DatabricksConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration shared by every endpoint of this component. */
    public void setConfiguration(DatabricksConfiguration configuration) {
        this.configuration = configuration;
    }
}
