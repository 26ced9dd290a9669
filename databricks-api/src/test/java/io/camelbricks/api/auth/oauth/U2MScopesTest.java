package io.camelbricks.api.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;

class U2MScopesTest {

    @Test
    void refreshTokensAreAskedForUnlessDisabled() {
        assertThat(ExternalBrowserCredentialsProvider.scopes(new DatabricksConfig().setHost("https://h.cloud.databricks.com")
                .resolve(Map.of()))).containsExactly("all-apis", "offline_access");
        assertThat(ExternalBrowserCredentialsProvider.scopes(new DatabricksConfig().setHost("https://h.cloud.databricks.com")
                .setAttribute("disable_oauth_refresh_token", true).resolve(Map.of()))).containsExactly("all-apis");
    }

    @Test
    void azureLoginsAskForTheWorkspaceAppsImpersonationScope() {
        assertThat(ExternalBrowserCredentialsProvider.scopes(new DatabricksConfig()
                .setHost("https://adb-123.4.azuredatabricks.net").resolve(Map.of())))
                .containsExactly("all-apis", "offline_access", "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/user_impersonation");
    }
}
