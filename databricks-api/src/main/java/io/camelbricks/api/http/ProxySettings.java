package io.camelbricks.api.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy for the transports: host and port, optional basic credentials, and the hosts reached directly.
 * {@code nonProxyHosts} uses the JVM's {@code http.nonProxyHosts} syntax: patterns separated by {@code |} (or
 * {@code ,}), each a host name or address with an optional leading or trailing {@code *}
 * ({@code localhost|*.internal|10.*}). The password never shows in {@link #toString()}.
 *
 * @param host          proxy host
 * @param port          proxy port
 * @param username      proxy user for basic authentication, or null
 * @param password      proxy password, or null
 * @param nonProxyHosts hosts that bypass the proxy
 */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {

    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy_host is empty");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy_port must be between 1 and 65535, got " + port);
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    /** Parses {@code a|*.b|c*} (or comma-separated) into patterns. */
    public static List<String> parseNonProxyHosts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether requests to {@code targetHost} go through the proxy. */
    public boolean appliesTo(String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String pattern : nonProxyHosts) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.equals(h)
                    || (p.startsWith("*") && h.endsWith(p.substring(1)))
                    || (p.endsWith("*") && h.startsWith(p.substring(0, p.length() - 1)))) {
                return false;
            }
        }
        return true;
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "ProxySettings[" + (hasCredentials() ? username + ":***@" : "") + host + ":" + port
                + (nonProxyHosts.isEmpty() ? "" : ", nonProxyHosts=" + String.join("|", nonProxyHosts)) + "]";
    }
}
