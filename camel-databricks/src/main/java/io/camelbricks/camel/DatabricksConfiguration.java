package io.camelbricks.camel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.camelbricks.api.AccountClient;
import io.camelbricks.api.ApiClient;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.config.ConfigAttribute;

/**
 * How the component reaches Databricks: set on the component (shared by every endpoint) and overridable per
 * endpoint. Each connection option is a {@code DatabricksConfig} attribute; what is left unset comes from the
 * client's default chain: {@code DATABRICKS_*} environment variables, then a {@code ~/.databrickscfg} profile.
 */
@UriParams
@Configurer
public class DatabricksConfiguration implements Cloneable {

    @UriParam(label = "common", description = "The workspace URL (e.g. https://dbc-1234.cloud.databricks.com), or the"
            + " accounts console URL for account-level operations. Default: DATABRICKS_HOST or the profile.")
    private String host;
    @UriParam(label = "common", description = "The Databricks account id; needed by account-level operations.")
    private String accountId;
    @UriParam(label = "security", secret = true, description = "A personal access token (pat auth).")
    private String token;
    @UriParam(label = "security", description = "The .databrickscfg profile to read unset options from.")
    private String profile;
    @UriParam(label = "security", description = "The configuration file (default ~/.databrickscfg).")
    private String configFile;
    @UriParam(label = "security", description = "Forces one authentication method (pat, basic, oauth-m2m, ...)"
            + " instead of the default chain.")
    private String authType;
    @UriParam(label = "security", description = "OAuth client id of a service principal (oauth-m2m auth).")
    private String clientId;
    @UriParam(label = "security", secret = true, description = "OAuth client secret of a service principal"
            + " (oauth-m2m auth).")
    private String clientSecret;
    @UriParam(label = "security", description = "User name (basic auth).")
    private String username;
    @UriParam(label = "security", secret = true, description = "Password (basic auth).")
    private String password;
    @UriParam(label = "advanced", description = "Timeout of one HTTP request, in seconds (default 60).")
    private Integer httpTimeoutSeconds;
    @UriParam(label = "advanced", description = "Time budget for the client's retries of one call (429, 5xx,"
            + " connection errors), in seconds (default 300).")
    private Integer retryTimeoutSeconds;
    @UriParam(label = "advanced", description = "Maximum requests per second of the shared client (default: no"
            + " limit).")
    private Integer rateLimit;
    @UriParam(label = "advanced", description = "Size of the HTTP connection pool of the shared client (default"
            + " 20).")
    private Integer maxConnectionsPerPool;
    @UriParam(label = "advanced,security", description = "Skips TLS certificate verification (never in"
            + " production).")
    private Boolean skipVerify;

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
     * The connection options that are set, keyed by their {@code DatabricksConfig} attribute, in the attribute
     * table's order.
     */
    public Map<ConfigAttribute, Object> connectionAttributes() {
        Map<ConfigAttribute, Object> set = new LinkedHashMap<>();
        put(set, ConfigAttribute.HOST, host);
        put(set, ConfigAttribute.ACCOUNT_ID, accountId);
        put(set, ConfigAttribute.TOKEN, token);
        put(set, ConfigAttribute.PROFILE, profile);
        put(set, ConfigAttribute.CONFIG_FILE, configFile);
        put(set, ConfigAttribute.AUTH_TYPE, authType);
        put(set, ConfigAttribute.CLIENT_ID, clientId);
        put(set, ConfigAttribute.CLIENT_SECRET, clientSecret);
        put(set, ConfigAttribute.USERNAME, username);
        put(set, ConfigAttribute.PASSWORD, password);
        put(set, ConfigAttribute.HTTP_TIMEOUT_SECONDS, httpTimeoutSeconds);
        put(set, ConfigAttribute.RETRY_TIMEOUT_SECONDS, retryTimeoutSeconds);
        put(set, ConfigAttribute.RATE_LIMIT, rateLimit);
        put(set, ConfigAttribute.MAX_CONNECTIONS_PER_POOL, maxConnectionsPerPool);
        put(set, ConfigAttribute.SKIP_VERIFY, skipVerify);
        Map<ConfigAttribute, Object> ordered = new LinkedHashMap<>();
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            if (set.containsKey(attribute)) {
                ordered.put(attribute, set.get(attribute));
            }
        }
        return ordered;
    }

    private static void put(Map<ConfigAttribute, Object> map, ConfigAttribute attribute, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            map.put(attribute, value);
        }
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

    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
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

    public Boolean getSkipVerify() {
        return skipVerify;
    }

    public void setSkipVerify(Boolean skipVerify) {
        this.skipVerify = skipVerify;
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
