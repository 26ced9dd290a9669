package io.camelbricks.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;

/** HTTP basic authentication when {@code host}, {@code username} and {@code password} are set. */
public final class BasicCredentialsProvider implements CredentialsProvider {
    @Override
    public String authType() {
        return "basic";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String host = config.getHost();
        String user = config.getUsername();
        String password = config.getPassword();
        if (isBlank(host) || isBlank(user) || isBlank(password)) {
            return Optional.empty();
        }
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Authorization", "Basic " + encoded);
        return Optional.of(() -> headers);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
