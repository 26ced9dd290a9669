package io.camelbricks.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.DefaultCredentialsProvider;

/**
 * The configuration cases the Databricks SDKs share (testdata/auth/cases.json, over the fixtures of
 * testdata/auth): explicit values, environment, profile files, validation and the chain, with the exact messages.
 * The environment of each case is only what it names.
 */
class CrossSdkConfigCasesTest {
    private static final String BASE = "default auth: cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/testdata/auth/cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
        }
        return tests.stream();
    }

    private static void run(JsonNode c) {
        String needs = c.path("needs").asText(null);
        if (needs != null) {
            Assumptions.assumeTrue(DefaultCredentialsProvider.defaultChainNames().contains(needs),
                    needs + " is not in the default chain yet");
        }
        DatabricksConfig config = new DatabricksConfig();
        c.path("explicit").properties().forEach(e -> config.setAttribute(e.getKey(), e.getValue().asText()));
        Map<String, String> env = new HashMap<>();
        c.path("env").properties().forEach(e -> env.put(e.getKey(), expand(e.getValue().asText())));
        if (c.has("error")) {
            String expected = expand(c.get("error").asText().replace("BASE", BASE));
            assertThatThrownBy(() -> {
                config.resolve(env);
                config.authenticate();
            }).hasMessage(expected);
            return;
        }
        config.resolve(env);
        config.authenticate();
        assertThat(config.getAuthType()).as("auth_type").isEqualTo(c.path("auth").asText());
        assertThat(config.getHost()).as("host").isEqualTo(c.path("host").asText());
        assertThat(config.isAzure()).as("azure").isEqualTo(c.path("azure").asBoolean(false));
        assertThat(config.isGcp()).as("gcp").isEqualTo(c.path("gcp").asBoolean(false));
        assertThat(config.isAccountClient()).as("account").isEqualTo(c.path("account").asBoolean(false));
    }

    private static String expand(String value) {
        return value.replace("<fixtures>", fixtures().toString());
    }

    private static Path fixtures() {
        try {
            return Paths.get(CrossSdkConfigCasesTest.class.getResource("/testdata/auth/.databrickscfg").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
