package io.camelbricks.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/** oauth-m2m against a loopback workspace that serves OIDC discovery, a token endpoint and the API. */
class OAuthM2MTest {
    private final LoopbackServer server = new LoopbackServer();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String validToken = "none";

    OAuthM2MTest() {
        server.respondWith(r -> {
            String path = r.uri();
            if (path.equals("/oidc/.well-known/oauth-authorization-server")) {
                return Reply.ok("{\"authorization_endpoint\":\"" + server.url() + "/oidc/v1/authorize\","
                        + "\"token_endpoint\":\"" + server.url() + "/oidc/v1/token\"}");
            }
            if (path.equals("/oidc/v1/token")) {
                String expected = "Basic " + Base64.getEncoder().encodeToString("sp-id:sp-secret".getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(r.header("Authorization"))) {
                    return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
                }
                assertThat(r.bodyText()).contains("grant_type=client_credentials", "scope=all-apis");
                validToken = "m2m-" + tokensIssued.incrementAndGet();
                return Reply.ok("{\"access_token\":\"" + validToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            }
            if (("Bearer " + validToken).equals(r.header("Authorization"))) {
                return Reply.ok("{\"job_id\":1}");
            }
            return Reply.json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid access token.\"}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DatabricksConfig config(String secret) {
        return new DatabricksConfig().setHost(server.url()).setClientId("sp-id").setClientSecret(secret).resolve(Map.of());
    }

    @Test
    void clientCredentialsAreSwappedForABearerToken() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config("sp-secret")))) {
            assertThat(w.config().getAuthType()).isEqualTo("oauth-m2m");
            assertThat(w.jobs().get(new JobsGetRequest().setJobId(1L)).getJobId()).isEqualTo(1L);
            assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer m2m-1");
        }
    }

    @Test
    void wrongClientSecretFailsAtStartupWithTheServersReason() {
        assertThatThrownBy(() -> config("wrong").authenticate())
                .hasMessageStartingWith("default auth: oauth-m2m: token request to " + server.url()
                        + "/oidc/v1/token failed: HTTP 401 invalid_client: Client authentication failed")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallSucceeds() {
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(config("sp-secret")))) {
            w.jobs().get(new JobsGetRequest().setJobId(1L));
            validToken = "rotated-by-server"; // the server no longer accepts m2m-1
            assertThat(w.jobs().get(new JobsGetRequest().setJobId(1L)).getJobId()).isEqualTo(1L);
            assertThat(tokensIssued).hasValue(2);
        }
    }
}
