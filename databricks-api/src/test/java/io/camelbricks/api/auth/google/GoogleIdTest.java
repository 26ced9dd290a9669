package io.camelbricks.api.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.testing.LoopbackServer.Recorded;

/**
 * google-id: application-default credentials from files or a metadata-server stand-in, impersonation through a
 * stand-in of the IAM Credentials API. The real metadata server is never asked (no GCE product name).
 */
class GoogleIdTest {
    static final String WORKSPACE = GoogleCredentialsTest.WORKSPACE;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final GoogleStandIn google = new GoogleStandIn(clock);

    @AfterEach
    void stop() {
        google.close();
    }

    private CredentialsProvider provider() {
        return new GoogleIdCredentialsProvider(google.server.url(), dir.resolve("no-dmi-product-name"));
    }

    private DatabricksConfig config(String host, Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", dir.toString()));
        env.putAll(vars);
        return new DatabricksConfig()
                .setHost(host)
                .setAttribute("google_service_account", GoogleStandIn.SA)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(List.of(new GoogleCredentialsCredentialsProvider(),
                        provider())))
                .setClock(clock)
                .resolve(env);
    }

    private Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void gcloudUserCredentialsImpersonateTheServiceAccount() throws Exception {
        file(".config/gcloud/application_default_credentials.json", google.authorizedUserJson());
        DatabricksConfig config = config(WORKSPACE, Map.of());
        Map<String, String> headers = config.authenticate().headers();
        assertThat(config.getAuthType()).isEqualTo("google-id");
        assertThat(GoogleStandIn.claims(headers.get("Authorization").substring(7)).path("aud").asText()).isEqualTo(WORKSPACE);
        List<Recorded> calls = google.requests();
        assertThat(GoogleStandIn.form(calls.get(0))).containsEntry("grant_type", "refresh_token")
                .containsEntry("client_id", "gcloud-client");
        assertThat(calls.get(1).uri()).isEqualTo("/v1/projects/-/serviceAccounts/" + GoogleStandIn.SA + ":generateIdToken");
        assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer adc-1");
        assertThat(GoogleStandIn.MAPPER.readTree(calls.get(1).body()).path("audience").asText()).isEqualTo(WORKSPACE);
    }

    @Test
    void accountHostsAlsoGetAnImpersonatedAccessToken() throws Exception {
        Path key = file("sa.json", google.serviceAccountJson());
        Map<String, String> headers = config(GoogleCredentialsTest.ACCOUNTS,
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())).authenticate().headers();
        assertThat(headers.get("X-Databricks-GCP-SA-Access-Token")).startsWith("impersonated-");
        assertThat(google.requests()).extracting(Recorded::uri).containsExactly("/token",
                "/v1/projects/-/serviceAccounts/" + GoogleStandIn.SA + ":generateIdToken",
                "/v1/projects/-/serviceAccounts/" + GoogleStandIn.SA + ":generateAccessToken");
    }

    @Test
    void aMetadataServerNamedByGceMetadataHostIsUsed() throws Exception {
        String host = google.server.url().substring("http://".length());
        DatabricksConfig config = config(WORKSPACE, Map.of("GCE_METADATA_HOST", host));
        config.authenticate().headers();
        assertThat(google.requests().get(1).header("Authorization")).startsWith("Bearer gce-");
    }

    @Test
    void tokensAreMintedAgainWhenTheyExpire() throws Exception {
        file(".config/gcloud/application_default_credentials.json", google.authorizedUserJson());
        HeaderFactory headers = config(WORKSPACE, Map.of()).authenticate();
        String first = headers.headers().get("Authorization");
        clock.advance(Duration.ofMinutes(30));
        assertThat(headers.headers().get("Authorization")).isEqualTo(first);
        clock.advance(Duration.ofMinutes(30));
        assertThat(headers.headers().get("Authorization")).isNotEqualTo(first);
        assertThat(google.requests()).hasSize(4); // ADC and ID token, twice
    }

    @Test
    void withoutApplicationDefaultCredentialsItDoesNotApply() {
        DatabricksConfig config = config(WORKSPACE, Map.of());
        assertThat(provider().configure(config)).isEmpty();
        assertThatThrownBy(config::authenticate).hasMessageStartingWith("default auth: cannot configure default credentials");
        assertThat(google.requests()).isEmpty();
    }

    @Test
    void anUnsupportedAdcTypeIsAClearError() throws Exception {
        Path adc = file("external.json", "{\"type\":\"external_account\",\"audience\":\"x\"}");
        DatabricksConfig config = config(WORKSPACE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString()));
        assertThatThrownBy(config::authenticate).hasMessage("default auth: google-id: GOOGLE_APPLICATION_CREDENTIALS has "
                + "application-default credentials of type external_account, which google-id does not support "
                + "(service_account or authorized_user)" + config.debugSuffix());
    }

    @Test
    void aRefusedImpersonationIsAClearError() throws Exception {
        file(".config/gcloud/application_default_credentials.json", google.authorizedUserJson());
        DatabricksConfig config = config(WORKSPACE, Map.of()).setAttribute("google_service_account", "other@p.iam.gserviceaccount.com");
        assertThatThrownBy(config::authenticate).hasMessage("default auth: google-id: generateIdToken for "
                + "other@p.iam.gserviceaccount.com failed: HTTP 404 NOT_FOUND: not here" + config.debugSuffix());
    }

    @Test
    void doesNotApplyOutsideGcpOrWithoutTheServiceAccount() {
        DatabricksConfig aws = new DatabricksConfig().setHost("https://dbc-1.cloud.databricks.com")
                .setAttribute("google_service_account", GoogleStandIn.SA).resolve(Map.of());
        assertThat(provider().configure(aws)).isEmpty();
        DatabricksConfig none = new DatabricksConfig().setHost(WORKSPACE).resolve(Map.of());
        assertThat(provider().configure(none)).isEmpty();
    }
}
