package io.camelbricks.api.auth;

import java.util.Optional;

import io.camelbricks.api.DatabricksConfig;

/**
 * One way of authenticating ({@code pat}, {@code basic}, {@code oauth-m2m}, ...). A provider whose inputs are absent
 * answers empty so that the default chain goes on; one whose inputs are present but wrong throws.
 */
public interface CredentialsProvider {
    /** The {@code auth_type} name of this provider. */
    String authType();

    /** The header factory for this configuration, or empty when this provider does not apply. */
    Optional<HeaderFactory> configure(DatabricksConfig config);
}
