package io.camelbricks.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksException;

/**
 * Caches a token and refreshes it ahead of expiry, one refresh at a time however many threads ask:
 * <ul>
 * <li>fresh: served from the cache;</li>
 * <li>stale (less than {@code staleWindow}, 3 minutes by default, before expiry): still served, while one
 *     background refresh replaces it (unless async refresh is disabled);</li>
 * <li>expired (less than {@code expiryMargin}, 40 s, before expiry) or invalidated: callers wait for one blocking
 *     refresh, done by the first of them.</li>
 * </ul>
 */
public final class CachedTokenSource implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTokenSource.class);

    /** Defaults of the Databricks SDKs. */
    public static final Duration STALE_WINDOW = Duration.ofMinutes(3);
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(40);

    private final TokenSource refresher;
    private final Clock clock;
    private final Duration staleWindow;
    private final Duration expiryMargin;
    private final boolean asyncRefresh;
    private final Executor executor;
    private final AtomicInteger refreshes = new AtomicInteger();

    private volatile Token token;
    private CompletableFuture<Token> pendingRefresh;

    private CachedTokenSource(Builder b) {
        this.refresher = b.refresher;
        this.clock = b.clock;
        this.staleWindow = b.staleWindow;
        this.expiryMargin = b.expiryMargin;
        this.asyncRefresh = b.asyncRefresh;
        this.executor = b.executor;
        this.token = b.initial;
    }

    public static Builder of(TokenSource refresher) {
        return new Builder(refresher);
    }

    @Override
    public Token token() {
        Token current = token;
        if (current != null && !current.expiresWithin(expiryMargin, clock.instant())) {
            if (asyncRefresh && current.expiresWithin(staleWindow, clock.instant())) {
                refreshInBackground();
            }
            return current;
        }
        return refreshNow();
    }

    /** Forgets the cached token (e.g. after a 401), so that the next call fetches a new one. */
    public void invalidate() {
        synchronized (this) {
            token = null;
        }
    }

    /** How many times the token was fetched (for tests and metrics). */
    public int refreshCount() {
        return refreshes.get();
    }

    private Token refreshNow() {
        CompletableFuture<Token> flight;
        boolean mine = false;
        synchronized (this) {
            Token current = token;
            if (current != null && !current.expiresWithin(expiryMargin, clock.instant())) {
                return current;
            }
            if (pendingRefresh == null) {
                pendingRefresh = new CompletableFuture<>();
                mine = true;
            }
            flight = pendingRefresh;
        }
        if (mine) {
            runRefresh(flight);
        }
        try {
            return flight.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException re ? re : new DatabricksException("token refresh failed", cause);
        }
    }

    private void refreshInBackground() {
        CompletableFuture<Token> flight;
        synchronized (this) {
            if (pendingRefresh != null) {
                return;
            }
            pendingRefresh = new CompletableFuture<>();
            flight = pendingRefresh;
        }
        executor.execute(() -> runRefresh(flight));
    }

    private void runRefresh(CompletableFuture<Token> flight) {
        try {
            Token fresh = refresher.token();
            refreshes.incrementAndGet();
            synchronized (this) {
                token = fresh;
                pendingRefresh = null;
            }
            flight.complete(fresh);
        } catch (RuntimeException e) {
            synchronized (this) {
                pendingRefresh = null;
            }
            LOG.debug("token refresh failed: {}", e.getMessage());
            flight.completeExceptionally(e);
        }
    }

    /** Options of a {@link CachedTokenSource}. */
    public static final class Builder {
        private final TokenSource refresher;
        private Clock clock = Clock.systemUTC();
        private Duration staleWindow = STALE_WINDOW;
        private Duration expiryMargin = EXPIRY_MARGIN;
        private boolean asyncRefresh = true;
        private Executor executor = ForkJoinPool.commonPool();
        private Token initial;

        private Builder(TokenSource refresher) {
            this.refresher = refresher;
        }

        public Builder clock(Clock clock) { this.clock = clock; return this; }

        /** The configuration's clock and its {@code disable_async_token_refresh} choice. */
        public Builder configuredBy(io.camelbricks.api.DatabricksConfig config) {
            this.clock = config.getClock();
            this.asyncRefresh = !Boolean.TRUE.equals(config.getAttribute("disable_async_token_refresh"));
            return this;
        }

        public Builder staleWindow(Duration window) { this.staleWindow = window; return this; }

        public Builder expiryMargin(Duration margin) { this.expiryMargin = margin; return this; }

        /** With {@code false} (attribute {@code disable_async_token_refresh}), stale tokens are not refreshed early. */
        public Builder asyncRefresh(boolean enabled) { this.asyncRefresh = enabled; return this; }

        public Builder executor(Executor executor) { this.executor = executor; return this; }

        /** A token already at hand (e.g. from a cache file). */
        public Builder initial(Token token) { this.initial = token; return this; }

        public CachedTokenSource build() { return new CachedTokenSource(this); }
    }
}
