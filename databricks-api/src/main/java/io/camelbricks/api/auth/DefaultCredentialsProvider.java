package io.camelbricks.api.auth;

import java.util.ArrayList;
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

    /** A provider of the chain, constructed the first time the chain tries it. */
    private static final class Link {
        private final String authType;
        private volatile CredentialsProvider provider;

        Link(String authType) {
            this.authType = authType;
        }

        Link(CredentialsProvider provider) {
            this.authType = provider.authType();
            this.provider = provider;
        }

        CredentialsProvider provider() {
            CredentialsProvider current = provider;
            if (current == null) {
                current = create(authType);
                provider = current;
            }
            return current;
        }
    }

    /** The {@code auth_type} names of the default chain, in order. */
    private static final List<String> DEFAULT_CHAIN = List.of("pat", "basic", "metadata-service", "oauth-m2m",
            "env-oidc", "file-oidc", "github-oidc", "azure-client-secret", "azure-msi", "azure-cli",
            ExternalBrowserCredentialsProvider.AUTH_TYPE, "databricks-cli", "google-credentials", "google-id");

    /** A provider of the default chain, by name (a switch, not a table of lambdas: nothing is loaded before use). */
    private static CredentialsProvider create(String authType) {
        return switch (authType) {
            case "pat" -> new PatCredentialsProvider();
            case "basic" -> new BasicCredentialsProvider();
            case "metadata-service" -> new MetadataServiceCredentialsProvider();
            case "oauth-m2m" -> new OAuthM2MCredentialsProvider();
            case "env-oidc" -> new EnvOidcCredentialsProvider();
            case "file-oidc" -> new FileOidcCredentialsProvider();
            case "github-oidc" -> new GithubOidcCredentialsProvider();
            case "azure-client-secret" -> new AzureClientSecretCredentialsProvider();
            case "azure-msi" -> new AzureMsiCredentialsProvider();
            case "azure-cli" -> new AzureCliCredentialsProvider();
            case ExternalBrowserCredentialsProvider.AUTH_TYPE -> new ExternalBrowserCredentialsProvider();
            case "databricks-cli" -> new DatabricksCliCredentialsProvider();
            case "google-credentials" -> new GoogleCredentialsCredentialsProvider();
            case "google-id" -> new GoogleIdCredentialsProvider();
            default -> throw new IllegalArgumentException("no credentials provider " + authType);
        };
    }

    private final List<Link> chain;
    private volatile String selected;

    /**
     * The default order (the Databricks SDK for Python's, with {@code azure-msi} where the Go SDK has it): static
     * credentials first, then service principals and workload identity, then the cloud CLIs, then
     * interactive login (only when {@code auth_type=external-browser}), then Google. A provider is constructed only
     * when the chain reaches it (a token set in code never loads the OAuth, Azure or Google providers).
     */
    public DefaultCredentialsProvider() {
        List<Link> links = new ArrayList<>(DEFAULT_CHAIN.size());
        for (String authType : DEFAULT_CHAIN) {
            links.add(new Link(authType));
        }
        this.chain = List.copyOf(links);
    }

    public DefaultCredentialsProvider(List<CredentialsProvider> chain) {
        this.chain = chain.stream().map(Link::new).toList();
    }

    /** The {@code auth_type} names of the default chain, in order. */
    public static List<String> defaultChainNames() {
        return DEFAULT_CHAIN;
    }

    /** The providers of the chain, in order (constructing those not yet tried). */
    List<CredentialsProvider> providers() {
        return chain.stream().map(Link::provider).toList();
    }

    @Override
    public String authType() {
        return selected == null ? "default" : selected;
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String pinned = config.getAuthType();
        for (Link link : chain) {
            if (pinned != null && !pinned.isBlank() && !pinned.equals(link.authType)) {
                LOG.debug("Ignoring {} auth, because {} is preferred", link.authType, pinned);
                continue;
            }
            LOG.debug("Trying {} auth", link.authType);
            CredentialsProvider provider = link.provider();
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
