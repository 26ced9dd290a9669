package io.camelbricks.api;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.error.ErrorBodyParser;
import io.camelbricks.api.error.ErrorDetails;
import io.camelbricks.api.error.ErrorMapper;
import io.camelbricks.api.error.TransportException;
import io.camelbricks.api.error.Unauthenticated;
import io.camelbricks.api.http.ApacheHttpTransport;
import io.camelbricks.api.http.CheckedHeaders;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.http.ReplayGuard;
import io.camelbricks.api.http.ResponseBodyStream;
import io.camelbricks.api.http.TransportSettings;
import io.camelbricks.api.http.UserAgent;
import io.camelbricks.api.logging.BodyRedactor;
import io.camelbricks.api.logging.RoundTripLogger;
import io.camelbricks.api.observe.ApiCall;
import io.camelbricks.api.observe.ApiCallListener;
import io.camelbricks.api.paging.PagedResponse;
import io.camelbricks.api.paging.PagedResponses;
import io.camelbricks.api.paging.Paginated;
import io.camelbricks.api.paging.Paginator;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.ResponseKind;
import io.camelbricks.api.retry.RateLimiter;
import io.camelbricks.api.retry.RetryAfter;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.wait.OperationWaiter;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.api.wire.RequestEncoder;
import io.camelbricks.api.wire.ResponseDecoder;

/**
 * One per configuration: turns an {@link Operation} and its typed request into HTTP, and the answer into a typed
 * response or a typed error. The pipeline of one attempt: rate limit → auth headers → user agent → send → map
 * errors → log the round trip → ask the {@link RetryPolicy}. Every call has a blocking and a
 * {@link CompletableFuture} form; retries and waiter polls of the async form are scheduled, never slept.
 */
public class ApiClient implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiClient.class);
    /** Error bodies are read up to this many bytes (an HTML page or a proxy's dump can be huge). */
    public static final int MAX_ERROR_BODY = 64 * 1024;
    private final DatabricksConfig config;
    private final ObjectMapper mapper;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final RequestEncoder encoder;
    private final ResponseDecoder decoder;
    private final ErrorBodyParser errorParser;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final RoundTripLogger roundTrips;
    private final String userAgent;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsExecutors;
    private final WaitPolicy waitPolicy;
    private final HeaderFactory auth;
    private final Map<Class<?>, Optional<Method>> idempotencyGetters = new ConcurrentHashMap<>();
    /** Futures handed out and not yet complete: {@link #close()} fails them instead of leaving callers hanging. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final List<ApiCallListener> callListeners = new CopyOnWriteArrayList<>();
    private volatile AttemptHeaders lastAttemptHeaders;
    private volatile boolean closed;

    public ApiClient(DatabricksConfig config) {
        this(builder(config));
    }

    protected ApiClient(Builder b) {
        this.config = b.config;
        this.auth = config.authenticate();
        this.mapper = b.mapper != null ? b.mapper : JsonMapper.shared();
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : new ApacheHttpTransport(transportSettings(config));
        if (config.getHost() != null) {
            transport.checkCanSend(config.getHost()); // e.g. proxy credentials a tunnel to this host cannot carry
        }
        this.encoder = new RequestEncoder(mapper, config);
        this.decoder = new ResponseDecoder(mapper);
        this.errorParser = new ErrorBodyParser(mapper);
        this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.withBudget(
                Duration.ofSeconds(config.getRetryTimeoutSeconds()), config.isDisableRetries());
        Integer rate = config.getRateLimit();
        this.rateLimiter = rate == null || rate <= 0 ? null : new RateLimiter(rate);
        this.roundTrips = new RoundTripLogger(new BodyRedactor(mapper, config.getDebugTruncateBytes()),
                config.isDebugHeaders());
        this.userAgent = (b.userAgent != null ? b.userAgent : new UserAgent())
                .render(config.getAuthType(), config.getEnvironment());
        this.ownsExecutors = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler : Executors.newScheduledThreadPool(1, daemon("databricks-scheduler"));
        this.executor = b.executor != null ? b.executor : boundedIoPool(config.getMaxConnectionsPerPool());
        this.waitPolicy = b.waitPolicy != null ? b.waitPolicy : WaitPolicy.DEFAULT;
    }

    public static Builder builder(DatabricksConfig config) {
        return new Builder(config);
    }

    private static TransportSettings transportSettings(DatabricksConfig config) {
        if (config.isSkipVerify()) {
            LOG.warn("skip_verify is on: TLS certificates of {} are NOT verified; use it against test servers only,"
                    + " and trust a private CA with a custom SSLContext instead", config.getHost());
        }
        return config.transportSettings(config.getMaxConnectionsPerPool());
    }

    /**
     * One thread per pooled connection at most: more could only wait for a connection. Idle threads end after a
     * minute; queued calls wait for a free thread.
     */
    private static ExecutorService boundedIoPool(int connections) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(connections, connections, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("databricks-io"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public DatabricksConfig config() { return config; }

    /**
     * The mapper of the wire: by default {@link JsonMapper#shared()}, shared by every client of the JVM (read it, do
     * not reconfigure it; give a client its own with {@link Builder#mapper}).
     */
    public ObjectMapper mapper() { return mapper; }

    /** The scheduler that runs retries and waiter polls. */
    public ScheduledExecutorService scheduler() { return scheduler; }

    /** The I/O executor: the threads that make the calls (attempts of async calls, retries, waiter polls). */
    public Executor executor() { return executor; }

    public WaitPolicy waitPolicy() { return waitPolicy; }

    /** The {@code User-Agent} header this client sends. */
    public String userAgent() { return userAgent; }

    /** From now on, {@code listener} is told about every call of this client once it has its outcome. */
    public void addCallListener(ApiCallListener listener) {
        callListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; false when it was not added. */
    public boolean removeCallListener(ApiCallListener listener) {
        return callListeners.remove(listener);
    }

    // ---------------------------------------------------------------- the four entry points of generated services

    /**
     * Calls the operation and blocks the calling thread until the typed response (retries included). Entities that
     * come in pages (a Jobs 2.2 run's tasks) are completed with the remaining pages.
     */
    public <Q, R> R execute(Operation<Q, R> op, Q request) {
        return executeWithResponse(op, request).body();
    }

    /** Calls the operation without blocking: attempts run on the I/O executor, retries are scheduled. */
    public <Q, R> CompletableFuture<R> executeAsync(Operation<Q, R> op, Q request) {
        return executeWithResponseAsync(op, request).thenApply(ApiResponse::body);
    }

    /** As {@link #execute}, with the HTTP status and headers of the (first) answer. */
    public <Q, R> ApiResponse<R> executeWithResponse(Operation<Q, R> op, Q request) {
        ApiResponse<R> response = executeOnce(op, request);
        PagedResponse<Q, R> pages = PagedResponses.of(op);
        if (pages == null) {
            return response;
        }
        R merged = response.body();
        Set<String> seen = new HashSet<>();
        for (String token = pages.nextPageToken(merged); token != null && !token.isEmpty();
             token = pages.nextPageToken(merged)) {
            checkNewToken(op, seen, token);
            pages.merge(merged, executeOnce(op, pages.withPageToken(mapper, request, token)).body());
        }
        return response;
    }

    /** As {@link #executeAsync}, with the HTTP status and headers of the (first) answer. */
    public <Q, R> CompletableFuture<ApiResponse<R>> executeWithResponseAsync(Operation<Q, R> op, Q request) {
        return executeWithResponseAsync(op, request, false);
    }

    /**
     * As {@link #executeWithResponseAsync}, except that the first attempt runs on the calling thread, which blocks
     * for that one round trip: a call that succeeds (or fails for good) at once comes back as a completed future,
     * without handing over to the I/O executor and back. Retries (and further pages) are scheduled as in the async
     * form, so no thread is held while waiting for one. A rate limit that asks to wait schedules the first attempt
     * too.
     */
    public <Q, R> CompletableFuture<ApiResponse<R>> executeWithResponseFromCaller(Operation<Q, R> op, Q request) {
        return executeWithResponseAsync(op, request, true);
    }

    private <Q, R> CompletableFuture<ApiResponse<R>> executeWithResponseAsync(Operation<Q, R> op, Q request,
                                                                            boolean firstAttemptHere) {
        CompletableFuture<ApiResponse<R>> response = executeOnceAsync(op, request, firstAttemptHere);
        PagedResponse<Q, R> pages = PagedResponses.of(op);
        return pages == null ? response : response.thenCompose(first ->
                remainingPagesAsync(op, request, first.body(), pages, new HashSet<>()).thenApply(merged -> first));
    }

    private <Q, R> CompletableFuture<R> remainingPagesAsync(Operation<Q, R> op, Q request, R merged,
                                                            PagedResponse<Q, R> pages, Set<String> seen) {
        String token = pages.nextPageToken(merged);
        if (token == null || token.isEmpty()) {
            return CompletableFuture.completedFuture(merged);
        }
        try {
            checkNewToken(op, seen, token);
        } catch (DatabricksException e) {
            return CompletableFuture.failedFuture(e);
        }
        return executeOnceAsync(op, pages.withPageToken(mapper, request, token), false).thenCompose(page -> {
            pages.merge(merged, page.body());
            return remainingPagesAsync(op, request, merged, pages, seen);
        });
    }

    private static void checkNewToken(Operation<?, ?> op, Set<String> seen, String token) {
        if (!seen.add(token)) {
            throw new DatabricksException(op.id() + ": the server returned the page token '" + token
                    + "' a second time; stopping instead of paging forever");
        }
    }

    private <Q, R> ApiResponse<R> executeOnce(Operation<Q, R> op, Q request) {
        Call<Q, R> call = new Call<>(op, request);
        while (true) {
            sleepNanos(rateLimiter == null ? 0 : rateLimiter.reserve());
            try {
                return call.succeeded(call.attempt());
            } catch (RuntimeException failure) {
                Duration delay = call.nextDelay(failure).orElseThrow(() -> call.failed(failure));
                sleepNanos(delay.toNanos());
            }
        }
    }

    private <Q, R> CompletableFuture<ApiResponse<R>> executeOnceAsync(Operation<Q, R> op, Q request,
                                                                    boolean firstAttemptHere) {
        // a first attempt on the caller usually ends the call there: the result is tracked (for close) only if not
        CompletableFuture<ApiResponse<R>> result = firstAttemptHere ? untrackedUnlessClosed()
                : track(new CompletableFuture<>());
        if (result.isDone()) {
            return result;
        }
        Call<Q, R> call;
        try {
            call = new Call<>(op, request);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        attemptAsync(call, result, firstAttemptHere);
        return firstAttemptHere && !result.isDone() ? track(result) : result;
    }

    /** The lazy items of a list operation, following its pagination kind. */
    public <Q, R, T> Paginated<T> paginate(Operation<Q, R> op, Q request) {
        if (op.pagination() == null) {
            throw new IllegalArgumentException(op.id() + " is not a list operation");
        }
        return new Paginator<>(this, op, request);
    }

    /** A handle on the long-running operation {@code op} started, answered by {@code response}. */
    public <Q, R, T> Wait<T, R> waitFor(Operation<Q, R> op, Q request, R response) {
        return waitFor(op, request, response, waitPolicy);
    }

    /** As {@link #waitFor(Operation, Object, Object)}, polling on another schedule (e.g. a fixed interval). */
    public <Q, R, T> Wait<T, R> waitFor(Operation<Q, R> op, Q request, R response, WaitPolicy policy) {
        if (op.waitSpec() == null) {
            throw new IllegalArgumentException(op.id() + " has no waiter");
        }
        OperationWaiter<T> engine = OperationWaiter.<T>forOperation(this, op, request, response).withPolicy(policy);
        return new Wait<>(response, engine, op.waitSpec().defaultTimeout());
    }

    // ---------------------------------------------------------------- async loop

    private <Q, R> void attemptAsync(Call<Q, R> call, CompletableFuture<ApiResponse<R>> result, boolean here) {
        long wait = rateLimiter == null ? 0 : rateLimiter.reserve();
        Runnable attempt = () -> {
            try {
                result.complete(call.succeeded(call.attempt()));
            } catch (RuntimeException failure) {
                Optional<Duration> delay = call.nextDelay(failure);
                if (delay.isEmpty()) {
                    result.completeExceptionally(call.failed(failure));
                } else {
                    schedule(() -> attemptAsync(call, result, false), delay.get().toNanos(), result);
                }
            }
        };
        if (wait > 0) {
            schedule(attempt, wait, result);
        } else if (here) {
            attempt.run();
        } else {
            runOnExecutor(attempt, result);
        }
    }

    private void schedule(Runnable task, long delayNanos, CompletableFuture<?> result) {
        try {
            scheduler.schedule(() -> runOnExecutor(task, result), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(refused("a retry", e));
        }
    }

    private void runOnExecutor(Runnable task, CompletableFuture<?> result) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(refused("a call", e));
        }
    }

    /**
     * The error for {@code what} (a retry, the next poll of a wait) that this client's scheduler or I/O executor
     * refused: the client is closed, or the executor was given a bounded queue that is full.
     */
    public DatabricksException refused(String what, RejectedExecutionException e) {
        if (closed) {
            return new DatabricksException("the client is closed: " + what + " was not run", e);
        }
        return new DatabricksException(what + " was refused by the client's executor (" + e.getMessage()
                + "): an executor with a bounded queue limits how many calls and waits can be pending at once", e);
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabricksException("interrupted while waiting to retry", e);
        }
    }

    // ---------------------------------------------------------------- one logical call, possibly several attempts

    private final class Call<Q, R> {
        private final Operation<Q, R> op;
        private final HttpRequest base;
        private final ReplayGuard streamBody;
        private final boolean idempotent;
        private final long startNanos = System.nanoTime();
        private int attempts;
        private boolean reauthenticated;

        Call(Operation<Q, R> op, Q request) {
            this.op = Objects.requireNonNull(op, "operation");
            Q effective = request;
            if (op.lacksIdempotencyToken(request)) {
                // fill a copy: the caller's object stays as it was, and every attempt carries the same token
                effective = mapper.convertValue(request, op.requestType());
                op.fillIdempotencyToken(effective, () -> UUID.randomUUID().toString());
            }
            HttpRequest encoded = encoder.encode(op, effective);
            if (encoded.bodyStream() != null) {
                this.streamBody = new ReplayGuard(encoded.bodyStream());
                encoded = encoded.withBodyStream(streamBody, encoded.bodyLength(), encoded.contentType());
            } else {
                this.streamBody = null;
            }
            String accept = op.responseKind() == ResponseKind.BINARY ? "*/*" : "application/json";
            this.base = encoded.withHeader("Accept", accept);
            this.idempotent = isIdempotent(op, effective);
        }

        ApiResponse<R> attempt() {
            attempts++;
            HttpRequest http = base.withHeaders(attemptHeaders());
            HttpResponse response;
            try {
                response = transport.execute(http);
            } catch (IOException e) {
                roundTrips.logFailure(http, e);
                throw new TransportException(http.toString(), http.url(), e);
            }
            return handle(http, response);
        }

        private ApiResponse<R> handle(HttpRequest http, HttpResponse response) {
            int status = response.status();
            boolean ok = status >= 200 && status < 300;
            if (ok && op.responseKind() == ResponseKind.BINARY) {
                if (http.method() == HttpMethod.HEAD) {
                    // headers only: release the connection now, nobody reads a HEAD body
                    closeQuietly(response);
                    logRoundTrip(http, response, new byte[0], false);
                    return new ApiResponse<>(status, response.headers(),
                            op.binaryReader().read(java.io.InputStream.nullInputStream(), response));
                }
                logRoundTrip(http, response, null, true);
                return new ApiResponse<>(status, response.headers(),
                        op.binaryReader().read(new ResponseBodyStream(response), response));
            }
            byte[] body;
            try {
                body = ok ? response.readAllAndClose() : response.readAtMostAndClose(MAX_ERROR_BODY);
            } catch (IOException e) {
                roundTrips.logFailure(http, e);
                throw new TransportException(http.toString(), e);
            }
            logRoundTrip(http, response, body, false);
            if (ok) {
                return new ApiResponse<>(status, response.headers(), decoder.decode(op, body));
            }
            throw error(http, response, body);
        }

        private RuntimeException error(HttpRequest http, HttpResponse response, byte[] body) {
            ErrorBodyParser.Parsed parsed = errorParser.parse(response.status(), response.reason(), body);
            String requestId = response.first("x-request-id") != null ? response.first("x-request-id") : parsed.requestId();
            Duration retryAfter = RetryAfter.parse(response.first("Retry-After"), java.time.Instant.now());
            ErrorDetails details = new ErrorDetails(response.status(), parsed.errorCode(), parsed.message(),
                    parsed.details(), requestId, http.toString(), retryAfter);
            String path = http.pathAndQuery();
            int q = path.indexOf('?');
            return ErrorMapper.map(http.method().name(), q < 0 ? path : path.substring(0, q), details);
        }

        /** The answer, with its retries; the listeners are told. */
        ApiResponse<R> succeeded(ApiResponse<R> response) {
            notifyListeners(response.status(), null);
            return attempts > 1 ? response.withRetries(attempts - 1) : response;
        }

        /** The failure the call ends with, with its retries; the listeners are told. */
        RuntimeException failed(RuntimeException failure) {
            if (failure instanceof DatabricksException databricks) {
                databricks.recordRetries(attempts - 1);
            }
            notifyListeners(ApiCall.statusOf(failure), failure);
            return failure;
        }

        private void notifyListeners(int status, RuntimeException failure) {
            if (callListeners.isEmpty()) {
                return;
            }
            ApiCall call = new ApiCall(op.id(), op.httpMethod().name(), status, attempts,
                    Duration.ofNanos(System.nanoTime() - startNanos), failure);
            for (ApiCallListener listener : callListeners) {
                try {
                    listener.onCall(call);
                } catch (RuntimeException e) {
                    LOG.warn("A call listener failed on {} ({}); the call's outcome is unchanged", op.id(),
                            e.getClass().getName());
                }
            }
        }

        Optional<Duration> nextDelay(RuntimeException failure) {
            boolean replayable = streamBody == null || streamBody.isUntouched();
            if (failure instanceof Unauthenticated && auth.isRefreshable() && !reauthenticated && replayable) {
                // the token may have been revoked or expired early: fetch a new one and try once more, at once
                reauthenticated = true;
                auth.invalidate();
                return Optional.of(Duration.ZERO);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return retryPolicy.nextDelay(new RetryPolicy.Attempt(attempts, idempotent, replayable, elapsed), failure);
        }
    }

    /** The round trip at DEBUG; with DEBUG off nothing is built (not even the status line). */
    private void logRoundTrip(HttpRequest http, HttpResponse response, byte[] body, boolean bodyIsStream) {
        if (roundTrips.isEnabled()) {
            roundTrips.log(http, response.status(), response.statusLine(), response.headers(), body, bodyIsStream);
        }
    }

    /**
     * The credentials' headers and the user agent for an attempt, checked once for as long as the credentials give
     * the same headers (a token's headers stay the same until it is refreshed).
     */
    private CheckedHeaders attemptHeaders() {
        Map<String, String> current = auth.headers();
        AttemptHeaders last = lastAttemptHeaders;
        if (last == null || !(last.source() == current || last.source().equals(current))) {
            last = new AttemptHeaders(current, CheckedHeaders.of(current, "User-Agent", userAgent));
            lastAttemptHeaders = last;
        }
        return last.checked();
    }

    /** The headers an attempt adds, and the credentials' map they were made from. */
    private record AttemptHeaders(Map<String, String> source, CheckedHeaders checked) {
    }

    private static void closeQuietly(HttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    private boolean isIdempotent(Operation<?, ?> op, Object request) {
        HttpMethod m = op.httpMethod();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.PUT || m == HttpMethod.DELETE) {
            return true;
        }
        if (op.autoIdempotencyField() != null) {
            return true;
        }
        return request != null && hasIdempotencyToken(request);
    }

    private boolean hasIdempotencyToken(Object request) {
        Optional<Method> getter = idempotencyGetters.computeIfAbsent(request.getClass(), type -> {
            try {
                return Optional.of(type.getMethod("getIdempotencyToken"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        if (getter.isEmpty()) {
            return false;
        }
        try {
            Object token = getter.get().invoke(request);
            return token != null && !token.toString().isEmpty();
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** A new future, failed at once if this client is closed (as {@link #track} fails it). */
    private <T> CompletableFuture<T> untrackedUnlessClosed() {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new DatabricksException("the client was closed"));
        }
        return future;
    }

    /**
     * Registers a future this client completes later (an async call, a wait): if the client is closed first, the
     * future fails with "the client was closed" instead of never completing.
     */
    public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        if (closed) {
            future.completeExceptionally(new DatabricksException("the client was closed"));
            return future;
        }
        pending.add(future);
        future.whenComplete((value, failure) -> pending.remove(future));
        return future;
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> future : List.copyOf(pending)) {
            future.completeExceptionally(new DatabricksException("the client was closed"));
        }
        if (ownsExecutors) {
            scheduler.shutdownNow();
            if (executor instanceof ExecutorService service) {
                service.shutdownNow();
            }
        }
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Options of an {@link ApiClient}; everything but the configuration has a default. */
    public static final class Builder {
        private final DatabricksConfig config;
        private ObjectMapper mapper;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private UserAgent userAgent;
        private Executor executor;
        private ScheduledExecutorService scheduler;
        private WaitPolicy waitPolicy;

        private Builder(DatabricksConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Another transport (e.g. {@code JdkHttpTransport}); the caller closes it. */
        public Builder transport(HttpTransport transport) { this.transport = transport; return this; }

        public Builder retryPolicy(RetryPolicy retryPolicy) { this.retryPolicy = retryPolicy; return this; }

        public Builder userAgent(UserAgent userAgent) { this.userAgent = userAgent; return this; }

        /** A mapper of this client's own (default: {@link JsonMapper#shared()}, configured by {@link JsonMapper}). */
        public Builder mapper(ObjectMapper mapper) { this.mapper = mapper; return this; }

        /** Executors owned by the caller (e.g. Camel's); both must be given together. */
        public Builder executors(Executor io, ScheduledExecutorService scheduler) {
            this.executor = Objects.requireNonNull(io, "io");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder waitPolicy(WaitPolicy waitPolicy) { this.waitPolicy = waitPolicy; return this; }

        public ApiClient build() { return new ApiClient(this); }
    }
}
