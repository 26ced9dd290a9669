package io.camelbricks.api.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultCredentialsProviderTest {

    @Test
    void theDefaultChainIsNamedByTheAuthTypesOfItsProvidersInOrder() {
        List<String> constructed = new DefaultCredentialsProvider().providers().stream()
                .map(CredentialsProvider::authType).toList();

        assertThat(DefaultCredentialsProvider.defaultChainNames()).isEqualTo(constructed).hasSize(14)
                .startsWith("pat", "basic").contains("azure-cli", "external-browser", "google-id");
    }
}
