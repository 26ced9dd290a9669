package io.camelbricks.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Statement Execution API ({@code /api/2.0/sql/statements}): execute, get, cancel, result chunks.
 *
 * <p>{@code wait_timeout} {@code 0s} answers PENDING at once (asynchronous); {@code 5s}..{@code 50s} (default 10 s)
 * answers the state after one look, which for the default script is the final one; with {@code on_wait_timeout}
 * {@code CANCEL} a statement still running then is cancelled. The emulator never waits for the clock: a slow statement
 * is a {@link StatementScript}. A failed statement is a {@code 200} with {@code status.state FAILED} and
 * {@code status.error}; only bad requests are 4xx.
 */
public final class StatementsHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.0");
    private static final Pattern WAIT = Pattern.compile("^(\\d+)s$");
    private static final long MAX_STATEMENT_BYTES = 16L * 1024 * 1024;
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EmulatedSql sql;

    public StatementsHandler(EmulatedSql sql) {
        this.sql = sql;
    }

    @Override
    public void register(Router router) {
        router.post(V, "/sql/statements", this::execute)
              .get(V, "/sql/statements/{statement_id}", this::get)
              .post(V, "/sql/statements/{statement_id}/cancel", this::cancel)
              .get(V, "/sql/statements/{statement_id}/result/chunks/{chunk_index}", this::chunk);
    }

    private ApiResponse execute(ApiRequest request) {
        ObjectNode body = request.body();
        String statement = request.optionalString("statement").orElse("");
        if (statement.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: statement");
        }
        if (statement.getBytes(StandardCharsets.UTF_8).length > MAX_STATEMENT_BYTES) {
            throw ApiException.invalidParameter("The statement exceeds the maximum size of 16 MiB.");
        }
        String warehouseId = request.optionalString("warehouse_id").orElse("");
        if (warehouseId.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: warehouse_id");
        }
        long waitSeconds = waitTimeout(request.optionalString("wait_timeout").orElse("10s"));
        String onWait = enumField(request, "on_wait_timeout", "CONTINUE", Set.of("CONTINUE", "CANCEL"));
        String disposition = enumField(request, "disposition", "INLINE", Set.of("INLINE", "EXTERNAL_LINKS"));
        String format = enumField(request, "format", "JSON_ARRAY", Set.of("JSON_ARRAY", "CSV", "ARROW_STREAM"));
        if ("INLINE".equals(disposition) && !"JSON_ARRAY".equals(format)) {
            throw ApiException.invalidParameter("The INLINE disposition only supports the JSON_ARRAY format; use"
                    + " EXTERNAL_LINKS for " + format + ".");
        }
        if ("ARROW_STREAM".equals(format)) {
            throw new ApiException(501, "NOT_IMPLEMENTED", "The ARROW_STREAM format is not supported by the"
                    + " Databricks emulator; use JSON_ARRAY or CSV.");
        }
        long rowLimit = nonNegative(request.optionalLong("row_limit"), "row_limit", -1);
        long byteLimit = nonNegative(request.optionalLong("byte_limit"), "byte_limit", -1);
        List<SqlEngine.Parameter> parameters = parameters(body.get("parameters"));
        String catalog = request.optionalString("catalog").filter(s -> !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).orElse(sql.defaultCatalog());
        String schema = request.optionalString("schema").filter(s -> !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).orElse("default");
        WarehouseStore.StoredWarehouse w = sql.warehouses.find(warehouseId).filter(x -> !"DELETED".equals(x.state))
                .orElseThrow(() -> ApiException.resourceDoesNotExist("Warehouse " + warehouseId + " does not exist."));
        Instant now = sql.clock().instant();
        String ws = sql.warehouses.observe(w, now, false);
        if ("STOPPED".equals(ws) || "STOPPING".equals(ws)) {
            sql.warehouses.start(w, now);
        }
        StoredStatement s = sql.addStatement(new StoredStatement.Request(warehouseId, statement, catalog, schema,
                parameters, disposition, format, rowLimit, byteLimit));
        if (waitSeconds > 0) {
            String state = sql.look(s);
            if (("PENDING".equals(state) || "RUNNING".equals(state)) && "CANCEL".equals(onWait)) {
                s.cancel(sql.clock().instant());
            }
        }
        return ApiResponse.ok(render(s));
    }

    private ApiResponse get(ApiRequest request) {
        StoredStatement s = find(request.pathParameter("statement_id"));
        sql.look(s);
        return ApiResponse.ok(render(s));
    }

    private ApiResponse cancel(ApiRequest request) {
        StoredStatement s = find(request.pathParameter("statement_id"));
        s.cancel(sql.clock().instant());
        return ApiResponse.ok(Json.object());
    }

    private ApiResponse chunk(ApiRequest request) {
        StoredStatement s = find(request.pathParameter("statement_id"));
        int index;
        try {
            index = Integer.parseInt(request.pathParameter("chunk_index"));
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("Invalid chunk_index '" + request.pathParameter("chunk_index") + "'.");
        }
        String state = s.state();
        if (!"SUCCEEDED".equals(state)) {
            if ("CLOSED".equals(state)) {
                throw ApiException.resourceDoesNotExist("The result of statement " + s.id
                        + " is no longer available (state CLOSED).");
            }
            throw new ApiException(400, "BAD_REQUEST", "Statement " + s.id + " has no result: its state is " + state
                    + ".");
        }
        List<StoredStatement.Chunk> chunks = s.chunks();
        if (index < 0 || index >= chunks.size()) {
            throw ApiException.invalidParameter("Chunk index " + index + " is out of range: the result has "
                    + chunks.size() + " chunk(s).");
        }
        return ApiResponse.ok(resultData(s, s.result(), chunks, index));
    }

    private StoredStatement find(String id) {
        return sql.statement(id).orElseThrow(() -> ApiException.resourceDoesNotExist("Statement " + id
                + " does not exist."));
    }

    private ObjectNode render(StoredStatement s) {
        ObjectNode json = Json.object();
        json.put("statement_id", s.id);
        ObjectNode status = json.putObject("status");
        String state = s.state();
        status.put("state", state);
        if ("FAILED".equals(state)) {
            ObjectNode error = status.putObject("error");
            error.put("error_code", s.errorCode());
            error.put("message", s.errorMessage());
        }
        QueryResult result = s.result();
        if ("SUCCEEDED".equals(state) && result != null) {
            List<StoredStatement.Chunk> chunks = s.chunks();
            json.set("manifest", manifest(s, result, chunks));
            if (!chunks.isEmpty()) {
                json.set("result", resultData(s, result, chunks, 0));
            }
        }
        return json;
    }

    private ObjectNode manifest(StoredStatement s, QueryResult result, List<StoredStatement.Chunk> chunks) {
        ObjectNode manifest = Json.object();
        manifest.put("format", s.request.format());
        ObjectNode schema = manifest.putObject("schema");
        schema.put("column_count", result.columns().size());
        if (!result.columns().isEmpty()) {
            ArrayNode columns = schema.putArray("columns");
            for (QueryResult.Column c : result.columns()) {
                ObjectNode col = columns.addObject();
                col.put("name", c.name());
                col.put("type_text", c.type().typeText());
                col.put("type_name", c.type().typeName());
                if (c.type().precision() != null) {
                    col.put("type_precision", c.type().precision());
                    col.put("type_scale", c.type().scale());
                }
                col.put("position", c.position());
            }
        }
        boolean counted = sql.totalChunkCountShown();
        if (counted) {
            manifest.put("total_chunk_count", chunks.size());
        }
        if (counted && !chunks.isEmpty()) {
            ArrayNode array = manifest.putArray("chunks");
            for (StoredStatement.Chunk c : chunks) {
                ObjectNode chunk = array.addObject();
                chunk.put("chunk_index", c.index());
                chunk.put("row_offset", c.rowOffset());
                chunk.put("row_count", c.rowCount());
                chunk.put("byte_count", c.byteCount());
            }
        }
        manifest.put("total_row_count", result.rows().size());
        manifest.put("total_byte_count", chunks.stream().mapToLong(StoredStatement.Chunk::byteCount).sum());
        manifest.put("truncated", result.truncated());
        return manifest;
    }

    private ObjectNode resultData(StoredStatement s, QueryResult result, List<StoredStatement.Chunk> chunks, int index) {
        StoredStatement.Chunk c = chunks.get(index);
        ObjectNode data = Json.object();
        boolean more = index + 1 < chunks.size();
        if ("EXTERNAL_LINKS".equals(s.request.disposition())) {
            ObjectNode link = data.putArray("external_links").addObject();
            put(link, c, more, s.id);
            Instant[] expires = new Instant[1];
            link.put("external_link", sql.issueLink(s.id, index, expires));
            link.put("expiration", EXPIRATION.format(expires[0]));
            if (!sql.externalLinkHeaders().isEmpty()) {
                ObjectNode headers = link.putObject("http_headers");
                sql.externalLinkHeaders().forEach(headers::put);
            }
            return data;
        }
        put(data, c, more, s.id);
        data.set("data_array", EmulatedSql.dataArray(result, c));
        return data;
    }

    private static void put(ObjectNode node, StoredStatement.Chunk c, boolean more, String statementId) {
        node.put("chunk_index", c.index());
        node.put("row_offset", c.rowOffset());
        node.put("row_count", c.rowCount());
        node.put("byte_count", c.byteCount());
        if (more) {
            node.put("next_chunk_index", c.index() + 1);
            node.put("next_chunk_internal_link", "/api/2.0/sql/statements/" + statementId + "/result/chunks/"
                    + (c.index() + 1));
        }
    }

    private static long waitTimeout(String value) {
        Matcher m = WAIT.matcher(value.trim());
        long seconds = m.matches() ? Long.parseLong(m.group(1)) : -1;
        if (seconds != 0 && (seconds < 5 || seconds > 50)) {
            throw ApiException.invalidParameter("The wait_timeout value must be either 0 seconds (disables wait), or"
                    + " between 5 seconds and 50 seconds, given as e.g. '10s'; got '" + value + "'.");
        }
        return seconds;
    }

    private static String enumField(ApiRequest request, String name, String defaultValue, Set<String> allowed) {
        String value = request.optionalString(name).filter(s -> !s.isEmpty()).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw ApiException.invalidParameter("Invalid value '" + value + "' for " + name + "; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
        }
        return value;
    }

    private static long nonNegative(OptionalLong value, String name, long absent) {
        if (value.isEmpty()) {
            return absent;
        }
        if (value.getAsLong() < 0) {
            throw ApiException.invalidParameter(name + " must not be negative.");
        }
        return value.getAsLong();
    }

    private static List<SqlEngine.Parameter> parameters(JsonNode node) {
        List<SqlEngine.Parameter> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            throw ApiException.malformedRequest("expected an array for field 'parameters'");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String name = p.path("name").asText("");
            if (name.isEmpty()) {
                throw ApiException.invalidParameter("Missing required field: parameters[" + i + "].name");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw ApiException.invalidParameter("Duplicate parameter name '" + name + "'.");
            }
            String type = p.hasNonNull("type") ? p.get("type").asText() : null;
            if (SqlTypes.h2TypeOfParameter(type) == null) {
                throw ApiException.invalidParameter("Unsupported type '" + type + "' for parameter '" + name + "'.");
            }
            String value = p.hasNonNull("value") ? p.get("value").asText() : null;
            result.add(new SqlEngine.Parameter(name, type, value));
        }
        return result;
    }
}
