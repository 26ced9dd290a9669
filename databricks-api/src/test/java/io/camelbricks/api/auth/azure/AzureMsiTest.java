package io.camelbricks.api.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Recorded;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/** azure-msi against a loopback stand-in of IMDS (AZURE_POD_IDENTITY_AUTHORITY_HOST); 169.254.169.254 is never asked. */
class AzureMsiTest {
    private static final String APP = AzureEnvironment.DATABRICKS_LOGIN_APP_ID;
    private static final String MANAGEMENT = "https://management.core.windows.net/";

    private final LoopbackServer workspace = new LoopbackServer();
    private final LoopbackServer imds = new LoopbackServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();

    AzureMsiTest() {
        workspace.respondWith(r -> Reply.ok("{\"job_id\":1}"));
        imds.respondWith(r -> {
            if (!r.uri().startsWith("/metadata/identity/oauth2/token?") || !"true".equals(r.header("Metadata"))) {
                return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}");
            }
            String prefix = r.uri().contains("resource=" + APP) ? "msi-db-" : "msi-mgmt-";
            long expiresOn = clock.instant().plusSeconds(3600).getEpochSecond();
            return Reply.ok("{\"access_token\":\"" + prefix + issued.incrementAndGet() + "\",\"refresh_token\":\"\","
                    + "\"expires_in\":\"3599\",\"expires_on\":\"" + expiresOn + "\",\"not_before\":\"0\","
                    + "\"resource\":\"x\",\"token_type\":\"Bearer\"}");
        });
    }

    @AfterEach
    void stop() {
        workspace.close();
        imds.close();
    }

    private DatabricksConfig config(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("ARM_USE_MSI", "true",
                AzureMsiCredentialsProvider.IMDS_HOST_ENV, imds.url()));
        env.putAll(extraEnv);
        return new DatabricksConfig()
                .setHost(workspace.url())
                .setAzureWorkspaceResourceId(AzureClientSecretTest.RESOURCE_ID)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new AzureClientSecretCredentialsProvider(),
                        new AzureMsiCredentialsProvider(), new AzureCliCredentialsProvider())))
                .setClock(clock)
                .resolve(env);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theManagedIdentitysTokensAreSentWithTheAzureHeaders() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config(Map.of())))) {
            w.jobs().get(new JobsGetRequest().setJobId(1L));
            assertThat(w.config().getAuthType()).isEqualTo("azure-msi");
            Recorded call = workspace.lastRequest();
            assertThat(call.header("Authorization")).isEqualTo("Bearer msi-db-1");
            assertThat(call.header("X-Databricks-Azure-SP-Management-Token")).isEqualTo("msi-mgmt-2");
            assertThat(call.header("X-Databricks-Azure-Workspace-Resource-Id")).isEqualTo(AzureClientSecretTest.RESOURCE_ID);
        }
        assertThat(imds.requests()).extracting(Recorded::uri).containsExactly(
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + APP,
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + enc(MANAGEMENT));
        assertThat(imds.requests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("Metadata")).isEqualTo("true");
        });
    }

    @Test
    void aUserAssignedIdentityIsChosenByAzureClientId() {
        config(Map.of("ARM_CLIENT_ID", "user-assigned-1")).authenticate();
        assertThat(imds.requests()).allSatisfy(r -> assertThat(r.uri()).endsWith("&client_id=user-assigned-1"));
    }

    @Test
    void tokensAreFetchedAgainWhenTheyExpire() {
        AzureHeaderFactory headers = (AzureHeaderFactory) config(Map.of()).authenticate();
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer msi-db-1");
        clock.advance(Duration.ofMinutes(50));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer msi-db-1");
        clock.advance(Duration.ofMinutes(10));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer msi-db-3")
                .containsEntry("X-Databricks-Azure-SP-Management-Token", "msi-mgmt-4");
        assertThat(imds.requests()).hasSize(4);
    }

    @Test
    void anIdentityImdsDoesNotKnowIsAClearError() {
        imds.respondWith(r -> Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}"));
        DatabricksConfig config = config(Map.of());
        assertThatThrownBy(config::authenticate).hasMessage("default auth: azure-msi: IMDS token request for " + APP
                + " to " + imds.url() + "/metadata/identity/oauth2/token failed: HTTP 400 invalid_request: "
                + "Identity not found" + config.debugSuffix());
    }

    @Test
    void doesNotApplyUnlessAzureUseMsiIsTrue() {
        DatabricksConfig off = config(Map.of("ARM_USE_MSI", "false"));
        assertThat(new AzureMsiCredentialsProvider().configure(off)).isEmpty();
        DatabricksConfig notAzure = new DatabricksConfig().setHost(workspace.url())
                .resolve(Map.of("ARM_USE_MSI", "true", AzureMsiCredentialsProvider.IMDS_HOST_ENV, imds.url()));
        assertThat(new AzureMsiCredentialsProvider().configure(notAzure)).isEmpty();
        assertThat(imds.requests()).isEmpty();
    }

    @Test
    void withoutTheOverrideImdsIsTheLinkLocalAddress() {
        assertThat(AzureMsiCredentialsProvider.imdsHost(Map.of())).isEqualTo("http://169.254.169.254");
        assertThat(AzureMsiCredentialsProvider.imdsHost(Map.of(AzureMsiCredentialsProvider.IMDS_HOST_ENV, "http://127.0.0.1:9/")))
                .isEqualTo("http://127.0.0.1:9");
    }
}
