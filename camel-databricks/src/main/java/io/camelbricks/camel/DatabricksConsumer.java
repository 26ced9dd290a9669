package io.camelbricks.camel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.Operation;

/**
 * Polls an operation (see {@link ConsumerPlan}) and emits what it has not emitted before:
 * <ul>
 * <li>items: each item of a listing once, keyed {@code service/op:<item key>};</li>
 * <li>changes: each observed state of each item once, keyed {@code service/op:<item key>:state=<state>};</li>
 * <li>follow: each observed state of one entity (e.g. a run), until a terminal state has been emitted.</li>
 * </ul>
 * Each poll walks the lazy listing (pages fetched as needed, up to {@code maxMessagesPerPoll} new exchanges). A key
 * goes into the {@link IdempotentRepository} only once its exchange has completed; until then it is held in memory
 * (in flight), so that no poll emits it twice meanwhile. A failed exchange, or one not handed over before a stop,
 * leaves its key out: the next poll emits it again. With a persistent repository, a restart, even after the process
 * was killed in the middle of a poll, therefore loses nothing; only an exchange that completed its work and died
 * before its key was stored is emitted again (at-least-once for that one exchange).
 */
public class DatabricksConsumer extends ScheduledBatchPollingConsumer {
    /** Default size of the in-memory repository of emitted keys. */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;
    /** How many items' last states are remembered for {@code CamelDatabricksPreviousState}. */
    static final int PREVIOUS_STATES = 10_000;

    private static final String EVENT_KEY_PROPERTY = "CamelDatabricksEventKey";

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
    }

    @Override
    protected int poll() throws Exception {
        if (followed) {
            return 0;
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
            DatabricksFile file = new DatabricksFile(entry, relative, () -> store.open(client, entry.path(), client.mapper().createObjectNode()).stream());
            Exchange exchange = createExchange(true);
            Message message = exchange.getMessage();
            message.setBody(file);
            message.setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
            message.setHeader(DatabricksConstants.ITEM_KEY, identity);
            message.setHeader(DatabricksConstants.FILE_PATH, entry.path());
            message.setHeader(Exchange.FILE_NAME, relative);
            message.setHeader(Exchange.FILE_NAME_ONLY, entry.name());
            message.setHeader(Exchange.FILE_LENGTH, entry.size());
            if (entry.lastModified() > 0) {
                message.setHeader(Exchange.FILE_LAST_MODIFIED, entry.lastModified());
            }
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    file.closeStreams();
                }
            });
            exchange.setProperty(EVENT_KEY_PROPERTY, key);
            exchanges.add(exchange);
        }
    }

    /** Queues an exchange for {@code value} unless its key (item, or item and state) was emitted before. */
    private void offer(Object value, ApiClient client, Queue<Object> exchanges, List<String> added) {
        JsonNode json = client.mapper().valueToTree(value);
        String identity = itemKey.of(json);
        String key = endpoint.getPath() + ":" + identity;
        String state = null;
        if (plan.kind() != ConsumerPlan.Kind.ITEMS) {
            JsonNode node = ResultHeaders.at(json, plan.statePath());
            if (node == null) {
                return; // no state to report (yet)
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
            return;
        }
        added.add(key);
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
        }
        exchange.setProperty(EVENT_KEY_PROPERTY, key);
        exchanges.add(exchange);
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
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    // stored first, then no longer in flight: a concurrent poll sees it in one or the other
                    repository.add(key);
                    repository.confirm(key);
                    inFlight.remove(key);
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
            inFlight.remove(left.getProperty(EVENT_KEY_PROPERTY, String.class));
            releaseExchange(left, false);
        }
        pendingExchanges = 0;
        return index;
    }
}
