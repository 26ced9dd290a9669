package io.camelbricks.camel.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.camelbricks.api.AccountClient;
import io.camelbricks.api.ApiClient;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.camel.DatabricksConfiguration;

/**
 * The {@code camel.component.databricks.*} properties of a Spring Boot application: one field per option of the
 * {@code databricks} component, as its generated Camel metadata ({@code META-INF/io/camelbricks/camel/databricks.json})
 * lists them, with the same names, (boxed) types, defaults and descriptions. The field comments become the descriptions of
 * {@code META-INF/spring-configuration-metadata.json} (IDE completion); {@code ConfigurationMetadataTest} fails
 * the build when the component gains an option this class lacks.
 * <p>
 * Values left unset (null) are not applied: the component keeps its own default, or what the environment
 * ({@code DATABRICKS_*}) or {@code ~/.databrickscfg} provide. So the connection options that the component itself
 * holds as "unset" ({@code Boolean}/{@code Integer}) start null here too, their documented defaults living only in
 * {@code additional-spring-configuration-metadata.json}: a {@code false} copied onto the component would count as a
 * configured value (e.g. {@code azure-use-msi=false} as an Azure credential beside a token).
 */
@ConfigurationProperties(prefix = "camel.component.databricks")
public class DatabricksComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The Databricks account id; needed by account-level operations (databricks:account/...).
     */
    private String accountId;
    /**
     * The connection configuration shared by every endpoint of this component. The option is a
     * io.camelbricks.camel.DatabricksConfiguration type; set it to #beanName to use a bean of the application
     * context.
     */
    private DatabricksConfiguration configuration;
    /**
     * The workspace URL (e.g. https://dbc-1234.cloud.databricks.com), or the accounts console URL for account-level
     * operations. Default: DATABRICKS_HOST or the profile.
     */
    private String host;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * An account client whose ApiClient is used for account-level operations, instead of one built from the
     * connection options. Autowired when exactly one AccountClient bean is in the registry. The option is a
     * io.camelbricks.api.AccountClient type; set it to #beanName to use a bean of the application context.
     */
    private AccountClient accountClient;
    /**
     * A client to use instead of one built from the connection options (which are then ignored). Autowired when
     * exactly one ApiClient bean is in the registry. The option is a io.camelbricks.api.ApiClient type; set it to
     * #beanName to use a bean of the application context.
     */
    private ApiClient apiClient;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * DEBUG wire log: log request and response headers too (credentials stay masked).
     */
    private Boolean debugHeaders;
    /**
     * DEBUG wire log: strings longer than this are cut (default 96).
     */
    private Integer debugTruncateBytes;
    /**
     * Refresh OAuth tokens only when they expired, not ahead of expiry in the background.
     */
    private Boolean disableAsyncTokenRefresh;
    /**
     * Do not use OAuth refresh tokens (user-to-machine flows).
     */
    private Boolean disableOauthRefreshToken;
    /**
     * Switch off the client's retries (Camel redelivery still applies).
     */
    private Boolean disableRetries;
    /**
     * Connect and read timeout of one HTTP request, in seconds (default 60).
     */
    private Integer httpTimeoutSeconds;
    /**
     * Size of the HTTP connection pool of the shared client, and of its I/O thread pool (default 8).
     */
    private Integer maxConnectionsPerPool;
    /**
     * Seconds to wait for an interactive browser login (external-browser auth).
     */
    private Integer oauthBrowserAuthTimeout;
    /**
     * Maximum requests per second of the shared client (default: no limit).
     */
    private Integer rateLimit;
    /**
     * Time budget for the client's retries of one call (429, 5xx, connection errors), in seconds (default 300).
     */
    private Integer retryTimeoutSeconds;
    /**
     * A workspace client whose ApiClient is used for workspace operations, instead of one built from the connection
     * options. Autowired when exactly one WorkspaceClient bean is in the registry. The option is a
     * io.camelbricks.api.WorkspaceClient type; set it to #beanName to use a bean of the application context.
     */
    private WorkspaceClient workspaceClient;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Hosts reached without the proxy, separated by | (or comma); a leading or trailing * matches any suffix or
     * prefix (localhost|*.internal|10.*).
     */
    private String nonProxyHosts;
    /**
     * HTTP proxy host. JVM proxy system properties (http.proxyHost, ...) are not used: set the proxy here or with
     * DATABRICKS_PROXY_HOST.
     */
    private String proxyHost;
    /**
     * HTTP proxy port (default 8080).
     */
    private Integer proxyPort;
    /**
     * User name for basic authentication at the proxy.
     */
    private String proxyUsername;
    /**
     * GitHub Actions OIDC token request token (github-oidc auth). A secret: keep it out of plain-text configuration
     * (use an environment variable or a vault).
     */
    private String actionsIdTokenRequestToken;
    /**
     * GitHub Actions OIDC token request URL (github-oidc auth).
     */
    private String actionsIdTokenRequestUrl;
    /**
     * Allows a plain http:// host that is not a loopback address (localhost, 127.x.x.x, ::1). Without it such a host
     * is refused before anything is sent, since credentials would travel unencrypted.
     */
    private Boolean allowInsecureHttp;
    /**
     * Forces one authentication method (pat, basic, oauth-m2m, azure-client-secret, ...) instead of the default
     * chain.
     */
    private String authType;
    /**
     * Azure service principal or managed identity client id.
     */
    private String azureClientId;
    /**
     * Azure service principal client secret (azure-client-secret auth). A secret: keep it out of plain-text
     * configuration (use an environment variable or a vault).
     */
    private String azureClientSecret;
    /**
     * Azure cloud: PUBLIC (default), USGOVERNMENT or CHINA.
     */
    private String azureEnvironment;
    /**
     * Azure tenant id.
     */
    private String azureTenantId;
    /**
     * Authenticate with an Azure managed identity (azure-msi auth).
     */
    private Boolean azureUseMsi;
    /**
     * Azure resource id of the workspace (Azure auth); also identifies the host as Azure.
     */
    private String azureWorkspaceResourceId;
    /**
     * OAuth client id of a service principal (oauth-m2m auth).
     */
    private String clientId;
    /**
     * OAuth client secret of a service principal (oauth-m2m auth). A secret: keep it out of plain-text configuration
     * (use an environment variable or a vault).
     */
    private String clientSecret;
    /**
     * The configuration file (default /.databrickscfg).
     */
    private String configFile;
    /**
     * A credentials provider to authenticate with instead of the default chain (e.g. one fetching tokens from a
     * vault). Endpoints share a client only when they use the same provider instance. Autowired when exactly one
     * CredentialsProvider bean is in the registry. The option is a io.camelbricks.api.auth.CredentialsProvider type;
     * set it to #beanName to use a bean of the application context.
     */
    private CredentialsProvider credentialsProvider;
    /**
     * Path of the databricks CLI (databricks-cli auth).
     */
    private String databricksCliPath;
    /**
     * OIDC discovery URL of the token endpoint, when it is not the workspace's own.
     */
    private String discoveryUrl;
    /**
     * Google service account credentials JSON (google-credentials auth on GCP); the google_credentials attribute. A
     * secret: keep it out of plain-text configuration (use an environment variable or a vault).
     */
    private String googleCredentialsSecret;
    /**
     * Google service account to impersonate (google-id auth on GCP).
     */
    private String googleServiceAccount;
    /**
     * URL of a local metadata service handing out tokens (metadata-service auth); it carries a secret. A secret:
     * keep it out of plain-text configuration (use an environment variable or a vault).
     */
    private String metadataServiceSecretUrl;
    /**
     * Environment variable holding an OIDC token to exchange (env-oidc auth).
     */
    private String oidcTokenEnv;
    /**
     * File holding an OIDC token to exchange (file-oidc auth).
     */
    private String oidcTokenFilepath;
    /**
     * Password (basic auth). A secret: keep it out of plain-text configuration (use an environment variable or a
     * vault).
     */
    private String password;
    /**
     * The .databrickscfg profile to read unset options from.
     */
    private String profile;
    /**
     * Password for basic authentication at the proxy. A secret: keep it out of plain-text configuration (use an
     * environment variable or a vault).
     */
    private String proxyPassword;
    /**
     * OAuth redirect URL (user-to-machine flows).
     */
    private String redirectUrl;
    /**
     * OAuth scopes, comma-separated (default all-apis).
     */
    private String scopes;
    /**
     * Skips TLS certificate verification (never in production; logged as a warning). To trust a private CA, use
     * sslContextParameters instead.
     */
    private Boolean skipVerify;
    /**
     * TLS settings (trust store, key store, protocols) to reach the workspace with, instead of the JVM's default
     * trust; e.g. to trust a private CA. Endpoints share a client only when they use the same instance. The option
     * is a org.apache.camel.support.jsse.SSLContextParameters type; set it to #beanName to use a bean of the
     * application context.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * A personal access token (pat auth). A secret: keep it out of plain-text configuration (use an environment
     * variable or a vault).
     */
    private String token;
    /**
     * Audience of the OIDC token exchanged for a Databricks token (workload identity federation).
     */
    private String tokenAudience;
    /**
     * User name (basic auth).
     */
    private String username;

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public DatabricksConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DatabricksConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public AccountClient getAccountClient() {
        return accountClient;
    }

    public void setAccountClient(AccountClient accountClient) {
        this.accountClient = accountClient;
    }

    public ApiClient getApiClient() {
        return apiClient;
    }

    public void setApiClient(ApiClient apiClient) {
        this.apiClient = apiClient;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getDebugHeaders() {
        return debugHeaders;
    }

    public void setDebugHeaders(Boolean debugHeaders) {
        this.debugHeaders = debugHeaders;
    }

    public Integer getDebugTruncateBytes() {
        return debugTruncateBytes;
    }

    public void setDebugTruncateBytes(Integer debugTruncateBytes) {
        this.debugTruncateBytes = debugTruncateBytes;
    }

    public Boolean getDisableAsyncTokenRefresh() {
        return disableAsyncTokenRefresh;
    }

    public void setDisableAsyncTokenRefresh(Boolean disableAsyncTokenRefresh) {
        this.disableAsyncTokenRefresh = disableAsyncTokenRefresh;
    }

    public Boolean getDisableOauthRefreshToken() {
        return disableOauthRefreshToken;
    }

    public void setDisableOauthRefreshToken(Boolean disableOauthRefreshToken) {
        this.disableOauthRefreshToken = disableOauthRefreshToken;
    }

    public Boolean getDisableRetries() {
        return disableRetries;
    }

    public void setDisableRetries(Boolean disableRetries) {
        this.disableRetries = disableRetries;
    }

    public Integer getHttpTimeoutSeconds() {
        return httpTimeoutSeconds;
    }

    public void setHttpTimeoutSeconds(Integer httpTimeoutSeconds) {
        this.httpTimeoutSeconds = httpTimeoutSeconds;
    }

    public Integer getMaxConnectionsPerPool() {
        return maxConnectionsPerPool;
    }

    public void setMaxConnectionsPerPool(Integer maxConnectionsPerPool) {
        this.maxConnectionsPerPool = maxConnectionsPerPool;
    }

    public Integer getOauthBrowserAuthTimeout() {
        return oauthBrowserAuthTimeout;
    }

    public void setOauthBrowserAuthTimeout(Integer oauthBrowserAuthTimeout) {
        this.oauthBrowserAuthTimeout = oauthBrowserAuthTimeout;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Integer getRetryTimeoutSeconds() {
        return retryTimeoutSeconds;
    }

    public void setRetryTimeoutSeconds(Integer retryTimeoutSeconds) {
        this.retryTimeoutSeconds = retryTimeoutSeconds;
    }

    public WorkspaceClient getWorkspaceClient() {
        return workspaceClient;
    }

    public void setWorkspaceClient(WorkspaceClient workspaceClient) {
        this.workspaceClient = workspaceClient;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
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

    public String getActionsIdTokenRequestToken() {
        return actionsIdTokenRequestToken;
    }

    public void setActionsIdTokenRequestToken(String actionsIdTokenRequestToken) {
        this.actionsIdTokenRequestToken = actionsIdTokenRequestToken;
    }

    public String getActionsIdTokenRequestUrl() {
        return actionsIdTokenRequestUrl;
    }

    public void setActionsIdTokenRequestUrl(String actionsIdTokenRequestUrl) {
        this.actionsIdTokenRequestUrl = actionsIdTokenRequestUrl;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
    }

    public String getAzureClientId() {
        return azureClientId;
    }

    public void setAzureClientId(String azureClientId) {
        this.azureClientId = azureClientId;
    }

    public String getAzureClientSecret() {
        return azureClientSecret;
    }

    public void setAzureClientSecret(String azureClientSecret) {
        this.azureClientSecret = azureClientSecret;
    }

    public String getAzureEnvironment() {
        return azureEnvironment;
    }

    public void setAzureEnvironment(String azureEnvironment) {
        this.azureEnvironment = azureEnvironment;
    }

    public String getAzureTenantId() {
        return azureTenantId;
    }

    public void setAzureTenantId(String azureTenantId) {
        this.azureTenantId = azureTenantId;
    }

    public Boolean getAzureUseMsi() {
        return azureUseMsi;
    }

    public void setAzureUseMsi(Boolean azureUseMsi) {
        this.azureUseMsi = azureUseMsi;
    }

    public String getAzureWorkspaceResourceId() {
        return azureWorkspaceResourceId;
    }

    public void setAzureWorkspaceResourceId(String azureWorkspaceResourceId) {
        this.azureWorkspaceResourceId = azureWorkspaceResourceId;
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

    public String getConfigFile() {
        return configFile;
    }

    public void setConfigFile(String configFile) {
        this.configFile = configFile;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getDatabricksCliPath() {
        return databricksCliPath;
    }

    public void setDatabricksCliPath(String databricksCliPath) {
        this.databricksCliPath = databricksCliPath;
    }

    public String getDiscoveryUrl() {
        return discoveryUrl;
    }

    public void setDiscoveryUrl(String discoveryUrl) {
        this.discoveryUrl = discoveryUrl;
    }

    public String getGoogleCredentialsSecret() {
        return googleCredentialsSecret;
    }

    public void setGoogleCredentialsSecret(String googleCredentialsSecret) {
        this.googleCredentialsSecret = googleCredentialsSecret;
    }

    public String getGoogleServiceAccount() {
        return googleServiceAccount;
    }

    public void setGoogleServiceAccount(String googleServiceAccount) {
        this.googleServiceAccount = googleServiceAccount;
    }

    public String getMetadataServiceSecretUrl() {
        return metadataServiceSecretUrl;
    }

    public void setMetadataServiceSecretUrl(String metadataServiceSecretUrl) {
        this.metadataServiceSecretUrl = metadataServiceSecretUrl;
    }

    public String getOidcTokenEnv() {
        return oidcTokenEnv;
    }

    public void setOidcTokenEnv(String oidcTokenEnv) {
        this.oidcTokenEnv = oidcTokenEnv;
    }

    public String getOidcTokenFilepath() {
        return oidcTokenFilepath;
    }

    public void setOidcTokenFilepath(String oidcTokenFilepath) {
        this.oidcTokenFilepath = oidcTokenFilepath;
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

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    public void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public Boolean getSkipVerify() {
        return skipVerify;
    }

    public void setSkipVerify(Boolean skipVerify) {
        this.skipVerify = skipVerify;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getTokenAudience() {
        return tokenAudience;
    }

    public void setTokenAudience(String tokenAudience) {
        this.tokenAudience = tokenAudience;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
