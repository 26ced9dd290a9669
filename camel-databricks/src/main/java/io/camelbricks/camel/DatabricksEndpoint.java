package io.camelbricks.camel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.wire.JsonMapper;

/**
 * Call any operation of the Databricks REST API (jobs, clusters, SQL, Unity Catalog, files, account, ...), or poll
 * its list operations.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "databricks", title = "Databricks",
             syntax = "databricks:service/operation", category = { Category.CLOUD, Category.API },
             headersClass = DatabricksConstants.class, lenientProperties = true)
public class DatabricksEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {
    /** Poll delay of a consumer unless {@code delay} is set: listing a workspace twice a second helps nobody. */
    static final long DEFAULT_CONSUMER_DELAY_MILLIS = 30_000;
    /** The request field of operations that de-duplicate on a client token (jobs/submit, jobs/runNow, ...). */
    static final String IDEMPOTENCY_TOKEN_FIELD = "idempotency_token";
    /** The client's wire mapping, for validating URI options before any client exists. */
    private static final ObjectMapper WIRE_MAPPER = JsonMapper.create();

    @UriPath(description = "The service: the client accessor, e.g. jobs, clusters, files, statementExecution,"
            + " warehouses; account/<accessor> for account-level operations (e.g. account/groups).")
    @Metadata(required = true)
    private String service;
    @UriPath(description = "The operation: the client method of the service, e.g. submit, runNow, getRun, list,"
            + " create.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private DatabricksConfiguration configuration;

    @UriParam(label = "producer", defaultValue = "false", description = "On an operation with a waiter (e.g."
            + " jobs/submit, clusters/create): complete the exchange only when the polled entity reaches a target"
            + " state, with that entity (e.g. the Run) as body. Polls on a scheduler; no thread is held while"
            + " waiting.")
    private boolean wait;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "With wait=true: how long to"
            + " wait before failing with WaitTimeoutException. Default: the operation's timeout in the spec (20"
            + " minutes for most).")
    private long waitTimeout;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "With wait=true: a fixed interval"
            + " between polls. Default: the client's schedule (1 s growing to 10 s, with jitter).")
    private long pollInterval;
    @UriParam(label = "producer", defaultValue = "false", description = "On a list operation: put the lazy listing"
            + " (an Iterable that fetches pages as it is iterated, e.g. by the splitter) in the body instead of a"
            + " List of every item.")
    private boolean lazyList;

    @UriParam(label = "consumer,advanced", description = "Where the consumer remembers the items it has emitted, so"
            + " that each is emitted once. Default: an in-memory repository of 100000 keys (forgotten on restart);"
            + " use a persistent one to survive restarts.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", description = "The item field (dotted path) that identifies a listed item."
            + " Default: the spec's de-duplication field, else the first of job_id, run_id, cluster_id, ..., id, name"
            + " present in the item.")
    private String itemKey;
    @UriParam(label = "consumer", defaultValue = "0", description = "Maximum number of new items emitted per poll"
            + " (0: no limit); the listing stops fetching pages once reached.")
    private int maxMessagesPerPoll;

    private Operation<Object, Object> definition;
    private RequestFields requestFields;
    private RequestAssembler requestAssembler;
    private volatile ApiClient client;
    private volatile boolean sharedClient;

    public DatabricksEndpoint(String uri, DatabricksComponent component, DatabricksConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public DatabricksComponent getComponent() {
        return (DatabricksComponent) super.getComponent();
    }

    /** Request-field options are not declared options, so the endpoint accepts options it does not declare. */
    @Override
    public boolean isLenientProperties() {
        return true;
    }

    /** Request-field options make two URIs of the same operation different endpoints. */
    @Override
    public String getEndpointKey() {
        return getEndpointUri();
    }

    /**
     * Binds the operation and validates what depends on it: the request-field options left over after the
     * declared options were bound, and {@code wait}.
     */
    void initOperation(Operation<?, ?> op, Map<String, Object> requestFieldOptions) {
        @SuppressWarnings("unchecked")
        Operation<Object, Object> typed = (Operation<Object, Object>) op;
        this.definition = typed;
        this.requestFields = RequestFields.of(op.requestType(), WIRE_MAPPER);
        String idempotencyField = op.autoIdempotencyField() != null ? op.autoIdempotencyField()
                : requestFields.find(IDEMPOTENCY_TOKEN_FIELD).map(RequestFields.Field::wireName).orElse(null);
        this.requestAssembler = RequestAssembler.create(getPath(), requestFields, requestFieldOptions,
                idempotencyField, WIRE_MAPPER);
        if (wait && !op.hasWaiter()) {
            throw new IllegalArgumentException("wait=true on databricks:" + getPath() + ", which has no waiter. "
                    + "Operations of " + service + " that can wait: " + OperationLookup.waitingOperations(service));
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        return new DatabricksProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!definition.isPaginated()) {
            throw new IllegalArgumentException("databricks:" + getPath() + " cannot be consumed: only list"
                    + " operations can. List operations of " + service + ": "
                    + OperationLookup.listOperations(service));
        }
        DatabricksConsumer consumer = new DatabricksConsumer(this, processor);
        if (getDelay() < 0) {
            setDelay(DEFAULT_CONSUMER_DELAY_MILLIS);
        }
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ApiClient configured = configuredClient();
        if (configured != null) {
            client = configured;
            sharedClient = false;
        } else {
            client = getComponent().acquireClient(configuration);
            sharedClient = true;
        }
    }

    @Override
    protected void doStop() throws Exception {
        ApiClient current = client;
        client = null;
        if (current != null && sharedClient) {
            getComponent().releaseClient(current);
        }
        super.doStop();
    }

    private ApiClient configuredClient() {
        if (definition.scope() == ApiScope.ACCOUNT && configuration.getAccountClient() != null) {
            return configuration.getAccountClient().apiClient();
        }
        if (configuration.getApiClient() != null) {
            return configuration.getApiClient();
        }
        if (definition.scope() == ApiScope.WORKSPACE && configuration.getWorkspaceClient() != null) {
            return configuration.getWorkspaceClient().apiClient();
        }
        return null;
    }

    /** The client of this endpoint (started endpoints only). */
    ApiClient client() {
        ApiClient current = client;
        if (current == null) {
            throw new IllegalStateException("databricks:" + getPath() + " is not started");
        }
        return current;
    }

    Operation<Object, Object> definition() {
        return definition;
    }

    RequestAssembler requestAssembler() {
        return requestAssembler;
    }

    RequestFields requestFields() {
        return requestFields;
    }

    /** {@code service/operation}, as in the URI. */
    String getPath() {
        return service + "/" + operation;
    }

    /** The wait timeout: the option, else the spec's default. */
    Duration effectiveWaitTimeout() {
        return waitTimeout > 0 ? Duration.ofMillis(waitTimeout) : definition.waitSpec().defaultTimeout();
    }

    @Override
    public String getServiceUrl() {
        ApiClient current = client;
        return current != null ? current.config().getHost() : configuration.getHost();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("operation", getPath());
        if (definition != null) {
            metadata.put("operationId", definition.id());
        }
        return metadata;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public DatabricksConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DatabricksConfiguration configuration) {
        this.configuration = configuration;
    }

    public boolean isWait() {
        return wait;
    }

    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public boolean isLazyList() {
        return lazyList;
    }

    public void setLazyList(boolean lazyList) {
        this.lazyList = lazyList;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getItemKey() {
        return itemKey;
    }

    public void setItemKey(String itemKey) {
        this.itemKey = itemKey;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }
}
