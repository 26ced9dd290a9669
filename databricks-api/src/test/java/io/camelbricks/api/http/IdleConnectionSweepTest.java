package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.testing.LoopbackServer;

class IdleConnectionSweepTest {
    private final LoopbackServer server = new LoopbackServer();
    private final PoolingHttpClientConnectionManager connections =
            PoolingHttpClientConnectionManagerBuilder.create().build();
    private final CloseableHttpClient http = HttpClients.custom().setConnectionManager(connections).build();
    private final AtomicLong nanos = new AtomicLong(1_000L);
    private final IdleConnectionSweep sweep =
            new IdleConnectionSweep(connections, Duration.ofSeconds(30), Duration.ZERO, nanos::get);

    @AfterEach
    void close() throws IOException {
        http.close();
        server.close();
    }

    @Test
    void closesIdleConnectionsOnceTheIntervalHasPassed() throws IOException {
        callOnce();
        assertThat(connections.getTotalStats().getAvailable()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        sweep.maybeSweep();
        assertThat(connections.getTotalStats().getAvailable()).as("swept before the interval").isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        sweep.maybeSweep();
        assertThat(connections.getTotalStats().getAvailable()).isZero();
    }

    @Test
    void sweepsAgainOnlyAfterAnotherInterval() throws IOException {
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        sweep.maybeSweep(); // the sweep of this interval, with nothing pooled yet
        callOnce();

        sweep.maybeSweep();
        assertThat(connections.getTotalStats().getAvailable()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        sweep.maybeSweep();
        assertThat(connections.getTotalStats().getAvailable()).isZero();
    }

    @Test
    void theTransportStartsNoThreadOfItsOwn() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ApacheHttpTransport transport = new ApacheHttpTransport(
                new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, false))) {
            try (HttpResponse response = transport.execute(HttpRequest.of(HttpMethod.GET, server.url() + "/ping"))) {
                assertThat(response.status()).isEqualTo(200);
            }
            Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
            started.removeAll(before);
            assertThat(started).extracting(Thread::getName).noneMatch(name -> name.contains("evictor"));
        }
    }

    private void callOnce() throws IOException {
        http.execute(new HttpGet(server.url() + "/ping"), response -> {
            try (InputStream body = response.getEntity().getContent()) {
                EntityUtils.consume(response.getEntity());
            }
            return response.getCode();
        });
    }
}
