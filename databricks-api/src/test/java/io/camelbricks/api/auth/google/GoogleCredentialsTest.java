package io.camelbricks.api.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.auth.PatCredentialsProvider;
import io.camelbricks.api.testing.LoopbackServer.Recorded;

/** google-credentials with a key pair made at test time and a loopback token endpoint as the key's token_uri. */
class GoogleCredentialsTest {
    static final String WORKSPACE = "https://123.4.gcp.databricks.com";
    static final String ACCOUNTS = "https://accounts.gcp.databricks.com";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final GoogleStandIn google = new GoogleStandIn(clock);

    @AfterEach
    void stop() {
        google.close();
    }

    private DatabricksConfig config(String host, String credentials) {
        return new DatabricksConfig()
                .setHost(host)
                .setAttribute("google_credentials", credentials)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new PatCredentialsProvider(),
                        new GoogleCredentialsCredentialsProvider(), new GoogleIdCredentialsProvider(google.server.url()))))
                .setClock(clock)
                .resolve(Map.of("HOME", dir.toString()));
    }

    @Test
    void anIdTokenForTheWorkspaceIsMintedWithTheKey() throws Exception {
        DatabricksConfig config = config(WORKSPACE, google.serviceAccountJson());
        Map<String, String> headers = config.authenticate().headers();
        assertThat(config.getAuthType()).isEqualTo("google-credentials");
        assertThat(headers).containsOnlyKeys("Authorization");
        String idToken = headers.get("Authorization").substring("Bearer ".length());
        assertThat(GoogleStandIn.claims(idToken).path("aud").asText()).isEqualTo(WORKSPACE);
        Recorded exchange = google.requests().get(0);
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(GoogleStandIn.form(exchange)).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    }

    @Test
    void accountHostsAlsoGetTheServiceAccountsAccessToken() throws Exception {
        Map<String, String> headers = config(ACCOUNTS, google.serviceAccountJson()).authenticate().headers();
        assertThat(GoogleStandIn.claims(headers.get("Authorization").substring(7)).path("aud").asText()).isEqualTo(ACCOUNTS);
        assertThat(headers).containsEntry("X-Databricks-GCP-SA-Access-Token", "sa-access-2");
    }

    @Test
    void theKeyMayBeAFile() throws Exception {
        Path file = dir.resolve("sa.json");
        Files.writeString(file, google.serviceAccountJson());
        assertThat(config(WORKSPACE, file.toString()).authenticate().headers()).containsKey("Authorization");
        DatabricksConfig missing = config(WORKSPACE, dir.resolve("nope.json").toString());
        assertThatThrownBy(missing::authenticate).hasMessage("default auth: google-credentials: google_credentials is "
                + "neither service-account JSON nor a readable file (NoSuchFileException)" + missing.debugSuffix());
    }

    @Test
    void tokensAreMintedAgainWhenTheyExpire() throws Exception {
        HeaderFactory headers = config(ACCOUNTS, google.serviceAccountJson()).authenticate();
        Map<String, String> first = headers.headers();
        clock.advance(Duration.ofMinutes(30));
        assertThat(headers.headers()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(30));
        Map<String, String> second = headers.headers();
        assertThat(second.get("Authorization")).isNotEqualTo(first.get("Authorization"));
        assertThat(second.get("X-Databricks-GCP-SA-Access-Token")).isNotEqualTo(first.get("X-Databricks-GCP-SA-Access-Token"));
        assertThat(google.requests()).hasSize(4);
    }

    @Test
    void aKeyTheServerRejectsIsAClearErrorWithoutTheKey() throws Exception {
        // same service account, another private key: the signature does not verify
        String json = google.serviceAccountJson();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        com.fasterxml.jackson.databind.node.ObjectNode node =
                (com.fasterxml.jackson.databind.node.ObjectNode) GoogleStandIn.MAPPER.readTree(json);
        node.put("private_key", "-----BEGIN PRIVATE KEY-----\n" + otherKey + "\n-----END PRIVATE KEY-----\n");
        DatabricksConfig config = config(WORKSPACE, node.toString());
        assertThatThrownBy(config::authenticate).hasMessage("default auth: google-credentials: Google ID token request to "
                + google.server.url() + "/token failed: HTTP 400 invalid_grant: Invalid JWT Signature." + config.debugSuffix())
                .hasMessageNotContaining(otherKey.substring(0, 40));
    }

    @Test
    void otherCredentialTypesAreRefusedByName() {
        DatabricksConfig config = config(WORKSPACE, google.authorizedUserJson());
        assertThatThrownBy(config::authenticate).hasMessage("default auth: google-credentials: google_credentials is not "
                + "a service-account key (type authorized_user; expected service_account)" + config.debugSuffix())
                .hasMessageNotContaining("gcloud-secret");
    }

    @Test
    void doesNotApplyOutsideGcpOrWithoutCredentials() {
        DatabricksConfig aws = new DatabricksConfig().setHost("https://dbc-1.cloud.databricks.com")
                .setAttribute("google_credentials", google.serviceAccountJson()).resolve(Map.of());
        assertThat(new GoogleCredentialsCredentialsProvider().configure(aws)).isEmpty();
        DatabricksConfig none = new DatabricksConfig().setHost(WORKSPACE).resolve(Map.of());
        assertThat(new GoogleCredentialsCredentialsProvider().configure(none)).isEmpty();
        assertThat(google.requests()).isEmpty();
    }
}
