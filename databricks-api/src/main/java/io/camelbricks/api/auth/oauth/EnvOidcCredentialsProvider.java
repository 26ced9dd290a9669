package io.camelbricks.api.auth.oauth;

import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;

/**
 * {@code env-oidc}: workload identity federation with an ID token held in an environment variable, named by
 * {@code oidc_token_env} ({@code DATABRICKS_OIDC_TOKEN} by default) and read from the configuration's resolved
 * environment. Applies when {@code host} is set and that variable is not empty; the token is exchanged by
 * {@link IdTokenExchange} (with {@code client_id} when set).
 */
public final class EnvOidcCredentialsProvider implements CredentialsProvider {
    public static final String DEFAULT_VARIABLE = "DATABRICKS_OIDC_TOKEN";

    @Override
    public String authType() {
        return "env-oidc";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String variable = IdTokenExchange.blankToNull((String) config.getAttribute("oidc_token_env"));
        String name = variable == null ? DEFAULT_VARIABLE : variable;
        if (IdTokenExchange.blankToNull(config.getHost()) == null || read(config, name) == null) {
            return Optional.empty();
        }
        return IdTokenExchange.configure(config, audience -> {
            String token = read(config, name);
            if (token == null) {
                throw new DatabricksException("environment variable " + name + " holds no ID token");
            }
            return token;
        });
    }

    private static String read(DatabricksConfig config, String name) {
        String value = config.getEnvironment().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
