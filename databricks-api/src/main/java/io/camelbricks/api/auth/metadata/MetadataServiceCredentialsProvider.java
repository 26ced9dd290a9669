package io.camelbricks.api.auth.metadata;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CachedTokenSource;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;
import io.camelbricks.api.auth.TokenHeaderFactory;
import io.camelbricks.api.auth.TokenSource;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;

/**
 * {@code metadata-service}: tokens from a local metadata service (as the Databricks VS Code extension runs one), when
 * {@code host} and {@code metadata_service_url} are set. {@code GET <metadata_service_url>} with
 * {@code X-Databricks-Host: <host>} and {@code X-Databricks-Metadata-Version: 1} answers
 * {@code {access_token, token_type, expires_on}} ({@code expires_on} in epoch seconds); the token is fetched again
 * before it expires.
 * <p>
 * The URL must be local ({@code localhost}, {@code 127.0.0.1} or {@code [::1]}), as in the Go SDK: a token for the
 * workspace is never fetched from elsewhere. A 404 means "no token for this host here", so the provider does not
 * apply. The URL is a secret (it may carry a session key), so messages show its host and port only.
 */
public final class MetadataServiceCredentialsProvider implements CredentialsProvider {
    public static final String VERSION_HEADER = "X-Databricks-Metadata-Version";
    public static final String HOST_HEADER = "X-Databricks-Host";
    public static final String VERSION = "1";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Logger LOG = LoggerFactory.getLogger(MetadataServiceCredentialsProvider.class);

    @Override
    public String authType() {
        return "metadata-service";
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        Object url = config.getAttribute("metadata_service_url");
        String host = config.getHost();
        if (url == null || url.toString().isBlank() || host == null || host.isBlank()) {
            return Optional.empty();
        }
        String serviceUrl = url.toString().strip();
        String where = local(serviceUrl);
        HttpTransport http = config.authTransport();
        Map<String, String> headers = Map.of(VERSION_HEADER, VERSION, HOST_HEADER, host);
        String what = "metadata service request to " + where;
        Optional<Token> first = fetch(http, serviceUrl, headers, what);
        if (first.isEmpty()) {
            LOG.debug("Ignoring metadata-service auth: the metadata service at {} has no token for {}", where, host);
            return Optional.empty();
        }
        TokenSource source = () -> fetch(http, serviceUrl, headers, what).orElseThrow(() ->
                new DatabricksException(what + " answered HTTP 404: no token for " + host));
        CachedTokenSource tokens = CachedTokenSource.of(source)
                .configuredBy(config)
                .initial(first.get())
                .build();
        return Optional.of(new TokenHeaderFactory(tokens));
    }

    /** One token from the service; empty on 404. */
    private static Optional<Token> fetch(HttpTransport http, String url, Map<String, String> headers, String what) {
        AuthHttp.Answer answer = AuthHttp.send(http, HttpRequest.of(HttpMethod.GET, url).withHeaders(headers)
                .withHeader("Accept", "application/json"), what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode json = AuthHttp.json(answer, what);
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new DatabricksException(what + " answered without access_token");
        }
        String type = json.path("token_type").asText("");
        if (type.isEmpty()) {
            throw new DatabricksException(what + " answered without token_type");
        }
        Instant expiry = AuthHttp.epochSeconds(json, "expires_on", what);
        if (expiry == null) {
            throw new DatabricksException(what + " answered without expires_on");
        }
        LOG.debug("Refreshed an access token from the local metadata service, which expires on {}", expiry);
        return Optional.of(new Token(access, type, null, expiry));
    }

    /** {@code scheme://host:port} of a local URL, for messages; anything else is an error. */
    static String local(String serviceUrl) {
        URI uri;
        try {
            uri = URI.create(serviceUrl);
        } catch (IllegalArgumentException e) {
            throw new DatabricksException("invalid metadata_service_url: not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new DatabricksException("invalid metadata_service_url: not an http(s) URL");
        }
        if (!LOCAL_HOSTS.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT))) {
            throw new DatabricksException("invalid metadata_service_url: the metadata service must be local "
                    + "(localhost, 127.0.0.1 or [::1]), not " + uri.getHost());
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
