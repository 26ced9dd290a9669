package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;

/**
 * Through a proxy the Apache transport keeps HttpClient's own protocol step: the proxy gets the request with the
 * target named in full and the proxy's credentials up front; the target's credentials stay the request's own
 * headers. Hosts the proxy does not apply to are reached directly.
 */
class ApacheHttpTransportProxyTest {
    private final LoopbackServer proxy = new LoopbackServer();
    private final LoopbackServer direct = new LoopbackServer();

    @AfterEach
    void close() {
        proxy.close();
        direct.close();
    }

    @Test
    void aPlainHttpRequestGoesToTheProxyWithItsCredentialsSentUpFront() throws IOException {
        proxy.respondWith(r -> Reply.ok("{\"via\":\"proxy\"}"));
        try (ApacheHttpTransport transport = through(new ProxySettings("127.0.0.1", proxyPort(), "alice", "s3cret",
                List.of()))) {
            HttpResponse response = transport.execute(HttpRequest.of(HttpMethod.GET,
                    "http://workspace.example:8080/api/2.2/jobs/list?limit=1").withHeader("Authorization", "Bearer t"));

            assertThat(new String(response.readAllAndClose(), StandardCharsets.UTF_8)).isEqualTo("{\"via\":\"proxy\"}");
            assertThat(transport.poolStats().getLeased()).isZero();
        }
        LoopbackServer.Recorded seen = proxy.lastRequest();
        assertThat(seen.uri()).isEqualTo("/api/2.2/jobs/list?limit=1");
        assertThat(seen.header("Host")).isEqualTo("workspace.example:8080");
        assertThat(seen.header("Proxy-Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(seen.header("Authorization")).isEqualTo("Bearer t");
        assertThat(proxy.requests()).hasSize(1);
    }

    @Test
    void aNonProxyHostIsReachedDirectly() throws IOException {
        direct.respondWith(r -> Reply.ok("{\"via\":\"direct\"}"));
        try (ApacheHttpTransport transport = through(new ProxySettings("127.0.0.1", proxyPort(), null, null,
                List.of("127.0.0.1")))) {
            HttpResponse response = transport.execute(HttpRequest.of(HttpMethod.GET, direct.url() + "/x"));

            assertThat(new String(response.readAllAndClose(), StandardCharsets.UTF_8)).isEqualTo("{\"via\":\"direct\"}");
        }
        assertThat(proxy.requests()).isEmpty();
        assertThat(direct.lastRequest().header("Proxy-Authorization")).isNull();
    }

    private int proxyPort() {
        return Integer.parseInt(proxy.url().substring(proxy.url().lastIndexOf(':') + 1));
    }

    private static ApacheHttpTransport through(ProxySettings settings) {
        return new ApacheHttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, false,
                null, settings));
    }
}
