package io.camelbricks.api.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ErrorDetails;
import io.camelbricks.api.error.ErrorMapper;
import io.camelbricks.api.error.TransportException;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(300), Duration.ofSeconds(1),
            Duration.ofSeconds(10), false);

    private static DatabricksError status(int status, Duration retryAfter) {
        return ErrorMapper.map("POST", "/x", new ErrorDetails(status, null, "m", List.of(), null, "POST /x", retryAfter));
    }

    private static RetryPolicy.Attempt attempt(boolean idempotent) {
        return new RetryPolicy.Attempt(1, idempotent, true, Duration.ZERO);
    }

    @Test
    void retries429And503ForEveryRequest() {
        assertThat(policy.nextDelay(attempt(false), status(429, null))).isPresent();
        assertThat(policy.nextDelay(attempt(false), status(503, null))).isPresent();
    }

    @Test
    void retries5xxOnlyWhenIdempotent() {
        for (int s : new int[] {500, 502, 504}) {
            assertThat(policy.nextDelay(attempt(true), status(s, null))).as("idempotent %s", s).isPresent();
            assertThat(policy.nextDelay(attempt(false), status(s, null))).as("non-idempotent %s", s).isEmpty();
        }
    }

    @Test
    void neverRetriesClientErrors() {
        for (int s : new int[] {400, 401, 403, 404, 409}) {
            assertThat(policy.nextDelay(attempt(true), status(s, null))).isEmpty();
        }
    }

    @Test
    void transientMessagesAreRetried() {
        DatabricksError e = ErrorMapper.map("POST", "/x", new ErrorDetails(400, "INVALID_STATE",
                "ClusterNotReadyException: not yet", List.of(), null, "POST /x", null));
        assertThat(policy.nextDelay(attempt(false), e)).isPresent();
    }

    @Test
    void connectionRefusedIsRetriedEvenForWritesButReadTimeoutsOnlyForIdempotentCalls() {
        TransportException refused = new TransportException("POST /x", new ConnectException("refused"));
        TransportException timeout = new TransportException("POST /x", new SocketTimeoutException("read timed out"));
        assertThat(policy.nextDelay(attempt(false), refused)).isPresent();
        assertThat(policy.nextDelay(attempt(false), timeout)).isEmpty();
        assertThat(policy.nextDelay(attempt(true), timeout)).isPresent();
    }

    @Test
    void retryAfterIsHonouredExactly() {
        assertThat(policy.nextDelay(attempt(false), status(429, Duration.ofSeconds(7)))).contains(Duration.ofSeconds(7));
    }

    @Test
    void aConsumedStreamIsNeverResent() {
        assertThat(policy.nextDelay(new RetryPolicy.Attempt(1, true, false, Duration.ZERO), status(503, null))).isEmpty();
    }

    @Test
    void stopsWhenTheNextAttemptWouldExceedTheBudget() {
        RetryPolicy.Attempt late = new RetryPolicy.Attempt(5, true, true, Duration.ofSeconds(299));
        assertThat(policy.nextDelay(late, status(503, Duration.ofSeconds(2)))).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndACap() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
            assertThat(policy.backoff(30)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    @Test
    void disabledRetriesNeverRetry() {
        RetryPolicy off = new RetryPolicy(Duration.ofSeconds(300), Duration.ofSeconds(1), Duration.ofSeconds(10), true);
        assertThat(off.nextDelay(attempt(true), status(503, null))).isEmpty();
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(RetryAfter.parse("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:05 GMT", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }

    @Test
    void rateLimiterSpacesRequestsAfterTheBurst() {
        long[] now = {0};
        RateLimiter limiter = new RateLimiter(10, () -> now[0]);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve()).as("burst request %d", i).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
        assertThat(limiter.reserve()).isEqualTo(200_000_000L);
        now[0] = 10_000_000_000L;
        assertThat(limiter.reserve()).isZero();
        assertThat(Map.of()).isEmpty();
    }
}
