package io.camelbricks.api.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of configuration attributes: each declared once with its name (also its {@code .databrickscfg} key),
 * environment variable, auth category and sensitivity. Loading from the environment and the profile file,
 * validation of conflicting methods and the {@code Config: ... Env: ...} debug string all iterate over it, in
 * declaration order. Unlike the Java SDK, {@code scopes} and {@code redirect_url} carry no auth category: they tune
 * OAuth but are not credentials, so a profile with a token and scopes is not "two methods".
 */
public enum ConfigAttribute {
    HOST("host", "DATABRICKS_HOST", null, false, ValueType.STRING),
    ACCOUNT_ID("account_id", "DATABRICKS_ACCOUNT_ID", null, false, ValueType.STRING),
    TOKEN("token", "DATABRICKS_TOKEN", "pat", true, ValueType.STRING),
    CLIENT_ID("client_id", "DATABRICKS_CLIENT_ID", "oauth", false, ValueType.STRING),
    CLIENT_SECRET("client_secret", "DATABRICKS_CLIENT_SECRET", "oauth", true, ValueType.STRING),
    SCOPES("scopes", "DATABRICKS_SCOPES", null, false, ValueType.LIST),
    REDIRECT_URL("redirect_url", "DATABRICKS_REDIRECT_URL", null, false, ValueType.STRING),
    DISCOVERY_URL("discovery_url", "DATABRICKS_DISCOVERY_URL", null, false, ValueType.STRING),
    USERNAME("username", "DATABRICKS_USERNAME", "basic", false, ValueType.STRING),
    PASSWORD("password", "DATABRICKS_PASSWORD", "basic", true, ValueType.STRING),
    PROFILE("profile", "DATABRICKS_CONFIG_PROFILE", null, false, ValueType.STRING),
    CONFIG_FILE("config_file", "DATABRICKS_CONFIG_FILE", null, false, ValueType.STRING),
    CLUSTER_ID("cluster_id", "DATABRICKS_CLUSTER_ID", null, false, ValueType.STRING),
    WAREHOUSE_ID("warehouse_id", "DATABRICKS_WAREHOUSE_ID", null, false, ValueType.STRING),
    SERVERLESS_COMPUTE_ID("serverless_compute_id", "DATABRICKS_SERVERLESS_COMPUTE_ID", null, false, ValueType.STRING),
    GOOGLE_SERVICE_ACCOUNT("google_service_account", "DATABRICKS_GOOGLE_SERVICE_ACCOUNT", "google", false, ValueType.STRING),
    GOOGLE_CREDENTIALS("google_credentials", "GOOGLE_CREDENTIALS", "google", true, ValueType.STRING),
    AZURE_WORKSPACE_RESOURCE_ID("azure_workspace_resource_id", "DATABRICKS_AZURE_RESOURCE_ID", "azure", false, ValueType.STRING),
    AZURE_USE_MSI("azure_use_msi", "ARM_USE_MSI", "azure", false, ValueType.BOOLEAN),
    AZURE_CLIENT_SECRET("azure_client_secret", "ARM_CLIENT_SECRET", "azure", true, ValueType.STRING),
    AZURE_CLIENT_ID("azure_client_id", "ARM_CLIENT_ID", "azure", false, ValueType.STRING),
    AZURE_TENANT_ID("azure_tenant_id", "ARM_TENANT_ID", "azure", false, ValueType.STRING),
    AZURE_ENVIRONMENT("azure_environment", "ARM_ENVIRONMENT", null, false, ValueType.STRING),
    ACTIONS_ID_TOKEN_REQUEST_URL("actions_id_token_request_url", "ACTIONS_ID_TOKEN_REQUEST_URL", null, false, ValueType.STRING),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN("actions_id_token_request_token", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", null, true, ValueType.STRING),
    DATABRICKS_CLI_PATH("databricks_cli_path", "DATABRICKS_CLI_PATH", null, false, ValueType.STRING),
    AUTH_TYPE("auth_type", "DATABRICKS_AUTH_TYPE", null, false, ValueType.STRING),
    SKIP_VERIFY("skip_verify", "DATABRICKS_SKIP_VERIFY", null, false, ValueType.BOOLEAN),
    ALLOW_INSECURE_HTTP("allow_insecure_http", "DATABRICKS_ALLOW_INSECURE_HTTP", null, false, ValueType.BOOLEAN),
    PROXY_HOST("proxy_host", "DATABRICKS_PROXY_HOST", null, false, ValueType.STRING),
    PROXY_PORT("proxy_port", "DATABRICKS_PROXY_PORT", null, false, ValueType.INTEGER),
    PROXY_USERNAME("proxy_username", "DATABRICKS_PROXY_USERNAME", null, false, ValueType.STRING),
    PROXY_PASSWORD("proxy_password", "DATABRICKS_PROXY_PASSWORD", null, true, ValueType.STRING),
    NON_PROXY_HOSTS("non_proxy_hosts", "DATABRICKS_NON_PROXY_HOSTS", null, false, ValueType.STRING),
    HTTP_TIMEOUT_SECONDS("http_timeout_seconds", "DATABRICKS_HTTP_TIMEOUT_SECONDS", null, false, ValueType.INTEGER),
    RETRY_TIMEOUT_SECONDS("retry_timeout_seconds", "DATABRICKS_RETRY_TIMEOUT_SECONDS", null, false, ValueType.INTEGER),
    DEBUG_TRUNCATE_BYTES("debug_truncate_bytes", "DATABRICKS_DEBUG_TRUNCATE_BYTES", null, false, ValueType.INTEGER),
    DEBUG_HEADERS("debug_headers", "DATABRICKS_DEBUG_HEADERS", null, false, ValueType.BOOLEAN),
    RATE_LIMIT("rate_limit", "DATABRICKS_RATE_LIMIT", null, false, ValueType.INTEGER),
    MAX_CONNECTIONS_PER_POOL("max_connections_per_pool", "DATABRICKS_MAX_CONNECTIONS_PER_POOL", null, false, ValueType.INTEGER),
    TOKEN_AUDIENCE("token_audience", "DATABRICKS_TOKEN_AUDIENCE", null, false, ValueType.STRING),
    OIDC_TOKEN_FILEPATH("oidc_token_filepath", "DATABRICKS_OIDC_TOKEN_FILEPATH", null, false, ValueType.STRING),
    OIDC_TOKEN_ENV("oidc_token_env", "DATABRICKS_OIDC_TOKEN_ENV", null, false, ValueType.STRING),
    METADATA_SERVICE_URL("metadata_service_url", "DATABRICKS_METADATA_SERVICE_URL", "metadata-service", true, ValueType.STRING),
    DISABLE_ASYNC_TOKEN_REFRESH("disable_async_token_refresh", "DATABRICKS_DISABLE_ASYNC_TOKEN_REFRESH", null, false, ValueType.BOOLEAN),
    DISABLE_RETRIES("disable_retries", "DATABRICKS_DISABLE_RETRIES", null, false, ValueType.BOOLEAN),
    OAUTH_BROWSER_AUTH_TIMEOUT("oauth_browser_auth_timeout", "DATABRICKS_OAUTH_BROWSER_AUTH_TIMEOUT", null, false, ValueType.INTEGER),
    DISABLE_OAUTH_REFRESH_TOKEN("disable_oauth_refresh_token", "DATABRICKS_DISABLE_OAUTH_REFRESH_TOKEN", null, false, ValueType.BOOLEAN);

    /** How an attribute's text form (environment, profile file, URI option) is converted. */
    public enum ValueType { STRING, INTEGER, BOOLEAN, LIST }

    private static final List<ConfigAttribute> ALL = List.of(values());

    private final String attributeName;
    private final String envVar;
    private final String authCategory;
    private final boolean sensitive;
    private final ValueType type;

    ConfigAttribute(String attributeName, String envVar, String authCategory, boolean sensitive, ValueType type) {
        this.attributeName = attributeName;
        this.envVar = envVar;
        this.authCategory = authCategory;
        this.sensitive = sensitive;
        this.type = type;
    }

    /** The snake_case name, which is also the profile-file key ({@code rate_limit}). */
    public String attributeName() { return attributeName; }

    /** The environment variable, or null. */
    public String envVar() { return envVar; }

    /** The auth method this attribute belongs to ({@code pat}, {@code basic}, {@code oauth}, ...), or null. */
    public String authCategory() { return authCategory; }

    /** Whether the value is a secret: shown as {@code ***} everywhere. */
    public boolean isSensitive() { return sensitive; }

    public ValueType type() { return type; }

    /** The camelCase form ({@code rateLimit}), as used by Camel options and typed setters. */
    public String camelCaseName() {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : attributeName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Every attribute, in declaration order. */
    public static List<ConfigAttribute> all() {
        return ALL;
    }

    /** Looks an attribute up by snake_case or camelCase name, case-insensitively. */
    public static Optional<ConfigAttribute> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(a -> a.attributeName.replace("_", "").equals(wanted))
                .findFirst();
    }
}
