package io.camelbricks.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;

/** The cross-SDK configuration cases of testdata/auth/README.md, plus profile-file rules. */
class DatabricksConfigResolutionTest {
    private static final String BASE = "default auth: cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    private static Path fixtures() {
        try {
            return Paths.get(DatabricksConfigResolutionTest.class.getResource("/testdata/auth/.databrickscfg").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static DatabricksConfig authenticated(DatabricksConfig config, Map<String, String> env) {
        config.resolve(env);
        config.authenticate();
        return config;
    }

    @Test
    void nothingConfiguredGivesTheBaseMessageWithoutSuffix() {
        assertThatThrownBy(() -> authenticated(new DatabricksConfig(), env()))
                .isInstanceOf(DatabricksException.class).hasMessage(BASE);
    }

    @Test
    void hostAndTokenFromEnvironmentSelectPat() {
        DatabricksConfig c = authenticated(new DatabricksConfig(), env("DATABRICKS_HOST", "x", "DATABRICKS_TOKEN", "x"));
        assertThat(c.getAuthType()).isEqualTo("pat");
        assertThat(c.getHost()).isEqualTo("https://x");
        assertThat(c.isAzure()).isFalse();
    }

    @Test
    void hostAloneFailsWithConfigAndEnvSuffix() {
        assertThatThrownBy(() -> authenticated(new DatabricksConfig(), env("DATABRICKS_HOST", "x")))
                .hasMessage(BASE + ". Config: host=https://x. Env: DATABRICKS_HOST");
    }

    @Test
    void explicitHostWinsOverEnvironmentAndBasicIsSelected() {
        DatabricksConfig c = authenticated(new DatabricksConfig().setAttribute("host", "y"),
                env("DATABRICKS_HOST", "x", "DATABRICKS_USERNAME", "x", "DATABRICKS_PASSWORD", "x"));
        assertThat(c.getAuthType()).isEqualTo("basic");
        assertThat(c.getHost()).isEqualTo("https://y");
    }

    @Test
    void twoAuthMethodsFailValidationBeforeHostNormalisation() {
        assertThatThrownBy(() -> authenticated(new DatabricksConfig(), env("DATABRICKS_HOST", "x",
                "DATABRICKS_TOKEN", "x", "DATABRICKS_USERNAME", "x", "DATABRICKS_PASSWORD", "x")))
                .hasMessage("validate: more than one authorization method configured: basic and pat. "
                        + "Config: host=x, token=***, username=x, password=***. "
                        + "Env: DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_USERNAME, DATABRICKS_PASSWORD");
    }

    @Test
    void aFlagSetToFalseIsNotASecondAuthMethod() {
        DatabricksConfig c = authenticated(new DatabricksConfig().setAttribute("azure_use_msi", false),
                env("DATABRICKS_HOST", "x", "DATABRICKS_TOKEN", "x"));
        assertThat(c.getAuthType()).isEqualTo("pat");
    }

    @Test
    void aFlagSetToTrueIsStillASecondAuthMethod() {
        assertThatThrownBy(() -> authenticated(new DatabricksConfig().setAttribute("azure_use_msi", true),
                env("DATABRICKS_HOST", "x", "DATABRICKS_TOKEN", "x")))
                .hasMessageStartingWith("validate: more than one authorization method configured: azure and pat.");
    }

    @Test
    void defaultProfileFromHomeSelectsPat() {
        DatabricksConfig c = authenticated(new DatabricksConfig(), env("HOME", fixtures().toString()));
        assertThat(c.getAuthType()).isEqualTo("pat");
        assertThat(c.getHost()).isEqualTo("https://dbc-XXXXXXXX-YYYY.cloud.databricks.com");
        assertThat(c.getAttribute("rate_limit")).isEqualTo(34);
    }

    @Test
    void explicitlyNamedMissingDefaultProfileIsAnError() {
        Path corrupt = fixtures().resolve("corrupt");
        assertThatThrownBy(() -> authenticated(new DatabricksConfig(),
                env("HOME", corrupt.toString(), "DATABRICKS_CONFIG_PROFILE", "DEFAULT")))
                .hasMessage("resolve: " + corrupt.resolve(".databrickscfg") + " has no DEFAULT profile configured. "
                        + "Config: profile=DEFAULT. Env: DATABRICKS_CONFIG_PROFILE");
    }

    @Test
    void emptyDefaultProfileIsIgnoredWhenNoProfileIsNamed() {
        assertThatThrownBy(() -> authenticated(new DatabricksConfig(),
                env("HOME", fixtures().resolve("empty_default").toString())))
                .hasMessage(BASE);
    }

    @Test
    void namedProfileWithDotsAndQuotedValuesIsRead() {
        DatabricksConfig c = authenticated(new DatabricksConfig().setProfile("pat.with.dot"),
                env("HOME", fixtures().toString()));
        assertThat(c.getAuthType()).isEqualTo("pat");
        DatabricksConfig azure = new DatabricksConfig().setProfile("spn").resolve(env("HOME", fixtures().resolve("azure").toString()));
        assertThat(azure.getAzureWorkspaceResourceId()).isEqualTo("/a/b/c");
        assertThat(azure.isAzure()).isTrue();
    }

    @Test
    void configFileIsSkippedWhenHostIsAlreadySetAndNoProfileNamed() {
        DatabricksConfig c = new DatabricksConfig().setHost("https://other.cloud.databricks.com")
                .resolve(env("HOME", fixtures().toString()));
        assertThat(c.getToken()).isNull();
    }

    @Test
    void settingsSectionNamesTheDefaultProfile(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        java.nio.file.Files.writeString(home.resolve(".databrickscfg"), "[__settings__]\ndefault_profile = dev\n\n"
                + "[DEFAULT]\nhost = https://default.cloud.databricks.com\ntoken = a\n\n"
                + "[dev]\nhost = https://dev.cloud.databricks.com\ntoken = b\nscopes = sql, all-apis\n");
        DatabricksConfig c = new DatabricksConfig().resolve(env("HOME", home.toString()));
        assertThat(c.getHost()).isEqualTo("https://dev.cloud.databricks.com");
        assertThat(c.getScopes()).containsExactly("sql", "all-apis");
    }

    @Test
    void listAttributesAreParsedFromEnvironment() {
        DatabricksConfig c = new DatabricksConfig().resolve(env("DATABRICKS_HOST", "h", "DATABRICKS_SCOPES", "a, b ,c"));
        assertThat(c.getScopes()).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void emptyVariablesCountAsUnset() {
        DatabricksConfig c = new DatabricksConfig().resolve(env("DATABRICKS_HOST", "", "DATABRICKS_TOKEN", ""));
        assertThat(c.getHost()).isNull();
        assertThat(c.debugSuffix()).isEmpty();
    }

    @Test
    void authTypePinsOneProviderAndSkipsValidation() {
        DatabricksConfig c = authenticated(new DatabricksConfig().setAuthType("basic"), env("DATABRICKS_HOST", "x",
                "DATABRICKS_TOKEN", "x", "DATABRICKS_USERNAME", "u", "DATABRICKS_PASSWORD", "p"));
        assertThat(c.getAuthType()).isEqualTo("basic");
    }

    @Test
    void azureHostIsDetected() {
        DatabricksConfig c = authenticated(new DatabricksConfig().setProfile("azure-pat"), env("HOME", fixtures().toString()));
        assertThat(c.isAzure()).isTrue();
        assertThat(c.getHost()).isEqualTo("https://adb-123.4.azuredatabricks.net");
    }

    @Test
    void everyAttributeIsSettableByNameAndTyped() {
        DatabricksConfig c = new DatabricksConfig().setAttribute("rate_limit", "12").setAttribute("debugHeaders", "true")
                .setAttribute("http_timeout_seconds", 5);
        assertThat(c.getAttribute("rate_limit")).isEqualTo(12);
        assertThat(c.getAttribute("debug_headers")).isEqualTo(true);
        assertThat(c.getAttribute("retry_timeout_seconds")).isEqualTo(300);
        assertThat(c.getAttribute("httpTimeoutSeconds")).isEqualTo(5);
        assertThatThrownBy(() -> c.setAttribute("rate_limit", "fast"))
                .hasMessageContaining("rate_limit").hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> c.setAttribute("no_such_thing", "x"))
                .hasMessageContaining("unknown configuration attribute 'no_such_thing'");
    }

    @Test
    void secretsNeverAppearInToString() {
        DatabricksConfig c = new DatabricksConfig().setHost("https://h").setToken("dapiSECRET").setPassword("pw")
                .setClientSecret("cs");
        assertThat(c.toString()).doesNotContain("dapiSECRET", "pw", "=cs").contains("token=***");
    }

    @Test
    void hostsNormaliseInOnePass() {
        assertThat(HostNormalizer.normalize("abc.def.ghi/")).isEqualTo("https://abc.def.ghi");
        assertThat(HostNormalizer.normalize("https://abc.def.ghi:443/path?q=1")).isEqualTo("https://abc.def.ghi");
        assertThat(HostNormalizer.normalize("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> HostNormalizer.normalize("ftp://x")).hasMessageContaining("scheme must be https");
        assertThatThrownBy(() -> HostNormalizer.normalize("https://exa mple")).hasMessageContaining("invalid host");
    }
}
