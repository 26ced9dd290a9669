package io.camelbricks.api.auth.azure;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.support.AuthHttp;
import io.camelbricks.api.http.HttpRequest;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.registry.HttpMethod;

/**
 * The workspace's Entra ID tenant, as the Python SDK finds it: {@code GET {host}/aad/auth} answers a redirect to
 * {@code https://login.microsoftonline.com/<tenant>/oauth2/authorize?...}; the redirect is read, never followed.
 */
final class AzureTenant {
    private static final Logger LOG = LoggerFactory.getLogger(AzureTenant.class);

    private AzureTenant() {
    }

    /** {@code azure_tenant_id}, else the tenant discovered from the host; empty when neither gives one. */
    static Optional<String> resolve(DatabricksConfig config, HttpTransport http) {
        Object configured = config.getAttribute("azure_tenant_id");
        if (configured != null && !configured.toString().isBlank()) {
            return Optional.of(configured.toString().strip());
        }
        String url = config.getHost() + "/aad/auth";
        AuthHttp.Answer answer = AuthHttp.send(http, HttpRequest.of(HttpMethod.GET, url), "GET " + url);
        String location = answer.location();
        if (answer.status() < 300 || answer.status() >= 400 || location == null) {
            LOG.debug("No tenant id from {}: HTTP {} without a redirect", url, answer.status());
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(location).getPath();
        } catch (IllegalArgumentException e) {
            LOG.debug("No tenant id from {}: unreadable Location", url);
            return Optional.empty();
        }
        String[] segments = path == null ? new String[0] : path.split("/");
        if (segments.length < 2 || segments[1].isBlank()) {
            LOG.debug("No tenant id from {}: the Location has no path", url);
            return Optional.empty();
        }
        LOG.debug("Discovered tenant id {} from {}", segments[1], url);
        return Optional.of(segments[1]);
    }
}
