package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.api.wait.WaitPolicy;

/**
 * Calls the endpoint's operation without blocking the routing thread: resolve operation → build request → call
 * (and, with {@code wait=true}, poll the waiter on the client's scheduler) → response into body and headers. The
 * exchange completes when the client's future does.
 */
public class DatabricksProducer extends DefaultAsyncProducer {
    private static final Logger LOG = LoggerFactory.getLogger(DatabricksProducer.class);

    /** The immediate response of the call and, after a wait, the polled entity. */
    private record Outcome(Object response, Object entity, boolean waited) {
        Object body() {
            return waited ? entity : response;
        }
    }

    private final DatabricksEndpoint endpoint;

    public DatabricksProducer(DatabricksEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public DatabricksEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        Operation<Object, Object> op = endpoint.definition();
        ApiClient client;
        Object request;
        try {
            client = endpoint.client();
            request = endpoint.requestAssembler().assemble(message, client.mapper(),
                    requestJson -> idempotencyToken(exchange, requestJson));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        ResultHeaders.clear(message);
        message.setHeader(DatabricksConstants.OPERATION, endpoint.getPath());

        if (op.isPaginated() && endpoint.isLazyList()) {
            message.setBody(client.paginate(op, request));
            callback.done(true);
            return true;
        }
        CompletableFuture<Outcome> outcome;
        try {
            outcome = op.isPaginated() ? collect(client, op, request) : call(client, op, request, message);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    fail(exchange, unwrap(failure), client);
                } else {
                    complete(exchange, result, client);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private CompletableFuture<Outcome> call(ApiClient client, Operation<Object, Object> op, Object request,
                                            Message message) {
        CompletableFuture<Object> response = client.executeAsync(op, request);
        if (!endpoint.isWait()) {
            return response.thenApply(r -> new Outcome(r, null, false));
        }
        return response.thenCompose(r -> {
            // the ids of the immediate response (run_id, ...) are on the message even if the wait then fails
            copyHeaders(client.mapper(), r, message);
            return waitFor(client, op, request, r).thenApply(e -> new Outcome(r, e, true));
        });
    }

    private CompletableFuture<Object> waitFor(ApiClient client, Operation<Object, Object> op, Object request,
                                              Object response) {
        Wait<Object, Object> wait = endpoint.getPollInterval() > 0
                ? client.waitFor(op, request, response, WaitPolicy.fixed(Duration.ofMillis(endpoint.getPollInterval())))
                : client.waitFor(op, request, response);
        wait.onProgress(new StateChangeLog(client.mapper(), op, response));
        return wait.toCompletableFuture(endpoint.effectiveWaitTimeout());
    }

    /** Logs each state the waited-on entity enters, once, at INFO: what an operator wants to see. */
    private final class StateChangeLog implements java.util.function.Consumer<Object> {
        private final ObjectMapper mapper;
        private final String statusPath;
        private final String subject;
        private String last;

        StateChangeLog(ObjectMapper mapper, Operation<Object, Object> op, Object response) {
            this.mapper = mapper;
            this.statusPath = op.waitSpec().statusPath();
            this.subject = subjectOf(mapper, op, response);
        }

        @Override
        public synchronized void accept(Object entity) {
            String state = stateOf(mapper, entity, statusPath);
            if (!state.equals(last)) {
                LOG.info("databricks:{} {}: {}{}", endpoint.getPath(), subject, last == null ? "" : last + " -> ", state);
                last = state;
            }
        }
    }

    /** {@code run_id=5000000001}: the first poll argument taken from the response, for log lines. */
    private static String subjectOf(ObjectMapper mapper, Operation<Object, Object> op, Object response) {
        var tree = response == null ? null : mapper.valueToTree(response);
        for (String source : op.waitSpec().pollArguments()) {
            if (source.startsWith("response.") && tree != null) {
                String field = source.substring("response.".length());
                var value = ResultHeaders.at((com.fasterxml.jackson.databind.JsonNode) tree, field);
                if (value != null) {
                    return field + "=" + value.asText();
                }
            }
        }
        return op.id();
    }

    /** A listing is a sequence of blocking page calls: it runs on the component's pool, never the caller's thread. */
    private CompletableFuture<Outcome> collect(ApiClient client, Operation<Object, Object> op, Object request) {
        return CompletableFuture.supplyAsync(() -> {
            List<Object> items = new ArrayList<>();
            for (Object item : client.paginate(op, request)) {
                items.add(item);
            }
            return new Outcome(items, null, false);
        }, endpoint.getComponent().blockingExecutor());
    }

    private void complete(Exchange exchange, Outcome outcome, ApiClient client) {
        Message message = exchange.getMessage();
        if (outcome.waited()) {
            copyHeaders(client.mapper(), outcome.entity(), message); // the response's were copied before waiting
        } else if (!(outcome.response() instanceof List<?>)) {
            copyHeaders(client.mapper(), outcome.response(), message);
        }
        message.setBody(outcome.body());
    }

    private void fail(Exchange exchange, Throwable failure, ApiClient client) {
        Message message = exchange.getMessage();
        if (failure instanceof DatabricksError error) {
            message.setHeader(DatabricksConstants.STATUS_CODE, error.getStatusCode());
            message.setHeader(DatabricksConstants.ERROR_CODE, error.getErrorCode());
            exchange.setException(new DatabricksOperationException(endpoint.getPath(), error));
            return;
        }
        if (failure instanceof WaitFailedException waitFailed && waitFailed.getEntity() != null) {
            copyHeaders(client.mapper(), waitFailed.getEntity(), message);
        }
        exchange.setException(failure);
    }

    private static void copyHeaders(ObjectMapper mapper, Object value, Message message) {
        if (value != null) {
            ResultHeaders.copy(mapper.valueToTree(value), message);
        }
    }

    private static String stateOf(ObjectMapper mapper, Object entity, String statusPath) {
        var node = ResultHeaders.at(mapper.valueToTree(entity), statusPath);
        return node == null ? "?" : node.asText();
    }

    /**
     * The idempotency token of a request (for operations that take one, e.g. jobs/submit): derived from a random
     * value kept on the exchange and from the request, so that Camel redelivering the same exchange cannot start a
     * second run, while a different request sent by the same exchange (e.g. in a loop) still does.
     */
    private static String idempotencyToken(Exchange exchange, String requestJson) {
        String base = exchange.getProperty(DatabricksConstants.IDEMPOTENCY_TOKEN_PROPERTY, String.class);
        if (base == null) {
            base = UUID.randomUUID().toString();
            exchange.setProperty(DatabricksConstants.IDEMPOTENCY_TOKEN_PROPERTY, base);
        }
        return UUID.nameUUIDFromBytes((base + "|" + requestJson).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
