package io.camelbricks.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.camelbricks.api.DatabricksException;

/**
 * Turns whatever a user wrote as host into {@code scheme://host[:port]} in one pass: {@code https://} is added when
 * no scheme is given, path, query and fragment are dropped, and the default port of the scheme is left out.
 */
public final class HostNormalizer {
    private HostNormalizer() {
    }

    public static String normalize(String host) {
        if (host == null || host.isBlank()) {
            return host;
        }
        String value = host.strip();
        if (!value.contains("://")) {
            value = "https://" + value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(host, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(host, "the scheme must be https or http");
        }
        String hostName = uri.getHost();
        if (hostName == null || hostName.isEmpty()) {
            throw invalid(host, "no host name");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + hostName + (defaultPort ? "" : ":" + port);
    }

    private static DatabricksException invalid(String host, String why) {
        return new DatabricksException("invalid host '" + host + "': " + why
                + "; expected a workspace or account URL such as https://dbc-1234.cloud.databricks.com");
    }
}
