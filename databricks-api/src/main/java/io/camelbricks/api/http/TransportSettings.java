package io.camelbricks.api.http;

import java.time.Duration;

/**
 * What a transport needs to know: timeouts, pool size and TLS verification.
 *
 * @param connectTimeout  connect timeout
 * @param readTimeout     socket read timeout (time between two bytes)
 * @param maxConnections  connections kept per host (and in total)
 * @param skipVerify      trust any TLS certificate (for tests against self-signed servers only)
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, boolean skipVerify) {
}
