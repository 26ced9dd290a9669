package io.camelbricks.api.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
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
import io.camelbricks.api.auth.PatCredentialsProvider;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Recorded;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.api.testing.TlsLoopbackServer;

/**
 * azure-client-secret through msal4j, its authority pointed (by AZURE_AUTHORITY_HOST) at an HTTPS stand-in of the
 * Entra ID token endpoint, against a loopback workspace made Azure by azure_workspace_resource_id.
 */
class AzureClientSecretTest {
    static final String RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";

    private final LoopbackServer workspace = new LoopbackServer();
    private final TlsLoopbackServer aad = new TlsLoopbackServer();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicInteger workspaceTokens = new AtomicInteger();
    private final AtomicInteger managementTokens = new AtomicInteger();

    AzureClientSecretTest() {
        workspace.respondWith(r -> {
            if (r.uri().equals("/aad/auth")) {
                return new Reply(302, Map.of("Location",
                        "https://login.microsoftonline.com/tenant-from-host/oauth2/authorize?client_id=x"), "");
            }
            return Reply.ok("{\"job_id\":1}");
        });
        aad.respondWith(r -> {
            Map<String, String> form = form(r);
            if (!r.method().equals("POST") || !r.uri().endsWith("/oauth2/v2.0/token")) {
                return Reply.json(404, "{\"error\":\"not_found\"}");
            }
            if (!"sp-app".equals(form.get("client_id")) || !"sp-secret".equals(form.get("client_secret"))) {
                return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: "
                        + "Invalid client secret provided.\\r\\nTrace ID: 1\\r\\nCorrelation ID: 2\",\"error_codes\":[7000215]}");
            }
            String scope = form.get("scope");
            String token;
            if (scope.contains(AzureEnvironment.DATABRICKS_LOGIN_APP_ID + "/.default")) {
                token = "db-" + workspaceTokens.incrementAndGet();
            } else if (scope.contains("https://management.core.windows.net//.default")) {
                token = "mgmt-" + managementTokens.incrementAndGet();
            } else {
                return Reply.json(400, "{\"error\":\"invalid_scope\",\"error_description\":\"unexpected " + scope + "\"}");
            }
            return Reply.ok("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                    + "\"access_token\":\"" + token + "\"}");
        });
    }

    @AfterEach
    void stop() {
        workspace.close();
        aad.close();
    }

    static Map<String, String> form(Recorded r) {
        Map<String, String> form = new HashMap<>();
        for (String pair : r.bodyText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private DatabricksConfig config(String secret, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("AZURE_AUTHORITY_HOST", aad.url());
        return new DatabricksConfig()
                .setHost(workspace.url())
                .setAzureWorkspaceResourceId(RESOURCE_ID)
                .setAttribute("azure_client_id", "sp-app")
                .setAttribute("azure_client_secret", secret)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new PatCredentialsProvider(),
                        new AzureClientSecretCredentialsProvider(), new AzureMsiCredentialsProvider(),
                        new AzureCliCredentialsProvider())))
                .setAuthTransport(TlsLoopbackServer.trustingTransport())
                .setClock(clock)
                .resolve(env);
    }

    @Test
    void clientSecretIsSwappedForAWorkspaceAndAManagementToken() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config("sp-secret", Map.of())))) {
            assertThat(w.jobs().get(new JobsGetRequest().setJobId(1L)).getJobId()).isEqualTo(1L);
            assertThat(w.config().getAuthType()).isEqualTo("azure-client-secret");
            Recorded call = workspace.lastRequest();
            assertThat(call.header("Authorization")).isEqualTo("Bearer db-1");
            assertThat(call.header("X-Databricks-Azure-SP-Management-Token")).isEqualTo("mgmt-1");
            assertThat(call.header("X-Databricks-Azure-Workspace-Resource-Id")).isEqualTo(RESOURCE_ID);
        }
        // the tenant came from the host's /aad/auth redirect; msal4j asked nothing but the token endpoint
        assertThat(workspace.requests().get(0).uri()).isEqualTo("/aad/auth");
        assertThat(aad.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/tenant-from-host/oauth2/v2.0/token");
            assertThat(form(r)).containsEntry("grant_type", "client_credentials");
        });
    }

    @Test
    void aConfiguredTenantIsUsedWithoutDiscovery() {
        DatabricksConfig config = config("sp-secret", Map.of("ARM_TENANT_ID", "tenant-from-env"));
        config.authenticate().headers();
        assertThat(workspace.requests()).isEmpty();
        assertThat(aad.requests()).allSatisfy(r -> assertThat(r.uri()).isEqualTo("/tenant-from-env/oauth2/v2.0/token"));
    }

    @Test
    void tokensAreFetchedAgainWhenTheyExpire() {
        AzureHeaderFactory headers = (AzureHeaderFactory) config("sp-secret", Map.of()).authenticate();
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer db-1")
                .containsEntry("X-Databricks-Azure-SP-Management-Token", "mgmt-1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer db-1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer db-2")
                .containsEntry("X-Databricks-Azure-SP-Management-Token", "mgmt-2");
        assertThat(headers.tokens().refreshCount()).isEqualTo(2);
        assertThat(headers.managementTokens().refreshCount()).isEqualTo(2);
    }

    @Test
    void aWrongSecretFailsAtStartupWithEntraIdsReasonAndNoSecret() {
        DatabricksConfig config = config("wrong-secret", Map.of());
        assertThatThrownBy(config::authenticate)
                .hasMessage("default auth: azure-client-secret: Entra ID token request for "
                        + AzureEnvironment.DATABRICKS_LOGIN_APP_ID + " in tenant tenant-from-host failed: HTTP 401 "
                        + "invalid_client: AADSTS7000215: Invalid client secret provided." + config.debugSuffix())
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aHostThatHidesItsTenantIsAClearError() {
        workspace.enqueue(Reply.ok("{}"));
        DatabricksConfig config = config("sp-secret", Map.of());
        assertThatThrownBy(config::authenticate)
                .hasMessage("default auth: azure-client-secret: azure_tenant_id is not set and " + workspace.url()
                        + "/aad/auth did not reveal it" + config.debugSuffix());
    }

    @Test
    void doesNotApplyWithoutAzureOrWithoutTheSecret() {
        DatabricksConfig notAzure = new DatabricksConfig().setHost(workspace.url())
                .setAttribute("azure_client_id", "sp-app").setAttribute("azure_client_secret", "sp-secret")
                .resolve(Map.of());
        assertThat(new AzureClientSecretCredentialsProvider().configure(notAzure)).isEmpty();
        DatabricksConfig noSecret = new DatabricksConfig().setHost(workspace.url())
                .setAzureWorkspaceResourceId(RESOURCE_ID).setAttribute("azure_client_id", "sp-app").resolve(Map.of());
        assertThat(new AzureClientSecretCredentialsProvider().configure(noSecret)).isEmpty();
        assertThat(workspace.requests()).isEmpty();
        assertThat(aad.requests()).isEmpty();
    }

    @Test
    void theCloudPicksTheLoginHostAndTheManagementResource() {
        DatabricksConfig gov = new DatabricksConfig().setHost("https://adb-1.2.databricks.azure.us").resolve(Map.of());
        assertThat(AzureEnvironment.of(gov)).isEqualTo(AzureEnvironment.USGOVERNMENT);
        assertThat(AzureClientSecretCredentialsProvider.authorityHost(gov, AzureEnvironment.of(gov)))
                .isEqualTo("https://login.microsoftonline.us/");
        DatabricksConfig china = new DatabricksConfig().setHost("https://adb-1.2.azuredatabricks.net")
                .setAttribute("azure_environment", "china").resolve(Map.of());
        assertThat(AzureEnvironment.of(china)).isEqualTo(AzureEnvironment.CHINA);
        assertThat(AzureEnvironment.CHINA.serviceManagementEndpoint()).isEqualTo("https://management.core.chinacloudapi.cn/");
        DatabricksConfig staging = new DatabricksConfig().setHost("https://adb-1.2.staging.azuredatabricks.net").resolve(Map.of());
        assertThat(AzureEnvironment.loginAppId(staging)).isEqualTo("4a67d088-db5c-48f1-9ff2-0aace800ae68");
        DatabricksConfig unknown = new DatabricksConfig().setHost("https://adb-1.2.azuredatabricks.net")
                .setAttribute("azure_environment", "MARS").resolve(Map.of());
        assertThatThrownBy(() -> AzureEnvironment.of(unknown))
                .hasMessage("azure environment not found: MARS (expected PUBLIC, USGOVERNMENT or CHINA)");
    }
}
