package io.camelbricks.camel;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.camelbricks.api.AccountClient;
import io.camelbricks.api.ApiClient;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.config.ConfigAttribute;

/**
 * How the component reaches Databricks: set on the component (shared by every endpoint) and overridable per
 * endpoint. Each connection option is an attribute of the client's configuration table ({@link ConfigAttribute}),
 * named in camelCase ({@code rate_limit} is {@code rateLimit}); what is left unset comes from the client's default
 * chain: {@code DATABRICKS_*} environment variables, then a {@code ~/.databrickscfg} profile. Secrets are
 * {@code secret = true}: Camel masks them in endpoint URIs and logs.
 */
@UriParams
@Configurer
public class DatabricksConfiguration implements Cloneable {
    /**
     * Attributes that are not connection options: defaults of the Databricks Connect / SQL tooling, which would
     * shadow the request fields of the same name ({@code databricks:clusters/get?clusterId=...}).
     */
    static final Set<ConfigAttribute> NOT_OPTIONS = EnumSet.of(ConfigAttribute.CLUSTER_ID,
            ConfigAttribute.WAREHOUSE_ID, ConfigAttribute.SERVERLESS_COMPUTE_ID);
    /**
     * Secret attributes whose option is not the attribute's camelCase name: Camel masks option values by keywords
     * in the option's name ({@code token}, {@code secret}, {@code password}, ...), in endpoint URIs, in the message
     * of a failed endpoint resolution and in camel-main's startup log. {@code googleCredentials} and
     * {@code metadataServiceUrl} contain none, so their options carry {@code Secret} in the name.
     */
    static final Map<ConfigAttribute, String> SECRET_OPTION_NAMES = Map.of(
            ConfigAttribute.GOOGLE_CREDENTIALS, "googleCredentialsSecret",
            ConfigAttribute.METADATA_SERVICE_URL, "metadataServiceSecretUrl");

    @UriParam(label = "common", description = "The workspace URL (e.g. https://dbc-1234.cloud.databricks.com), or the accounts "
            + "console URL for account-level operations. Default: DATABRICKS_HOST or the "
            + "profile.")
    private String host;
    @UriParam(label = "common", description = "The Databricks account id; needed by account-level operations "
            + "(databricks:account/...).")
    private String accountId;
    @UriParam(label = "security", secret = true, description = "A personal access token (pat auth).")
    private String token;
    @UriParam(label = "security", description = "OAuth client id of a service principal (oauth-m2m auth).")
    private String clientId;
    @UriParam(label = "security", secret = true, description = "OAuth client secret of a service principal (oauth-m2m auth).")
    private String clientSecret;
    @UriParam(label = "security", description = "OAuth scopes, comma-separated (default all-apis).")
    private String scopes;
    @UriParam(label = "security", description = "OAuth redirect URL (user-to-machine flows).")
    private String redirectUrl;
    @UriParam(label = "security", description = "OIDC discovery URL of the token endpoint, when it is not the workspace's own.")
    private String discoveryUrl;
    @UriParam(label = "security", description = "User name (basic auth).")
    private String username;
    @UriParam(label = "security", secret = true, description = "Password (basic auth).")
    private String password;
    @UriParam(label = "security", description = "The .databrickscfg profile to read unset options from.")
    private String profile;
    @UriParam(label = "security", description = "The configuration file (default ~/.databrickscfg).")
    private String configFile;
    @UriParam(label = "security", description = "Google service account to impersonate (google-id auth on GCP).")
    private String googleServiceAccount;
    @UriParam(label = "security", secret = true, description = "Google service account credentials JSON (google-credentials auth on GCP); the"
            + " google_credentials attribute.")
    private String googleCredentialsSecret;
    @UriParam(label = "security", description = "Azure resource id of the workspace (Azure auth); also identifies the host as "
            + "Azure.")
    private String azureWorkspaceResourceId;
    @UriParam(label = "security", description = "Authenticate with an Azure managed identity (azure-msi auth).")
    private Boolean azureUseMsi;
    @UriParam(label = "security", secret = true, description = "Azure service principal client secret (azure-client-secret auth).")
    private String azureClientSecret;
    @UriParam(label = "security", description = "Azure service principal or managed identity client id.")
    private String azureClientId;
    @UriParam(label = "security", description = "Azure tenant id.")
    private String azureTenantId;
    @UriParam(label = "security", description = "Azure cloud: PUBLIC (default), USGOVERNMENT or CHINA.")
    private String azureEnvironment;
    @UriParam(label = "security", description = "GitHub Actions OIDC token request URL (github-oidc auth).")
    private String actionsIdTokenRequestUrl;
    @UriParam(label = "security", secret = true, description = "GitHub Actions OIDC token request token (github-oidc auth).")
    private String actionsIdTokenRequestToken;
    @UriParam(label = "security", description = "Path of the databricks CLI (databricks-cli auth).")
    private String databricksCliPath;
    @UriParam(label = "security", description = "Forces one authentication method (pat, basic, oauth-m2m, azure-client-secret, "
            + "...) instead of the default chain.")
    private String authType;
    @UriParam(label = "security", description = "Skips TLS certificate verification (never in production; logged as a"
            + " warning). To trust a private CA, use sslContextParameters instead.")
    private Boolean skipVerify;
    @UriParam(label = "security", description = "Allows a plain http:// host that is not a loopback address (localhost,"
            + " 127.x.x.x, ::1). Without it such a host is refused before anything is sent, since credentials would"
            + " travel unencrypted.")
    private Boolean allowInsecureHttp;
    @UriParam(label = "proxy", description = "HTTP proxy host. JVM proxy system properties (http.proxyHost, ...) are"
            + " not used: set the proxy here or with DATABRICKS_PROXY_HOST.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port (default 8080).")
    private Integer proxyPort;
    @UriParam(label = "proxy", description = "User name for basic authentication at the proxy.")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true, description = "Password for basic authentication at the proxy.")
    private String proxyPassword;
    @UriParam(label = "proxy", description = "Hosts reached without the proxy, separated by | (or comma); a leading or"
            + " trailing * matches any suffix or prefix (localhost|*.internal|10.*).")
    private String nonProxyHosts;
    @UriParam(label = "advanced", description = "Connect and read timeout of one HTTP request, in seconds (default 60).")
    private Integer httpTimeoutSeconds;
    @UriParam(label = "advanced", description = "Time budget for the client's retries of one call (429, 5xx, connection errors), "
            + "in seconds (default 300).")
    private Integer retryTimeoutSeconds;
    @UriParam(label = "advanced", description = "DEBUG wire log: strings longer than this are cut (default 96).")
    private Integer debugTruncateBytes;
    @UriParam(label = "advanced", description = "DEBUG wire log: log request and response headers too (credentials stay masked).")
    private Boolean debugHeaders;
    @UriParam(label = "advanced", description = "Maximum requests per second of the shared client (default: no limit).")
    private Integer rateLimit;
    @UriParam(label = "advanced", description = "Size of the HTTP connection pool of the shared client, and of its I/O thread "
            + "pool (default 8).")
    private Integer maxConnectionsPerPool;
    @UriParam(label = "security", description = "Audience of the OIDC token exchanged for a Databricks token (workload identity "
            + "federation).")
    private String tokenAudience;
    @UriParam(label = "security", description = "File holding an OIDC token to exchange (file-oidc auth).")
    private String oidcTokenFilepath;
    @UriParam(label = "security", description = "Environment variable holding an OIDC token to exchange (env-oidc auth).")
    private String oidcTokenEnv;
    @UriParam(label = "security", secret = true, description = "URL of a local metadata service handing out tokens (metadata-service auth); it "
            + "carries a secret.")
    private String metadataServiceSecretUrl;
    @UriParam(label = "advanced", description = "Refresh OAuth tokens only when they expired, not ahead of expiry in the "
            + "background.")
    private Boolean disableAsyncTokenRefresh;
    @UriParam(label = "advanced", description = "Switch off the client's retries (Camel redelivery still applies).")
    private Boolean disableRetries;
    @UriParam(label = "advanced", description = "Seconds to wait for an interactive browser login (external-browser auth).")
    private Integer oauthBrowserAuthTimeout;
    @UriParam(label = "advanced", description = "Do not use OAuth refresh tokens (user-to-machine flows).")
    private Boolean disableOauthRefreshToken;

    @UriParam(label = "advanced,security", description = "A credentials provider to authenticate with instead of"
            + " the default chain (e.g. one fetching tokens from a vault). Endpoints share a client only when they"
            + " use the same provider instance. Autowired when exactly one CredentialsProvider bean is in the"
            + " registry.")
    @Metadata(autowired = true)
    private CredentialsProvider credentialsProvider;
    @UriParam(label = "security", description = "TLS settings (trust store, key store, protocols) to reach the"
            + " workspace with, instead of the JVM's default trust; e.g. to trust a private CA. Endpoints share a"
            + " client only when they use the same instance.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", description = "A client to use instead of one built from the connection options"
            + " (which are then ignored). Autowired when exactly one ApiClient bean is in the registry.")
    @Metadata(autowired = true)
    private ApiClient apiClient;
    @UriParam(label = "advanced", description = "A workspace client whose ApiClient is used for workspace"
            + " operations, instead of one built from the connection options. Autowired when exactly one"
            + " WorkspaceClient bean is in the registry.")
    @Metadata(autowired = true)
    private WorkspaceClient workspaceClient;
    @UriParam(label = "advanced", description = "An account client whose ApiClient is used for account-level"
            + " operations, instead of one built from the connection options. Autowired when exactly one"
            + " AccountClient bean is in the registry.")
    @Metadata(autowired = true)
    private AccountClient accountClient;

    /**
     * The connection options that are set, keyed by their configuration attribute, in the attribute table's order.
     * Options are read by name through the generated configurer, so the table is the only list of them.
     */
    public Map<ConfigAttribute, Object> connectionAttributes() {
        PropertyConfigurerGetter options = OptionReader.INSTANCE;
        Map<ConfigAttribute, Object> set = new LinkedHashMap<>();
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            if (NOT_OPTIONS.contains(attribute)) {
                continue;
            }
            Object value = options.getOptionValue(this, optionName(attribute), false);
            if (value != null && !(value instanceof String s && s.isBlank())) {
                set.put(attribute, value);
            }
        }
        return set;
    }

    /**
     * The configurer camel-component-maven-plugin generates for this class, which reads options by name without
     * reflection. Loaded by name: the component's own sources must compile before it is (re)generated.
     */
    private static final class OptionReader {
        static final PropertyConfigurerGetter INSTANCE = load();

        private static PropertyConfigurerGetter load() {
            String name = DatabricksConfiguration.class.getName() + "Configurer";
            try {
                return (PropertyConfigurerGetter) Class.forName(name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(name + " is missing: the Camel metadata of camel-databricks was not"
                        + " generated", e);
            }
        }
    }

    /** The connection option of a configuration attribute (its camelCase name, but for a few secrets). */
    static String optionName(ConfigAttribute attribute) {
        return SECRET_OPTION_NAMES.getOrDefault(attribute, attribute.camelCaseName());
    }

    public DatabricksConfiguration copy() {
        try {
            return (DatabricksConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    public void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }

    public String getDiscoveryUrl() {
        return discoveryUrl;
    }

    public void setDiscoveryUrl(String discoveryUrl) {
        this.discoveryUrl = discoveryUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public String getGoogleServiceAccount() {
        return googleServiceAccount;
    }

    public void setGoogleServiceAccount(String googleServiceAccount) {
        this.googleServiceAccount = googleServiceAccount;
    }

    public String getGoogleCredentialsSecret() {
        return googleCredentialsSecret;
    }

    public void setGoogleCredentialsSecret(String googleCredentialsSecret) {
        this.googleCredentialsSecret = googleCredentialsSecret;
    }

    public String getAzureWorkspaceResourceId() {
        return azureWorkspaceResourceId;
    }

    public void setAzureWorkspaceResourceId(String azureWorkspaceResourceId) {
        this.azureWorkspaceResourceId = azureWorkspaceResourceId;
    }

    public Boolean getAzureUseMsi() {
        return azureUseMsi;
    }

    public void setAzureUseMsi(Boolean azureUseMsi) {
        this.azureUseMsi = azureUseMsi;
    }

    public String getAzureClientSecret() {
        return azureClientSecret;
    }

    public void setAzureClientSecret(String azureClientSecret) {
        this.azureClientSecret = azureClientSecret;
    }

    public String getAzureClientId() {
        return azureClientId;
    }

    public void setAzureClientId(String azureClientId) {
        this.azureClientId = azureClientId;
    }

    public String getAzureTenantId() {
        return azureTenantId;
    }

    public void setAzureTenantId(String azureTenantId) {
        this.azureTenantId = azureTenantId;
    }

    public String getAzureEnvironment() {
        return azureEnvironment;
    }

    public void setAzureEnvironment(String azureEnvironment) {
        this.azureEnvironment = azureEnvironment;
    }

    public String getActionsIdTokenRequestUrl() {
        return actionsIdTokenRequestUrl;
    }

    public void setActionsIdTokenRequestUrl(String actionsIdTokenRequestUrl) {
        this.actionsIdTokenRequestUrl = actionsIdTokenRequestUrl;
    }

    public String getActionsIdTokenRequestToken() {
        return actionsIdTokenRequestToken;
    }

    public void setActionsIdTokenRequestToken(String actionsIdTokenRequestToken) {
        this.actionsIdTokenRequestToken = actionsIdTokenRequestToken;
    }

    public String getDatabricksCliPath() {
        return databricksCliPath;
    }

    public void setDatabricksCliPath(String databricksCliPath) {
        this.databricksCliPath = databricksCliPath;
    }

    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
    }

    public Boolean getSkipVerify() {
        return skipVerify;
    }

    public void setSkipVerify(Boolean skipVerify) {
        this.skipVerify = skipVerify;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Integer getHttpTimeoutSeconds() {
        return httpTimeoutSeconds;
    }

    public void setHttpTimeoutSeconds(Integer httpTimeoutSeconds) {
        this.httpTimeoutSeconds = httpTimeoutSeconds;
    }

    public Integer getRetryTimeoutSeconds() {
        return retryTimeoutSeconds;
    }

    public void setRetryTimeoutSeconds(Integer retryTimeoutSeconds) {
        this.retryTimeoutSeconds = retryTimeoutSeconds;
    }

    public Integer getDebugTruncateBytes() {
        return debugTruncateBytes;
    }

    public void setDebugTruncateBytes(Integer debugTruncateBytes) {
        this.debugTruncateBytes = debugTruncateBytes;
    }

    public Boolean getDebugHeaders() {
        return debugHeaders;
    }

    public void setDebugHeaders(Boolean debugHeaders) {
        this.debugHeaders = debugHeaders;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Integer getMaxConnectionsPerPool() {
        return maxConnectionsPerPool;
    }

    public void setMaxConnectionsPerPool(Integer maxConnectionsPerPool) {
        this.maxConnectionsPerPool = maxConnectionsPerPool;
    }

    public String getTokenAudience() {
        return tokenAudience;
    }

    public void setTokenAudience(String tokenAudience) {
        this.tokenAudience = tokenAudience;
    }

    public String getOidcTokenFilepath() {
        return oidcTokenFilepath;
    }

    public void setOidcTokenFilepath(String oidcTokenFilepath) {
        this.oidcTokenFilepath = oidcTokenFilepath;
    }

    public String getOidcTokenEnv() {
        return oidcTokenEnv;
    }

    public void setOidcTokenEnv(String oidcTokenEnv) {
        this.oidcTokenEnv = oidcTokenEnv;
    }

    public String getMetadataServiceSecretUrl() {
        return metadataServiceSecretUrl;
    }

    public void setMetadataServiceSecretUrl(String metadataServiceSecretUrl) {
        this.metadataServiceSecretUrl = metadataServiceSecretUrl;
    }

    public Boolean getDisableAsyncTokenRefresh() {
        return disableAsyncTokenRefresh;
    }

    public void setDisableAsyncTokenRefresh(Boolean disableAsyncTokenRefresh) {
        this.disableAsyncTokenRefresh = disableAsyncTokenRefresh;
    }

    public Boolean getDisableRetries() {
        return disableRetries;
    }

    public void setDisableRetries(Boolean disableRetries) {
        this.disableRetries = disableRetries;
    }

    public Integer getOauthBrowserAuthTimeout() {
        return oauthBrowserAuthTimeout;
    }

    public void setOauthBrowserAuthTimeout(Integer oauthBrowserAuthTimeout) {
        this.oauthBrowserAuthTimeout = oauthBrowserAuthTimeout;
    }

    public Boolean getDisableOauthRefreshToken() {
        return disableOauthRefreshToken;
    }

    public void setDisableOauthRefreshToken(Boolean disableOauthRefreshToken) {
        this.disableOauthRefreshToken = disableOauthRefreshToken;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public ApiClient getApiClient() {
        return apiClient;
    }

    public void setApiClient(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    public WorkspaceClient getWorkspaceClient() {
        return workspaceClient;
    }

    public void setWorkspaceClient(WorkspaceClient workspaceClient) {
        this.workspaceClient = workspaceClient;
    }

    public AccountClient getAccountClient() {
        return accountClient;
    }

    public void setAccountClient(AccountClient accountClient) {
        this.accountClient = accountClient;
    }
}
