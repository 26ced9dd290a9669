package io.camelbricks.api.auth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.auth.support.Expiry;
import io.camelbricks.api.wire.JsonMapper;

/**
 * {@code databricks-cli}: the OAuth login of the Databricks CLI ({@code databricks auth login}), when {@code host} is
 * set and the CLI is found: {@code databricks_cli_path}, else {@code databricks} on the resolved {@code PATH}. Runs
 * {@code databricks auth token --host <host> [--account-id <account_id>]} (the account id on account hosts) and
 * reads {@code access_token}, {@code token_type} and {@code expiry} (RFC 3339); the CLI is run again before the
 * token expires (it refreshes its own token cache).
 * <p>
 * Not applicable (the chain goes on): no CLI, a legacy Python CLI (an executable under 1 MiB; the Go CLI of version
 * 0.100 and later is larger), or a CLI that says OAuth is not configured for the host. Any other failure of the CLI
 * is an error with the CLI's message, as in the Go and Python SDKs.
 */
public final class DatabricksCliCredentialsProvider implements CredentialsProvider {
    /** Executables smaller than this are the legacy Python CLI, which has no {@code auth token}. */
    public static final long MIN_CLI_SIZE = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksCliCredentialsProvider.class);
    private static final ObjectMapper MAPPER = JsonMapper.create();

    @Override
    public String authType() {
        return "databricks-cli";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String host = config.getHost();
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> env = config.getEnvironment();
        CommandRunner runner = new CommandRunner(env);
        Object configuredPath = config.getAttribute("databricks_cli_path");
        String name = configuredPath == null || configuredPath.toString().isBlank() ? "databricks" : configuredPath.toString();
        Optional<Path> cli = runner.find(name);
        if (cli.isEmpty()) {
            LOG.debug("Ignoring databricks-cli auth: {} not found; most likely the Databricks CLI is not installed", name);
            return Optional.empty();
        }
        if (size(cli.get()) < MIN_CLI_SIZE) {
            LOG.debug("Ignoring databricks-cli auth: {} is the legacy Databricks CLI (< 0.100.0), which has no "
                    + "'auth token'", cli.get());
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of("auth", "token", "--host", host));
        if (config.isAccountClient() && config.getAccountId() != null && !config.getAccountId().isBlank()) {
            args.add("--account-id");
            args.add(config.getAccountId());
        }
        Token first;
        try {
            first = token(runner, cli.get(), args, env);
        } catch (DatabricksException e) {
            String message = e.getMessage();
            if (message.contains("databricks OAuth is not") || message.contains("no configuration file found at")) {
                LOG.debug("Ignoring databricks-cli auth: OAuth is not configured for {} in the CLI: {}", host, message);
                return Optional.empty();
            }
            throw e;
        }
        CachedTokenSource tokens = CachedTokenSource.of(() -> token(runner, cli.get(), args, env))
                .configuredBy(config)
                .initial(first)
                .build();
        LOG.debug("Using Databricks CLI authentication with Databricks OAuth tokens");
        return Optional.of(new TokenHeaderFactory(tokens));
    }

    private static long size(Path path) {
        try {
            return Files.size(path.toRealPath());
        } catch (IOException e) {
            return 0;
        }
    }

    private static Token token(CommandRunner runner, Path cli, List<String> args, Map<String, String> env) {
        CommandRunner.Result result = runner.run(cli, args);
        if (!result.ok()) {
            String err = result.stderr().strip();
            throw new DatabricksException("cannot get access token: " + (err.isEmpty() ? result.stdout().strip() : err));
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(result.stdout());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new DatabricksException("cannot unmarshal Databricks CLI result: not a JSON object");
        }
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new DatabricksException("cannot unmarshal Databricks CLI result: no access_token");
        }
        String expiryText = json.path("expiry").asText("");
        Instant expiry = Expiry.parse(expiryText, env).orElseThrow(() ->
                new DatabricksException("cannot parse token expiry: '" + expiryText + "'"));
        LOG.info("Refreshed OAuth token from Databricks CLI, expires on {}", expiry);
        return new Token(access, json.path("token_type").asText("Bearer"), null, expiry);
    }
}
