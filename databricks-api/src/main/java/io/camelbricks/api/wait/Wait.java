package io.camelbricks.api.wait;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.camelbricks.api.DatabricksException;

/**
 * A handle on a long-running operation that has been started: the immediate response, and a way to wait until the
 * polled entity reaches a target state. Polls are paced by the client's shared scheduler and made on its I/O threads;
 * {@link #get()} blocks only the thread that chooses to block (which makes the polls that are due at once itself),
 * {@link #toCompletableFuture()} blocks nothing.
 *
 * @param <T> the polled entity (e.g. {@code Run})
 * @param <R> the immediate response of the operation that started it (e.g. {@code SubmitRunResponse})
 */
public final class Wait<T, R> {

    /** Starts polling until done, failed, or {@code timeout} elapsed; reports every poll to {@code progress}. */
    @FunctionalInterface
    public interface Engine<T> {
        CompletableFuture<T> start(Duration timeout, Consumer<T> progress);

        /**
         * As {@link #start}, for a caller that blocks on the result anyway: an engine may make the first poll (and
         * polls due at once after it) on the calling thread instead of handing over to another thread and back.
         */
        default CompletableFuture<T> startOnCaller(Duration timeout, Consumer<T> progress) {
            return start(timeout, progress);
        }
    }

    private final R response;
    private final Engine<T> engine;
    private final Duration defaultTimeout;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    public Wait(R response, Engine<T> engine, Duration defaultTimeout) {
        this.response = response;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    }

    /** The response of the call that started the operation. */
    public R getResponse() {
        return response;
    }

    /** The timeout {@link #get()} and {@link #toCompletableFuture()} use (the spec's default, usually 20 minutes). */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** Calls {@code listener} with the entity after every poll. */
    public Wait<T, R> onProgress(Consumer<T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Waits up to the default timeout. */
    public T get() {
        return get(defaultTimeout);
    }

    /**
     * Blocks the calling thread until the target state, at most {@code timeout} (no hidden ceiling).
     *
     * @throws WaitFailedException  when a failure state is reached
     * @throws WaitTimeoutException when the timeout elapses first
     */
    public T get(Duration timeout) {
        try {
            // this thread blocks anyway: it makes the first poll, and the next ones while they are due at once
            return pollFromHere(timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted while waiting", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * As {@link #toCompletableFuture(Duration)}, but the calling thread makes the first poll, and the polls due at
     * once after it, before this returns; later polls run on the client's threads. For a caller that is one of the
     * client's I/O threads already (e.g. in the continuation of an async call), which saves a hand-over per poll at
     * a zero interval; never call it from a thread that must not block on a round trip.
     */
    public CompletableFuture<T> pollFromHere(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return engine.startOnCaller(timeout, this::notifyListeners);
    }

    /** Polls in the background up to the default timeout; holds no thread while waiting. */
    public CompletableFuture<T> toCompletableFuture() {
        return toCompletableFuture(defaultTimeout);
    }

    /** Polls in the background up to {@code timeout}; holds no thread while waiting. */
    public CompletableFuture<T> toCompletableFuture(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return engine.start(timeout, this::notifyListeners);
    }

    private void notifyListeners(T entity) {
        for (Consumer<T> listener : listeners) {
            listener.accept(entity);
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException re ? re : new DatabricksException(String.valueOf(t.getMessage()), t);
    }
}
