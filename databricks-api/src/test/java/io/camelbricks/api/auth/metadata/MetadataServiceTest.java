package io.camelbricks.api.auth.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.auth.PatCredentialsProvider;
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Recorded;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/** metadata-service against a loopback metadata service. */
class MetadataServiceTest {
    private final LoopbackServer workspace = new LoopbackServer();
    private final LoopbackServer metadata = new LoopbackServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();

    MetadataServiceTest() {
        workspace.respondWith(r -> Reply.ok("{\"job_id\":1}"));
        metadata.respondWith(r -> {
            if (!"1".equals(r.header("X-Databricks-Metadata-Version"))) {
                return Reply.json(400, "{\"error\":\"unsupported_version\"}");
            }
            if (!workspace.url().equals(r.header("X-Databricks-Host"))) {
                return Reply.json(404, "{}");
            }
            return Reply.ok("{\"access_token\":\"ms-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_on\":" + clock.instant().plusSeconds(3600).getEpochSecond() + "}");
        });
    }

    @AfterEach
    void stop() {
        workspace.close();
        metadata.close();
    }

    private DatabricksConfig config(String host, String url) {
        return new DatabricksConfig()
                .setHost(host)
                .setAttribute("metadata_service_url", url)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new PatCredentialsProvider(),
                        new MetadataServiceCredentialsProvider())))
                .setClock(clock)
                .resolve(Map.of());
    }

    private String serviceUrl() {
        return metadata.url() + "/metadata/session-secret-123";
    }

    @Test
    void theServicesTokenIsSentAndTheHostAndVersionAreAsked() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config(workspace.url(), serviceUrl())))) {
            w.jobs().get(new JobsGetRequest().setJobId(1L));
            assertThat(w.config().getAuthType()).isEqualTo("metadata-service");
            assertThat(workspace.lastRequest().header("Authorization")).isEqualTo("Bearer ms-1");
        }
        Recorded ask = metadata.requests().get(0);
        assertThat(ask.method()).isEqualTo("GET");
        assertThat(ask.uri()).isEqualTo("/metadata/session-secret-123");
        assertThat(ask.header("X-Databricks-Host")).isEqualTo(workspace.url());
        assertThat(ask.header("X-Databricks-Metadata-Version")).isEqualTo("1");
        assertThat(metadata.requests()).hasSize(1);
    }

    @Test
    void theTokenIsFetchedAgainBeforeItExpires() {
        TokenHeaderFactory headers = (TokenHeaderFactory) config(workspace.url(), serviceUrl()).authenticate();
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer ms-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer ms-1"); // stale, still valid
        clock.advance(Duration.ofSeconds(30)); // inside the 40 s expiry margin
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer ms-2");
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer ms-2");
        assertThat(metadata.requests()).hasSize(2);
    }

    @Test
    void onlyALocalServiceIsAskedAndTheUrlStaysSecret() {
        DatabricksConfig remote = config(workspace.url(), "http://metadata.example.com:8080/secret-path");
        assertThatThrownBy(remote::authenticate)
                .hasMessage("default auth: metadata-service: invalid metadata_service_url: the metadata service must "
                        + "be local (localhost, 127.0.0.1 or [::1]), not metadata.example.com" + remote.debugSuffix())
                .hasMessageNotContaining("secret-path");
        assertThat(MetadataServiceCredentialsProvider.local("http://localhost:1234/x")).isEqualTo("http://localhost:1234");
        assertThat(MetadataServiceCredentialsProvider.local("http://[::1]:1234/x")).isEqualTo("http://[::1]:1234");
    }

    @Test
    void aServiceWithoutATokenForTheHostIsNotApplicable() {
        DatabricksConfig other = config("https://other.cloud.databricks.com", serviceUrl());
        assertThatThrownBy(other::authenticate).hasMessageStartingWith("default auth: cannot configure default credentials");
    }

    @Test
    void aBrokenAnswerIsAClearError() {
        metadata.respondWith(r -> Reply.ok("{\"access_token\":\"x\",\"token_type\":\"Bearer\"}"));
        DatabricksConfig config = config(workspace.url(), serviceUrl());
        assertThatThrownBy(config::authenticate).hasMessage("default auth: metadata-service: metadata service request to "
                + metadata.url() + " answered without expires_on" + config.debugSuffix())
                .hasMessageNotContaining("session-secret");
        metadata.respondWith(r -> Reply.json(500, "{\"error\":\"internal\",\"error_description\":\"boom\"}"));
        DatabricksConfig failing = config(workspace.url(), serviceUrl());
        assertThatThrownBy(failing::authenticate).hasMessage("default auth: metadata-service: metadata service request to "
                + metadata.url() + " failed: HTTP 500 internal: boom" + failing.debugSuffix());
    }

    @Test
    void doesNotApplyWithoutTheUrlOrTheHost() {
        DatabricksConfig noUrl = new DatabricksConfig().setHost(workspace.url()).resolve(Map.of());
        assertThat(new MetadataServiceCredentialsProvider().configure(noUrl)).isEmpty();
        DatabricksConfig noHost = new DatabricksConfig().setAttribute("metadata_service_url", serviceUrl()).resolve(Map.of());
        assertThat(new MetadataServiceCredentialsProvider().configure(noHost)).isEmpty();
        assertThat(metadata.requests()).isEmpty();
    }
}
