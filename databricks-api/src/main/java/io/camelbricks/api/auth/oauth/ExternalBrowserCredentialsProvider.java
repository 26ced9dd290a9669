package io.camelbricks.api.auth.oauth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.azure.AzureEnvironment;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.Token;

/**
 * {@code external-browser}: a user's login in their browser (OAuth authorization code + PKCE S256 + random state),
 * for tools run on a developer's machine. Never automatic: it applies only when {@code auth_type} is
 * {@code external-browser} and {@code host} is set.
 * <ul>
 * <li>client: {@code client_id}, default {@value #DEFAULT_CLIENT_ID} (the public app every account has);
 *     {@code client_secret} only for a confidential custom app;</li>
 * <li>scopes: {@code scopes} (default {@code all-apis}) plus {@code offline_access} unless
 *     {@code disable_oauth_refresh_token}, plus {@code <Azure Databricks app id>/user_impersonation} on Azure;</li>
 * <li>redirect: {@code redirect_url}, default {@value #DEFAULT_REDIRECT_URL} (the redirect the Databricks CLI,
 *     the Python and Go SDKs register; the Java SDK uses {@code http://localhost:8080/callback}); it must be
 *     {@code http} on {@code localhost}/{@code 127.0.0.1}; a loopback server on its port receives the redirect and
 *     checks the state; port 0 picks a free port;</li>
 * <li>the browser step: {@link BrowserOpener} (default: the desktop browser), waiting at most
 *     {@code oauth_browser_auth_timeout} seconds (default 300; 0 waits forever);</li>
 * <li>cache: {@link FileTokenCache} under {@code ~/.config/camelbricks/oauth/} (file mode 0600): a cached token is
 *     used without a browser, refreshed with its refresh token when it is (about to be) expired, and the browser is
 *     asked again only when the refresh is rejected or there is no refresh token.</li>
 * </ul>
 */
public final class ExternalBrowserCredentialsProvider implements CredentialsProvider {
    public static final String AUTH_TYPE = "external-browser";
    public static final String DEFAULT_CLIENT_ID = "databricks-cli";
    public static final String DEFAULT_REDIRECT_URL = "http://localhost:8020";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ExternalBrowserCredentialsProvider.class);

    private final BrowserOpener browser;
    private final Function<DatabricksConfig, Path> cacheDirectory;

    /** The desktop browser and the default cache directory. */
    public ExternalBrowserCredentialsProvider() {
        this(BrowserOpener.system());
    }

    public ExternalBrowserCredentialsProvider(BrowserOpener browser) {
        this(browser, config -> FileTokenCache.defaultDirectory(config.getEnvironment()));
    }

    /** With the cache directory chosen per configuration (null: no cache). */
    public ExternalBrowserCredentialsProvider(BrowserOpener browser, Function<DatabricksConfig, Path> cacheDirectory) {
        this.browser = Objects.requireNonNull(browser, "browser");
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    @Override
    public String authType() {
        return AUTH_TYPE;
    }

    @Override
    public Optional<HeaderFactory> configure(DatabricksConfig config) {
        if (!AUTH_TYPE.equals(config.getAuthType()) || IdTokenExchange.blankToNull(config.getHost()) == null) {
            return Optional.empty();
        }
        String clientId = Optional.ofNullable(IdTokenExchange.blankToNull(config.getClientId())).orElse(DEFAULT_CLIENT_ID);
        String secret = IdTokenExchange.blankToNull(config.getClientSecret());
        List<String> scopes = scopes(config);
        String redirect = Optional.ofNullable(IdTokenExchange.blankToNull((String) config.getAttribute("redirect_url")))
                .orElse(DEFAULT_REDIRECT_URL);
        Duration timeout = timeout(config);
        Path dir = cacheDirectory.apply(config);
        FileTokenCache cache = dir == null ? null : FileTokenCache.of(dir, config.getHost(), clientId, scopes);

        Login login = new Login(config, clientId, secret, redirect, scopes, timeout);
        Optional<Token> cached = cache == null ? Optional.empty() : cache.load();
        Token initial = cached.orElseGet(login::browser);
        if (cached.isEmpty() && cache != null) {
            cache.save(initial);
        }
        // refreshes go to the token endpoint of the redirect actually used; a refresh answers for the same client
        SessionCredentials session = new SessionCredentials(login.client(), initial,
                cache == null ? t -> { } : cache::save, login::browser);
        session.token(); // a stale cached token is refreshed (or the browser asked) now, not at the first call
        return session.configure(config);
    }

    static List<String> scopes(DatabricksConfig config) {
        List<String> scopes = new ArrayList<>(config.getScopes());
        if (!Boolean.TRUE.equals(config.getAttribute("disable_oauth_refresh_token"))
                && !scopes.contains("offline_access")) {
            scopes.add("offline_access");
        }
        if (config.isAzure()) {
            // Azure Databricks logins go through Entra ID, which needs the workspace app's impersonation scope
            String impersonation = AzureEnvironment.loginAppId(config) + "/user_impersonation";
            if (!scopes.contains(impersonation)) {
                scopes.add(impersonation);
            }
        }
        return scopes;
    }

    static Duration timeout(DatabricksConfig config) {
        Object seconds = config.getAttribute("oauth_browser_auth_timeout");
        if (seconds instanceof Integer s) {
            return s <= 0 ? Duration.ZERO : Duration.ofSeconds(s);
        }
        return DEFAULT_TIMEOUT;
    }

    /** One browser login per call, each on its own loopback server. */
    private final class Login {
        private final DatabricksConfig config;
        private final String clientId;
        private final String secret;
        private final String redirect;
        private final List<String> scopes;
        private final Duration timeout;
        private volatile OAuthClient client;

        Login(DatabricksConfig config, String clientId, String secret, String redirect, List<String> scopes,
              Duration timeout) {
            this.config = config;
            this.clientId = clientId;
            this.secret = secret;
            this.redirect = redirect;
            this.scopes = scopes;
            this.timeout = timeout;
        }

        /** The client of the last browser login (or one on the configured redirect, for refreshes only). */
        OAuthClient client() {
            OAuthClient c = client;
            return c != null ? c : (client = new OAuthClient(config, clientId, secret, redirect, scopes));
        }

        Token browser() {
            try (LoopbackCallbackServer server = LoopbackCallbackServer.start(redirect)) {
                OAuthClient c = new OAuthClient(config, clientId, secret, server.redirectUrl(), scopes);
                client = c;
                Consent consent = c.initiateConsent();
                server.expectState(consent.state());
                LOG.info("Opening a browser to log in to {} (waiting for the redirect to {})", config.getHost(),
                        server.redirectUrl());
                try {
                    browser.open(URI.create(consent.authorizationUrl()));
                } catch (IOException e) {
                    throw new DatabricksException("cannot open a browser for the OAuth login ("
                            + e.getClass().getSimpleName() + ")", e);
                }
                Map<String, String> callback = server.await(timeout);
                return consent.exchangeCallbackParameters(callback).currentToken();
            }
        }
    }
}
