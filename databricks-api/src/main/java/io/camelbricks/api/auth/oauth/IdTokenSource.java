package io.camelbricks.api.auth.oauth;

/**
 * Where a workload gets its OIDC ID token (a JWT) from: an environment variable, a file, GitHub Actions' token
 * service. Called for every exchange, so a rotated token (e.g. a refreshed projected file) is picked up.
 */
@FunctionalInterface
public interface IdTokenSource {
    /**
     * The ID token for {@code audience} (sources that cannot choose the audience ignore it). Throws
     * {@link io.camelbricks.api.DatabricksException} with a reason, never with the token, when there is none.
     */
    String idToken(String audience);
}
