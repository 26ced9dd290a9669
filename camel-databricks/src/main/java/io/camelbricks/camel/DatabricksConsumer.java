package io.camelbricks.camel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.Operation;

/**
 * Polls a list operation: each poll walks the lazy listing (pages fetched as needed) and emits every item not
 * emitted before as its own exchange. Items are remembered in an {@link IdempotentRepository} under their identity
 * ({@link ItemKey}); an item whose exchange fails is forgotten, so the next poll emits it again.
 */
public class DatabricksConsumer extends ScheduledBatchPollingConsumer {
    /** Default size of the in-memory repository of emitted items. */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;

    private static final String ITEM_KEY_PROPERTY = "CamelDatabricksItemKey";

    private final DatabricksEndpoint endpoint;
    private final ItemKey itemKey;
    private IdempotentRepository repository;
    private boolean ownsRepository;

    public DatabricksConsumer(DatabricksEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        Operation<Object, Object> op = endpoint.definition();
        this.itemKey = new ItemKey(endpoint.getItemKey(), op.pagination().dedupeBy());
    }

    @Override
    public DatabricksEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        repository = endpoint.getIdempotentRepository();
        ownsRepository = repository == null;
        if (ownsRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        ServiceHelper.startService(repository);
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
        ApiClient client = endpoint.client();
        Operation<Object, Object> op = endpoint.definition();
        Object request = endpoint.requestAssembler().assemble(null, client.mapper(), null);
        String prefix = endpoint.getPath() + ":";
        Queue<Object> exchanges = new ArrayDeque<>();
        List<String> added = new ArrayList<>();
        try {
            for (Object item : client.paginate(op, request)) {
                if (!isRunAllowed()) {
                    break;
                }
                JsonNode json = client.mapper().valueToTree(item);
                String key = prefix + itemKey.of(json);
                if (!repository.add(key)) {
                    continue;
                }
                added.add(key);
                exchanges.add(createExchange(item, json, key));
                if (maxMessagesPerPoll > 0 && exchanges.size() >= maxMessagesPerPoll) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // nothing of this poll was emitted: forget it all, so that the next poll starts afresh
            added.forEach(repository::remove);
            exchanges.forEach(exchange -> releaseExchange((Exchange) exchange, false));
            throw e instanceof DatabricksError error ? new DatabricksOperationException(endpoint.getPath(), error) : e;
        }
        forceConsumerAsReady();
        return processBatch(exchanges);
    }

    private Exchange createExchange(Object item, JsonNode json, String key) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(item);
        exchange.getMessage().setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
        ResultHeaders.copy(json, exchange.getMessage());
        exchange.setProperty(ITEM_KEY_PROPERTY, key);
        return exchange;
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
            String key = exchange.getProperty(ITEM_KEY_PROPERTY, String.class);
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    repository.confirm(key);
                }

                @Override
                public void onFailure(Exchange failed) {
                    repository.remove(key);
                }
            });
            AsyncCallback callback = defaultConsumerCallback(exchange, true);
            getAsyncProcessor().process(exchange, callback);
            index++;
        }
        // stopping: what was not handed over is forgotten, to be emitted after the restart
        while (!exchanges.isEmpty()) {
            Exchange left = (Exchange) exchanges.poll();
            repository.remove(left.getProperty(ITEM_KEY_PROPERTY, String.class));
            releaseExchange(left, false);
        }
        pendingExchanges = 0;
        return index;
    }
}
