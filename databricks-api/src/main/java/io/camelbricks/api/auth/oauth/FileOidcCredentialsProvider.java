package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;

/**
 * {@code file-oidc}: workload identity federation with an ID token read from the file {@code oidc_token_filepath}
 * (e.g. a Kubernetes projected service account token). Applies when {@code host} and the path are set. The file is
 * read again for every exchange, so rotated tokens are picked up. Unlike the SDKs, which skip the provider when
 * the file cannot be read, a set path whose file is missing, unreadable or empty is an error that says so.
 */
public final class FileOidcCredentialsProvider implements CredentialsProvider {

    @Override
    public String authType() {
        return "file-oidc";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        String path = IdTokenExchange.blankToNull((String) config.getAttribute("oidc_token_filepath"));
        if (IdTokenExchange.blankToNull(config.getHost()) == null || path == null) {
            return Optional.empty();
        }
        Path file = Path.of(path);
        return IdTokenExchange.configure(config, audience -> read(file));
    }

    private static String read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new DatabricksException("oidc_token_filepath " + file + ": cannot read the ID token ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (token.isEmpty()) {
            throw new DatabricksException("oidc_token_filepath " + file + " is empty");
        }
        return token;
    }
}
