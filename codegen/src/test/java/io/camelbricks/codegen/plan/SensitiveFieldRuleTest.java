package io.camelbricks.codegen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveFieldRuleTest {

    @Test
    void exactNamesAreSensitive() {
        for (String name : new String[] {"token", "token_value", "string_value", "bytes_value", "password", "secret",
                "client_secret", "access_token", "refresh_token", "id_token", "private_key", "sas_token"}) {
            assertThat(SensitiveFieldRule.isSensitive(name)).as(name).isTrue();
        }
    }

    @Test
    void suffixesAreSensitive() {
        assertThat(SensitiveFieldRule.isSensitive("auth_secret")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("db_password")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("aws_secret_access_key")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("gcp_private_key")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("personal_access_token")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("openai_api_key")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("openai_api_key_plaintext")).isTrue();
    }

    @Test
    void aSecretsValueIsSensitiveInItsSchemaOnly() {
        assertThat(SensitiveFieldRule.isSensitive("workspace.GetSecretResponse", "value")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("workspace.GetSecretResponse", "key")).isFalse();
        assertThat(SensitiveFieldRule.isSensitive("settings.StringMessage", "value")).isFalse();
        assertThat(SensitiveFieldRule.isSensitive("value")).isFalse();
    }

    @Test
    void camelCaseWireNamesAreCheckedInSnakeCase() {
        assertThat(SensitiveFieldRule.isSensitive("bearerToken")).isTrue();
        assertThat(SensitiveFieldRule.isSensitive("tokenType")).isFalse();
    }

    @Test
    void cursorsMarkersFlagsAndIdsAreNotSensitive() {
        for (String name : new String[] {"page_token", "next_page_token", "prev_page_token", "previous_page_token",
                "idempotency_token", "consistency_token", "rotate_token", "is_secret", "token_id", "token_type",
                "secret_id", "aws_access_key_id", "password_set", "secrets", "key", "primary_key"}) {
            assertThat(SensitiveFieldRule.isSensitive(name)).as(name).isFalse();
        }
    }
}
