package io.camelbricks.api.auth;

import java.util.Map;
import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;

/** Personal access token: {@code Authorization: Bearer <token>} when {@code host} and {@code token} are set. */
public final class PatCredentialsProvider implements CredentialsProvider {
    @Override
    public String authType() {
        return "pat";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String host = config.getHost();
        String token = config.getToken();
        if (isBlank(host) || isBlank(token)) {
            return Optional.empty();
        }
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
        return Optional.of(() -> headers);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
