package io.camelbricks.emulator.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * SQL warehouses and the Statement Execution API, test-facing side: seeding, inspection, lifecycle scripting and the
 * limits of results. Statements run on the emulator's embedded H2 database ({@link SqlEngine}).
 *
 * <pre>{@code
 * emu.sql().execute("CREATE TABLE main.default.t (id INT, name STRING)");   // seed without HTTP
 * emu.sql().scriptStatementsMatching("(?i)slow_table", StatementScript.running(5));
 * emu.sql().chunkRows(100).externalLinkLifetime(Duration.ofMinutes(1));
 * }</pre>
 */
public final class EmulatedSql {

    /** The warehouse every workspace starts with: "Emulator Warehouse", RUNNING, serverless. */
    public static final String DEFAULT_WAREHOUSE_ID = "e0d1c2b3a4958677";

    /** The INLINE cap of the real service: 25 MiB. */
    public static final long INLINE_BYTE_LIMIT = 25L * 1024 * 1024;

    static final Set<String> CLUSTER_SIZES = Set.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
            "2X-Large", "3X-Large", "4X-Large");

    private final Clock clock;
    private final String userName;
    private final Supplier<String> baseUrl;
    private final SqlEngine engine;
    private final SqlCatalogs catalogs;
    final WarehouseStore warehouses = new WarehouseStore();
    private final Map<String, StoredStatement> statements = new ConcurrentHashMap<>();
    private final Map<String, LinkTarget> links = new ConcurrentHashMap<>();
    private final ArrayDeque<StatementScript> nextScripts = new ArrayDeque<>();
    private final List<Map.Entry<Predicate<String>, StatementScript>> rules = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    private volatile StatementScript defaultScript = StatementScript.immediate();
    private volatile long inlineByteLimit = INLINE_BYTE_LIMIT;
    private volatile int chunkRows = 10_000;
    private volatile long chunkBytes = 4L * 1024 * 1024;
    private volatile Duration linkLifetime = Duration.ofMinutes(15);
    private volatile Duration resultRetention = Duration.ofHours(1);
    private volatile String defaultCatalog = "main";
    private volatile boolean totalChunkCountShown = true;
    private volatile Map<String, String> linkHeaders = Map.of();

    /** Where an external link points: a chunk of a statement, until {@code expiresAt}. */
    record LinkTarget(String statementId, int chunk, Instant expiresAt) {
    }

    public EmulatedSql(Clock clock, String userName, Supplier<String> baseUrl, SqlEngine engine, SqlCatalogs catalogs) {
        this.clock = clock;
        this.userName = userName;
        this.baseUrl = baseUrl;
        this.engine = engine;
        this.catalogs = catalogs;
        seed();
    }

    private void seed() {
        ObjectNode config = Json.object();
        config.put("name", "Emulator Warehouse");
        config.put("cluster_size", "2X-Small");
        config.put("min_num_clusters", 1);
        config.put("max_num_clusters", 1);
        config.put("auto_stop_mins", 0);
        config.put("enable_photon", true);
        config.put("enable_serverless_compute", true);
        config.put("warehouse_type", "PRO");
        config.put("spot_instance_policy", "COST_OPTIMIZED");
        config.putObject("channel").put("name", "CHANNEL_NAME_CURRENT");
        config.put("creator_name", userName);
        warehouses.create(DEFAULT_WAREHOUSE_ID, config, "RUNNING", clock.instant());
    }

    // ---- warehouses

    /** Creates a RUNNING warehouse (no HTTP, no STARTING phase); returns its id. */
    public String createWarehouse(String name) {
        ObjectNode config = Json.object();
        config.put("name", Objects.requireNonNull(name, "name"));
        config.put("cluster_size", "2X-Small");
        config.put("min_num_clusters", 1);
        config.put("max_num_clusters", 1);
        config.put("auto_stop_mins", 0);
        config.put("creator_name", userName);
        return warehouses.create(newWarehouseId(), config, "RUNNING", clock.instant()).id;
    }

    /** The warehouse as {@code GET /sql/warehouses/{id}} shows it, without counting as a look. */
    public Optional<ObjectNode> warehouse(String id) {
        return warehouses.find(id).map(this::renderWarehouse);
    }

    /** The warehouse's state, without counting as a look (clock-driven changes apply). */
    public Optional<String> warehouseState(String id) {
        return warehouses.find(id).map(w -> warehouses.observe(w, clock.instant(), false));
    }

    /** Warehouses stay STARTING for {@code polls} looks (default 1). */
    public EmulatedSql warehouseStartup(int polls) {
        warehouses.timings(WarehouseStore.Timing.ofPolls(polls), null);
        return this;
    }

    /** Warehouses stay STARTING for {@code duration} of clock time. */
    public EmulatedSql warehouseStartup(Duration duration) {
        warehouses.timings(WarehouseStore.Timing.ofDuration(duration), null);
        return this;
    }

    /** Warehouses stay STOPPING for {@code polls} looks (default 1). */
    public EmulatedSql warehouseShutdown(int polls) {
        warehouses.timings(null, WarehouseStore.Timing.ofPolls(polls));
        return this;
    }

    public EmulatedSql warehouseShutdown(Duration duration) {
        warehouses.timings(null, WarehouseStore.Timing.ofDuration(duration));
        return this;
    }

    /** Stops a warehouse now (STOPPED, no STOPPING phase). */
    public void stopWarehouseNow(String id) {
        WarehouseStore.StoredWarehouse w = warehouses.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no warehouse " + id));
        warehouses.force(w, "STOPPED", clock.instant());
    }

    // ---- statements: scripts and limits

    /** The next statement follows {@code script} (queued: one script per statement, in order). */
    public EmulatedSql scriptNextStatement(StatementScript script) {
        synchronized (nextScripts) {
            nextScripts.add(Objects.requireNonNull(script, "script"));
        }
        return this;
    }

    /** Statements whose text matches {@code regex} (find, not whole match) follow {@code script}. */
    public EmulatedSql scriptStatementsMatching(String regex, StatementScript script) {
        Pattern p = Pattern.compile(regex);
        return scriptStatementsWhere(sql -> p.matcher(sql).find(), script);
    }

    public EmulatedSql scriptStatementsWhere(Predicate<String> statementText, StatementScript script) {
        synchronized (rules) {
            rules.add(Map.entry(statementText, script));
        }
        return this;
    }

    /** The script of statements nothing else claims (default {@link StatementScript#immediate()}). */
    public EmulatedSql defaultScript(StatementScript script) {
        this.defaultScript = Objects.requireNonNull(script, "script");
        return this;
    }

    /** INLINE results larger than this fail the statement (default 25 MiB, as the real service). */
    public EmulatedSql inlineByteLimit(long bytes) {
        this.inlineByteLimit = bytes;
        return this;
    }

    /** At most this many rows per result chunk (default 10 000). */
    public EmulatedSql chunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive");
        }
        this.chunkRows = rows;
        return this;
    }

    /** At most this many bytes per result chunk (default 4 MiB; a single larger row gets a chunk of its own). */
    public EmulatedSql chunkBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive");
        }
        this.chunkBytes = bytes;
        return this;
    }

    /** How long an EXTERNAL_LINKS URL stays valid, on the emulator's clock (default 15 minutes). */
    public EmulatedSql externalLinkLifetime(Duration lifetime) {
        this.linkLifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /**
     * Leaves {@code total_chunk_count} and the {@code chunks} list out of the manifest (as an answer whose result is
     * still being produced may), so a client has to page by {@code next_chunk_index}; default false.
     */
    public EmulatedSql omitTotalChunkCount(boolean omit) {
        this.totalChunkCountShown = !omit;
        return this;
    }

    boolean totalChunkCountShown() {
        return totalChunkCountShown;
    }

    /**
     * Headers every external link names in {@code http_headers} and the link host then requires (as for results
     * encrypted with a customer key): a fetch without one of them, or with another value, answers
     * {@code 400 InvalidRequest}. Default none.
     */
    public EmulatedSql externalLinkHeaders(Map<String, String> headers) {
        this.linkHeaders = Map.copyOf(headers);
        return this;
    }

    Map<String, String> externalLinkHeaders() {
        return linkHeaders;
    }

    /** How long the result of a SUCCEEDED statement stays fetchable before the state becomes CLOSED (default 1 h). */
    public EmulatedSql resultRetention(Duration retention) {
        this.resultRetention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    /** The catalog statements use when the request names none (default {@code main}; the schema is {@code default}). */
    public EmulatedSql defaultCatalog(String catalog) {
        this.defaultCatalog = Objects.requireNonNull(catalog, "catalog");
        return this;
    }

    public String defaultCatalog() {
        return defaultCatalog;
    }

    // ---- statements: seeding and inspection

    /**
     * Runs SQL directly on the embedded database, without HTTP and without scripts, with {@code main.default} (or
     * the {@link #defaultCatalog}) as the defaults; for seeding tables and checking what statements did.
     *
     * @throws SqlFailure when the statement fails
     */
    public QueryResult execute(String sql) {
        return engine.execute(sql, defaultCatalog, "default", List.of(), SqlEngine.Limits.NONE, catalogs);
    }

    /** Ids of all statements received, oldest first. */
    public List<String> statementIds() {
        List<StoredStatement> all = new ArrayList<>(statements.values());
        all.sort(java.util.Comparator.comparing((StoredStatement s) -> s.createdAt).thenComparing(s -> s.id));
        return all.stream().map(s -> s.id).toList();
    }

    public int statementCount() {
        return statements.size();
    }

    /** The state the statement showed at its last look. */
    public Optional<String> statementState(String statementId) {
        return Optional.ofNullable(statements.get(statementId)).map(StoredStatement::state);
    }

    /** The SQL text of a statement. */
    public Optional<String> statementText(String statementId) {
        return Optional.ofNullable(statements.get(statementId)).map(s -> s.request.statement());
    }

    /** Forgets statements and scripts, brings back the seeded warehouse and the default limits. */
    public void reset() {
        statements.clear();
        links.clear();
        synchronized (nextScripts) {
            nextScripts.clear();
        }
        synchronized (rules) {
            rules.clear();
        }
        defaultScript = StatementScript.immediate();
        inlineByteLimit = INLINE_BYTE_LIMIT;
        chunkRows = 10_000;
        chunkBytes = 4L * 1024 * 1024;
        linkLifetime = Duration.ofMinutes(15);
        resultRetention = Duration.ofHours(1);
        defaultCatalog = "main";
        totalChunkCountShown = true;
        linkHeaders = Map.of();
        warehouses.clear();
        seed();
    }

    // ---- used by the handlers

    Clock clock() {
        return clock;
    }

    String userName() {
        return userName;
    }

    String baseUrl() {
        return baseUrl.get();
    }

    String newWarehouseId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    StatementScript scriptFor(String sql) {
        synchronized (nextScripts) {
            StatementScript next = nextScripts.poll();
            if (next != null) {
                return next;
            }
        }
        synchronized (rules) {
            for (Map.Entry<Predicate<String>, StatementScript> rule : rules) {
                if (rule.getKey().test(sql)) {
                    return rule.getValue();
                }
            }
        }
        return defaultScript;
    }

    StoredStatement addStatement(StoredStatement.Request request) {
        StoredStatement s = new StoredStatement(UUID.randomUUID().toString(), request, scriptFor(request.statement()),
                clock.instant());
        statements.put(s.id, s);
        return s;
    }

    Optional<StoredStatement> statement(String id) {
        StoredStatement s = statements.get(id);
        if (s != null) {
            s.expire(clock.instant(), resultRetention);
        }
        return Optional.ofNullable(s);
    }

    /** One look at a statement: the warehouse may have to start first; the SQL runs when the script ends. */
    String look(StoredStatement s) {
        Instant now = clock.instant();
        s.expire(now, resultRetention);
        String state = s.look(now, () -> {
            Optional<WarehouseStore.StoredWarehouse> w = warehouses.find(s.request.warehouseId());
            if (w.isEmpty()) {
                return true;
            }
            String ws = warehouses.observe(w.get(), now, true);
            if ("STOPPED".equals(ws)) {
                warehouses.start(w.get(), now);
                ws = warehouses.observe(w.get(), now, false);
            }
            return "RUNNING".equals(ws);
        }, this::run, this::plan);
        warehouses.find(s.request.warehouseId()).ifPresent(w -> warehouses.touch(w, now));
        return state;
    }

    private QueryResult run(StoredStatement.Request r) {
        long cap = "INLINE".equals(r.disposition()) ? inlineByteLimit : -1;
        SqlEngine.Limits limits = new SqlEngine.Limits(r.rowLimit(), r.byteLimit(), cap, () -> new SqlFailure(
                "BAD_REQUEST", "[INLINE_RESULT_SIZE_EXCEEDED] The result set exceeds the inline limit of " + cap
                + " bytes. Use the EXTERNAL_LINKS disposition to fetch large results."));
        return engine.execute(r.statement(), r.catalog(), r.schema(), r.parameters(), limits, catalogs);
    }

    private List<StoredStatement.Chunk> plan(QueryResult result, String format) {
        List<StoredStatement.Chunk> chunks = new ArrayList<>();
        int rows = result.rows().size();
        int offset = 0;
        while (offset < rows) {
            int count = 0;
            long bytes = 0;
            while (offset + count < rows && count < chunkRows) {
                long b = rowSize(result, offset + count, format);
                if (count > 0 && bytes + b > chunkBytes) {
                    break;
                }
                bytes += b;
                count++;
            }
            if ("CSV".equals(format)) {
                bytes += chunks.isEmpty() ? csvLine(headers(result)).length : 0;
            } else {
                bytes += 2;
            }
            chunks.add(new StoredStatement.Chunk(chunks.size(), offset, count, bytes));
            offset += count;
        }
        return chunks;
    }

    private static long rowSize(QueryResult result, int row, String format) {
        if ("CSV".equals(format)) {
            return csvLine(result.rows().get(row)).length;
        }
        return result.rowBytes().get(row) + 1L;
    }

    private static String[] headers(QueryResult result) {
        return result.columns().stream().map(QueryResult.Column::name).toArray(String[]::new);
    }

    /**
     * The bytes of a chunk in the statement's format (the body an external link serves). CSV as Databricks documents
     * it: only the first chunk starts with the header line.
     */
    static byte[] chunkBytes(QueryResult result, StoredStatement.Chunk chunk, String format) {
        if ("CSV".equals(format)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            if (chunk.index() == 0) {
                out.writeBytes(csvLine(headers(result)));
            }
            for (int i = chunk.rowOffset(); i < chunk.rowOffset() + chunk.rowCount(); i++) {
                out.writeBytes(csvLine(result.rows().get(i)));
            }
            return out.toByteArray();
        }
        try {
            return Json.MAPPER.writeValueAsBytes(dataArray(result, chunk));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode dataArray(QueryResult result, StoredStatement.Chunk chunk) {
        ArrayNode rows = Json.array();
        for (int i = chunk.rowOffset(); i < chunk.rowOffset() + chunk.rowCount(); i++) {
            ArrayNode row = rows.addArray();
            for (String v : result.rows().get(i)) {
                if (v == null) {
                    row.addNull();
                } else {
                    row.add(v);
                }
            }
        }
        return rows;
    }

    /**
     * One RFC 4180 line (CRLF). SQL NULL is the bare word {@code null}, as Databricks documents for {@code format=CSV};
     * a string that is empty or reads {@code null} is quoted, so that the three stay apart.
     */
    private static byte[] csvLine(String[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values[i];
            if (v == null) {
                sb.append("null");
                continue;
            }
            if (v.isEmpty() || v.equalsIgnoreCase("null") || v.indexOf(',') >= 0 || v.indexOf('"') >= 0
                    || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh link for one chunk; valid for {@link #externalLinkLifetime} from now. */
    String issueLink(String statementId, int chunk, Instant[] expiresOut) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant expires = clock.instant().plus(linkLifetime);
        links.put(token, new LinkTarget(statementId, chunk, expires));
        links.entrySet().removeIf(e -> e.getValue().expiresAt().isBefore(clock.instant().minus(Duration.ofHours(1))));
        expiresOut[0] = expires;
        return baseUrl() + ExternalLinksHandler.PATH_PREFIX + token;
    }

    Optional<LinkTarget> link(String token) {
        return Optional.ofNullable(links.get(token));
    }

    /** The warehouse as the API shows it. */
    ObjectNode renderWarehouse(WarehouseStore.StoredWarehouse w) {
        String state = warehouses.observe(w, clock.instant(), false);
        ObjectNode json = Json.object();
        json.put("id", w.id);
        ObjectNode config = warehouses.config(w);
        config.fields().forEachRemaining(e -> json.set(e.getKey(), e.getValue()));
        json.put("state", state);
        boolean up = "RUNNING".equals(state) || "STOPPING".equals(state);
        json.put("num_clusters", up ? Math.max(1, config.path("min_num_clusters").asInt(1)) : 0);
        json.put("num_active_sessions", 0);
        if (!json.has("creator_name")) {
            json.put("creator_name", userName);
        }
        if ("RUNNING".equals(state)) {
            json.putObject("health").put("status", "HEALTHY");
        }
        String host = baseUrl().replaceFirst("^https?://", "");
        String path = "/sql/1.0/warehouses/" + w.id;
        json.put("jdbc_url", "jdbc:databricks://" + host + "/default;transportMode=http;ssl=0;AuthMech=3;httpPath=" + path
                + ";");
        ObjectNode odbc = json.putObject("odbc_params");
        odbc.put("hostname", host.replaceFirst(":\\d+$", ""));
        odbc.put("path", path);
        odbc.put("protocol", baseUrl().startsWith("https") ? "https" : "http");
        odbc.put("port", java.net.URI.create(baseUrl()).getPort());
        return json;
    }
}
