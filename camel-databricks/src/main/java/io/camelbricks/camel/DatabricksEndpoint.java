package io.camelbricks.camel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.wait.WaitPolicy;
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
    /** {@code waitTimeout} unset: wait as long as the entity takes (a century is "no limit" to a deadline). */
    static final Duration NO_WAIT_TIMEOUT = Duration.ofDays(36_500);
    /** pollInterval not given: the client's schedule (0 is a real value: no pause between polls). */
    static final long UNSET = -1;
    /** The client's wire mapping, for validating URI options before any client exists. */
    private static final ObjectMapper WIRE_MAPPER = JsonMapper.create();

    @UriPath(description = "The service: the client accessor, e.g. jobs, clusters, files, statementExecution,"
            + " warehouses; prefixed with account/ for account-level operations (e.g. account/groups).")
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
            + " waiting. A failure state (e.g. INTERNAL_ERROR, or a result state of failOnResultState) fails the"
            + " exchange with DatabricksOperationFailedException.")
    private boolean wait;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "With wait=true: how long to"
            + " wait, exactly (e.g. 2h, 30m, PT45S or milliseconds); then onWaitTimeout applies. Default: no limit,"
            + " the exchange waits until the entity reaches a final state (there is no hidden ceiling).")
    private long waitTimeout;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "With wait=true: the interval"
            + " between polls. With maxPollInterval the interval grows by this much per poll up to maxPollInterval;"
            + " without it, it is fixed. 0 polls again as soon as an answer arrives (no pause). Default: the"
            + " client's schedule (1 s growing to 10 s, with jitter).")
    private long pollInterval = UNSET;
    @UriParam(label = "producer", javaType = "java.time.Duration", description = "With wait=true: the longest"
            + " interval between polls; the interval grows linearly from pollInterval (default 1 s) up to it.")
    private long maxPollInterval;
    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,cancel,continue", description = "With"
            + " wait=true, what happens when waitTimeout elapses: fail (the exchange fails with WaitTimeoutException;"
            + " the remote work goes on), cancel (the remote work is cancelled, e.g. jobs/cancelRun, then the"
            + " exchange fails), continue (the exchange goes on with the last polled entity as body and header"
            + " CamelDatabricksWaitTimedOut=true).")
    private String onWaitTimeout = WaitTimeoutAction.FAIL.optionValue();
    @UriParam(label = "producer", description = "With wait=true: states that fail the exchange although the"
            + " waiter counts them as reached, matched against a run's state.result_state and the waiter's status"
            + " (e.g. SKIPPED); comma-separated, or none. Default for runs started by jobs/submit, jobs/runNow and"
            + " jobs/repairRun: FAILED,TIMEDOUT,CANCELED,MAXIMUM_CONCURRENT_RUNS_REACHED,UPSTREAM_FAILED,"
            + "UPSTREAM_CANCELED,SKIPPED; for other operations none.")
    private String failOnResultState;
    @UriParam(label = "producer", defaultValue = "typed", enums = "typed,map,json,rows,list", description = "The"
            + " form of the body: typed (the client's response class, e.g. Run), map (a Map of the JSON, snake_case"
            + " keys) or json (JSON text); lists hold items of that form. For statementExecution/executeStatement also"
            + " rows (a lazy, closeable Iterator of one Map per result row, typed by the result schema, for"
            + " .split(body()).streaming()) or list (a List of those Maps, for small results).")
    private String outputType = OutputType.TYPED.optionValue();
    @UriParam(label = "producer", defaultValue = "false", description = "On a list operation: put a lazy Iterator"
            + " in the body (pages are fetched while it is iterated, e.g. by .split(body())) instead of a List of"
            + " every item.")
    private boolean lazyList;
    @UriParam(label = "producer,advanced", defaultValue = "true", description = "A call that does not wait (no"
            + " wait=true, not a listing) sends its first attempt from the routing thread, which blocks for that"
            + " round trip, and the route goes on on that thread without a hand-over; retries are still scheduled"
            + " without holding a thread. false: every call goes through the client's I/O pool and the routing thread"
            + " never blocks (e.g. for routes driven by an event loop).")
    private boolean callOnRoutingThread = true;
    @UriParam(label = "producer", defaultValue = "true", description = "Fill an empty idempotency_token (jobs/submit,"
            + " jobs/runNow, ...) with a token derived from the exchange, so that Camel redelivering the exchange"
            + " cannot start a second run. The header CamelDatabricksIdempotencyKey replaces the exchange as the"
            + " source; an idempotency_token of the request (body, option, header) is used as is.")
    private boolean autoIdempotencyToken = true;

    @UriParam(label = "producer", defaultValue = "true", description = "When the route (or context) stops while an"
            + " exchange still waits for work on Databricks (a job run or command with wait=true, a statement of"
            + " statementExecution/executeStatement with outputType=rows or list), cancel that work instead of leaving"
            + " it running unattended. Clusters, warehouses, apps and pipelines are never stopped by it.")
    private boolean cancelOnStop = true;

    @UriParam(label = "producer", description = "jobs/runNow: the name of the job to run, resolved to its job_id on"
            + " each call (exactly one job must have this name; none or several fail the exchange naming them).")
    private String jobName;
    @UriParam(label = "producer", defaultValue = "false", description = "jobs/runNow: cancel the job's active runs"
            + " before starting a new one.")
    private boolean cancelPreviousRuns;
    @UriParam(label = "producer", defaultValue = "0", description = "jobs/submit, jobs/runNow or jobs/repairRun with"
            + " wait=true: when the run fails, repair its failed tasks (with the run's parameters and latest repair"
            + " id) and wait again, up to this many times, before failing the exchange.")
    private int repairAttempts;

    @UriParam(label = "consumer", description = "A consumer on a directory listing (files/listDirectoryContents,"
            + " dbfs/list): emit only files whose name matches this regular expression (as the file component's"
            + " include), e.g. .*\\.csv.")
    private String include;
    @UriParam(label = "consumer", description = "A consumer on a directory listing: skip files whose name matches"
            + " this regular expression.")
    private String exclude;
    @UriParam(label = "consumer", defaultValue = "false", description = "A consumer on a directory listing: also"
            + " emit the files of subdirectories (CamelFileName is then the path below the listed directory).")
    private boolean recursive;

    @UriParam(label = "consumer", defaultValue = "items", enums = "items,changes", description = "What the consumer"
            + " emits: items (each listed item once) or changes (one exchange per observed change of an item's"
            + " state, see stateField; on jobs/listRuns: run events, listing only the runs started since a persisted"
            + " cursor, see overlap, startFrom and stateRepository). Following one entity (e.g."
            + " jobs/getRun?runId=...) is always changes.")
    private String emit = ConsumerMode.ITEMS.optionValue();
    @UriParam(label = "consumer", description = "With emit=changes: the item field (dotted path) holding its"
            + " state. Default: the status path of the service's waiter when the item has it (e.g. runs:"
            + " state.life_cycle_state; clusters and warehouses: state).")
    private String stateField;
    @UriParam(label = "consumer", description = "Following one entity (a consumer on e.g. jobs/getRun): the states"
            + " after which polling stops, comma-separated. Default: the target and failure states of the waiters"
            + " that poll this operation (runs: TERMINATED,SKIPPED,INTERNAL_ERROR).")
    private String terminalStates;
    @UriParam(label = "consumer,advanced", description = "Where the consumer remembers what it has emitted (items,"
            + " or item states with emit=changes), so that nothing is emitted twice. Default: an in-memory"
            + " repository of 100000 keys (forgotten on restart); use a persistent one (e.g. a"
            + " FileIdempotentRepository or JdbcMessageIdRepository bean) to survive restarts, and a shared one"
            + " (JdbcMessageIdRepository, Infinispan, Redis) when the route runs on several nodes.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "5m", description = "Run events"
            + " (jobs/listRuns with emit=changes): how far before the cursor each poll lists runs again"
            + " (start_time_from = cursor - overlap), to catch runs that become visible to listings with a start_time"
            + " already in the past (e.g. 5m, PT10M or milliseconds).")
    private long overlap = RunEventCursor.DEFAULT_OVERLAP_MILLIS;
    @UriParam(label = "consumer", defaultValue = "now", description = "Run events (jobs/listRuns with"
            + " emit=changes): where the first poll starts when the stateRepository holds no cursor yet: now (runs"
            + " started from now minus overlap), earliest (the whole run history, once), an ISO-8601 instant (e.g."
            + " 2026-11-01T00:00:00Z) or epoch milliseconds.")
    private String startFrom = RunEventCursor.NOW;
    @UriParam(label = "consumer,advanced", description = "Run events (jobs/listRuns with emit=changes): where the"
            + " cursor (the start_time the next poll lists from) is kept, under the key databricks:jobs/listRuns"
            + " followed by the listing filters of the URI in wire names (e.g. job_id=42). Default: in memory"
            + " (forgotten on restart); use a persistent one (e.g. a FileStateRepository bean; on several nodes a"
            + " shared io.camelbricks.camel.state.JdbcStateRepository) together with a persistent idempotentRepository"
            + " so that restarts and failovers neither lose nor duplicate events.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer", description = "The item field (dotted path) that identifies a listed item."
            + " Default: the spec's de-duplication field, else the first of run_id, job_id, cluster_id, ..., id, name"
            + " present in the item.")
    private String itemKey;
    @UriParam(label = "consumer", defaultValue = "0", description = "Maximum number of exchanges emitted per poll"
            + " (0: no limit); the listing stops fetching pages once reached, the rest comes with the next poll.")
    private int maxMessagesPerPoll;

    private Operation<Object, Object> definition;
    private DataTransfer transfer;
    private JobRuns jobRuns;
    private Pattern includePattern;
    private Pattern excludePattern;
    private RequestFields requestFields;
    private RequestAssembler requestAssembler;
    private OutputType output;
    private WaitTimeoutAction waitTimeoutAction;
    private FailureStates failureStates;
    private WaitCancellation cancellation;
    private volatile ApiClient client;
    private volatile boolean sharedClient;

    /** Counters for the dev console. */
    final LongAdder calls = new LongAdder();
    final LongAdder failures = new LongAdder();
    final AtomicInteger waitsInProgress = new AtomicInteger();

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
     * declared options were bound, {@code wait} and the options that go with it.
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
        this.output = OutputType.parse(outputType);
        this.transfer = DataOperations.transferFor(this);
        this.jobRuns = JobRuns.of(this);
        this.includePattern = pattern("include", include);
        this.excludePattern = pattern("exclude", exclude);
        this.waitTimeoutAction = WaitTimeoutAction.parse(onWaitTimeout);
        ConsumerMode.parse(emit);
        if (wait && !op.hasWaiter()) {
            throw new IllegalArgumentException("wait=true on databricks:" + getPath() + ", which has no waiter. "
                    + "Operations of " + service + " that can wait: " + OperationLookup.waitingOperations(service));
        }
        if (op.hasWaiter()) {
            this.failureStates = FailureStates.of(op, failOnResultState);
            this.cancellation = WaitCancellation.of(op);
            if (wait && waitTimeoutAction == WaitTimeoutAction.CANCEL && cancellation == null) {
                throw new IllegalArgumentException("onWaitTimeout=cancel on databricks:" + getPath() + ": Databricks"
                        + " has no operation that cancels what it waits for (" + op.waitSpec().pollOperationId()
                        + "). Operations that can cancel on a timeout: " + WaitCancellation.describeSupported());
            }
        }
    }

    private Pattern pattern(String option, String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(option + " on databricks:" + getPath() + " is not a valid regular"
                    + " expression: " + e.getDescription() + " in " + regex, e);
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        return new DatabricksProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DatabricksConsumer consumer = new DatabricksConsumer(this, processor, ConsumerPlan.of(this));
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
        getComponent().observe(client);
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

    /** The client, or null when the endpoint is not started. */
    ApiClient clientOrNull() {
        return client;
    }

    /** Whether the client is one the component created (shared by endpoints with the same configuration). */
    boolean usesSharedClient() {
        return sharedClient;
    }

    Operation<Object, Object> definition() {
        return definition;
    }

    /** The data transfer of the producer (files, statement rows), or null when its body is JSON. */
    DataTransfer transfer() {
        return transfer;
    }

    /** What the producer does around job runs (jobs/submit, runNow, repairRun), or null. */
    JobRuns jobRuns() {
        return jobRuns;
    }

    /** Whether a listed file's name passes include and exclude. */
    boolean acceptsFileName(String name) {
        return (includePattern == null || includePattern.matcher(name).matches())
                && (excludePattern == null || !excludePattern.matcher(name).matches());
    }

    RequestAssembler requestAssembler() {
        return requestAssembler;
    }

    RequestFields requestFields() {
        return requestFields;
    }

    OutputType output() {
        return output;
    }

    WaitTimeoutAction waitTimeoutAction() {
        return waitTimeoutAction;
    }

    /** States that fail a wait beyond the waiter's own failure states; null without a waiter. */
    FailureStates failureStates() {
        return failureStates;
    }

    /** How to cancel what a wait waits for, or null. */
    WaitCancellation cancellation() {
        return cancellation;
    }

    /** {@code service/operation}, as in the URI. */
    String getPath() {
        return service + "/" + operation;
    }

    /** The wait timeout: the option, else no limit. */
    Duration effectiveWaitTimeout() {
        return waitTimeout > 0 ? Duration.ofMillis(waitTimeout) : NO_WAIT_TIMEOUT;
    }

    /** The polling schedule of a wait: the options, else the client's. */
    WaitPolicy waitPolicy(ApiClient apiClient) {
        if (pollInterval < 0 && maxPollInterval <= 0) {
            return apiClient.waitPolicy();
        }
        if (maxPollInterval <= 0) {
            return WaitPolicy.fixed(Duration.ofMillis(pollInterval));
        }
        Duration initial = pollInterval >= 0 ? Duration.ofMillis(pollInterval) : WaitPolicy.DEFAULT.initial();
        Duration max = Duration.ofMillis(Math.max(maxPollInterval, initial.toMillis()));
        return new WaitPolicy(initial, max, Duration.ZERO);
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

    /** Comma-separated option text as a list: blanks dropped, {@code none} is the empty list. */
    static List<String> listOption(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public String getOnWaitTimeout() {
        return onWaitTimeout;
    }

    public void setOnWaitTimeout(String onWaitTimeout) {
        this.onWaitTimeout = onWaitTimeout;
    }

    public String getFailOnResultState() {
        return failOnResultState;
    }

    public void setFailOnResultState(String failOnResultState) {
        this.failOnResultState = failOnResultState;
    }

    public String getOutputType() {
        return outputType;
    }

    public void setOutputType(String outputType) {
        this.outputType = outputType;
    }

    public boolean isLazyList() {
        return lazyList;
    }

    public void setLazyList(boolean lazyList) {
        this.lazyList = lazyList;
    }

    public boolean isCallOnRoutingThread() {
        return callOnRoutingThread;
    }

    public void setCallOnRoutingThread(boolean callOnRoutingThread) {
        this.callOnRoutingThread = callOnRoutingThread;
    }

    public boolean isAutoIdempotencyToken() {
        return autoIdempotencyToken;
    }

    public void setAutoIdempotencyToken(boolean autoIdempotencyToken) {
        this.autoIdempotencyToken = autoIdempotencyToken;
    }

    public boolean isCancelOnStop() {
        return cancelOnStop;
    }

    public void setCancelOnStop(boolean cancelOnStop) {
        this.cancelOnStop = cancelOnStop;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public boolean isCancelPreviousRuns() {
        return cancelPreviousRuns;
    }

    public void setCancelPreviousRuns(boolean cancelPreviousRuns) {
        this.cancelPreviousRuns = cancelPreviousRuns;
    }

    public int getRepairAttempts() {
        return repairAttempts;
    }

    public void setRepairAttempts(int repairAttempts) {
        this.repairAttempts = repairAttempts;
    }

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public String getExclude() {
        return exclude;
    }

    public void setExclude(String exclude) {
        this.exclude = exclude;
    }

    public boolean isRecursive() {
        return recursive;
    }

    public void setRecursive(boolean recursive) {
        this.recursive = recursive;
    }

    public String getEmit() {
        return emit;
    }

    public void setEmit(String emit) {
        this.emit = emit;
    }

    public String getStateField() {
        return stateField;
    }

    public void setStateField(String stateField) {
        this.stateField = stateField;
    }

    public String getTerminalStates() {
        return terminalStates;
    }

    public void setTerminalStates(String terminalStates) {
        this.terminalStates = terminalStates;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
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
