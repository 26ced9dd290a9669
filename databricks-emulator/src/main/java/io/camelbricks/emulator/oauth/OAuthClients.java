package io.camelbricks.emulator.oauth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients the emulator knows: service principals (client credentials and federation) and app
 * integrations (authorization code + PKCE). The published {@value #DATABRICKS_CLI} app is always there: a public
 * client that accepts any loopback redirect URL, as for the CLI and the SDKs on a real account.
 */
final class OAuthClients {

    static final String DATABRICKS_CLI = "databricks-cli";

    /** A service principal: its application id is the OAuth client id. */
    record ServicePrincipal(String clientId, String secret, String displayName) {
        @Override
        public String toString() {
            return "ServicePrincipal[" + clientId + ", secret=***]";
        }
    }

    /**
     * An app integration (a "custom OAuth app"): public when {@code secret} is null; redirects must be one of
     * {@code redirectUrls}, or any {@code http://localhost|127.0.0.1:<port>} URL when {@code anyLoopbackRedirect}.
     */
    record App(String clientId, String secret, List<String> redirectUrls, boolean anyLoopbackRedirect) {
        boolean isConfidential() {
            return secret != null;
        }

        boolean allowsRedirect(String redirectUri) {
            if (redirectUri == null) {
                return false;
            }
            if (redirectUrls.contains(redirectUri)) {
                return true;
            }
            if (!anyLoopbackRedirect) {
                return false;
            }
            try {
                URI uri = new URI(redirectUri);
                return "http".equals(uri.getScheme()) && uri.getPort() > 0 && uri.getRawFragment() == null
                        && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "App[" + clientId + (secret == null ? ", public" : ", secret=***") + ", " + redirectUrls + "]";
        }
    }

    private final Map<String, ServicePrincipal> principals = new ConcurrentHashMap<>();
    private final Map<String, App> apps = new ConcurrentHashMap<>();

    OAuthClients() {
        seed();
    }

    void addServicePrincipal(ServicePrincipal sp) {
        principals.put(sp.clientId(), sp);
    }

    void addApp(App app) {
        apps.put(app.clientId(), app);
    }

    Optional<ServicePrincipal> servicePrincipal(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(principals.get(clientId));
    }

    Optional<App> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    void reset() {
        principals.clear();
        apps.clear();
        seed();
    }

    private void seed() {
        apps.put(DATABRICKS_CLI, new App(DATABRICKS_CLI, null, List.of(), true));
    }
}
