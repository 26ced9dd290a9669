package io.camelbricks.api.auth.azure;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenSource;

/**
 * {@code azure-client-secret}: an Entra ID (Azure AD) service principal's client credentials
 * ({@code azure_client_id} + {@code azure_client_secret}) on an Azure workspace, through msal4j's
 * {@code ConfidentialClientApplication}:
 * <ul>
 * <li>the tenant is {@code azure_tenant_id}, else discovered from {@code GET {host}/aad/auth};</li>
 * <li>the authority is the login host of {@code azure_environment} (PUBLIC, USGOVERNMENT, CHINA), or the
 *     {@code AZURE_AUTHORITY_HOST} variable of the resolved environment (azure-identity's override, e.g. for a
 *     sovereign cloud or a test stand-in), plus the tenant;</li>
 * <li>two tokens: one for the Azure Databricks login application ({@code Authorization}) and one for the
 *     service-management endpoint ({@code X-Databricks-Azure-SP-Management-Token}), plus
 *     {@code X-Databricks-Azure-Workspace-Resource-Id} when {@code azure_workspace_resource_id} is set;</li>
 * <li>the first tokens are fetched at once, so wrong credentials fail at start-up; msal4j's own cache is
 *     bypassed and {@link CachedTokenSource} refreshes ahead of expiry.</li>
 * </ul>
 * All of msal4j's HTTP goes through the configuration's auth transport.
 */
public final class AzureClientSecretCredentialsProvider implements CredentialsProvider {
    /** azure-identity's variable for the Entra ID authority host. */
    public static final String AUTHORITY_HOST_ENV = "AZURE_AUTHORITY_HOST";

    private static final Logger LOG = LoggerFactory.getLogger(AzureClientSecretCredentialsProvider.class);

    @Override
    public String authType() {
        return "azure-client-secret";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String clientId = string(config, "azure_client_id");
        String clientSecret = string(config, "azure_client_secret");
        if (!config.isAzure() || clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        if (isBlank(config.getHost())) {
            LOG.debug("Ignoring azure-client-secret auth: host is not set (finding it from "
                    + "azure_workspace_resource_id is not supported)");
            return Optional.empty();
        }
        AzureEnvironment environment = AzureEnvironment.of(config);
        String tenant = AzureTenant.resolve(config, config.authTransport()).orElseThrow(() -> new DatabricksException(
                "azure_tenant_id is not set and " + config.getHost() + "/aad/auth did not reveal it"));
        String authority = authorityHost(config, environment) + tenant + "/";
        ConfidentialClientApplication app;
        try {
            app = ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(clientSecret))
                    .authority(authority)
                    .validateAuthority(false)
                    .instanceDiscovery(false)
                    .httpClient(new MsalTransport(config.authTransport()))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new DatabricksException("invalid Entra ID authority " + authority + ": " + e.getMessage(), e);
        }
        Clock clock = config.getClock();
        CachedTokenSource tokens = CachedTokenSource.of(
                        tokenSource(app, AzureEnvironment.loginAppId(config), tenant, clock))
                .configuredBy(config).build();
        CachedTokenSource management = CachedTokenSource.of(
                        tokenSource(app, environment.serviceManagementEndpoint(), tenant, clock))
                .configuredBy(config).build();
        tokens.token();
        management.token();
        LOG.debug("Using Azure service principal {} of tenant {}", clientId, tenant);
        return Optional.of(new AzureHeaderFactory(tokens, management, false,
                string(config, "azure_workspace_resource_id")));
    }

    static String authorityHost(DatabricksConfig config, AzureEnvironment environment) {
        String override = config.getEnvironment().get(AUTHORITY_HOST_ENV);
        String host = isBlank(override) ? environment.loginEndpoint() : override.strip();
        return host.endsWith("/") ? host : host + "/";
    }

    /** A token for {@code resource} (scope {@code <resource>/.default}), never from msal4j's cache. */
    private static TokenSource tokenSource(ConfidentialClientApplication app, String resource, String tenant, Clock clock) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(resource + "/.default"))
                .skipCache(true)
                .build();
        return () -> {
            IAuthenticationResult result;
            try {
                result = app.acquireToken(parameters).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabricksException("interrupted while getting an Entra ID token", e);
            } catch (ExecutionException | CompletionException e) {
                throw failure(e.getCause() == null ? e : e.getCause(), resource, tenant);
            } catch (MsalException e) {
                throw failure(e, resource, tenant);
            }
            // msal4j computes the expiry on the system clock; keep the lifetime, judged by the configured clock
            Duration lifetime = Duration.between(Instant.now(), result.expiresOnDate().toInstant());
            return Token.bearer(result.accessToken(), clock.instant().plus(lifetime));
        };
    }

    private static DatabricksException failure(Throwable cause, String resource, String tenant) {
        String what = "Entra ID token request for " + resource + " in tenant " + tenant + " failed";
        if (cause instanceof MsalServiceException service) {
            String message = firstLine(service.getMessage());
            return new DatabricksException(what + ": " + (service.statusCode() == null ? "" : "HTTP " + service.statusCode() + " ")
                    + service.errorCode() + (message.isEmpty() ? "" : ": " + message), cause);
        }
        if (cause instanceof MsalException msal) {
            return new DatabricksException(what + ": " + msal.errorCode() + ": " + firstLine(msal.getMessage()), cause);
        }
        if (cause instanceof DatabricksException db) {
            return new DatabricksException(what + ": " + db.getMessage(), cause);
        }
        return new DatabricksException(what + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage())), cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static String string(DatabricksConfig config, String attribute) {
        Object value = config.getAttribute(attribute);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
