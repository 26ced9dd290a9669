package io.camelbricks.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.azure.AzureCliCredentialsProvider;
import io.camelbricks.api.auth.azure.AzureClientSecretCredentialsProvider;
import io.camelbricks.api.auth.azure.AzureMsiCredentialsProvider;
import io.camelbricks.api.auth.cli.DatabricksCliCredentialsProvider;
import io.camelbricks.api.auth.google.GoogleCredentialsCredentialsProvider;
import io.camelbricks.api.auth.google.GoogleIdCredentialsProvider;
import io.camelbricks.api.auth.metadata.MetadataServiceCredentialsProvider;
import io.camelbricks.api.auth.oauth.OAuthM2MCredentialsProvider;

/**
 * The non-OAuth-server providers in one chain, in the Python SDK's order (before the default chain wires them):
 * the cross-SDK cases that need {@code azure-cli}, run with this chain, and the order rules between the Azure
 * providers. No case makes an HTTP request.
 */
class NonOAuthProvidersChainTest {
    static final String HOST = "https://adb-123.4.azuredatabricks.net";
    static final String BASE = "default auth: cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    static Path fixtures() {
        try {
            return Path.of(NonOAuthProvidersChainTest.class.getResource("/testdata/auth/az").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CredentialsProvider> chain() {
        return List.of(new PatCredentialsProvider(), new BasicCredentialsProvider(),
                new MetadataServiceCredentialsProvider(), new OAuthM2MCredentialsProvider(),
                new AzureClientSecretCredentialsProvider(), new AzureMsiCredentialsProvider(),
                new AzureCliCredentialsProvider(), new DatabricksCliCredentialsProvider(),
                new GoogleCredentialsCredentialsProvider(), new GoogleIdCredentialsProvider());
    }

    @TestFactory
    Stream<DynamicTest> crossSdkCasesThatNeedAzureCli() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/testdata/auth/cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            if ("azure-cli".equals(c.path("needs").asText())) {
                tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void run(JsonNode c) {
        DatabricksConfig config = new DatabricksConfig().setCredentialsProvider(new DefaultCredentialsProvider(chain()));
        c.path("explicit").properties().forEach(e -> config.setAttribute(e.getKey(), e.getValue().asText()));
        Map<String, String> env = new HashMap<>();
        c.path("env").properties().forEach(e -> env.put(e.getKey(),
                e.getValue().asText().replace("<fixtures>", fixtures().toString())));
        if (c.has("error")) {
            String expected = c.get("error").asText().replace("BASE", BASE)
                    .replace("<fixtures>", fixtures().toString());
            assertThatThrownBy(() -> {
                config.resolve(env);
                config.authenticate();
            }).hasMessage(expected);
            return;
        }
        config.resolve(env);
        config.authenticate();
        assertThat(config.getAuthType()).isEqualTo(c.path("auth").asText());
        assertThat(config.getHost()).isEqualTo(c.path("host").asText());
        assertThat(config.isAzure()).isEqualTo(c.path("azure").asBoolean(false));
    }

    @Test
    void azureMsiIsOnlyTriedWhenAskedForAndTheCliComesNext() {
        // azure_use_msi unset: neither IMDS nor the client-secret provider is tried; the CLI logs in
        DatabricksConfig config = new DatabricksConfig().setHost(HOST)
                .setCredentialsProvider(new DefaultCredentialsProvider(chain()))
                .resolve(Map.of("PATH", fixtures() + ":/bin", "HOME", fixtures() + "/azure"));
        config.authenticate();
        assertThat(config.getAuthType()).isEqualTo("azure-cli");
    }

    @Test
    void aPinnedProviderSkipsTheOthers() {
        // credentials for azure-client-secret are present, but auth_type chooses the CLI
        DatabricksConfig config = new DatabricksConfig().setHost(HOST)
                .setAttribute("azure_client_id", "app").setAttribute("azure_client_secret", "s")
                .setAuthType("azure-cli")
                .setCredentialsProvider(new DefaultCredentialsProvider(chain()))
                .resolve(Map.of("PATH", fixtures() + ":/bin", "TF_AAD_TOKEN", "pinned"));
        assertThat(config.authenticate().headers()).containsEntry("Authorization", "Bearer pinned");
        assertThat(config.getAuthType()).isEqualTo("azure-cli");
    }
}
