package io.camelbricks.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.auth.DefaultAuthTransport;
import io.camelbricks.api.auth.DefaultCredentialsProvider;
import io.camelbricks.api.auth.HeaderFactory;
import io.camelbricks.api.auth.oauth.TokenEndpointClient;
import io.camelbricks.api.config.AttributeValues;
import io.camelbricks.api.config.ConfigAttribute;
import io.camelbricks.api.config.ConfigFile;
import io.camelbricks.api.config.HostNormalizer;
import io.camelbricks.api.http.HttpTransport;
import io.camelbricks.api.http.ProxySettings;
import io.camelbricks.api.http.TransportSettings;
import io.camelbricks.api.wire.JsonMapper;

/**
 * How to reach and authenticate to a Databricks workspace or account. Values come from, in order of precedence:
 * what is set in code, the environment, and a {@code .databrickscfg} profile. A thin holder over the attribute table
 * ({@link ConfigAttribute}), the profile loader and the credentials chain.
 *
 * <pre>{@code
 * DatabricksConfig cfg = new DatabricksConfig().setHost("https://dbc-123.cloud.databricks.com").setToken(token);
 * cfg.resolve();          // environment + profile
 * cfg.authenticate();     // runs the credentials chain once
 * }</pre>
 */
public final class DatabricksConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DatabricksConfig.class);

    /** Default for {@code http_timeout_seconds}. */
    public static final int DEFAULT_HTTP_TIMEOUT_SECONDS = 60;
    /** Default for {@code retry_timeout_seconds}. */
    public static final int DEFAULT_RETRY_TIMEOUT_SECONDS = 300;
    /** Default for {@code debug_truncate_bytes}. */
    public static final int DEFAULT_DEBUG_TRUNCATE_BYTES = 96;
    /**
     * Default for {@code max_connections_per_pool}: 8 parallel calls per client, each with a pooled connection and
     * an I/O thread. Waits and sleeping retries hold neither, so this bounds threads, not waits: 10,000 concurrent
     * waits of the Camel component run in 15 JVM threads with it (benchmarks/README.md). The Databricks SDKs pool 20;
     * raise it when more threads call one client at the same time.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;

    private static final Map<ConfigAttribute, Object> DEFAULTS = Map.of(
            ConfigAttribute.HTTP_TIMEOUT_SECONDS, DEFAULT_HTTP_TIMEOUT_SECONDS,
            ConfigAttribute.RETRY_TIMEOUT_SECONDS, DEFAULT_RETRY_TIMEOUT_SECONDS,
            ConfigAttribute.DEBUG_TRUNCATE_BYTES, DEFAULT_DEBUG_TRUNCATE_BYTES,
            ConfigAttribute.DEBUG_HEADERS, Boolean.FALSE,
            ConfigAttribute.MAX_CONNECTIONS_PER_POOL, DEFAULT_MAX_CONNECTIONS,
            ConfigAttribute.SCOPES, List.of("all-apis"),
            ConfigAttribute.SKIP_VERIFY, Boolean.FALSE,
            ConfigAttribute.ALLOW_INSECURE_HTTP, Boolean.FALSE,
            ConfigAttribute.DISABLE_RETRIES, Boolean.FALSE);

    private final Map<ConfigAttribute, Object> values = new EnumMap<>(ConfigAttribute.class);
    private Map<String, String> env = Map.of();
    private CredentialsProvider credentialsProvider = new DefaultCredentialsProvider();
    private volatile HeaderFactory headerFactory;
    private boolean resolved;
    private Clock clock = Clock.systemUTC();
    private HttpTransport authTransport;
    private volatile TokenEndpointClient tokenEndpointClient;
    private SSLContext sslContext;

    // ---------------------------------------------------------------- generic attribute access

    /** Sets any attribute by its snake_case (or camelCase) name; text is converted to the attribute's type. */
    public DatabricksConfig setAttribute(String name, Object value) {
        ConfigAttribute attribute = ConfigAttribute.byName(name).orElseThrow(() -> new DatabricksException(
                "unknown configuration attribute '" + name + "'; known: " + knownNames()));
        return set(attribute, value);
    }

    /** Sets an attribute; null clears it. */
    public DatabricksConfig set(ConfigAttribute attribute, Object value) {
        Object converted = AttributeValues.convert(attribute, value);
        if (converted == null) {
            values.remove(attribute);
        } else {
            values.put(attribute, converted);
        }
        headerFactory = null;
        return this;
    }

    /** Any attribute by name, typed (String, Integer, Boolean or List), with its default when unset. */
    public Object getAttribute(String name) {
        ConfigAttribute attribute = ConfigAttribute.byName(name).orElseThrow(() -> new DatabricksException(
                "unknown configuration attribute '" + name + "'; known: " + knownNames()));
        return get(attribute);
    }

    /** The attribute's value, or its default when unset, or null. */
    public Object get(ConfigAttribute attribute) {
        Object v = values.get(attribute);
        return v != null ? v : DEFAULTS.get(attribute);
    }

    /** Whether the attribute was set (in code, by the environment or by the profile). */
    public boolean isSet(ConfigAttribute attribute) {
        return !AttributeValues.isEmpty(values.get(attribute));
    }

    private static String knownNames() {
        return String.join(", ", ConfigAttribute.all().stream().map(ConfigAttribute::attributeName).toList());
    }

    // ---------------------------------------------------------------- resolution

    /** Resolves against the process environment (with {@code HOME} falling back to {@code user.home}). */
    public DatabricksConfig resolve() {
        Map<String, String> processEnv = new HashMap<>(System.getenv());
        processEnv.putIfAbsent("HOME", System.getProperty("user.home"));
        return resolve(processEnv);
    }

    /**
     * Resolves against {@code environment}, which is taken as the whole environment ({@code HOME} and {@code PATH}
     * included): explicit values first, then environment variables, then the profile; then validation and host
     * normalisation.
     */
    public synchronized DatabricksConfig resolve(Map<String, String> environment) {
        this.env = Map.copyOf(nonEmpty(environment));
        try {
            loadFromEnvironment();
            loadFromProfile();
            validate();
            Object host = values.get(ConfigAttribute.HOST);
            if (host != null) {
                values.put(ConfigAttribute.HOST, HostNormalizer.normalize(host.toString()));
            }
        } catch (DatabricksException e) {
            throw withDebugSuffix(e.getMessage(), e);
        }
        resolved = true;
        return this;
    }

    private static Map<String, String> nonEmpty(Map<String, String> environment) {
        Map<String, String> map = new HashMap<>();
        environment.forEach((k, v) -> {
            if (k != null && v != null && !v.isEmpty()) {
                map.put(k, v);
            }
        });
        return map;
    }

    private void loadFromEnvironment() {
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            String var = attribute.envVar();
            if (var != null && !isSet(attribute) && env.containsKey(var)) {
                set(attribute, env.get(var));
            }
        }
    }

    private void loadFromProfile() {
        String profile = getProfile();
        boolean profileNamed = profile != null && !profile.isBlank();
        if (!profileNamed && (isSet(ConfigAttribute.HOST) || anyAuthAttributeSet()
                || isSet(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID))) {
            return;
        }
        Optional<ConfigFile> file = readConfigFile();
        if (file.isEmpty()) {
            return;
        }
        if (!profileNamed) {
            profile = file.get().defaultProfileSetting().orElse(null);
            profileNamed = profile != null;
        }
        String section = profileNamed ? profile : "DEFAULT";
        Optional<Map<String, String>> keys = file.get().profile(section);
        if (keys.isEmpty() || keys.get().isEmpty()) {
            if (profileNamed) {
                throw new DatabricksException("resolve: " + file.get().path() + " has no " + section
                        + " profile configured");
            }
            LOG.info("{} has no DEFAULT profile configured", file.get().path());
            return;
        }
        for (Map.Entry<String, String> entry : keys.get().entrySet()) {
            Optional<ConfigAttribute> attribute = ConfigAttribute.byName(entry.getKey())
                    .filter(a -> a.attributeName().equals(entry.getKey()));
            if (attribute.isPresent() && !isSet(attribute.get())) {
                set(attribute.get(), entry.getValue());
            }
        }
    }

    private Optional<ConfigFile> readConfigFile() {
        String configured = getConfigFile();
        boolean explicit = configured != null && !configured.isBlank();
        Path path;
        if (explicit) {
            path = expandHome(configured);
        } else {
            String home = env.get("HOME");
            if (home == null) {
                return Optional.empty();
            }
            path = Path.of(home, ".databrickscfg");
        }
        if (!Files.exists(path)) {
            return explicit ? Optional.of(ConfigFile.empty(path)) : Optional.empty();
        }
        try {
            return Optional.of(ConfigFile.read(path));
        } catch (IOException | IllegalArgumentException e) {
            throw new DatabricksException("resolve: cannot parse config file " + path + ": " + e.getMessage(), e);
        }
    }

    private Path expandHome(String file) {
        if (file.startsWith("~") && env.get("HOME") != null) {
            return Path.of(env.get("HOME") + file.substring(1));
        }
        return Path.of(file);
    }

    private boolean anyAuthAttributeSet() {
        return ConfigAttribute.all().stream().anyMatch(a -> a.authCategory() != null && isSet(a));
    }

    /**
     * True when the attribute is set to something that selects its method: a flag such as {@code azure_use_msi} set
     * to {@code false} (as Spring Boot or camel-main may copy a default) chooses nothing, as in the other SDKs.
     */
    private boolean choosesAuthMethod(ConfigAttribute attribute) {
        return isSet(attribute) && !Boolean.FALSE.equals(values.get(attribute));
    }

    private void validate() {
        if (getAuthType() != null && !getAuthType().isBlank()) {
            return;
        }
        TreeSet<String> used = new TreeSet<>();
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            if (attribute.authCategory() != null && choosesAuthMethod(attribute)) {
                used.add(attribute.authCategory());
            }
        }
        if (used.size() > 1) {
            throw new DatabricksException("validate: more than one authorization method configured: "
                    + String.join(" and ", used));
        }
    }

    // ---------------------------------------------------------------- authentication

    /**
     * Runs the credentials chain once (resolving first if needed) and remembers the chosen provider in
     * {@code auth_type}.
     */
    public synchronized HeaderFactory authenticate() {
        if (!resolved) {
            resolve();
        }
        HeaderFactory current = headerFactory;
        if (current != null) {
            return current;
        }
        checkTransportSecurity();
        try {
            HeaderFactory factory = credentialsProvider.configure(this)
                    .orElseThrow(() -> new DatabricksException("cannot configure default credentials"));
            String chosen = credentialsProvider.authType();
            if (!"default".equals(chosen)) {
                values.put(ConfigAttribute.AUTH_TYPE, chosen);
            }
            headerFactory = factory;
            return factory;
        } catch (DatabricksException e) {
            String prefix = credentialsProvider instanceof DefaultCredentialsProvider ? "default" : credentialsProvider.authType();
            throw withDebugSuffix(prefix + " auth: " + e.getMessage(), e);
        }
    }

    private static final Pattern LOOPBACK = Pattern.compile(
            "localhost|127(\\.\\d{1,3}){3}|\\[?::1]?|\\[?0:0:0:0:0:0:0:1]?", Pattern.CASE_INSENSITIVE);

    /**
     * Credentials go over TLS: a plain {@code http://} host other than a loopback address ({@code localhost},
     * {@code 127.x.x.x}, {@code ::1}) is refused unless {@code allow_insecure_http} is set. Nothing is sent before.
     */
    private void checkTransportSecurity() {
        String host = getHost();
        if (host == null || !host.regionMatches(true, 0, "http://", 0, 7) || isAllowInsecureHttp()) {
            return;
        }
        String name;
        try {
            name = java.net.URI.create(host).getHost();
        } catch (IllegalArgumentException e) {
            name = null;
        }
        if (name == null || !LOOPBACK.matcher(name).matches()) {
            throw withDebugSuffix("refusing to send credentials over plain http to " + host
                    + ": use https, or set allow_insecure_http (DATABRICKS_ALLOW_INSECURE_HTTP) to allow it", null);
        }
        LOG.debug("plain http to the loopback host {}", host);
    }

    /** Whether a host name or address is a loopback one (no DNS lookup). */
    public static boolean isLoopbackHost(String hostName) {
        return hostName != null && LOOPBACK.matcher(hostName).matches();
    }

    /** Whether {@link #authenticate()} has succeeded. */
    public boolean isAuthenticated() {
        return headerFactory != null;
    }

    /** Replaces the default credentials chain (e.g. with a custom provider). */
    public DatabricksConfig setCredentialsProvider(CredentialsProvider provider) {
        this.credentialsProvider = Objects.requireNonNull(provider, "provider");
        this.headerFactory = null;
        return this;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    /** The clock token expiry is judged by (a test can use a fixed or manual one). */
    public Clock getClock() {
        return clock;
    }

    public DatabricksConfig setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The transport OAuth providers use for token endpoints and discovery (default: see {@link #authTransport()}).
     * Setting one is for tests and unusual networks; it is used as given, and the caller closes it.
     */
    public DatabricksConfig setAuthTransport(HttpTransport transport) {
        this.authTransport = transport;
        this.tokenEndpointClient = null;
        return this;
    }

    /** The client OAuth providers use to reach token endpoints (created on first use). */
    public TokenEndpointClient tokenEndpointClient() {
        TokenEndpointClient client = tokenEndpointClient;
        if (client == null) {
            synchronized (this) {
                client = tokenEndpointClient;
                if (client == null) {
                    client = new TokenEndpointClient(authTransport(), JsonMapper.create(), clock);
                    tokenEndpointClient = client;
                }
            }
        }
        return client;
    }

    /**
     * The transport of authentication requests (OAuth token endpoints and OIDC discovery, Azure AD through msal4j,
     * IMDS, metadata services, Google token endpoints): the one set with {@link #setAuthTransport}, else the kind a
     * client uses by default, an {@code ApacheHttpTransport}, with this configuration's {@link #transportSettings}
     * (proxy and its credentials, {@code SSLContext}, {@code skip_verify}, timeouts), created on first use
     * ({@link DefaultAuthTransport}).
     */
    public synchronized HttpTransport authTransport() {
        if (authTransport == null) {
            authTransport = DefaultAuthTransport.create(this);
        }
        return authTransport;
    }

    /**
     * A TLS context to verify servers with (custom trust store, client certificates), instead of the JVM's default;
     * used by every transport this configuration makes. Not an attribute: set in code (Camel:
     * {@code sslContextParameters}). {@code skip_verify} wins over it.
     */
    public DatabricksConfig setSslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    /** The proxy of {@code proxy_host}/{@code proxy_port} (default 8080) and friends, or null when none is set. */
    public ProxySettings proxySettings() {
        String proxyHost = string(ConfigAttribute.PROXY_HOST);
        if (proxyHost == null || proxyHost.isBlank()) {
            return null;
        }
        Integer port = integer(ConfigAttribute.PROXY_PORT);
        try {
            return new ProxySettings(proxyHost.trim(), port == null ? 8080 : port,
                    string(ConfigAttribute.PROXY_USERNAME), string(ConfigAttribute.PROXY_PASSWORD),
                    ProxySettings.parseNonProxyHosts(string(ConfigAttribute.NON_PROXY_HOSTS)));
        } catch (IllegalArgumentException e) {
            throw withDebugSuffix("invalid proxy configuration: " + e.getMessage(), e);
        }
    }

    /** What the transports of this configuration use: its timeouts, TLS settings and proxy. */
    public TransportSettings transportSettings(int maxConnections) {
        Duration timeout = Duration.ofSeconds(getHttpTimeoutSeconds());
        return new TransportSettings(timeout, timeout, maxConnections, isSkipVerify(), sslContext, proxySettings());
    }

    /** The environment this configuration was resolved against (empty before {@link #resolve}). */
    public Map<String, String> getEnvironment() {
        return env;
    }

    // ---------------------------------------------------------------- cloud detection

    public boolean isAzure() {
        if (isSet(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID)) {
            return true;
        }
        String host = hostName();
        return host.endsWith(".azuredatabricks.net") || host.endsWith(".databricks.azure.us")
                || host.endsWith(".databricks.azure.cn") || host.endsWith(".dev.azuredatabricks.net")
                || host.endsWith(".staging.azuredatabricks.net");
    }

    public boolean isGcp() {
        return hostName().endsWith(".gcp.databricks.com");
    }

    public boolean isAws() {
        return !isAzure() && !isGcp();
    }

    /** Whether the host is an accounts console ({@code https://accounts.} or {@code https://accounts-dod.}). */
    public boolean isAccountClient() {
        String host = getHost();
        return host != null && (host.startsWith("https://accounts.") || host.startsWith("https://accounts-dod."));
    }

    private String hostName() {
        String host = getHost();
        if (host == null) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int end = h.indexOf('/');
        if (end >= 0) {
            h = h.substring(0, end);
        }
        int port = h.indexOf(':');
        return port >= 0 ? h.substring(0, port) : h;
    }

    // ---------------------------------------------------------------- debug string

    /** {@code message. Config: k=v, ... . Env: VAR, ...} with secrets as {@code ***}; empty parts are left out. */
    public DatabricksException withDebugSuffix(String message, Throwable cause) {
        return new DatabricksException(message + debugSuffix(), cause);
    }

    /** The debug suffix alone, e.g. {@code . Config: host=https://x. Env: DATABRICKS_HOST}. */
    public String debugSuffix() {
        List<String> config = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            Object value = values.get(attribute);
            if (!AttributeValues.isEmpty(value)) {
                config.add(attribute.attributeName() + "="
                        + (attribute.isSensitive() ? "***" : AttributeValues.display(value)));
            }
            if (attribute.envVar() != null && env.containsKey(attribute.envVar())) {
                vars.add(attribute.envVar());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!config.isEmpty()) {
            sb.append(". Config: ").append(String.join(", ", config));
        }
        if (!vars.isEmpty()) {
            sb.append(". Env: ").append(String.join(", ", vars));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        String suffix = debugSuffix();
        return "DatabricksConfig" + (suffix.isEmpty() ? "{}" : "{" + suffix.substring(2) + "}");
    }

    /** A copy of this configuration's explicit values (for cloning, e.g. per Camel endpoint). */
    public Map<ConfigAttribute, Object> explicitValues() {
        return Collections.unmodifiableMap(new EnumMap<>(values));
    }

    // ---------------------------------------------------------------- typed accessors

    private String string(ConfigAttribute a) {
        Object v = get(a);
        return v == null ? null : v.toString();
    }

    private Integer integer(ConfigAttribute a) {
        return (Integer) get(a);
    }

    private boolean bool(ConfigAttribute a) {
        return Boolean.TRUE.equals(get(a));
    }

    public String getHost() { return string(ConfigAttribute.HOST); }
    public DatabricksConfig setHost(String host) { return set(ConfigAttribute.HOST, host); }
    public String getAccountId() { return string(ConfigAttribute.ACCOUNT_ID); }
    public DatabricksConfig setAccountId(String accountId) { return set(ConfigAttribute.ACCOUNT_ID, accountId); }
    public String getToken() { return string(ConfigAttribute.TOKEN); }
    public DatabricksConfig setToken(String token) { return set(ConfigAttribute.TOKEN, token); }
    public String getClientId() { return string(ConfigAttribute.CLIENT_ID); }
    public DatabricksConfig setClientId(String clientId) { return set(ConfigAttribute.CLIENT_ID, clientId); }
    public String getClientSecret() { return string(ConfigAttribute.CLIENT_SECRET); }
    public DatabricksConfig setClientSecret(String secret) { return set(ConfigAttribute.CLIENT_SECRET, secret); }
    @SuppressWarnings("unchecked")
    public List<String> getScopes() { return (List<String>) get(ConfigAttribute.SCOPES); }
    public DatabricksConfig setScopes(List<String> scopes) { return set(ConfigAttribute.SCOPES, scopes); }
    public String getUsername() { return string(ConfigAttribute.USERNAME); }
    public DatabricksConfig setUsername(String username) { return set(ConfigAttribute.USERNAME, username); }
    public String getPassword() { return string(ConfigAttribute.PASSWORD); }
    public DatabricksConfig setPassword(String password) { return set(ConfigAttribute.PASSWORD, password); }
    public String getProfile() { return string(ConfigAttribute.PROFILE); }
    public DatabricksConfig setProfile(String profile) { return set(ConfigAttribute.PROFILE, profile); }
    public String getConfigFile() { return string(ConfigAttribute.CONFIG_FILE); }
    public DatabricksConfig setConfigFile(String file) { return set(ConfigAttribute.CONFIG_FILE, file); }
    public String getClusterId() { return string(ConfigAttribute.CLUSTER_ID); }
    public DatabricksConfig setClusterId(String id) { return set(ConfigAttribute.CLUSTER_ID, id); }
    public String getWarehouseId() { return string(ConfigAttribute.WAREHOUSE_ID); }
    public DatabricksConfig setWarehouseId(String id) { return set(ConfigAttribute.WAREHOUSE_ID, id); }
    public String getAuthType() { return string(ConfigAttribute.AUTH_TYPE); }
    public DatabricksConfig setAuthType(String authType) { return set(ConfigAttribute.AUTH_TYPE, authType); }
    public int getHttpTimeoutSeconds() { return integer(ConfigAttribute.HTTP_TIMEOUT_SECONDS); }
    public DatabricksConfig setHttpTimeoutSeconds(int s) { return set(ConfigAttribute.HTTP_TIMEOUT_SECONDS, s); }
    public int getRetryTimeoutSeconds() { return integer(ConfigAttribute.RETRY_TIMEOUT_SECONDS); }
    public DatabricksConfig setRetryTimeoutSeconds(int s) { return set(ConfigAttribute.RETRY_TIMEOUT_SECONDS, s); }
    public int getDebugTruncateBytes() { return integer(ConfigAttribute.DEBUG_TRUNCATE_BYTES); }
    public DatabricksConfig setDebugTruncateBytes(int n) { return set(ConfigAttribute.DEBUG_TRUNCATE_BYTES, n); }
    public boolean isDebugHeaders() { return bool(ConfigAttribute.DEBUG_HEADERS); }
    public DatabricksConfig setDebugHeaders(boolean b) { return set(ConfigAttribute.DEBUG_HEADERS, b); }
    /** Requests per second per client, or null for no limit. */
    public Integer getRateLimit() { return integer(ConfigAttribute.RATE_LIMIT); }
    public DatabricksConfig setRateLimit(Integer rps) { return set(ConfigAttribute.RATE_LIMIT, rps); }
    public int getMaxConnectionsPerPool() { return integer(ConfigAttribute.MAX_CONNECTIONS_PER_POOL); }
    public DatabricksConfig setMaxConnectionsPerPool(int n) { return set(ConfigAttribute.MAX_CONNECTIONS_PER_POOL, n); }
    public boolean isSkipVerify() { return bool(ConfigAttribute.SKIP_VERIFY); }
    public DatabricksConfig setSkipVerify(boolean b) { return set(ConfigAttribute.SKIP_VERIFY, b); }
    public boolean isAllowInsecureHttp() { return bool(ConfigAttribute.ALLOW_INSECURE_HTTP); }
    public DatabricksConfig setAllowInsecureHttp(boolean b) { return set(ConfigAttribute.ALLOW_INSECURE_HTTP, b); }
    public String getProxyHost() { return string(ConfigAttribute.PROXY_HOST); }
    public DatabricksConfig setProxyHost(String host) { return set(ConfigAttribute.PROXY_HOST, host); }
    public Integer getProxyPort() { return integer(ConfigAttribute.PROXY_PORT); }
    public DatabricksConfig setProxyPort(Integer port) { return set(ConfigAttribute.PROXY_PORT, port); }
    public String getProxyUsername() { return string(ConfigAttribute.PROXY_USERNAME); }
    public DatabricksConfig setProxyUsername(String user) { return set(ConfigAttribute.PROXY_USERNAME, user); }
    public String getProxyPassword() { return string(ConfigAttribute.PROXY_PASSWORD); }
    public DatabricksConfig setProxyPassword(String password) { return set(ConfigAttribute.PROXY_PASSWORD, password); }
    public String getNonProxyHosts() { return string(ConfigAttribute.NON_PROXY_HOSTS); }
    public DatabricksConfig setNonProxyHosts(String hosts) { return set(ConfigAttribute.NON_PROXY_HOSTS, hosts); }
    public boolean isDisableRetries() { return bool(ConfigAttribute.DISABLE_RETRIES); }
    public DatabricksConfig setDisableRetries(boolean b) { return set(ConfigAttribute.DISABLE_RETRIES, b); }
    public String getAzureWorkspaceResourceId() { return string(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID); }
    public DatabricksConfig setAzureWorkspaceResourceId(String id) { return set(ConfigAttribute.AZURE_WORKSPACE_RESOURCE_ID, id); }
}
