package io.camelbricks.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.api.wait.WaitTimeoutException;

/**
 * Calls the endpoint's operation: build the request → call (and, with {@code wait=true}, poll the waiter on the
 * scheduler) → response into body and headers. A call that does not wait sends its first attempt from the routing
 * thread ({@code callOnRoutingThread}, the default) and, when it is answered at once, completes the exchange on that
 * thread without a hand-over; retries, waits and listings run on the client's executors and the exchange completes
 * when the client's future does. Between polls and retries no thread is held.
 */
public class DatabricksProducer extends DefaultAsyncProducer {
    private static final Logger LOG = LoggerFactory.getLogger(DatabricksProducer.class);
    /** Id fields reported by {@link DatabricksOperationFailedException}, besides the waiter's poll fields. */
    /** Exchange property: the failed tasks of a failed run, for the exception message. */
    private static final String FAILURE_SUMMARY_PROPERTY = "CamelDatabricksFailureSummary";
    private static final List<String> ID_FIELDS = List.of("run_id", "job_id", "cluster_id", "statement_id",
            "pipeline_id");

    /** The immediate response of the call and, after a wait, the polled entity. */
    private record Outcome(Object response, Object entity, boolean waited, boolean timedOut) {
        Object body() {
            return waited ? entity : response;
        }
    }

    private final DatabricksEndpoint endpoint;
    /** Calls and waits in progress: failed when the producer stops, so that no exchange is left hanging. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    /** Waits on work that {@code cancelOnStop} cancels when the producer stops: the wait → its cancel call. */
    private final Map<CompletableFuture<?>, Supplier<CompletableFuture<?>>> cancelOnStop = new ConcurrentHashMap<>();
    /** How long stopping waits for the cancel calls of {@code cancelOnStop} (sent all at once). */
    private static final long CANCEL_ON_STOP_SECONDS = 30;
    /** Reads headers from typed responses; for the mapper of the endpoint's current client. */
    private volatile ResultFields resultFields;
    private DatabricksProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

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
        if (endpoint.transfer() != null) {
            return transfer(exchange, callback);
        }
        Message message = exchange.getMessage();
        Operation<Object, Object> op = endpoint.definition();
        ApiClient client;
        Object request;
        try {
            client = endpoint.client();
            ObjectMapper mapper = client.mapper();
            boolean walks = endpoint.jobRuns() != null
                    && endpoint.jobRuns().walks(message, endpoint.isAutoIdempotencyToken());
            request = endpoint.requestAssembler().assemble(message, mapper, endpoint.isAutoIdempotencyToken() && !walks
                    ? tree -> IdempotencyTokens.tokenFor(exchange, tree, mapper) : null);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        ResultHeaders.clear(message);
        message.setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
        endpoint.calls.increment();

        if (op.isPaginated() && endpoint.isLazyList()) {
            message.setBody(new ResultBody.LazyListing(client.paginate(op, request).iterator(), endpoint.output(),
                    client.mapper()));
            callback.done(true);
            return true;
        }
        CompletableFuture<Outcome> outcome;
        try {
            outcome = op.isPaginated() ? collect(client, op, request) : call(client, op, request, exchange);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return track(outcome, exchange, callback, result -> complete(exchange, result, client));
    }

    /** Streams a file or a statement's rows (see {@link DataTransfer}): the transfer sets body and headers. */
    private boolean transfer(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> done;
        try {
            ApiClient client = endpoint.client();
            ResultHeaders.clear(exchange.getMessage());
            exchange.getMessage().setHeader(DatabricksConstants.OPERATION, endpoint.getPath());
            endpoint.calls.increment();
            done = endpoint.transfer().start(exchange, client, endpoint.getComponent().blockingExecutor(client));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return track(done, exchange, callback, result -> { });
    }

    /** Completes the exchange when {@code work} does: {@code onSuccess} with its result, else the failure mapped. */
    private <T> boolean track(CompletableFuture<T> work, Exchange exchange, AsyncCallback callback,
                              Consumer<T> onSuccess) {
        if (work.isDone()) {
            // answered on this thread (a call from the routing thread): the exchange goes on here, no hand-over
            T result = null;
            Throwable failure = null;
            try {
                result = work.join();
            } catch (RuntimeException e) {
                failure = e;
            }
            settle(exchange, result, failure, onSuccess);
            callback.done(true);
            return true;
        }
        pending.add(work);
        work.whenComplete((result, failure) -> {
            pending.remove(work);
            try {
                settle(exchange, result, failure, onSuccess);
            } finally {
                continueRouting(exchange, callback);
            }
        });
        return false;
    }

    /** The work's result into the exchange, or its failure mapped. */
    private <T> void settle(Exchange exchange, T result, Throwable failure, Consumer<T> onSuccess) {
        try {
            if (failure != null) {
                fail(exchange, unwrap(failure));
            } else {
                onSuccess.accept(result);
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                endpoint.failures.increment();
            }
        }
    }

    /**
     * Hands the exchange back to Camel. The rest of the route runs inside this call; whatever it throws would be
     * swallowed by the completing future and the exchange left hanging, so it is logged (e.g. an OutOfMemoryError
     * when Camel's stream caching reads a large download into memory without spooling).
     */
    private void continueRouting(Exchange exchange, AsyncCallback callback) {
        try {
            callback.done(false);
        } catch (Throwable t) {
            LOG.error("databricks:{}: the route failed after the call completed, exchange {}", endpoint.getPath(),
                    exchange.getExchangeId(), t);
            throw t;
        }
    }

    private CompletableFuture<Outcome> call(ApiClient client, Operation<Object, Object> op, Object request,
                                            Exchange exchange) {
        JobRuns runs = endpoint.jobRuns();
        Long reattach = runs == null || !endpoint.isWait() ? null : runs.reattachRunId(exchange.getMessage());
        CompletableFuture<Object> response;
        if (reattach != null) {
            LOG.info("databricks:{}: waiting on run_id={} (CamelDatabricksReattachRunId) instead of starting a run",
                    endpoint.getPath(), reattach);
            response = CompletableFuture.completedFuture(runs.responseFor(client.mapper(), reattach));
        } else {
            CompletableFuture<Object> prepared = runs == null ? CompletableFuture.completedFuture(request)
                    : runs.prepare(client, request, endpoint.getComponent().blockingExecutor(client));
            boolean walks = runs != null && runs.walks(exchange.getMessage(), endpoint.isAutoIdempotencyToken())
                    && leavesTokenEmpty(client, request);
            // a call that does not wait may send from this thread; a wait never holds it
            boolean here = !endpoint.isWait() && endpoint.isCallOnRoutingThread();
            response = prepared.thenCompose(sent -> walks ? runs.startByKey(client, sent, exchange)
                    : (here ? client.executeWithResponseFromCaller(op, sent) : client.executeWithResponseAsync(op, sent))
                            .thenApply(answer -> {
                        exchange.getMessage().setHeader(DatabricksConstants.STATUS_CODE, answer.status());
                        exchange.getMessage().setHeader(DatabricksConstants.RETRIES, answer.retries());
                        return answer.body();
                    }));
        }
        if (!endpoint.isWait()) {
            return response.thenApply(r -> new Outcome(r, null, false, false));
        }
        // the wait starts on the thread that completed the call (an I/O thread), never on the routing thread
        return response.thenComposeAsync(r -> {
            // the ids of the immediate response (run_id, ...) are on the message even if the wait then fails
            copyHeaders(fields(client), r, exchange.getMessage());
            return await(client, op, request, r, exchange);
        }, offThread(Thread.currentThread(), client));
    }

    /** Whether {@code request} has no idempotency token of its own (read through its getters, no JSON tree). */
    private boolean leavesTokenEmpty(ApiClient client, Object request) {
        Object token = fields(client).at(request, DatabricksEndpoint.IDEMPOTENCY_TOKEN_FIELD);
        return token == null || token.toString().isEmpty();
    }

    /**
     * Runs a continuation where it is completed, unless that is {@code routing} (the call was answered before the
     * continuation was attached): then on the client's I/O executor, so that a wait never holds the routing thread.
     */
    private static Executor offThread(Thread routing, ApiClient client) {
        return task -> {
            if (Thread.currentThread() == routing) {
                client.executor().execute(task);
            } else {
                task.run();
            }
        };
    }

    /** Polls the waiter until a final state, then applies failOnResultState and onWaitTimeout. */
    private CompletableFuture<Outcome> await(ApiClient client, Operation<Object, Object> op, Object request,
                                             Object response, Exchange exchange) {
        Wait<Object, Object> wait = client.waitFor(op, request, response, endpoint.waitPolicy(client));
        AtomicReference<Object> last = new AtomicReference<>();
        WaitProgressLog progressLog = new WaitProgressLog(client.mapper(), endpoint.getPath(), op, response);
        wait.onProgress(entity -> {
            last.set(entity);
            progressLog.accept(entity);
        });
        endpoint.waitsInProgress.incrementAndGet();
        // on an I/O thread (see call): it makes the first poll and those due at once after it (pollInterval=0)
        CompletableFuture<Object> polled = wait.pollFromHere(endpoint.effectiveWaitTimeout());
        cancelOnStop(polled, client, request, response);
        return polled.handle((entity, failure) -> {
            endpoint.waitsInProgress.decrementAndGet(); // before the exchange goes on
            if (failure == null) {
                return settle(client, response, entity, exchange, 0);
            }
            Throwable cause = unwrap(failure);
            if (!(cause instanceof WaitTimeoutException timeout)) {
                return CompletableFuture.<Outcome>failedFuture(cause);
            }
            Message message = exchange.getMessage();
            if (last.get() != null) {
                copyEntityHeaders(fields(client), op, last.get(), message);
            }
            message.setHeader(DatabricksConstants.WAIT_TIMED_OUT, Boolean.TRUE);
            return switch (endpoint.waitTimeoutAction()) {
                case CONTINUE -> CompletableFuture.completedFuture(
                        new Outcome(response, last.get() != null ? last.get() : response, true, true));
                case CANCEL -> cancel(client, request, response, timeout);
                case FAIL -> CompletableFuture.<Outcome>failedFuture(timeout);
            };
        }).thenCompose(Function.identity());
    }

    /**
     * The entity reached a final state: done, unless it is a failure state of {@code failOnResultState}. A failed job
     * run is repaired up to {@code repairAttempts} times, else described task by task (the outputs of its failed
     * tasks) in the failure.
     */
    private CompletableFuture<Outcome> settle(ApiClient client, Object response, Object entity, Exchange exchange,
                                              int repairs) {
        FailureStates failOn = endpoint.failureStates();
        String failingState = failOn == null || failOn.states().isEmpty() ? null
                : failOn.failingState(fields(client), entity);
        if (failingState == null) {
            return CompletableFuture.completedFuture(new Outcome(response, entity, true, false));
        }
        JobRuns runs = endpoint.jobRuns();
        if (runs == null || !(entity instanceof Run run) || run.getRunId() == null) {
            return CompletableFuture.failedFuture(new WaitFailedException("ended in " + failingState, failingState,
                    entity));
        }
        if (repairs < runs.repairAttempts()) {
            LOG.info("databricks:{} run_id={}: ended {}, repairing its failed tasks (repair {} of {})",
                    endpoint.getPath(), run.getRunId(), failingState, repairs + 1, runs.repairAttempts());
            return runs.repair(client, run, endpoint.effectiveWaitTimeout()).thenCompose(repaired -> {
                exchange.getMessage().setHeader(DatabricksConstants.REPAIR_COUNT, repairs + 1);
                return settle(client, response, repaired, exchange, repairs + 1);
            });
        }
        return runs.describe(client, run).thenCompose(failure -> {
            exchange.getMessage().setHeader(DatabricksConstants.FAILED_TASKS, JobRuns.failedTaskKeys(failure));
            String tasks = failure.tasksSummary();
            if (!tasks.isEmpty()) {
                exchange.setProperty(FAILURE_SUMMARY_PROPERTY, tasks);
            }
            return CompletableFuture.<Outcome>failedFuture(new WaitFailedException("ended in " + failingState
                    + (tasks.isEmpty() ? "" : ": " + tasks), failingState, run));
        });
    }

    /**
     * With {@code cancelOnStop}, remembers how to cancel the work this wait waits for (a job run, a command), so that
     * stopping the producer while it still waits cancels it on Databricks.
     */
    private void cancelOnStop(CompletableFuture<Object> polled, ApiClient client, Object request, Object response) {
        WaitCancellation cancellation = endpoint.cancellation();
        if (!endpoint.isCancelOnStop() || cancellation == null || !cancellation.cancelsWork()) {
            return;
        }
        ObjectMapper mapper = client.mapper();
        // built when the route stops, not for every wait: most waits end without being cancelled
        cancelOnStop.put(polled, () -> client.executeAsync(cancellation.operation(),
                cancellation.request(mapper, request, response)).whenComplete((ok, failure) -> {
                    String what = cancellation.describe(mapper, request, response);
                    if (failure == null) {
                        LOG.info("databricks:{}: the route stopped while waiting, cancelled with {}",
                                endpoint.getPath(), what);
                    } else {
                        LOG.warn("databricks:{}: the route stopped while waiting, cancelling with {} failed: {}",
                                endpoint.getPath(), what, unwrap(failure).getMessage());
                    }
                }));
        polled.whenComplete((entity, failure) -> cancelOnStop.remove(polled));
    }

    /** Cancels what the wait waited for, then fails with the timeout (saying whether the cancel went through). */
    private CompletableFuture<Outcome> cancel(ApiClient client, Object request, Object response,
                                              WaitTimeoutException timeout) {
        WaitCancellation cancellation = endpoint.cancellation();
        String what = cancellation.describe(client.mapper(), request, response);
        CompletableFuture<Object> cancelled;
        try {
            cancelled = client.executeAsync(cancellation.operation(),
                    cancellation.request(client.mapper(), request, response));
        } catch (RuntimeException e) {
            cancelled = CompletableFuture.failedFuture(e);
        }
        return cancelled.handle((ok, failure) -> {
            WaitTimeoutException failed;
            if (failure == null) {
                LOG.info("databricks:{}: wait timed out, cancelled with {}", endpoint.getPath(), what);
                failed = new WaitTimeoutException(timeout.getMessage() + "; cancelled with " + what,
                        timeout.getLastState());
            } else {
                Throwable cause = unwrap(failure);
                LOG.warn("databricks:{}: wait timed out, cancelling with {} failed: {}", endpoint.getPath(), what,
                        cause.getMessage());
                failed = new WaitTimeoutException(timeout.getMessage() + "; cancelling with " + what + " failed: "
                        + cause.getMessage(), timeout.getLastState());
                failed.addSuppressed(cause);
            }
            throw new CompletionException(failed);
        });
    }

    /** A listing is a sequence of blocking page calls: it runs on the client's I/O pool, never the caller's thread. */
    private CompletableFuture<Outcome> collect(ApiClient client, Operation<Object, Object> op, Object request) {
        return CompletableFuture.supplyAsync(() -> {
            List<Object> items = new ArrayList<>();
            for (Object item : client.paginate(op, request)) {
                items.add(item);
            }
            return new Outcome(items, null, false, false);
        }, endpoint.getComponent().blockingExecutor(client));
    }

    private void complete(Exchange exchange, Outcome outcome, ApiClient client) {
        Message message = exchange.getMessage();
        if (outcome.waited()) {
            // the response's headers were copied before waiting; the entity's complete them
            copyEntityHeaders(fields(client), endpoint.definition(), outcome.entity(), message);
            if (outcome.timedOut()) {
                message.setHeader(DatabricksConstants.WAIT_TIMED_OUT, Boolean.TRUE);
            }
        } else if (!(outcome.response() instanceof List<?>)) {
            copyHeaders(fields(client), outcome.response(), message);
        }
        message.setBody(ResultBody.convert(endpoint.output(), client.mapper(), outcome.body()));
    }

    private void fail(Exchange exchange, Throwable failure) {
        Message message = exchange.getMessage();
        if (failure instanceof DatabricksError error) {
            message.setHeader(DatabricksConstants.STATUS_CODE, error.getStatusCode());
            message.setHeader(DatabricksConstants.RETRIES, error.getRetries());
            message.setHeader(DatabricksConstants.ERROR_CODE, error.getErrorCode());
            exchange.setException(new DatabricksOperationException(endpoint.getPath(), error));
            return;
        }
        if (failure instanceof WaitFailedException waitFailed) {
            exchange.setException(operationFailed(exchange, waitFailed));
            return;
        }
        exchange.setException(failure);
    }

    /**
     * The awaited entity ended in a failure state: its headers, the failed state, and a fresh idempotency generation
     * for the next attempt of this exchange (a retry must start a new run, not be handed the failed one).
     */
    private DatabricksOperationFailedException operationFailed(Exchange exchange, WaitFailedException waitFailed) {
        Message message = exchange.getMessage();
        ApiClient client = endpoint.client();
        Operation<Object, Object> op = endpoint.definition();
        JsonNode entity = waitFailed.getEntity() == null ? null : client.mapper().valueToTree(waitFailed.getEntity());
        if (waitFailed.getEntity() != null) {
            copyEntityHeaders(fields(client), op, waitFailed.getEntity(), message);
        }
        message.setHeader(DatabricksConstants.FAILED_STATE, waitFailed.getState());
        String stateMessage = message.getHeader(DatabricksConstants.STATE_MESSAGE, String.class);
        String tasks = exchange.getProperty(FAILURE_SUMMARY_PROPERTY, String.class);
        if (tasks != null) {
            stateMessage = stateMessage == null || stateMessage.isBlank() ? tasks : stateMessage + "; " + tasks;
        }
        IdempotencyTokens.nextGeneration(exchange);
        Map<String, Object> ids = new LinkedHashMap<>();
        List<String> idFields = new ArrayList<>(ID_FIELDS);
        idFields.addAll(op.waitSpec().pollFields());
        for (String field : idFields) {
            JsonNode value = entity == null ? null : ResultHeaders.at(entity, field);
            if (value != null && !ids.containsKey(field)) {
                ids.put(field, value.isIntegralNumber() ? (Object) value.asLong() : value.asText());
            }
        }
        return new DatabricksOperationFailedException(endpoint.getPath(), waitFailed.getState(), stateMessage, ids,
                message.getHeader(DatabricksConstants.RUN_PAGE_URL, String.class), waitFailed);
    }

    /** The entity's headers, with the state message of the waiter's own message field when it has one. */
    private static void copyEntityHeaders(ResultFields fields, Operation<Object, Object> op, Object entity,
                                          Message message) {
        if (entity == null) {
            return;
        }
        ResultHeaders.copy(fields, entity, message);
        String messagePath = op.waitSpec() == null ? null : op.waitSpec().messagePath();
        Object stateMessage = messagePath == null ? null : fields.at(entity, messagePath);
        if (stateMessage != null && !String.valueOf(stateMessage).isEmpty()) {
            message.setHeader(DatabricksConstants.STATE_MESSAGE, String.valueOf(stateMessage));
        }
    }

    private static void copyHeaders(ResultFields fields, Object value, Message message) {
        ResultHeaders.copy(fields, value, message);
    }

    /** The header reader for {@code client}'s mapper (a restarted endpoint may have another client). */
    private ResultFields fields(ApiClient client) {
        ResultFields current = resultFields;
        if (current == null || current.mapper() != client.mapper()) {
            current = new ResultFields(client.mapper());
            resultFields = current;
        }
        return current;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Calls and waits in progress (for the dev console). */
    int pendingCount() {
        return pending.size();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!endpoint.getComponent().isHealthCheckProducerEnabled()) {
            return;
        }
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new DatabricksProducerHealthCheck(endpoint);
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (endpoint.transfer() != null) {
            endpoint.transfer().close(); // cancelOnStop: statements still running are cancelled
        }
        List<CompletableFuture<?>> cancels = new ArrayList<>();
        for (Supplier<CompletableFuture<?>> cancel : List.copyOf(cancelOnStop.values())) {
            try {
                cancels.add(cancel.get());
            } catch (RuntimeException e) {
                LOG.warn("databricks:{}: cancelling the work of a stopped wait failed: {}", endpoint.getPath(),
                        e.getMessage());
            }
        }
        // a forced shutdown stops us on an interrupted thread: the cancels are awaited all the same
        boolean interrupted = Thread.interrupted();
        try {
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new))
                    .get(CANCEL_ON_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each failure was logged by its own cancel; the rest is given up with the stop
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        cancelOnStop.clear();
        // graceful shutdown has waited for in-flight exchanges; what still waits now would never complete
        for (CompletableFuture<?> future : List.copyOf(pending)) {
            future.completeExceptionally(new RuntimeCamelException("databricks:" + endpoint.getPath()
                    + " was stopped before the call or wait completed"));
        }
        super.doStop();
    }
}
