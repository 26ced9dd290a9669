package io.camelbricks.api.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.MutableClock;
import io.camelbricks.api.auth.PatCredentialsProvider;

/**
 * azure-cli with the stand-in Azure CLI of the shared fixtures ({@code testdata/auth/az}): HOME=fixtures,
 * PATH=fixtures:/bin, TZ=UTC, and nothing else from the real environment.
 */
class AzureCliTest {
    static final String HOST = "https://adb-123.4.azuredatabricks.net";
    static final String BASE = "default auth: cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    private final MutableClock clock = new MutableClock(Instant.now());

    static Path fixtures() {
        try {
            return Path.of(AzureCliTest.class.getResource("/testdata/auth/az").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider after azure-cli in the chain, to see the chain go on. */
    static final class Next implements CredentialsProvider {
        @Override
        public String authType() {
            return "next";
        }

        @Override
        public Optional<HeaderFactory> configure(DatabricksConfig config) {
            return Optional.of(() -> Map.of("Authorization", "Bearer next"));
        }
    }

    private DatabricksConfig config(Map<String, String> vars, boolean withNext) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", fixtures().toString(),
                "PATH", fixtures() + ":/bin", "TZ", "UTC"));
        env.putAll(vars);
        List<CredentialsProvider> chain = withNext
                ? List.of(new PatCredentialsProvider(), new AzureMsiCredentialsProvider(), new AzureCliCredentialsProvider(), new Next())
                : List.of(new PatCredentialsProvider(), new AzureMsiCredentialsProvider(), new AzureCliCredentialsProvider());
        return new DatabricksConfig()
                .setHost(HOST)
                .setAzureWorkspaceResourceId(AzureClientSecretTest.RESOURCE_ID)
                .setAttribute("disable_async_token_refresh", true)
                .setCredentialsProvider(new DefaultCredentialsProvider(chain))
                .setClock(clock)
                .resolve(env);
    }

    private DatabricksConfig pinned(Map<String, String> vars) {
        return config(vars, true).setAuthType("azure-cli");
    }

    @Test
    void theCliTokenIsSentWithTheAzureHeaders() {
        DatabricksConfig config = config(Map.of("TF_AAD_TOKEN", "az-token", "EXPIRE", "1H"), true);
        AzureHeaderFactory headers = (AzureHeaderFactory) config.authenticate();
        assertThat(config.getAuthType()).isEqualTo("azure-cli");
        assertThat(headers.headers())
                .containsEntry("Authorization", "Bearer az-token")
                .containsEntry("X-Databricks-Azure-SP-Management-Token", "az-token")
                .containsEntry("X-Databricks-Azure-Workspace-Resource-Id", AzureClientSecretTest.RESOURCE_ID);
        // expiresOn is a local time of the CLI's time zone (TZ=UTC here): one hour from now
        Instant expiry = headers.tokens().token().expiry();
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofMinutes(58)), Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void theCliIsRunAgainWhenTheTokenExpires() {
        AzureHeaderFactory headers = (AzureHeaderFactory) config(Map.of("EXPIRE", "1H"), true).authenticate();
        headers.headers();
        headers.headers();
        assertThat(headers.tokens().refreshCount()).isZero();
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        headers.headers();
        assertThat(headers.tokens().refreshCount()).isEqualTo(1);
        assertThat(headers.managementTokens().refreshCount()).isEqualTo(1);
    }

    @Test
    void aTokenAboutToExpireIsNeverServedFromTheCache() {
        // EXPIRE=10S is inside the 40 s expiry margin: every call runs the CLI again
        AzureHeaderFactory headers = (AzureHeaderFactory) config(Map.of("EXPIRE", "10S"), true).authenticate();
        headers.headers();
        headers.headers();
        assertThat(headers.tokens().refreshCount()).isEqualTo(2);
    }

    @Test
    void aFailingCliIsNotApplicableAndTheChainGoesOn() {
        for (String fail : List.of("yes", "logout", "corrupt")) {
            DatabricksConfig config = config(Map.of("FAIL", fail), true);
            config.authenticate();
            assertThat(config.getAuthType()).as(fail).isEqualTo("next");
        }
        DatabricksConfig alone = config(Map.of("FAIL", "yes"), false);
        assertThatThrownBy(alone::authenticate).hasMessage(BASE + alone.debugSuffix());
    }

    @Test
    void aMissingCliIsNotApplicable() {
        DatabricksConfig config = config(Map.of("PATH", "/nonexistent"), true);
        config.authenticate();
        assertThat(config.getAuthType()).isEqualTo("next");
        DatabricksConfig pinned = pinned(Map.of("PATH", "/nonexistent"));
        assertThatThrownBy(pinned::authenticate).hasMessage(BASE + pinned.debugSuffix());
    }

    @Test
    void whenAzureCliIsChosenTheCliFailureIsTheError() {
        Map<String, String> expected = Map.of(
                "yes", "cannot get access token: This is just a failing script.",
                "logout", "cannot get access token: No subscription found. Run 'az account set' to select a subscription.",
                "corrupt", "cannot unmarshal CLI result: the Azure CLI did not print a JSON object");
        expected.forEach((fail, message) -> {
            DatabricksConfig config = pinned(Map.of("FAIL", fail));
            assertThatThrownBy(config::authenticate).as(fail)
                    .hasMessage("default auth: azure-cli: " + message + config.debugSuffix());
        });
    }

    @Test
    void theTenantIsPassedToTheCli() {
        DatabricksConfig config = pinned(Map.of("ARM_TENANT_ID", "tenant-7", "FAIL_IF", "tenant-7"));
        assertThatThrownBy(config::authenticate)
                .hasMessage("default auth: azure-cli: cannot get access token: Failed" + config.debugSuffix());
    }

    @Test
    void theSubscriptionOfTheResourceIdIsTriedFirstThenLeftOut() {
        // the CLI refuses --subscription sub-1: the token comes from the call without it
        DatabricksConfig config = config(Map.of("FAIL_IF", "sub-1", "TF_AAD_TOKEN", "no-subscription"), true);
        assertThat(config.authenticate().headers()).containsEntry("Authorization", "Bearer no-subscription");
        assertThat(config.getAuthType()).isEqualTo("azure-cli");
        assertThat(AzureCliCredentialsProvider.subscription(AzureClientSecretTest.RESOURCE_ID)).isEqualTo("sub-1");
        assertThat(AzureCliCredentialsProvider.subscription("/sub/rg/ws")).isNull();
    }

    @Test
    void withoutAManagementTokenTheHeaderIsLeftOut() {
        DatabricksConfig config = config(Map.of("FAIL_IF", AzureEnvironment.PUBLIC.serviceManagementEndpoint()), true);
        Map<String, String> headers = config.authenticate().headers();
        assertThat(headers).containsKey("Authorization")
                .containsEntry("X-Databricks-Azure-Workspace-Resource-Id", AzureClientSecretTest.RESOURCE_ID)
                .doesNotContainKey("X-Databricks-Azure-SP-Management-Token");
    }

    @Test
    void azPathNamesTheExecutable() {
        DatabricksConfig config = config(Map.of("PATH", "/bin", "AZ_PATH", fixtures().resolve("az").toString(),
                "TF_AAD_TOKEN", "via-az-path"), false);
        assertThat(config.authenticate().headers()).containsEntry("Authorization", "Bearer via-az-path");
    }

    @Test
    void doesNotApplyOutsideAzure() {
        DatabricksConfig aws = new DatabricksConfig().setHost("https://dbc-1.cloud.databricks.com")
                .resolve(Map.of("PATH", fixtures() + ":/bin"));
        assertThat(new AzureCliCredentialsProvider().configure(aws)).isEmpty();
    }
}
