package io.camelbricks.camel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.http.UserAgent;
import io.camelbricks.api.registry.Operation;

/**
 * The {@code databricks} component: creates one endpoint per operation of the Databricks REST API, validated
 * against the operation registry, and shares one client per distinct connection configuration between them.
 * <p>
 * Threads: each client the component creates gets a Camel-managed I/O pool of {@code maxConnectionsPerPool}
 * threads (one per pooled HTTP connection; more could only wait for a connection), and every client shares one
 * scheduler thread for retries and waiter polls. However many exchanges wait, the thread count stays bounded.
 * Clients given to the component (options {@code apiClient}, {@code workspaceClient}, {@code accountClient},
 * possibly autowired) keep their own threads and are never closed by it.
 */
@Component("databricks")
public class DatabricksComponent extends HealthCheckComponent {

    @Metadata(description = "The connection configuration shared by every endpoint of this component.")
    private DatabricksConfiguration configuration = new DatabricksConfiguration();

    private final SharedClients clients = new SharedClients();
    private MetricsBinding metrics;
    /** The I/O pool of each client the component created. */
    private final Map<ApiClient, ExecutorService> ioPools = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private ScheduledExecutorService scheduler;
    /** Blocking work for clients the component did not create (their own pools are not Camel's to use). */
    private ExecutorService fallbackPool;

    public DatabricksComponent() {
    }

    public DatabricksComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        DatabricksFileConverter.register(getCamelContext().getTypeConverterRegistry());
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
        ensureScheduler();
        return clients.acquire(endpointConfiguration.connectionAttributes(),
                endpointConfiguration.getCredentialsProvider(),
                sslContext(endpointConfiguration.getSslContextParameters()), this::createClient);
    }

    /** The TLS context of an {@code sslContextParameters} instance, made once per instance (clients are keyed by it). */
    private SSLContext sslContext(SSLContextParameters parameters) {
        if (parameters == null) {
            return null;
        }
        return sslContexts.computeIfAbsent(parameters, p -> {
            try {
                return p.createSSLContext(getCamelContext());
            } catch (Exception e) {
                throw new RuntimeCamelException("cannot create the TLS context of sslContextParameters: "
                        + e.getMessage(), e);
            }
        });
    }

    /** Reports the calls of {@code client} to Micrometer when a MeterRegistry is in the registry. */
    synchronized void observe(ApiClient client) {
        if (metrics == null) {
            metrics = new MetricsBinding(getCamelContext());
        }
        metrics.observe(client);
    }

    void releaseClient(ApiClient client) {
        clients.release(client);
    }

    private SharedClients.Created createClient(DatabricksConfig config) {
        config.resolve(); // environment and profile first: they may size the pool
        int threads = Math.max(1, config.getMaxConnectionsPerPool());
        ThreadPoolProfile profile = new ThreadPoolProfile("Databricks");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        // calls beyond the pool queue up, they never get a thread of their own (-1 would mean a hand-over queue)
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        ExecutorService io = getCamelContext().getExecutorServiceManager().newThreadPool(this, "Databricks", profile);
        try {
            ApiClient client = newClient(config, io, scheduler);
            ioPools.put(client, io);
            return new SharedClients.Created(client, () -> {
                ioPools.remove(client);
                getCamelContext().getExecutorServiceManager().shutdownNow(io);
            });
        } catch (RuntimeException e) {
            getCamelContext().getExecutorServiceManager().shutdownNow(io);
            throw e;
        }
    }

    /**
     * Builds a client on Camel's threads; the configuration is resolved (environment, profile) and the client
     * authenticates while it is built, so a wrong configuration fails the route's start with a precise message.
     */
    protected ApiClient newClient(DatabricksConfig config, ExecutorService io, ScheduledExecutorService scheduler) {
        UserAgent userAgent = new UserAgent().with("camel-databricks", UserAgent.VERSION);
        String camelVersion = getCamelContext().getVersion();
        if (camelVersion != null && camelVersion.matches("[0-9A-Za-z_.+-]+")) {
            userAgent = userAgent.with("camel", camelVersion);
        }
        return ApiClient.builder(config).executors(io, scheduler).userAgent(userAgent).build();
    }

    /** One scheduler thread for the retries and waiter polls of every client the component creates. */
    /**
     * One thread that runs every pending retry and every poll of every wait, each a delayed task: its queue is
     * unbounded, because each sleeping wait is one task in it (Camel's default profile would refuse tasks beyond
     * 1,000, i.e. fail the 1,001st wait sleeping at the same time).
     */
    private void ensureScheduler() {
        if (scheduler == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("DatabricksScheduler");
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "DatabricksScheduler", profile);
        }
    }

    /**
     * Where blocking work of producers runs (collecting every page of a listing), off the routing thread: the I/O
     * pool of the client when the component created it, so that the thread count stays bounded by the pool.
     */
    synchronized ExecutorService blockingExecutor(ApiClient client) {
        ExecutorService io = ioPools.get(client);
        if (io != null) {
            return io;
        }
        if (fallbackPool == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("DatabricksBlocking");
            profile.setPoolSize(DatabricksConfig.DEFAULT_MAX_CONNECTIONS);
            profile.setMaxPoolSize(DatabricksConfig.DEFAULT_MAX_CONNECTIONS);
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setAllowCoreThreadTimeOut(true);
            fallbackPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DatabricksBlocking",
                    profile);
        }
        return fallbackPool;
    }

    /** How many clients the component created and still holds. */
    int sharedClientCount() {
        return clients.size();
    }

    /** The clients the component created and still holds. */
    List<ApiClient> sharedClients() {
        return clients.clients();
    }

    /** How many started endpoints use {@code client} (0 for a client the component did not create). */
    int endpointsUsing(ApiClient client) {
        return clients.references(client);
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        synchronized (this) {
            if (metrics != null) {
                metrics.clear();
            }
            if (scheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
                scheduler = null;
            }
            if (fallbackPool != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(fallbackPool);
                fallbackPool = null;
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
