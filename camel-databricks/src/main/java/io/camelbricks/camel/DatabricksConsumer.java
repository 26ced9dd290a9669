package io.camelbricks.camel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.Operation;

/**
 * Polls an operation (see {@link ConsumerPlan}) and emits what it has not emitted before:
 * <ul>
 * <li>items: each item of a listing once, keyed {@code service/op:<item key>};</li>
 * <li>changes: each observed state of each item once, keyed {@code service/op:<item key>:state=<state>};</li>
 * <li>follow: each observed state of one entity (e.g. a run), until a terminal state has been emitted;</li>
 * <li>run events ({@code jobs/listRuns?emit=changes}): as changes, but each poll lists only the runs started since a
 * persisted cursor minus an overlap ({@link RunEventCursor}); a key goes into the repository only once its exchange
 * completed, and the cursor moves only once every exchange of the poll completed, never past a run still in
 * progress or an event whose exchange failed ({@link RunEventWindow}).</li>
 * </ul>
 * Each poll walks the lazy listing (pages fetched as needed, up to {@code maxMessagesPerPoll} new exchanges). A key
 * goes into the {@link IdempotentRepository} only once its exchange has completed; until then it is held in memory
 * (in flight), so that no poll emits it twice meanwhile. A failed exchange, or one not handed over before a stop,
 * leaves its key out: the next poll emits it again. With a persistent repository, a restart, even after the process
 * was killed in the middle of a poll, therefore loses nothing; only an exchange that completed its work and died
 * before its key was stored is emitted again (at-least-once for that one exchange).
 * Once the exchange of an item's state completed, the keys of the item's other states are removed: an item that
 * comes back to a state is a new event.
 */
public class DatabricksConsumer extends ScheduledBatchPollingConsumer {
    /** Default size of the in-memory repository of emitted keys. */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;
    /** How many items' last states are remembered for {@code CamelDatabricksPreviousState}. */
    static final int PREVIOUS_STATES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksConsumer.class);
    private static final String EVENT_KEY_PROPERTY = "CamelDatabricksEventKey";
    private static final String RUN_START_PROPERTY = "CamelDatabricksRunEventStart";
    private static final String FORGET_KEYS_PROPERTY = "CamelDatabricksEventForgetKeys";

    private final DatabricksEndpoint endpoint;
    private final ConsumerPlan plan;
    private final ItemKey itemKey;
    private final Map<String, String> previousStates = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > PREVIOUS_STATES;
                }
            });
    private IdempotentRepository repository;
    private boolean ownsRepository;
    /** Keys of exchanges emitted and not yet completed: they go into the repository when they complete. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** FOLLOW: the entity reached a terminal state and that state was emitted; nothing more to poll. */
    private volatile boolean followed;
    /** RUN_EVENTS: the cursor, its repository, and the window of the last poll (settled once its exchanges are). */
    private StateRepository<String, String> stateRepository;
    private boolean ownsStateRepository;
    private RunEventCursor cursor;
    private volatile RunEventWindow window;

    public DatabricksConsumer(DatabricksEndpoint endpoint, Processor processor, ConsumerPlan plan) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.plan = plan;
        Operation<Object, Object> op = endpoint.definition();
        this.itemKey = new ItemKey(endpoint.getItemKey(), op.isPaginated() ? op.pagination().dedupeBy() : null);
    }

    @Override
    public DatabricksEndpoint getEndpoint() {
        return endpoint;
    }

    ConsumerPlan plan() {
        return plan;
    }

    @Override
    protected void doStart() throws Exception {
        repository = endpoint.getIdempotentRepository();
        ownsRepository = repository == null;
        if (ownsRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        ServiceHelper.startService(repository);
        if (plan.kind() == ConsumerPlan.Kind.RUN_EVENTS) {
            stateRepository = endpoint.getStateRepository();
            ownsStateRepository = stateRepository == null;
            if (ownsStateRepository) {
                stateRepository = new MemoryStateRepository();
            }
            ServiceHelper.startService(stateRepository);
            cursor = new RunEventCursor(stateRepository, RunEventCursor.keyFor(endpoint.getPath(),
                    endpoint.requestAssembler().uriFields()), endpoint.getOverlap(), endpoint.getStartFrom(),
                    System::currentTimeMillis);
            window = null;
        }
        inFlight.clear();
        followed = false;
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
        if (ownsStateRepository) {
            ServiceHelper.stopService(stateRepository);
        }
    }

    @Override
    protected int poll() throws Exception {
        if (followed) {
            return 0;
        }
        if (plan.kind() == ConsumerPlan.Kind.RUN_EVENTS) {
            return pollRunEvents();
        }
        ApiClient client = endpoint.client();
        Operation<Object, Object> op = endpoint.definition();
        Object request = endpoint.requestAssembler().assemble(null, client.mapper(), null);
        Queue<Object> exchanges = new ArrayDeque<>();
        List<String> added = new ArrayList<>();
        try {
            if (plan.kind() == ConsumerPlan.Kind.FOLLOW) {
                Object entity = client.execute(op, request);
                offer(entity, client, exchanges, added);
            } else if (plan.kind() == ConsumerPlan.Kind.FILES) {
                listFiles(client, exchanges, added);
            } else {
                for (Object item : client.paginate(op, request)) {
                    if (!isRunAllowed()) {
                        break;
                    }
                    offer(item, client, exchanges, added);
                    if (maxMessagesPerPoll > 0 && exchanges.size() >= maxMessagesPerPoll) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            // nothing of this poll was emitted: forget it all, so that the next poll starts afresh
            added.forEach(inFlight::remove);
            exchanges.forEach(exchange -> releaseExchange((Exchange) exchange, false));
            throw e instanceof DatabricksError error ? new DatabricksOperationException(endpoint.getPath(), error) : e;
        }
        forceConsumerAsReady();
        return processBatch(exchanges);
    }

    /**
     * RUN_EVENTS: lists the runs started from the window's start (the cursor minus the overlap), newest first, and
     * queues each observed state not emitted before. The next poll waits until the exchanges of this one completed,
     * so that the cursor it starts from accounts for every failure.
     */
    private int pollRunEvents() throws Exception {
        RunEventWindow previous = window;
        if (previous != null && !previous.isSettled()) {
            LOG.debug("databricks:{}: the exchanges of the previous poll are still in flight; not polling",
                    endpoint.getPath());
            return 0;
        }
        ApiClient client = endpoint.client();
        Operation<Object, Object> op = endpoint.definition();
        RunEventWindow current = cursor.open();
        ObjectNode fields = endpoint.requestAssembler().fieldValues(null, client.mapper());
        long from = Math.max(current.from(), fields.path("start_time_from").asLong(0));
        if (from > 0) {
            fields.put("start_time_from", from);
        }
        Queue<Object> exchanges = new ArrayDeque<>();
        List<String> added = new ArrayList<>();
        try {
            Object request = client.mapper().treeToValue(fields, op.requestType());
            boolean toTheEnd = true;
            for (Object run : client.paginate(op, request)) {
                if (!isRunAllowed() || (maxMessagesPerPoll > 0 && exchanges.size() >= maxMessagesPerPoll)) {
                    toTheEnd = false;
                    break;
                }
                JsonNode json = client.mapper().valueToTree(run);
                long start = current.startOf(json);
                if (start < from) {
                    break; // newest first: the rest started before the window (a server that ignored the filter)
                }
                current.listed(start, RunEventWindow.inProgress(json));
                Exchange exchange = offer(run, json, client, added);
                if (exchange != null) {
                    exchange.setProperty(RUN_START_PROPERTY, start);
                    exchanges.add(exchange);
                }
            }
            if (toTheEnd) {
                current.listedToTheEnd();
            }
        } catch (RuntimeException e) {
            // nothing of this poll was emitted and the cursor stays: the next poll lists the same window again
            added.forEach(inFlight::remove);
            exchanges.forEach(exchange -> releaseExchange((Exchange) exchange, false));
            throw e instanceof DatabricksError error ? new DatabricksOperationException(endpoint.getPath(), error) : e;
        }
        window = current;
        forceConsumerAsReady();
        try {
            return processBatch(exchanges);
        } finally {
            for (Object left : exchanges) { // not handed over (processBatch failed): their events must come again
                current.hold(((Exchange) left).getProperty(RUN_START_PROPERTY, Long.class));
                inFlight.remove(((Exchange) left).getProperty(EVENT_KEY_PROPERTY, String.class));
            }
            if (current.close()) {
                cursor.commit(current);
            }
        }
    }

    /**
     * Queues a {@link DatabricksFile} for each file of the listed directory (and its subdirectories with
     * {@code recursive}) that passes include/exclude and was not emitted before with the same size and modification
     * time: a new file, or a changed one, is emitted once.
     */
    private void listFiles(ApiClient client, Queue<Object> exchanges, List<String> added) {
        DataOperations.Listing listing = plan.listing();
        JsonNode directory = endpoint.requestAssembler().fieldValues(null, client.mapper())
                .get(listing.directoryField());
        String root = directory == null ? null : directory.asText();
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("databricks:" + endpoint.getPath() + " needs the directory to watch:"
                    + " set the URI option path (e.g. path=/Volumes/main/default/landing)");
        }
        RemoteStore store = listing.store();
        for (Iterator<RemoteEntry> it = store.iterate(client, root, endpoint.isRecursive()); it.hasNext()
                && isRunAllowed() && (maxMessagesPerPoll <= 0 || exchanges.size() < maxMessagesPerPoll);) {
            RemoteEntry entry = it.next();
            String relative = entry.relativeTo(root);
            if (entry.directory() || !endpoint.acceptsFileName(entry.name())) {
                continue;
            }
            String identity = "path=" + entry.path() + ":size=" + entry.size() + ":modified=" + entry.lastModified();
            String key = endpoint.getPath() + ":" + identity;
            if (repository.contains(key) || !inFlight.add(key)) {
                continue;
            }
            added.add(key);
            Exchange exchange = fileExchange(new DatabricksFile(entry, relative,
                    () -> store.open(client, entry.path(), client.mapper().createObjectNode()).stream()), identity);
            exchange.setProperty(EVENT_KEY_PROPERTY, key);
            exchanges.add(exchange);
        }
    }

    /** The exchange of one listed file: the file as body, the file component's headers. */
    private Exchange fileExchange(DatabricksFile file, String identity) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setBody(file);
        message.setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
        message.setHeader(DatabricksConstants.ITEM_KEY, identity);
        message.setHeader(DatabricksConstants.FILE_PATH, file.getPath());
        message.setHeader(Exchange.FILE_NAME, file.getRelativePath());
        message.setHeader(Exchange.FILE_NAME_ONLY, file.getName());
        message.setHeader(Exchange.FILE_LENGTH, file.getSize());
        if (file.getLastModified() > 0) {
            message.setHeader(Exchange.FILE_LAST_MODIFIED, file.getLastModified());
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                file.closeStreams();
            }
        });
        return exchange;
    }

    /** Queues an exchange for {@code value} unless its key (item, or item and state) was emitted before. */
    private void offer(Object value, ApiClient client, Queue<Object> exchanges, List<String> added) {
        Exchange exchange = offer(value, client.mapper().valueToTree(value), client, added);
        if (exchange != null) {
            exchanges.add(exchange);
        }
    }

    /**
     * An exchange for {@code value} unless its key was emitted before or is in flight, else null. The key goes into
     * the repository only once the exchange completed (see the class description); {@code added}, when given,
     * collects the keys of this poll, which a failing poll takes out of flight again.
     */
    private Exchange offer(Object value, JsonNode json, ApiClient client, List<String> added) {
        String identity = itemKey.of(json);
        String key = endpoint.getPath() + ":" + identity;
        String state = null;
        if (plan.kind() != ConsumerPlan.Kind.ITEMS) {
            JsonNode node = ResultHeaders.at(json, plan.statePath());
            if (node == null) {
                return null; // no state to report (yet)
            }
            state = node.asText();
            key = key + ":state=" + state;
        }
        boolean done = repository.contains(key);
        if (plan.kind() == ConsumerPlan.Kind.FOLLOW && plan.terminalStates().contains(state) && done) {
            followed = true; // the terminal state was emitted and completed before: the entity is done
        }
        boolean isNew = !done && inFlight.add(key);
        if (!isNew) {
            return null;
        }
        if (added != null) {
            added.add(key);
        }
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(ResultBody.convert(endpoint.output(), client.mapper(), value));
        exchange.getMessage().setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
        ResultHeaders.copy(json, exchange.getMessage());
        exchange.getMessage().setHeader(DatabricksConstants.ITEM_KEY, identity);
        if (state != null) {
            exchange.getMessage().setHeader(DatabricksConstants.OBSERVED_STATE, state);
            String previous = previousStates.put(identity, state);
            if (previous != null && !previous.equals(state)) {
                exchange.getMessage().setHeader(DatabricksConstants.PREVIOUS_STATE, previous);
            }
            exchange.setProperty(FORGET_KEYS_PROPERTY, otherStateKeys(endpoint.getPath() + ":" + identity, state,
                    previous));
        }
        exchange.setProperty(EVENT_KEY_PROPERTY, key);
        return exchange;
    }

    /**
     * The keys of the item's other states (its state field's values, and the state emitted before it): once this
     * state is emitted, they are forgotten, so that the item entering one of them again is a new event.
     */
    private List<String> otherStateKeys(String itemPrefix, String state, String previous) {
        Set<String> others = new LinkedHashSet<>(plan.stateValues());
        if (previous != null) {
            others.add(previous);
        }
        others.remove(state);
        return others.stream().map(other -> itemPrefix + ":state=" + other).toList();
    }

    /** After an event's exchange completed: forget the item's other states (see {@link #otherStateKeys}). */
    private void forgetOtherStates(Exchange done) {
        List<?> keys = done.getProperty(FORGET_KEYS_PROPERTY, List.class);
        if (keys != null) {
            keys.forEach(key -> repository.remove((String) key));
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int index = 0;
        while (!exchanges.isEmpty() && isBatchAllowed()) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            String key = exchange.getProperty(EVENT_KEY_PROPERTY, String.class);
            exchange.getExchangeExtension().addOnCompletion(plan.kind() == ConsumerPlan.Kind.RUN_EVENTS
                    ? runEventCompletion(key, exchange.getProperty(RUN_START_PROPERTY, Long.class))
                    : new Synchronization() {
                        @Override
                        public void onComplete(Exchange done) {
                            if (storeCompletedKey(key)) {
                                forgetOtherStates(done);
                            }
                        }

                        @Override
                        public void onFailure(Exchange failed) {
                            inFlight.remove(key); // not stored: the next poll emits it again
                        }
                    });
            AsyncCallback callback = defaultConsumerCallback(exchange, true);
            getAsyncProcessor().process(exchange, callback);
            index++;
        }
        // stopping: what was not handed over is forgotten, to be emitted after the restart
        while (!exchanges.isEmpty()) {
            Exchange left = (Exchange) exchanges.poll();
            if (plan.kind() == ConsumerPlan.Kind.RUN_EVENTS) {
                window.hold(left.getProperty(RUN_START_PROPERTY, Long.class));
            }
            inFlight.remove(left.getProperty(EVENT_KEY_PROPERTY, String.class));
            releaseExchange(left, false);
        }
        pendingExchanges = 0;
        return index;
    }

    /**
     * Stores the key of a completed exchange, then takes it out of flight: a concurrent poll sees it in one or the
     * other. A repository that fails (its store is down) leaves the key out, so the item is emitted again later; the
     * failure propagates to the completion, which Camel logs.
     */
    private boolean storeCompletedKey(String key) {
        try {
            repository.add(key);
            repository.confirm(key);
            return true;
        } finally {
            inFlight.remove(key);
        }
    }

    /**
     * RUN_EVENTS: the event is remembered once its exchange completed; a failed one is not, and holds the cursor at
     * its run, and so does one whose key the repository failed to store. The last exchange of a poll to complete
     * commits the cursor (when the state repository fails to, the next poll starts from the cursor before).
     */
    private Synchronization runEventCompletion(String key, long start) {
        RunEventWindow current = window;
        current.handedOver();
        return new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                // a repository that fails (its store is down) leaves the key out: the event counts as failed, holds
                // the cursor at its run and comes again; the window settles all the same, so polling goes on
                boolean stored = false;
                try {
                    stored = storeCompletedKey(key);
                    if (stored) {
                        forgetOtherStates(done);
                    }
                } finally {
                    settled(!stored);
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                inFlight.remove(key);
                settled(true);
            }

            private void settled(boolean failed) {
                if (current.exchangeDone(start, failed)) {
                    cursor.commit(current);
                }
            }
        };
    }
}
