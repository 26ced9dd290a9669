package io.camelbricks.it;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.emulator.DatabricksEmulator;

/**
 * The fault mix of issue 8 on one path of the emulator, seeded (the same requests get the same faults every run):
 * 5 % 503, 1 % 429 with {@code Retry-After: 1}, 1 % connection resets and 1 % answers slower than the client's read
 * timeout ({@link #READ_TIMEOUT_SECONDS}). The rules are consulted in that order and the first that fires wins, so
 * the later rates are 1 % of the requests the earlier ones let through; the counts actually injected are reported.
 */
final class FaultMix {
    /** The client's {@code http_timeout_seconds} in these tests (connect and read). */
    static final int READ_TIMEOUT_SECONDS = 1;
    /** Longer than the read timeout: the client gives up on the answer and tries again. */
    static final Duration SLOW = Duration.ofMillis(1_500);

    private FaultMix() {
    }

    static void on(DatabricksEmulator emulator, String method, String path, long seed) {
        emulator.faults().on(method, path).respond(503).probability(0.05).seed(seed);
        emulator.faults().on(method, path).respond(429).retryAfter(Duration.ofSeconds(1)).probability(0.01)
                .seed(seed + 1);
        emulator.faults().on(method, path).resetConnection().probability(0.01).seed(seed + 2);
        emulator.faults().on(method, path).delay(SLOW).probability(0.01).seed(seed + 3);
    }

    /** The faults injected so far by kind ({@code 503: 48, 429: 9, reset: 11, delay 1500ms: 10}), sorted. */
    static String injected(DatabricksEmulator emulator) {
        Map<String, Long> byKind = new TreeMap<>();
        emulator.faults().injected().forEach(f -> byKind.merge(f.fault(), 1L, Long::sum));
        return byKind.toString().replace("{", "").replace("}", "").replace("=", ": ");
    }

    /**
     * A client for the emulator: {@code http_timeout_seconds=1}, a retry budget of 60 s, and retry back-off of 10 ms
     * doubling to 200 ms instead of the default 1 s to 10 s (a server {@code Retry-After} is still honoured), so a
     * few hundred injected faults cost seconds, not minutes. Polls every 10 ms.
     */
    static ApiClient client(DatabricksConfig config) {
        config.setAttribute("http_timeout_seconds", Integer.toString(READ_TIMEOUT_SECONDS));
        config.setAttribute("retry_timeout_seconds", "60");
        return ApiClient.builder(config.resolve(Map.of()))
                .retryPolicy(fastRetries())
                .waitPolicy(WaitPolicy.fixed(Duration.ofMillis(10)))
                .build();
    }

    static RetryPolicy fastRetries() {
        return new RetryPolicy(Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofMillis(200), false);
    }
}
