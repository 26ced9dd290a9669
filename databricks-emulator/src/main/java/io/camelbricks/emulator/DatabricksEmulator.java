package io.camelbricks.emulator;

import io.camelbricks.emulator.clusters.ClusterPoliciesHandler;
import io.camelbricks.emulator.clusters.ClustersHandler;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.clusters.InstancePoolsHandler;
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
 * the server. An emulator is started at most once.
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
    private final EmulatedOAuth oauth;
    private final List<ServiceHandler> services;
    // spec fallback, paging, faults
    private final OpenApiSpec spec;
    private final PageSizes pageSizes;
    private final SpecFallback fallback;
    private final EmulatedFaults faults;
    private volatile ApiServer server;
    private volatile String url;
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
        this.oauth = new EmulatedOAuth(clock, options.userName(), this::urlOrPlaceholder);
        this.services = List.of(new JobsHandler(jobs), new ClustersHandler(clusters),
                new InstancePoolsHandler(clusters), new ClusterPoliciesHandler(clusters), new CurrentUserHandler(),
                new DiscoveryHandler(oauth), new AuthorizeHandler(oauth), new TokenHandler(oauth));
    }

    /** Binds 127.0.0.1:{@code port} and starts answering. Returns this. */
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
            ApiServer s = new ApiServer(options.port(), options.threads(), router,
                    List.of(new BearerTokenAuthenticator(token, options.userName(), oauth.accessTokenVerifier())),
                    requests, faults);
            s.start();
            this.url = "http://" + s.host() + ":" + s.port();
            this.server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + options.port(), e);
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

    public int port() {
        ApiServer s = server;
        if (s == null) {
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
        oauth.reset();
        faults.clear();
        pageSizes.reset();
        fallback.reset();
        requests.clear();
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
    }

    @Override
    public String toString() {
        return "DatabricksEmulator[" + (url == null ? "not started" : url) + (closed ? ", closed" : "") + "]";
    }

    private String urlOrPlaceholder() {
        String u = url;
        return u != null ? u : "http://127.0.0.1:" + options.port();
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "dapi" + HexFormat.of().formatHex(bytes);
    }
}
