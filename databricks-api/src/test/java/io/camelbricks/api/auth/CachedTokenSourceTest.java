package io.camelbricks.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedTokenSourceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AtomicInteger fetched = new AtomicInteger();

    private Token fresh() {
        return Token.bearer("t" + fetched.incrementAndGet(), clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void servesTheCachedTokenUntilItIsStale() {
        CachedTokenSource tokens = CachedTokenSource.of(this::fresh).clock(clock).build();
        assertThat(tokens.token().accessToken()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.token().accessToken()).isEqualTo("t1");
        assertThat(fetched).hasValue(1);
    }

    @Test
    void aStaleTokenIsServedWhileOneBackgroundRefreshReplacesIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        CachedTokenSource tokens = CachedTokenSource.of(() -> {
            if (fetched.get() > 0) {
                await(release);
            }
            return fresh();
        }).clock(clock).executor(background).build();
        tokens.token();
        clock.advance(Duration.ofMinutes(58)); // 2 minutes left: stale, not expired
        for (int i = 0; i < 10; i++) {
            assertThat(tokens.token().accessToken()).as("served while refreshing").isEqualTo("t1");
        }
        release.countDown();
        background.shutdown();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tokens.token().accessToken()).isEqualTo("t2");
        assertThat(fetched).hasValue(2);
    }

    @Test
    void thirtyTwoThreadsHittingAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        CountDownLatch inRefresh = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachedTokenSource tokens = CachedTokenSource.of(() -> {
            if (fetched.get() > 0) {
                inRefresh.countDown();
                await(release);
            }
            return fresh();
        }).clock(clock).asyncRefresh(false).build();
        tokens.token();
        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the 40 s expiry margin
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Token>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(pool.submit(tokens::token));
        }
        assertThat(inRefresh.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        for (Future<Token> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("t2");
        }
        pool.shutdown();
        assertThat(fetched).hasValue(2);
        assertThat(tokens.refreshCount()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshFailsTheCallersAndTheNextCallTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        CachedTokenSource tokens = CachedTokenSource.of(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new io.camelbricks.api.DatabricksException("token endpoint down");
            }
            return fresh();
        }).clock(clock).build();
        assertThatThrownBy(tokens::token).hasMessage("token endpoint down");
        assertThat(tokens.token().accessToken()).isEqualTo("t1");
    }

    @Test
    void invalidationForcesANewToken() {
        CachedTokenSource tokens = CachedTokenSource.of(this::fresh).clock(clock).build();
        tokens.token();
        tokens.invalidate();
        assertThat(tokens.token().accessToken()).isEqualTo("t2");
    }

    @Test
    void tokensNeverShowTheirValues() {
        Token t = new Token("secret-access", "Bearer", "secret-refresh", null);
        assertThat(t.toString()).doesNotContain("secret-access", "secret-refresh");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
