package io.camelbricks.api.auth;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.azure.AzureCliCredentialsProvider;
import io.camelbricks.api.auth.azure.AzureClientSecretCredentialsProvider;
import io.camelbricks.api.auth.azure.AzureMsiCredentialsProvider;
import io.camelbricks.api.auth.cli.DatabricksCliCredentialsProvider;
import io.camelbricks.api.auth.google.GoogleCredentialsCredentialsProvider;
import io.camelbricks.api.auth.google.GoogleIdCredentialsProvider;
import io.camelbricks.api.auth.metadata.MetadataServiceCredentialsProvider;
import io.camelbricks.api.auth.oauth.EnvOidcCredentialsProvider;
import io.camelbricks.api.auth.oauth.ExternalBrowserCredentialsProvider;
import io.camelbricks.api.auth.oauth.FileOidcCredentialsProvider;
import io.camelbricks.api.auth.oauth.GithubOidcCredentialsProvider;
import io.camelbricks.api.auth.oauth.OAuthM2MCredentialsProvider;

/**
 * The unified authentication chain: providers are tried in order; {@code auth_type} pins one of them. The first
 * provider that applies wins and its name becomes the configuration's {@code auth_type}.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {
    static final String NO_CREDENTIALS = "cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCredentialsProvider.class);

    private final List<CredentialsProvider> chain;
    private volatile String selected;

    /**
     * The default order (the Databricks SDK for Python's, with {@code azure-msi} where the Go SDK has it): static
     * credentials first, then service principals and workload identity, then the cloud CLIs, then
     * interactive login (only when {@code auth_type=external-browser}), then Google.
     */
    public DefaultCredentialsProvider() {
        this(List.of(
                new PatCredentialsProvider(),
                new BasicCredentialsProvider(),
                new MetadataServiceCredentialsProvider(),
                new OAuthM2MCredentialsProvider(),
                new EnvOidcCredentialsProvider(),
                new FileOidcCredentialsProvider(),
                new GithubOidcCredentialsProvider(),
                new AzureClientSecretCredentialsProvider(),
                new AzureMsiCredentialsProvider(),
                new AzureCliCredentialsProvider(),
                new ExternalBrowserCredentialsProvider(),
                new DatabricksCliCredentialsProvider(),
                new GoogleCredentialsCredentialsProvider(),
                new GoogleIdCredentialsProvider()));
    }

    public DefaultCredentialsProvider(List<CredentialsProvider> chain) {
        this.chain = List.copyOf(chain);
    }

    /** The {@code auth_type} names of the default chain, in order. */
    public static List<String> defaultChainNames() {
        return new DefaultCredentialsProvider().chain.stream().map(CredentialsProvider::authType).toList();
    }

    @Override
    public String authType() {
        return selected == null ? "default" : selected;
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String pinned = config.getAuthType();
        for (CredentialsProvider provider : chain) {
            if (pinned != null && !pinned.isBlank() && !pinned.equals(provider.authType())) {
                LOG.debug("Ignoring {} auth, because {} is preferred", provider.authType(), pinned);
                continue;
            }
            LOG.debug("Trying {} auth", provider.authType());
            Optional<HeaderFactory> headers;
            try {
                headers = provider.configure(config);
            } catch (DatabricksException e) {
                throw new DatabricksException(provider.authType() + ": " + e.getMessage(), e);
            }
            if (headers.isPresent()) {
                selected = provider.authType();
                return headers;
            }
        }
        throw new DatabricksException(NO_CREDENTIALS);
    }
}
