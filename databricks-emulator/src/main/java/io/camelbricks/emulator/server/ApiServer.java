package io.camelbricks.emulator.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer: a JDK {@link HttpServer} on 127.0.0.1 with a bounded worker pool, and the request pipeline
 * <ol>
 *   <li>read the whole body (so keep-alive connections stay usable),</li>
 *   <li>the {@link FaultInjector} decides whether to act out a fault (error answer, HTML page, reset, lost or
 *       truncated answer, delay on a timer thread, rate limit) instead of or around the normal answer,</li>
 *   <li>{@code GET /} gets a small landing answer; other paths outside {@code /api/} go to the router's public
 *       routes (the OAuth server), without the filters,</li>
 *   <li>{@link RequestFilter}s on {@code /api/} paths (authentication),</li>
 *   <li>{@link Router} → operation handler (or the spec fallback),</li>
 *   <li>errors → {@link ErrorResponseWriter}; the request is recorded in the {@link RequestLog};</li>
 *   <li>the response is always sent with a Content-Length.</li>
 * </ol>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The JDK server writes the response head and body in two writes; without TCP_NODELAY, Nagle's algorithm
     * and the client's delayed ACK add ~40 ms to every exchange (measured: 45 ms vs 1.7 ms per request).
     * The JDK reads this property once, when its server configuration class loads, so it is set here, before
     * the first server is created, unless the user chose a value.
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final Router router;
    private final List<RequestFilter> filters;
    private final RequestLog requestLog;
    private final ErrorResponseWriter errors = new ErrorResponseWriter();
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    // fault injection: decided before the filters; delays wait on this timer thread, not on a worker
    private final FaultInjector faults;
    private final ScheduledThreadPoolExecutor delays;

    public ApiServer(int port, int threads, Router router, List<RequestFilter> filters, RequestLog requestLog)
            throws IOException {
        this(port, threads, router, filters, requestLog, FaultInjector.NONE);
    }

    public ApiServer(int port, int threads, Router router, List<RequestFilter> filters, RequestLog requestLog,
                     FaultInjector faults) throws IOException {
        this.faults = faults;
        this.delays = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "databricks-emulator-delays");
            t.setDaemon(true);
            return t;
        });
        this.delays.setRemoveOnCancelPolicy(true);
        this.router = router;
        this.filters = List.copyOf(filters);
        this.requestLog = requestLog;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 128);
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), new WorkerThreads(), new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    public void start() {
        server.start();
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        ApiRequest request;
        try {
            ApiRequest probe = new ApiRequest(requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), null, Map.of(), new byte[0]);
            boolean streaming = router.streamsRequestBody(probe);
            byte[] body = new byte[0];
            if (!streaming) {
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
            }
            request = new ApiRequest(requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
            if (streaming) {
                request.attachBodyStream(exchange.getRequestBody());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read a request: {}", e.toString());
            exchange.close();
            return;
        }
        Fault fault = inspectFaults(request);
        if (fault != null && !fault.delay().isZero()) {
            try {
                delays.schedule(() -> answerLater(exchange, request, fault), fault.delay().toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                exchange.close();
            }
            return;
        }
        answer(exchange, request, fault);
    }

    private Fault inspectFaults(ApiRequest request) {
        try {
            return faults.inspect(request);
        } catch (RuntimeException e) {
            LOG.warn("fault injector failed for {} {}", request.method(), request.path(), e);
            return null;
        }
    }

    /** After a delay, on the timer thread: hand the answer back to a worker. */
    private void answerLater(HttpExchange exchange, ApiRequest request, Fault fault) {
        try {
            executor.execute(() -> answer(exchange, request, fault));
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, ApiRequest request, Fault fault) {
        try (exchange) {
            Fault.Action action = fault == null ? Fault.Action.PROCEED : fault.action();
            String injected = fault == null ? null : fault.description();
            if (action == Fault.Action.RESET) {
                // closing an exchange before its response headers closes the connection: the client reads EOF
                requestLog.record(request, 0, injected);
                return;
            }
            ApiResponse response = switch (action) {
                case ERROR -> errors.toResponse(fault.error(), request.requestId());
                case PAGE -> fault.page();
                default -> dispatch(request);
            };
            requestLog.record(request, response.status(), injected);
            if (LOG.isDebugEnabled()) {
                LOG.debug("< {} {} -> {}{}", request.method(), request.path(), response.status(),
                        injected == null ? "" : " (injected: " + injected + ")");
            }
            if (action == Fault.Action.LOSE_RESPONSE) {
                return;
            }
            if (action == Fault.Action.TRUNCATE) {
                sendTruncated(exchange, request, response);
                return;
            }
            send(exchange, request, response);
        } catch (IOException e) {
            LOG.debug("connection problem while answering: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure while answering a request", e);
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        try {
            if (!request.isApiCall() && "/".equals(request.path()) && "GET".equals(request.method())) {
                return ApiResponse.text(200, "databricks-emulator: a local Databricks workspace. API under /api/\n");
            }
            if (request.isApiCall() || needsAuthentication(request.path())) {
                for (RequestFilter filter : filters) {
                    filter.apply(request);
                }
            }
            Router.Match match = router.resolve(request);
            request.bindPathParameters(match.pathParameters());
            return match.route().handler().handle(request);
        } catch (ApiException e) {
            return errors.toResponse(e, request.requestId());
        } catch (RuntimeException e) {
            LOG.warn("handler failed for {} {}", request.method(), request.path(), e);
            return errors.toResponse(ApiException.internalError("Internal error in the emulator: " + e), request.requestId());
        }
    }

    private static void send(HttpExchange exchange, ApiRequest request, ApiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("x-request-id", request.requestId());
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (response.isStreamed()) {
            boolean head = "HEAD".equals(request.method()) || response.streamLength() == 0;
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.streamLength());
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    response.writeTo(out);
                }
            }
            return;
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * API paths outside the versioned {@code /api/<major.minor>/...} form still need the token: {@code /api/<service>/v1/...}
     * (data quality) and the serving data plane ({@code /serving-endpoints/{name}/invocations}).
     */
    private static boolean needsAuthentication(String path) {
        return path.startsWith("/api/") || path.startsWith("/serving-endpoints/");
    }

    /**
     * Declares the full Content-Length, sends the head and the first half of the body, and closes the connection:
     * the client sees a body cut short (closing the exchange with bytes missing closes the connection).
     */
    private static void sendTruncated(HttpExchange exchange, ApiRequest request, ApiResponse response)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("x-request-id", request.requestId());
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (response.isStreamed() && response.streamLength() >= 2 && !"HEAD".equals(request.method())) {
            // a streamed body (a file download of any size) is cut on the way, never buffered
            exchange.sendResponseHeaders(response.status(), response.streamLength());
            OutputStream out = exchange.getResponseBody();
            try {
                response.writeTo(new CutAfter(out, response.streamLength() / 2));
            } catch (CutAfter.Reached reached) {
                out.flush();
            }
            exchange.close();
            return;
        }
        byte[] body = response.body();
        if (body.length < 2 || "HEAD".equals(request.method()) || response.isStreamed()) {
            exchange.close();   // nothing to cut: the connection closes without an answer
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        exchange.close();       // not out.close(): the stream would refuse, the exchange drops the connection
    }

    /** Passes the first {@code limit} bytes through, then stops the writer with {@link Reached}. */
    private static final class CutAfter extends java.io.FilterOutputStream {
        static final class Reached extends IOException {
            Reached() {
                super("the body is cut here");
            }
        }

        private long remaining;

        CutAfter(OutputStream out, long limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            out.write(b, off, n);
            remaining -= n;
            if (remaining == 0) {
                throw new Reached();
            }
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger SERVERS = new AtomicInteger();
        private final int server = SERVERS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "databricks-emulator-" + server + "-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
