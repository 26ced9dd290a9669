package io.camelbricks.api.http;

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * What a transport needs to know: timeouts, pool size, TLS and proxy.
 *
 * @param connectTimeout  connect timeout
 * @param readTimeout     socket read timeout (time between two bytes)
 * @param maxConnections  connections kept per host (and in total)
 * @param skipVerify      trust any TLS certificate (for tests against self-signed servers only)
 * @param sslContext      the TLS context to verify servers with (custom trust), or null for the JVM default
 * @param proxy           an HTTP proxy, or null for direct connections
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, boolean skipVerify,
                                SSLContext sslContext, ProxySettings proxy) {

    /** Direct connections with the JVM's default trust (or none, with {@code skipVerify}). */
    public TransportSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, boolean skipVerify) {
        this(connectTimeout, readTimeout, maxConnections, skipVerify, null, null);
    }

    @Override
    public String toString() {
        return "TransportSettings[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxConnections=" + maxConnections + ", skipVerify=" + skipVerify
                + ", sslContext=" + (sslContext == null ? "default" : "custom") + ", proxy=" + proxy + "]";
    }
}
