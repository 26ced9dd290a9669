package io.camelbricks.api.wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.ApiResponse;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.WaitSpec;
import io.camelbricks.api.wire.WireFields;
import io.camelbricks.api.wire.WirePath;

/**
 * Polls the operation named by a {@link WaitSpec} on the client's I/O threads, paced by its scheduler, until the
 * entity's status is a target state (success), a failure state ({@link WaitFailedException} with the status message)
 * or the timeout elapses ({@link WaitTimeoutException}). Between polls no thread is held.
 *
 * @param <T> the polled entity
 */
public final class OperationWaiter<T> implements Wait.Engine<T> {
    private static final Logger LOG = LoggerFactory.getLogger(OperationWaiter.class);

    private final ApiClient client;
    private final WaitSpec spec;
    private final Operation<Object, T> poll;
    private final Object pollRequest;
    private final WaitPolicy policy;
    private final WirePath statusPath;
    private final WirePath messagePath;

    private OperationWaiter(ApiClient client, WaitSpec spec, Operation<Object, T> poll, Object pollRequest,
                            WaitPolicy policy) {
        this(client, spec, poll, pollRequest, policy, WirePath.of(client.mapper(), spec.statusPath()),
                spec.messagePath() == null ? null : WirePath.of(client.mapper(), spec.messagePath()));
    }

    private OperationWaiter(ApiClient client, WaitSpec spec, Operation<Object, T> poll, Object pollRequest,
                            WaitPolicy policy, WirePath statusPath, WirePath messagePath) {
        this.client = client;
        this.spec = spec;
        this.poll = poll;
        this.pollRequest = pollRequest;
        this.policy = policy;
        this.statusPath = statusPath;
        this.messagePath = messagePath;
    }

    /** The waiter of {@code op}, with poll arguments taken from its request and response. */
    @SuppressWarnings("unchecked")
    public static <T> OperationWaiter<T> forOperation(ApiClient client, Operation<?, ?> op, Object request, Object response) {
        WaitSpec spec = op.waitSpec();
        Operation<Object, T> poll = (Operation<Object, T>) OperationRegistry.byId(spec.pollOperationId())
                .orElseThrow(() -> new IllegalStateException(op.id() + " waits on unknown " + spec.pollOperationId()));
        Object pollRequest = pollRequest(client, spec, poll, request, response);
        return new OperationWaiter<>(client, spec, poll, pollRequest, client.waitPolicy());
    }

    /** The same waiter with another polling schedule. */
    public OperationWaiter<T> withPolicy(WaitPolicy other) {
        return new OperationWaiter<>(client, spec, poll, pollRequest, other, statusPath, messagePath);
    }

    private static Object pollRequest(ApiClient client, WaitSpec spec, Operation<?, ?> poll, Object request, Object response) {
        List<Object> values = new ArrayList<>(spec.pollArguments().size());
        for (String source : spec.pollArguments()) {
            int dot = source.indexOf('.');
            Object from = "request".equals(source.substring(0, dot)) ? request : response;
            // read through the getters: no JSON tree of the (possibly large) request or response
            Object value = from == null ? null : WirePath.of(client.mapper(), source.substring(dot + 1)).valueIn(from);
            if (value == null || value instanceof JsonNode node && node.isNull()) {
                throw new DatabricksException("cannot wait: " + source + " is missing, so " + poll.id()
                        + " cannot be polled");
            }
            values.add(value);
        }
        if (poll.requestType() == Void.class) {
            return null;
        }
        return build(client, poll.requestType(), spec.pollFields(), values);
    }

    /** Set through the setters when the values fit them (a run id into runs/get's run_id); else bound as JSON. */
    private static <Q> Q build(ApiClient client, Class<Q> type, List<String> fields, List<Object> values) {
        return WireFields.set(type, fields, values)
                .orElseGet(() -> client.mapper().convertValue(asJson(client, fields, values), type));
    }

    private static ObjectNode asJson(ApiClient client, List<String> fields, List<Object> values) {
        ObjectNode args = client.mapper().createObjectNode();
        for (int i = 0; i < fields.size(); i++) {
            if (values.get(i) instanceof JsonNode node) {
                args.set(fields.get(i), node);
            } else {
                args.putPOJO(fields.get(i), values.get(i));
            }
        }
        return args;
    }

    @Override
    public CompletableFuture<T> start(Duration timeout, Consumer<T> progress) {
        Polling polling = new Polling(timeout, progress);
        polling.pollOnExecutor(1);
        return polling.result;
    }

    /** The first poll, and the polls due at once after it, on the calling thread (which blocks on the result). */
    @Override
    public CompletableFuture<T> startOnCaller(Duration timeout, Consumer<T> progress) {
        Polling polling = new Polling(timeout, progress);
        polling.pollHere(1);
        return polling.result;
    }

    /**
     * The polls of one wait. Each poll's first attempt runs on an I/O thread (the first polls of
     * {@link #startOnCaller} on the caller); when the next poll is due at once
     * (a zero interval) it runs on the same thread straight away, without a hand-over to the scheduler and back;
     * otherwise the scheduler starts it on an I/O thread when due. A retry of a poll is scheduled as any retry, and
     * no thread is held while it or the next poll is pending.
     */
    private final class Polling {
        private static final long DONE = -1;

        private final long deadline;
        private final Duration timeout;
        private final Consumer<T> progress;
        private final CompletableFuture<T> result;

        /** A wait of {@code timeout} from now, its result tracked by the client (closing it fails the wait). */
        Polling(Duration timeout, Consumer<T> progress) {
            this.deadline = System.nanoTime() + timeout.toNanos();
            this.timeout = timeout;
            this.progress = progress;
            this.result = client.track(new CompletableFuture<>());
        }

        void pollOnExecutor(int attempt) {
            try {
                client.executor().execute(() -> pollHere(attempt));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(client.refused("the next poll of the wait", e));
            }
        }

        /**
         * Polls on this thread (an I/O thread, or a caller blocking on the result), and goes on polling here for as
         * long as the next poll is due at once.
         */
        void pollHere(int firstAttempt) {
            for (int attempt = firstAttempt; !result.isDone(); attempt++) {
                CompletableFuture<ApiResponse<T>> answer = client.executeWithResponseFromCaller(poll, pollRequest);
                if (!answer.isDone()) { // a retry was scheduled: go on where it is answered
                    int retried = attempt;
                    answer.whenComplete((response, failure) -> {
                        if (next(retried, response, failure) == 0) {
                            pollHere(retried + 1);
                        }
                    });
                    return;
                }
                ApiResponse<T> response;
                try {
                    response = answer.join();
                } catch (CompletionException | CancellationException e) {
                    next(attempt, null, e);
                    return;
                }
                if (next(attempt, response, null) != 0) {
                    return;
                }
            }
        }

        /**
         * Handles the answer to poll {@code attempt}: completes the wait, or schedules the next poll; returns 0 when
         * the next poll is due at once (the caller runs it), else {@link #DONE} or the nanoseconds scheduled.
         */
        private long next(int attempt, ApiResponse<T> response, Throwable failure) {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return DONE;
            }
            try {
                long wait = onPolled(response.body(), attempt);
                if (wait > 0) {
                    schedule(attempt + 1, wait);
                }
                return wait;
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return DONE;
            }
        }

        private void schedule(int attempt, long waitNanos) {
            try {
                client.scheduler().schedule(() -> pollOnExecutor(attempt), waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(client.refused("the next poll of the wait", e));
            }
        }

        /** Completes the wait on a final state or the deadline, else returns the nanoseconds to the next poll. */
        private long onPolled(T entity, int attempt) {
            String state = statusPath.textIn(entity);
            String message = messagePath == null ? null : messagePath.textIn(entity);
            progress.accept(entity);
            if (isOneOf(state, spec.targetStates())) {
                result.complete(entity);
                return DONE;
            }
            if (isOneOf(state, spec.failureStates())) {
                result.completeExceptionally(new WaitFailedException("failed to reach " + join(spec.targetStates())
                        + ", got " + state + (message == null || message.isEmpty() ? "" : ": " + message), state,
                        entity));
                return DONE;
            }
            Duration delay = policy.delayBefore(attempt);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                result.completeExceptionally(new WaitTimeoutException("timed out after " + timeout + " waiting for "
                        + join(spec.targetStates()) + "; last state " + state
                        + (message == null || message.isEmpty() ? "" : ": " + message), state));
                return DONE;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: ({}) {} (sleeping ~{} ms)", poll.id(), state, message, delay.toMillis());
            }
            return Math.max(0, Math.min(delay.toNanos(), remaining));
        }
    }

    /**
     * Whether {@code state} is one of {@code states}, ignoring case: the spec names states by their enum constant
     * ({@code FINISHED}) while some APIs answer another spelling ({@code Finished} from {@code /api/1.2/commands/status}).
     */
    static boolean isOneOf(String state, List<String> states) {
        if (state == null) {
            return false;
        }
        for (String each : states) {
            if (each.equalsIgnoreCase(state)) {
                return true;
            }
        }
        return false;
    }

    private static String join(List<String> states) {
        return String.join(" or ", states);
    }
}
