package io.camelbricks.api.testing;

import java.time.Duration;
import java.util.Map;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.wait.WaitPolicy;

/** Clients aimed at a {@link LoopbackServer}, with fast retries and polls so tests never wait seconds. */
public final class TestClients {
    public static final String TOKEN = "dapi-test-token-0123456789";

    private TestClients() {
    }

    public static DatabricksConfig config(LoopbackServer server) {
        return new DatabricksConfig().setHost(server.url()).setToken(TOKEN).resolve(Map.of());
    }

    public static ApiClient fast(LoopbackServer server) {
        return fast(config(server));
    }

    public static ApiClient fast(DatabricksConfig config) {
        return ApiClient.builder(config)
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(2), Duration.ofMillis(20), false))
                .waitPolicy(WaitPolicy.fixed(Duration.ofMillis(2)))
                .build();
    }
}
