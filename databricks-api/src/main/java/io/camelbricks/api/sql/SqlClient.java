package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.http.ApacheHttpTransport;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpResponse;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.service.sql.StatementExecutionCancelExecutionRequest;
import io.camelbricks.api.service.sql.StatementExecutionGetStatementRequest;
import io.camelbricks.api.service.sql.StatementExecutionService;
import io.camelbricks.api.service.sql.StatementResponse;
import io.camelbricks.api.service.sql.StatementState;
import io.camelbricks.api.wait.WaitPolicy;

/**
 * SQL Statement Execution with results as a lazy row iterator ({@code w.sql()}).
 *
 * <ul>
 * <li>{@link #execute(ExecuteStatementRequest)}: hybrid: the POST waits on the server ({@code wait_timeout}, 10 s
 *     unless the request says otherwise), then polls until the statement ends;</li>
 * <li>{@link #executeAsync(ExecuteStatementRequest)}: the POST with {@code wait_timeout=0s}, then polls on the
 *     client's scheduler (no thread is held);</li>
 * <li>{@link #submit(ExecuteStatementRequest)} / {@link #get(String)} / {@link #cancel(String)}: do it yourself.</li>
 * </ul>
 * A statement that ends FAILED (inside a 200), CANCELED or CLOSED raises {@link StatementFailedException}. The
 * POST is never retried after the server may have processed it (the pipeline retries a POST only on 429/503 and
 * connect failures); your request object is copied, never modified.
 */
public final class SqlClient implements AutoCloseable {
    /** How long {@code execute} and {@code executeAsync} wait for a final state unless given a timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    /** Threads (and link connections) fetching chunks ahead. */
    private static final int FETCH_THREADS = 4;

    private final ApiClient api;
    private final StatementExecutionService service;
    private final HttpTransport linkTransport;
    private final boolean ownsLinkTransport;
    private final ExecutorService fetchPool;
    private final WaitPolicy waitPolicy;
    private volatile int prefetch = 2;

    public SqlClient(ApiClient api) {
        this(api, null);
    }

    /**
     * @param linkTransport the transport for external links (presigned URLs): used bare, without the client's
     *     authentication, retries or logging; null for a private {@link ApacheHttpTransport} (the kind a client uses
     *     by default) with the configuration's transport settings, closed with this client
     */
    public SqlClient(ApiClient api, HttpTransport linkTransport) {
        this.api = api;
        this.service = new StatementExecutionService(api);
        this.waitPolicy = api.waitPolicy();
        this.ownsLinkTransport = linkTransport == null;
        this.linkTransport = linkTransport != null ? linkTransport : plainTransport(api.config());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(FETCH_THREADS, FETCH_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "camelbricks-sql-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.fetchPool = pool;
    }

    private static HttpTransport plainTransport(DatabricksConfig config) {
        // presigned links point at cloud storage: the way the workspace is reached (proxy and its credentials, TLS
        // trust, skip_verify, timeouts), one connection per fetch thread; never with the workspace's credentials,
        // which are added by the ApiClient's pipeline, not by a transport
        return new ApacheHttpTransport(config.transportSettings(FETCH_THREADS));
    }

    /** How many chunks an iterator fetches ahead of the one being read (default 2, 0 = none). */
    public SqlClient prefetch(int chunks) {
        if (chunks < 0) {
            throw new IllegalArgumentException("prefetch must be >= 0");
        }
        this.prefetch = chunks;
        return this;
    }

    public StatementResult execute(ExecuteStatementRequest request) {
        return execute(request, DEFAULT_TIMEOUT);
    }

    /** Hybrid execution; when {@code timeout} passes the statement is cancelled and a DeadlineExceeded-like error raised. */
    public StatementResult execute(ExecuteStatementRequest request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ExecuteStatementRequest copy = copy(request);
        if (copy.getWaitTimeout() == null) {
            copy.setWaitTimeout("10s");
        }
        StatementResponse r = service.executeStatement(copy);
        int attempt = 0;
        while (!isTerminal(r)) {
            Duration delay = waitPolicy.delayBefore(++attempt);
            if (Instant.now().plus(delay).isAfter(deadline)) {
                cancelQuietly(r.getStatementId());
                throw new DatabricksException("statement " + r.getStatementId() + " did not finish within " + timeout
                        + " (last state " + state(r) + "); cancelled");
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelQuietly(r.getStatementId());
                throw new DatabricksException("interrupted while waiting for statement " + r.getStatementId(), e);
            }
            r = get(r.getStatementId());
        }
        return result(r);
    }

    public CompletableFuture<StatementResult> executeAsync(ExecuteStatementRequest request) {
        return executeAsync(request, DEFAULT_TIMEOUT);
    }

    public CompletableFuture<StatementResult> executeAsync(ExecuteStatementRequest request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ExecuteStatementRequest copy = copy(request).setWaitTimeout("0s");
        CompletableFuture<StatementResult> out = new CompletableFuture<>();
        service.executeStatementAsync(copy).whenComplete((r, e) -> onPoll(r, e, 0, deadline, timeout, out));
        return api.track(out);
    }

    private void onPoll(StatementResponse r, Throwable e, int attempt, Instant deadline, Duration timeout,
            CompletableFuture<StatementResult> out) {
        if (out.isDone()) {
            // from the first poll on, the hook registered at attempt 0 (or the deadline path) has cancelled it
            // already: a poll that was in flight when the caller cancelled must not send a second cancel
            if (attempt == 0 && r != null && !isTerminal(r)) {
                cancelQuietly(r.getStatementId());
            }
            return;
        }
        if (e != null) {
            out.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e);
            return;
        }
        try {
            if (isTerminal(r)) {
                out.complete(result(r));
                return;
            }
            if (attempt == 0) {
                // cancelling the caller's future cancels the statement now, not only at the next poll
                out.whenComplete((done, failure) -> {
                    if (out.isCancelled()) {
                        cancelQuietly(r.getStatementId());
                    }
                });
            }
            Duration delay = waitPolicy.delayBefore(attempt + 1);
            if (Instant.now().plus(delay).isAfter(deadline)) {
                cancelQuietly(r.getStatementId());
                out.completeExceptionally(new DatabricksException("statement " + r.getStatementId()
                        + " did not finish within " + timeout + " (last state " + state(r) + "); cancelled"));
                return;
            }
            api.scheduler().schedule(() -> service.getStatementAsync(new StatementExecutionGetStatementRequest()
                    .setStatementId(r.getStatementId()))
                    .whenComplete((next, err) -> onPoll(next, err, attempt + 1, deadline, timeout, out)),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException ex) {
            out.completeExceptionally(ex);
        }
    }

    /** The POST alone with {@code wait_timeout=0s} (unless the request sets one): poll with {@link #get(String)}. */
    public StatementResponse submit(ExecuteStatementRequest request) {
        ExecuteStatementRequest copy = copy(request);
        if (copy.getWaitTimeout() == null) {
            copy.setWaitTimeout("0s");
        }
        return service.executeStatement(copy);
    }

    public StatementResponse get(String statementId) {
        return service.getStatement(new StatementExecutionGetStatementRequest().setStatementId(statementId));
    }

    /** The result of a finished statement (raises {@link StatementFailedException} unless SUCCEEDED). */
    public StatementResult result(StatementResponse response) {
        StatementState s = response.getStatus() == null ? null : response.getStatus().getState();
        if (!StatementState.SUCCEEDED.equals(s)) {
            String code = null;
            String message = null;
            if (response.getStatus() != null && response.getStatus().getError() != null) {
                code = response.getStatus().getError().getErrorCode() == null ? null
                        : response.getStatus().getError().getErrorCode().value();
                message = response.getStatus().getError().getMessage();
            }
            throw new StatementFailedException(response.getStatementId(), s == null ? "UNKNOWN" : s.value(), code,
                    message);
        }
        return new StatementResult(this, response);
    }

    public void cancel(String statementId) {
        service.cancelExecution(new StatementExecutionCancelExecutionRequest().setStatementId(statementId));
    }

    private void cancelQuietly(String statementId) {
        try {
            if (statementId != null) {
                cancel(statementId);
            }
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    StatementExecutionService service() { return service; }

    ExecutorService fetchPool() { return fetchPool; }

    int prefetchChunks() { return prefetch; }

    com.fasterxml.jackson.databind.ObjectMapper mapper() { return api.mapper(); }

    /**
     * GETs a presigned external link with the bare transport: no Authorization header, no retries, only the link's own
     * {@code http_headers}. Answers the open response (the caller closes it).
     */
    HttpResponse openLink(String url, java.util.Map<String, String> headers) throws IOException {
        return linkTransport.execute(HttpRequest.of(HttpMethod.GET, url).withHeaders(headers));
    }

    static String readSnippet(HttpResponse response) {
        try (InputStream in = response.body()) {
            return in == null ? "" : new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private ExecuteStatementRequest copy(ExecuteStatementRequest request) {
        return api.mapper().convertValue(request, ExecuteStatementRequest.class);
    }

    private static boolean isTerminal(StatementResponse r) {
        StatementState s = r.getStatus() == null ? null : r.getStatus().getState();
        return s != null && !StatementState.PENDING.equals(s) && !StatementState.RUNNING.equals(s);
    }

    private static String state(StatementResponse r) {
        return r.getStatus() == null || r.getStatus().getState() == null ? "?" : r.getStatus().getState().value();
    }

    @Override
    public void close() {
        fetchPool.shutdownNow();
        if (ownsLinkTransport) {
            linkTransport.close();
        }
    }
}
