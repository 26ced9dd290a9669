package io.camelbricks.emulator;

import io.camelbricks.emulator.clusters.ClusterPoliciesHandler;
import io.camelbricks.emulator.clusters.ClustersHandler;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.clusters.InstancePoolsHandler;
import io.camelbricks.emulator.commands.CommandsHandler;
import io.camelbricks.emulator.commands.EmulatedCommands;
import io.camelbricks.emulator.faults.EmulatedFaults;
import io.camelbricks.emulator.jobs.EmulatedJobs;
import io.camelbricks.emulator.iam.CurrentUserHandler;
import io.camelbricks.emulator.jobs.JobsHandler;
import io.camelbricks.emulator.oauth.AuthorizeHandler;
import io.camelbricks.emulator.oauth.DiscoveryHandler;
import io.camelbricks.emulator.oauth.EmulatedOAuth;
import io.camelbricks.emulator.oauth.TokenHandler;
import io.camelbricks.emulator.server.ApiServer;
import io.camelbricks.emulator.server.BearerTokenAuthenticator;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.RequestLog;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import io.camelbricks.emulator.spec.OpenApiSpec;
import io.camelbricks.emulator.spec.SpecFallback;
import io.camelbricks.emulator.catalog.EmulatedCatalog;
import io.camelbricks.emulator.catalog.UnityCatalogHandler;
import io.camelbricks.emulator.files.DbfsHandler;
import io.camelbricks.emulator.files.EmulatedFiles;
import io.camelbricks.emulator.files.FilesHandler;
import io.camelbricks.emulator.iam.EmulatedIdentities;
import io.camelbricks.emulator.iam.EmulatedPermissions;
import io.camelbricks.emulator.iam.PermissionsHandler;
import io.camelbricks.emulator.iam.ScimHandler;
import io.camelbricks.emulator.repos.EmulatedRepos;
import io.camelbricks.emulator.repos.ReposHandler;
import io.camelbricks.emulator.secrets.EmulatedSecrets;
import io.camelbricks.emulator.secrets.SecretsHandler;
import io.camelbricks.emulator.server.AccessTokenVerifier;
import io.camelbricks.emulator.sql.EmulatedSql;
import io.camelbricks.emulator.sql.ExternalLinksHandler;
import io.camelbricks.emulator.sql.SqlEngine;
import io.camelbricks.emulator.sql.StatementsHandler;
import io.camelbricks.emulator.sql.WarehousesHandler;
import io.camelbricks.emulator.tokens.EmulatedTokens;
import io.camelbricks.emulator.tokens.TokensHandler;
import io.camelbricks.emulator.workspace.EmulatedWorkspace;
import io.camelbricks.emulator.workspace.WorkspaceHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Databricks workspace on 127.0.0.1.
 *
 * <pre>{@code
 * try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
 *     // DATABRICKS_HOST = emu.url(), DATABRICKS_TOKEN = emu.token()
 *     emu.jobs().failNextRun();
 *     ...
 *     assertThat(emu.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);
 * }
 * }</pre>
 *
 * State (jobs, runs, clusters, scripts) can be seeded before or after {@link #start()}; {@link #close()} stops
 * the server for good. {@link #stop()} stops only the server, keeping the state: a later {@link #start()} serves the
 * same workspace on the same port (a workspace restart, as clients see it).
 */
public final class DatabricksEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksEmulator.class);
    /** Nesting depth of the spec fallback's sample answers. */
    private static final int SAMPLE_DEPTH = 6;

    private final EmulatorOptions options;
    private final String token;
    private final RequestLog requests;
    private final EmulatedJobs jobs;
    private final EmulatedClusters clusters;
    private final EmulatedCommands commands;
    private final EmulatedOAuth oauth;
    private final List<ServiceHandler> services;
    // spec fallback, paging, faults
    private final OpenApiSpec spec;
    private final PageSizes pageSizes;
    private final SpecFallback fallback;
    private final EmulatedFaults faults;
    // SQL (H2), Unity Catalog, DBFS and Files, workspace, secrets, SCIM, tokens, permissions
    private final SqlEngine sqlEngine;
    private final EmulatedCatalog catalog;
    private final EmulatedFiles files;
    private final EmulatedSql sql;
    private final EmulatedWorkspace workspace;
    private final EmulatedSecrets secrets;
    private final EmulatedIdentities identities;
    private final EmulatedTokens tokens;
    private final EmulatedPermissions permissions;
    // Repos (Git folders, REPO objects of the workspace tree)
    private final EmulatedRepos repos;
    private volatile ApiServer server;
    private volatile String url;
    /** The URL clients reach the workspace at, when it is not {@link #url} (see {@link #publicUrl(String)}). */
    private volatile String publicUrl;
    /** The port of the first start: a restart after {@link #stop()} binds it again. */
    private volatile int boundPort;
    private volatile boolean closed;

    public DatabricksEmulator() {
        this(EmulatorOptions.defaults());
    }

    public DatabricksEmulator(EmulatorOptions options) {
        this.options = options;
        this.token = options.token() != null ? options.token() : randomToken();
        Clock clock = options.clock();
        this.spec = OpenApiSpec.shared();
        this.requests = new RequestLog(options.requestLogCapacity(), clock, spec::operationId);
        this.pageSizes = new PageSizes(options.maxPageSize());
        this.fallback = new SpecFallback(spec, pageSizes, options.fallbackListSize(), SAMPLE_DEPTH);
        this.faults = new EmulatedFaults(clock, spec::operationId);
        this.jobs = new EmulatedJobs(clock, options.userName(), this::urlOrPlaceholder, options.runScript(),
                options.failureMarkers());
        this.clusters = new EmulatedClusters(clock, options.userName());
        this.commands = new EmulatedCommands(clock, clusters);
        this.oauth = new EmulatedOAuth(clock, options.userName(), this::urlOrPlaceholder);
        this.sqlEngine = new SqlEngine();
        this.catalog = new EmulatedCatalog(clock, options.userName(), sqlEngine);
        this.files = new EmulatedFiles(clock, catalog);
        this.sql = new EmulatedSql(clock, options.userName(), this::urlOrPlaceholder, sqlEngine, catalog);
        this.workspace = new EmulatedWorkspace(clock, options.userName());
        this.secrets = new EmulatedSecrets(clock, options.userName());
        this.identities = new EmulatedIdentities(options.userName());
        this.tokens = new EmulatedTokens(clock);
        this.permissions = new EmulatedPermissions();
        this.repos = new EmulatedRepos(workspace, options.userName());
        this.services = List.of(new JobsHandler(jobs, pageSizes), new ClustersHandler(clusters, pageSizes),
                new InstancePoolsHandler(clusters), new ClusterPoliciesHandler(clusters), new CurrentUserHandler(identities),
                new DiscoveryHandler(oauth), new AuthorizeHandler(oauth), new TokenHandler(oauth),
                new WarehousesHandler(sql, pageSizes), new StatementsHandler(sql), new ExternalLinksHandler(sql),
                new UnityCatalogHandler(catalog, pageSizes), new DbfsHandler(files), new FilesHandler(files, pageSizes),
                new WorkspaceHandler(workspace), new SecretsHandler(secrets), new ScimHandler(identities, pageSizes),
                new TokensHandler(tokens, options.userName()),
                new PermissionsHandler(permissions, identities, options.userName(), this::objectExists),
                new ReposHandler(repos, pageSizes), new CommandsHandler(commands));
    }

    /**
     * Binds 127.0.0.1:{@code port} and starts answering. Returns this. After {@link #stop()}, starts again on the port
     * it had, with the state it had (jobs, runs, tokens, faults, the request log).
     */
    public synchronized DatabricksEmulator start() {
        if (closed) {
            throw new IllegalStateException("emulator is closed");
        }
        if (server != null) {
            throw new IllegalStateException("emulator already started at " + url);
        }
        Router router = new Router();
        services.forEach(s -> s.register(router));
        router.fallback(fallback);   // after the services: registered routes always win
        try {
            ApiServer s = new ApiServer(boundPort != 0 ? boundPort : options.port(), options.threads(), router,
                    List.of(new BearerTokenAuthenticator(token, options.userName(),
                            firstKnown(oauth.accessTokenVerifier(), tokens.verifier()))),
                    requests, faults);
            s.start();
            this.url = "http://" + s.host() + ":" + s.port();
            this.boundPort = s.port();
            this.server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + (boundPort != 0 ? boundPort : options.port()), e);
        }
        LOG.info("Databricks emulator listening on {}", url);
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, the workspace host to configure clients with. */
    public String url() {
        String u = url;
        if (u == null) {
            throw new IllegalStateException("emulator not started");
        }
        return u;
    }

    /**
     * The URL clients reach this workspace at when it is not {@link #url()}, e.g. a TLS front on loopback
     * ({@code https://localhost:<port>} relaying to the emulator): what the workspace names in its answers (the
     * OAuth issuer and its endpoints, external result links, run page URLs, JDBC URLs) is built on it. Null goes back
     * to {@link #url()}. Kept across {@link #reset()} and restarts. Returns this.
     */
    public DatabricksEmulator publicUrl(String publicUrl) {
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#]+")) {
            throw new IllegalArgumentException("publicUrl must be scheme://host[:port] with no path, got '" + publicUrl
                    + "'; e.g. https://localhost:8443");
        }
        this.publicUrl = publicUrl;
        return this;
    }

    public int port() {
        ApiServer s = server;
        if (s == null) {
            if (boundPort != 0) {
                return boundPort; // stopped: the port it will start on again
            }
            throw new IllegalStateException("emulator not started");
        }
        return s.port();
    }

    /** The personal access token clients must send as {@code Authorization: Bearer <token>}. */
    public String token() {
        return token;
    }

    public boolean isRunning() {
        return server != null && !closed;
    }

    public EmulatorOptions options() {
        return options;
    }

    public Clock clock() {
        return options.clock();
    }

    /** Jobs and runs: seeding, inspection, lifecycle scripting. */
    public EmulatedJobs jobs() {
        return jobs;
    }

    /** Clusters: seeding and inspection. */
    public EmulatedClusters clusters() {
        return clusters;
    }

    /**
     * The Command Execution API (1.2) on the clusters: dbutils state (mounts, widgets, task values), command
     * lifecycles, contexts open and destroyed. Commands must follow the camelbricks dbutils call protocol.
     */
    public EmulatedCommands commands() {
        return commands;
    }

    /**
     * The OAuth server ({@code /oidc/...}): service principals, app integrations, federation policies, token
     * lifetimes, counts of token requests. Its access tokens are accepted on every API next to the PAT.
     */
    public EmulatedOAuth oauth() {
        return oauth;
    }

    /**
     * Fault injection and rate limits: {@code faults().on("POST", "/jobs/runs/submit").respond(503).times(2)},
     * {@code faults().rateLimit("/jobs/runs/get", 10)}, {@code faults().injected()}.
     */
    public EmulatedFaults faults() {
        return faults;
    }

    /** Page sizes of the lists: {@code pageSizes().max(2)} forces two items per page on every list. */
    public PageSizes pageSizes() {
        return pageSizes;
    }

    /** The OpenAPI documents the emulator answers by (operations, schemas, operationIds of paths). */
    public OpenApiSpec spec() {
        return spec;
    }

    /** The answers of operations no service emulates (samples of the spec's schemas): counts per operationId. */
    public SpecFallback fallback() {
        return fallback;
    }

    /** SQL warehouses and statements (on the embedded H2 database): seeding, scripts, result limits. */
    public EmulatedSql sql() {
        return sql;
    }

    /** Unity Catalog: catalogs, schemas, tables (the H2 tables) and volumes. */
    public EmulatedCatalog catalog() {
        return catalog;
    }

    /** DBFS and the Files API (volume files), on a temporary directory removed by {@link #close()}. */
    public EmulatedFiles files() {
        return files;
    }

    /** The workspace tree: notebooks, files, directories. */
    public EmulatedWorkspace workspace() {
        return workspace;
    }

    /** Secret scopes, secrets and ACLs. */
    public EmulatedSecrets secrets() {
        return secrets;
    }

    /** SCIM users, groups and service principals ({@code Me} answers from here). */
    public EmulatedIdentities identities() {
        return identities;
    }

    /** Personal access tokens made with the Tokens API (accepted like the PAT until deleted or expired). */
    public EmulatedTokens tokens() {
        return tokens;
    }

    /** Access control lists set through the Permissions API. */
    public EmulatedPermissions permissions() {
        return permissions;
    }

    /** Git folders made with the Repos API (each also a REPO object of the workspace tree). */
    public EmulatedRepos repos() {
        return repos;
    }

    /** Every request received, for assertions on what a client sent. */
    public RequestLog requests() {
        return requests;
    }

    /**
     * Back to a fresh workspace: no jobs or runs, the seeded clusters, no scripts, an empty request log, an OAuth
     * server with only {@code databricks-cli} registered and nothing issued.
     */
    public void reset() {
        jobs.reset();
        clusters.reset();
        commands.reset();
        oauth.reset();
        faults.clear();
        pageSizes.reset();
        fallback.reset();
        sqlEngine.reset();
        catalog.reset();
        files.reset();
        sql.reset();
        workspace.reset();
        secrets.reset();
        identities.reset();
        tokens.reset();
        permissions.reset();
        repos.reset();
        requests.clear();
    }

    /**
     * Stops the server (open connections are closed, new ones refused) but keeps the workspace: {@link #start()}
     * serves it again on the same port, as a restarted workspace. {@link #url()} stays valid. Idempotent.
     */
    public synchronized void stop() {
        ApiServer s = server;
        if (s == null || closed) {
            return;
        }
        server = null;
        s.close();
        LOG.info("Databricks emulator at {} stopped (state kept; start() again to restart)", url);
    }

    /** {@link #stop()}, then {@link #start()} on the same port: a restart that keeps the state. Returns this. */
    public synchronized DatabricksEmulator restart() {
        stop();
        return start();
    }

    /** Stops the server and its worker threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ApiServer s = server;
        if (s != null) {
            s.close();
            LOG.info("Databricks emulator at {} stopped", url);
        }
        sqlEngine.close();
        files.close();
    }

    @Override
    public String toString() {
        return "DatabricksEmulator[" + (url == null ? "not started" : url) + (closed ? ", closed" : "") + "]";
    }

    /** The OAuth tokens first, then the tokens of the Tokens API. */
    private static AccessTokenVerifier firstKnown(AccessTokenVerifier first, AccessTokenVerifier second) {
        return (token, apiPath) -> {
            AccessTokenVerifier.Verdict verdict = first.verify(token, apiPath);
            return verdict.status() == AccessTokenVerifier.Status.UNKNOWN ? second.verify(token, apiPath) : verdict;
        };
    }

    /** Whether the object of a Permissions API call exists (jobs, clusters, warehouses, workspace objects). */
    private boolean objectExists(String type, String id) {
        try {
            return switch (type) {
                case "jobs" -> jobs.job(Long.parseLong(id)).isPresent();
                case "clusters" -> clusters.cluster(id).isPresent();
                case "warehouses" -> sql.warehouse(id).filter(w -> !"DELETED".equals(w.path("state").asText()))
                        .isPresent();
                case "notebooks", "directories", "files" -> workspace.objectTypeById(Long.parseLong(id)).isPresent();
                case "repos" -> repos.repo(Long.parseLong(id)).isPresent();
                default -> true;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String urlOrPlaceholder() {
        String advertised = publicUrl;
        if (advertised != null) {
            return advertised;
        }
        String u = url;
        return u != null ? u : "http://127.0.0.1:" + options.port();
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "dapi" + HexFormat.of().formatHex(bytes);
    }
}
