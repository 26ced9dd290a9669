package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;

/**
 * What the transport's protocol step ({@link DirectProtocolExec}) owes the pool: every answer's connection goes back
 * to it when the body is finished with, or is closed when the body is aborted or the exchange fails; nothing stays
 * leased.
 */
class ApacheHttpTransportConnectionsTest {
    private static final String BIG = "x".repeat(200_000);

    private final LoopbackServer server = new LoopbackServer();
    private final ApacheHttpTransport transport = new ApacheHttpTransport(
            new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, false));

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    @Test
    void aBodyReadToItsEndGivesItsConnectionBackForTheNextRequest() throws IOException {
        server.respondWith(r -> Reply.ok("{\"n\":1}"));

        for (int i = 0; i < 3; i++) {
            HttpResponse response = transport.execute(get("/api/2.2/jobs/get?job_id=" + i));
            assertThat(new String(response.readAllAndClose(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
            assertThat(transport.poolStats().getLeased()).isZero();
        }
        assertThat(transport.poolStats().getAvailable()).as("one connection, reused").isEqualTo(1);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aBodyClosedBeforeItsEndIsReadToItsEndAndItsConnectionReused() throws IOException {
        server.respondWith(r -> Reply.ok(BIG));

        try (HttpResponse response = transport.execute(get("/big"))) {
            assertThat(response.body().readNBytes(10)).hasSize(10);
        }
        assertThat(transport.poolStats().getLeased()).isZero();
        assertThat(transport.poolStats().getAvailable()).isEqualTo(1);

        assertThat(transport.execute(get("/big")).readAllAndClose()).hasSize(BIG.length());
        assertThat(transport.poolStats().getAvailable()).as("the drained connection carried the next request")
                .isEqualTo(1);
    }

    @Test
    void aBodyAbortedBeforeItsEndClosesItsConnection() throws IOException {
        server.respondWith(r -> Reply.json(500, BIG));

        byte[] head = transport.execute(get("/big")).readAtMostAndClose(100);

        assertThat(head).hasSize(100);
        assertThat(transport.poolStats().getLeased()).isZero();
        assertThat(transport.poolStats().getAvailable()).as("an aborted connection is not pooled").isZero();
        try (HttpResponse next = transport.execute(get("/next"))) {
            assertThat(next.status()).isEqualTo(500);
        }
    }

    @Test
    void anAnswerWithoutABodyReleasesItsConnectionAtOnce() throws IOException {
        server.respondWith(r -> new Reply(204, Map.of(), null));

        try (HttpResponse response = transport.execute(HttpRequest.of(HttpMethod.DELETE, server.url() + "/x"))) {
            assertThat(response.status()).isEqualTo(204);
        }
        assertThat(transport.poolStats().getLeased()).isZero();
        assertThat(transport.poolStats().getAvailable()).isEqualTo(1);
    }

    @Test
    void aChallengeIsReturnedAsItIsWithoutAnotherRequest() throws IOException {
        server.respondWith(r -> Reply.json(401, "{\"error_code\":\"UNAUTHENTICATED\"}")
                .withHeader("WWW-Authenticate", "Basic realm=\"workspace\""));

        HttpResponse response = transport.execute(get("/api/2.2/jobs/list").withHeader("Authorization", "Bearer t"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(new String(response.readAllAndClose(), StandardCharsets.UTF_8)).contains("UNAUTHENTICATED");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer t");
        assertThat(transport.poolStats().getLeased()).isZero();
    }

    @Test
    void aConnectionDroppedWithoutAnAnswerFailsTheExchangeAndIsNotKept() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
                    accepted.incrementAndGet();
                    in.read(new byte[1024]); // the request's first bytes, then hang up without an answer
                } catch (IOException ignored) {
                    // the test ends
                }
            });
            acceptor.start();

            assertThatThrownBy(() -> transport.execute(HttpRequest.of(HttpMethod.GET,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/x"))).isInstanceOf(IOException.class);
            acceptor.join();
        }
        assertThat(accepted).hasValue(1);
        assertThat(transport.poolStats().getLeased()).isZero();
        assertThat(transport.poolStats().getAvailable()).isZero();
    }

    @Test
    void aUrlWithUserInfoIsRefusedBeforeAnythingIsSent() {
        String withUserInfo = server.url().replace("http://", "http://someone:secret@") + "/x";

        assertThatThrownBy(() -> transport.execute(HttpRequest.of(HttpMethod.GET, withUserInfo)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("user info");
        assertThat(server.requests()).isEmpty();
        assertThat(transport.poolStats().getLeased()).isZero();
    }

    private HttpRequest get(String path) {
        return HttpRequest.of(HttpMethod.GET, server.url() + path);
    }
}
