package io.camelbricks.api.auth.google;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
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
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.wire.JsonMapper;

/**
 * {@code google-credentials}: a Google service-account key in {@code google_credentials} (a file path, or the JSON
 * itself), on a GCP workspace or account host. The key signs a JWT (RS256) that its {@code token_uri} swaps for a
 * Google ID token whose audience is the host, sent as {@code Authorization: Bearer}; on account hosts an access token
 * of the same service account (scope {@code cloud-platform}) goes in {@code X-Databricks-GCP-SA-Access-Token}. Both
 * are fetched at once (a wrong key fails at start-up) and refreshed ahead of expiry.
 */
public final class GoogleCredentialsCredentialsProvider implements CredentialsProvider {
    /** The header of the service account's access token on account hosts. */
    public static final String SA_ACCESS_TOKEN_HEADER = "X-Databricks-GCP-SA-Access-Token";

    private static final Logger LOG = LoggerFactory.getLogger(GoogleCredentialsCredentialsProvider.class);
    private static final ObjectMapper MAPPER = JsonMapper.create();

    @Override
    public String authType() {
        return "google-credentials";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        Object credentials = config.getAttribute("google_credentials");
        String host = config.getHost();
        if (!config.isGcp() || host == null || host.isBlank() || credentials == null || credentials.toString().isBlank()) {
            return Optional.empty();
        }
        GoogleServiceAccount account = GoogleServiceAccount.fromJson(read(credentials.toString(), config.getEnvironment()),
                "google_credentials");
        HttpTransport http = config.authTransport();
        Clock clock = config.getClock();
        CachedTokenSource idTokens = CachedTokenSource.of(() -> account.idToken(http, host, clock))
                .configuredBy(config).build();
        idTokens.token();
        if (!config.isAccountClient()) {
            LOG.debug("Using Google ID tokens of service account {}", account.clientEmail());
            return Optional.of(new TokenHeaderFactory(idTokens));
        }
        CachedTokenSource accessTokens = CachedTokenSource.of(() ->
                        account.accessToken(http, GoogleServiceAccount.CLOUD_PLATFORM_SCOPE, clock))
                .configuredBy(config).build();
        accessTokens.token();
        LOG.debug("Using Google ID and access tokens of service account {}", account.clientEmail());
        return Optional.of(new TokenHeaderFactory(idTokens,
                () -> Map.of(SA_ACCESS_TOKEN_HEADER, accessTokens.token().accessToken())));
    }

    /** Inline JSON (starts with {) or a file; the value itself never appears in a message. */
    static JsonNode read(String value, Map<String, String> env) {
        String text = value.strip();
        if (!text.startsWith("{")) {
            try {
                Path path = text.startsWith("~/") && env.get("HOME") != null
                        ? Path.of(env.get("HOME"), text.substring(2)) : Path.of(text);
                text = Files.readString(path);
            } catch (IOException | InvalidPathException e) {
                throw new DatabricksException("google_credentials is neither service-account JSON nor a readable file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            JsonNode json = MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw new DatabricksException("google_credentials is not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new DatabricksException("google_credentials is not valid JSON");
        }
    }
}
