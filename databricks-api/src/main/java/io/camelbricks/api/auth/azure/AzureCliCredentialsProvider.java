package io.camelbricks.api.auth.azure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.cli.CommandRunner;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.auth.support.Expiry;
import io.camelbricks.api.wire.JsonMapper;

/**
 * {@code azure-cli}: the account the Azure CLI is logged in with ({@code az login}), on an Azure workspace. Runs
 * {@code az account get-access-token --resource <Azure Databricks app id> --output json [--tenant <azure_tenant_id>]}
 * with the resolved environment ({@code PATH} from there; {@code AZ_PATH} names another executable); with a workspace
 * resource id {@code /subscriptions/<id>/...} it asks for that subscription first and falls back to none. Reads
 * {@code accessToken} and {@code expires_on} (epoch seconds, newer CLIs) or {@code expiresOn} (local time), and runs
 * the CLI again before the token expires.
 * <p>
 * A CLI that is missing, not logged in, failing or printing something unreadable means "not applicable" and the
 * chain goes on (as in the Python and Go SDKs; the Java SDK fails hard) — unless {@code auth_type} is
 * {@code azure-cli}, when the CLI's reason is the error. When {@code azure_workspace_resource_id} is set, a
 * service-management token is fetched too and sent as {@code X-Databricks-Azure-SP-Management-Token} (left out if
 * the account cannot get one), with {@code X-Databricks-Azure-Workspace-Resource-Id}.
 */
public final class AzureCliCredentialsProvider implements CredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(AzureCliCredentialsProvider.class);
    private static final ObjectMapper MAPPER = JsonMapper.create();

    @Override
    public String authType() {
        return "azure-cli";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        if (!config.isAzure()) {
            return Optional.empty();
        }
        if (config.getHost() == null || config.getHost().isBlank()) {
            LOG.debug("Ignoring azure-cli auth: host is not set (finding it from azure_workspace_resource_id "
                    + "is not supported)");
            return Optional.empty();
        }
        Map<String, String> env = config.getEnvironment();
        CommandRunner runner = new CommandRunner(env);
        String name = env.getOrDefault("AZ_PATH", "az");
        Optional<Path> az = runner.find(name);
        if (az.isEmpty()) {
            LOG.debug("Ignoring azure-cli auth: {} is not on PATH; most likely the Azure CLI is not installed "
                    + "(https://learn.microsoft.com/cli/azure/install-azure-cli)", name);
            return Optional.empty();
        }
        String resourceId = (String) config.getAttribute("azure_workspace_resource_id");
        Object tenantValue = config.getAttribute("azure_tenant_id");
        String tenant = tenantValue == null || tenantValue.toString().isBlank() ? null : tenantValue.toString();
        AzCli cli = new AzCli(runner, az.get(), tenant, subscription(resourceId), env, config.getClock());

        Token first;
        try {
            first = cli.token(AzureEnvironment.loginAppId(config));
        } catch (DatabricksException e) {
            if (authType().equals(config.getAuthType())) {
                throw e;
            }
            LOG.debug("Ignoring azure-cli auth: {}", e.getMessage());
            return Optional.empty();
        }
        String appId = AzureEnvironment.loginAppId(config);
        CachedTokenSource tokens = CachedTokenSource.of(() -> cli.token(appId))
                .configuredBy(config).initial(first).build();
        CachedTokenSource management = null;
        if (resourceId != null && !resourceId.isBlank()) {
            String resource = AzureEnvironment.of(config).serviceManagementEndpoint();
            try {
                Token mgmt = cli.token(resource);
                management = CachedTokenSource.of(() -> cli.token(resource))
                        .configuredBy(config).initial(mgmt).build();
            } catch (DatabricksException e) {
                LOG.debug("Not including the service management token in headers: {}", e.getMessage());
            }
        }
        LOG.info("Using Azure CLI authentication with Entra ID tokens");
        return Optional.of(new AzureHeaderFactory(tokens, management, true, resourceId));
    }

    /** The subscription of {@code /subscriptions/<id>/resourceGroups/...}, or null. */
    static String subscription(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        return parts.length > 2 && parts[1].equalsIgnoreCase("subscriptions") && !parts[2].isBlank() ? parts[2] : null;
    }

    /** Runs {@code az account get-access-token}. */
    private record AzCli(CommandRunner runner, Path az, String tenant, String subscription, Map<String, String> env,
                         Clock clock) {
        Token token(String resource) {
            List<String> args = new ArrayList<>(List.of("account", "get-access-token", "--resource", resource,
                    "--output", "json"));
            if (tenant != null) {
                args.add("--tenant");
                args.add(tenant);
            }
            if (subscription != null) {
                List<String> withSubscription = new ArrayList<>(args);
                withSubscription.add("--subscription");
                withSubscription.add(subscription);
                CommandRunner.Result result = runner.run(az, withSubscription);
                if (result.ok()) {
                    return parse(result.stdout(), resource);
                }
                LOG.debug("Azure CLI: no token for subscription {}; trying without it", subscription);
            }
            CommandRunner.Result result = runner.run(az, args);
            if (!result.ok()) {
                throw new DatabricksException("cannot get access token: " + result.failureMessage());
            }
            return parse(result.stdout(), resource);
        }

        private Token parse(String stdout, String resource) {
            JsonNode json;
            try {
                json = MAPPER.readTree(stdout);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                throw new DatabricksException("cannot unmarshal CLI result: the Azure CLI did not print a JSON object");
            }
            String access = json.path("accessToken").asText("");
            if (access.isEmpty()) {
                throw new DatabricksException("cannot unmarshal CLI result: no accessToken");
            }
            Instant expiry = AuthHttp.epochSeconds(json, "expires_on", "the Azure CLI");
            if (expiry == null) {
                String expiresOn = json.path("expiresOn").asText("");
                expiry = Expiry.parse(expiresOn, env).orElseThrow(() ->
                        new DatabricksException("cannot parse expiry: '" + expiresOn + "'"));
            }
            LOG.info("Refreshed an Entra ID token for {}{} from the Azure CLI, which expires on {}", resource,
                    tenant == null ? "" : " in tenant " + tenant, expiry);
            return new Token(access, json.path("tokenType").asText("Bearer"), null, expiry);
        }
    }
}
