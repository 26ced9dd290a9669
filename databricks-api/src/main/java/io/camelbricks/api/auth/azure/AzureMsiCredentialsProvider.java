package io.camelbricks.api.auth.azure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenSource;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.wire.PathEncoder;

/**
 * {@code azure-msi}: the managed identity of the Azure VM, scale set or container the client runs on, when
 * {@code azure_use_msi} is true on an Azure workspace (the Java SDK has the attribute but no provider; this follows
 * the Go SDK). Tokens come from the Instance Metadata Service:
 * {@code GET http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=...[&client_id=...]}
 * with {@code Metadata: true}; {@code azure_client_id} picks a user-assigned identity. Headers as for
 * {@code azure-client-secret}: the workspace token, the service-management token, and the workspace resource id
 * when set.
 * <p>
 * The IMDS address is {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} of the resolved environment when set (the variable
 * azure-identity and msal4j read, e.g. for AAD Pod Identity; tests point it at a loopback stand-in), else
 * {@code http://169.254.169.254}. As {@code azure_use_msi} is an explicit choice, an unreachable or refusing IMDS is
 * an error, not "not applicable".
 */
public final class AzureMsiCredentialsProvider implements CredentialsProvider {
    /** The variable that replaces the IMDS address ({@code scheme://host[:port]}). */
    public static final String IMDS_HOST_ENV = "AZURE_POD_IDENTITY_AUTHORITY_HOST";
    public static final String DEFAULT_IMDS_HOST = "http://169.254.169.254";
    static final String TOKEN_PATH = "/metadata/identity/oauth2/token";
    static final String API_VERSION = "2018-02-01";

    private static final Logger LOG = LoggerFactory.getLogger(AzureMsiCredentialsProvider.class);

    @Override
    public String authType() {
        return "azure-msi";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        if (!config.isAzure() || !Boolean.TRUE.equals(config.getAttribute("azure_use_msi"))) {
            return Optional.empty();
        }
        if (config.getHost() == null || config.getHost().isBlank()) {
            LOG.debug("Ignoring azure-msi auth: host is not set (finding it from azure_workspace_resource_id "
                    + "is not supported)");
            return Optional.empty();
        }
        String endpoint = imdsHost(config.getEnvironment()) + TOKEN_PATH;
        Object clientId = config.getAttribute("azure_client_id");
        String identity = clientId == null || clientId.toString().isBlank() ? null : clientId.toString();
        HttpTransport http = config.authTransport();
        Clock clock = config.getClock();
        CachedTokenSource tokens = CachedTokenSource.of(
                        imds(http, endpoint, AzureEnvironment.loginAppId(config), identity, clock))
                .configuredBy(config).build();
        CachedTokenSource management = CachedTokenSource.of(
                        imds(http, endpoint, AzureEnvironment.of(config).serviceManagementEndpoint(), identity, clock))
                .configuredBy(config).build();
        tokens.token();
        management.token();
        LOG.debug("Using the Azure managed identity{}", identity == null ? "" : " " + identity);
        return Optional.of(new AzureHeaderFactory(tokens, management, false,
                (String) config.getAttribute("azure_workspace_resource_id")));
    }

    static String imdsHost(Map<String, String> env) {
        String override = env.get(IMDS_HOST_ENV);
        String host = override == null || override.isBlank() ? DEFAULT_IMDS_HOST : override.strip();
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    private static TokenSource imds(HttpTransport http, String endpoint, String resource, String clientId, Clock clock) {
        String url = endpoint + "?api-version=" + API_VERSION + "&resource=" + PathEncoder.encodeQueryComponent(resource)
                + (clientId == null ? "" : "&client_id=" + PathEncoder.encodeQueryComponent(clientId));
        String what = "IMDS token request for " + resource + " to " + endpoint;
        return () -> {
            JsonNode json = AuthHttp.getJson(http, url, Map.of("Metadata", "true"), what);
            String access = json.path("access_token").asText("");
            if (access.isEmpty()) {
                throw new DatabricksException(what + " answered without access_token");
            }
            Instant expiry = AuthHttp.epochSeconds(json, "expires_on", what);
            if (expiry == null) {
                Instant in = AuthHttp.epochSeconds(json, "expires_in", what);
                expiry = in == null ? null : clock.instant().plusSeconds(in.getEpochSecond());
            }
            if (expiry == null) {
                throw new DatabricksException(what + " answered without expires_on");
            }
            return new Token(access, json.path("token_type").asText("Bearer"), null, expiry);
        };
    }
}
