package io.camelbricks.emulator.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.sql.SqlCatalogs;
import io.camelbricks.emulator.sql.SqlEngine;
import io.camelbricks.emulator.sql.SqlFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Unity Catalog: catalogs, schemas, tables and volumes, test-facing side, and the namespace of SQL statements.
 *
 * <p>Every schema {@code c.s} is also the H2 schema {@code "c.s"} of the {@link SqlEngine}, so tables created with SQL
 * ({@code CREATE TABLE main.default.t ...}) are tables of Unity Catalog and the other way round: the table list is
 * read from H2, with Unity Catalog's own metadata (owner, times, ids, properties) kept beside it. Volumes are
 * directories of the emulator's file storage, addressed by {@code volume_id}. The workspace starts with catalog
 * {@code main} and schema {@code main.default}; a new catalog gets a {@code default} schema. Names are lower case.
 * Thread-safe (one lock).
 */
public final class EmulatedCatalog implements SqlCatalogs {

    public static final String METASTORE_ID = "11111111-2222-3333-4444-555555555555";
    private static final Pattern NAME = Pattern.compile("^[^.\\s/\\p{Cntrl}]{1,255}$");

    private final Clock clock;
    private final String userName;
    private final SqlEngine engine;
    private final Map<String, Entry> catalogs = new LinkedHashMap<>();
    private long nextSequence = 1;
    private volatile Consumer<String> volumeDeleted = id -> { };

    /** A catalog, schema, volume or table's metadata and its position in creation order. */
    static final class Entry {
        final long sequence;
        ObjectNode info;
        final Map<String, Entry> children = new LinkedHashMap<>();   // schemas of a catalog
        final Map<String, Entry> volumes = new LinkedHashMap<>();    // volumes of a schema
        final Map<String, Entry> tables = new LinkedHashMap<>();     // table metadata of a schema

        Entry(long sequence, ObjectNode info) {
            this.sequence = sequence;
            this.info = info;
        }

        long sequence() {
            return sequence;
        }
    }

    public EmulatedCatalog(Clock clock, String userName, SqlEngine engine) {
        this.clock = clock;
        this.userName = userName;
        this.engine = engine;
        seed();
    }

    private void seed() {
        createCatalogEntry("main", "Main catalog (created by the emulator)", userName, null);
    }

    /** Called with the volume_id of each deleted volume (the file storage removes its directory). */
    public void onVolumeDeleted(Consumer<String> listener) {
        this.volumeDeleted = listener;
    }

    // ---- test-facing

    /** Creates a catalog (with its {@code default} schema) unless it exists. */
    public synchronized void createCatalog(String name) {
        if (!catalogs.containsKey(lower(name))) {
            createCatalogEntry(lower(name), null, userName, null);
        }
    }

    /** Creates a schema unless it exists; the catalog must exist. */
    public synchronized void createSchema(String catalog, String schema) {
        Entry c = catalogs.get(lower(catalog));
        if (c == null) {
            throw new IllegalArgumentException("no catalog " + catalog);
        }
        if (!c.children.containsKey(lower(schema))) {
            createSchemaEntry(c, lower(schema), null, userName, null);
        }
    }

    /**
     * Creates a managed volume {@code catalog.schema.name} (and the catalog and schema when missing) unless it exists;
     * returns its full name.
     */
    public synchronized String createVolume(String catalog, String schema, String name) {
        createCatalog(catalog);
        createSchema(catalog, schema);
        Entry s = catalogs.get(lower(catalog)).children.get(lower(schema));
        if (!s.volumes.containsKey(lower(name))) {
            createVolumeEntry(s, lower(name), "MANAGED", null, null, userName);
        }
        return lower(catalog) + "." + lower(schema) + "." + lower(name);
    }

    /** The volume_id of {@code /Volumes/catalog/schema/name}, when the volume exists. */
    public synchronized Optional<String> volumeId(String catalog, String schema, String name) {
        return schemaEntry(lower(catalog), lower(schema)).map(s -> s.volumes.get(lower(name)))
                .map(v -> v.info.path("volume_id").asText());
    }

    /** The volume as {@code GET /unity-catalog/volumes/{full_name}} shows it. */
    public synchronized Optional<ObjectNode> volume(String fullName) {
        String[] p = fullName.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (p.length != 3) {
            return Optional.empty();
        }
        return schemaEntry(p[0], p[1]).map(s -> s.volumes.get(p[2])).map(v -> v.info.deepCopy());
    }

    /** The table as {@code GET /unity-catalog/tables/{full_name}} shows it. */
    public synchronized Optional<ObjectNode> table(String fullName) {
        String[] p = fullName.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (p.length != 3) {
            return Optional.empty();
        }
        return tableInfo(p[0], p[1], p[2], false);
    }

    @Override
    public synchronized List<String> catalogNames() {
        return new ArrayList<>(catalogs.keySet());
    }

    @Override
    public synchronized List<String> schemaNames(String catalog) {
        Entry c = catalogs.get(lower(catalog));
        return c == null ? List.of() : new ArrayList<>(c.children.keySet());
    }

    /** Back to {@code main.default} only (the H2 database is reset by the caller first). */
    public synchronized void reset() {
        List<String> volumeIds = new ArrayList<>();
        catalogs.values().forEach(c -> c.children.values().forEach(s -> s.volumes.values()
                .forEach(v -> volumeIds.add(v.info.path("volume_id").asText()))));
        catalogs.clear();
        nextSequence = 1;
        volumeIds.forEach(id -> volumeDeleted.accept(id));
        seed();
    }

    // ---- SqlCatalogs (statements)

    @Override
    public synchronized boolean isCatalog(String catalog) {
        return catalogs.containsKey(catalog);
    }

    @Override
    public synchronized boolean isSchema(String catalog, String schema) {
        Entry c = catalogs.get(catalog);
        return c != null && c.children.containsKey(schema);
    }

    @Override
    public synchronized void createCatalog(String name, boolean ifNotExists, String comment) {
        if (catalogs.containsKey(name)) {
            if (ifNotExists) {
                return;
            }
            throw new SqlFailure("BAD_REQUEST", "[CATALOG_ALREADY_EXISTS] Cannot create catalog `" + name
                    + "` because it already exists. SQLSTATE: 42710");
        }
        checkName(name);
        createCatalogEntry(name, comment, userName, null);
    }

    @Override
    public synchronized void dropCatalog(String name, boolean ifExists, boolean cascade) {
        Entry c = catalogs.get(name);
        if (c == null) {
            if (ifExists) {
                return;
            }
            throw new SqlFailure("BAD_REQUEST", "[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + name + "' was not found."
                    + " SQLSTATE: 42704");
        }
        if (!cascade && !catalogEmpty(name, c)) {
            throw new SqlFailure("BAD_REQUEST", "[SCHEMA_NOT_EMPTY] Cannot drop catalog `" + name + "` because it"
                    + " contains objects. Use DROP CATALOG ... CASCADE. SQLSTATE: 2BP01");
        }
        removeCatalog(name);
    }

    @Override
    public synchronized void createSchema(String catalog, String schema, boolean ifNotExists, String comment) {
        Entry c = catalogs.get(catalog);
        if (c == null) {
            throw new SqlFailure("BAD_REQUEST", "[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + catalog + "' was not found."
                    + " SQLSTATE: 42704");
        }
        if (c.children.containsKey(schema)) {
            if (ifNotExists) {
                return;
            }
            throw new SqlFailure("BAD_REQUEST", "[SCHEMA_ALREADY_EXISTS] Cannot create schema `" + catalog + "`.`"
                    + schema + "` because it already exists. SQLSTATE: 42P06");
        }
        checkName(schema);
        createSchemaEntry(c, schema, comment, userName, null);
    }

    @Override
    public synchronized void dropSchema(String catalog, String schema, boolean ifExists, boolean cascade) {
        Entry s = schemaEntry(catalog, schema).orElse(null);
        if (s == null) {
            if (ifExists) {
                return;
            }
            throw new SqlFailure("BAD_REQUEST", "[SCHEMA_NOT_FOUND] The schema `" + catalog + "`.`" + schema
                    + "` cannot be found. SQLSTATE: 42704");
        }
        if (!cascade && !schemaEmpty(catalog, schema, s)) {
            throw new SqlFailure("BAD_REQUEST", "[SCHEMA_NOT_EMPTY] Cannot drop a schema `" + catalog + "`.`" + schema
                    + "` because it contains objects. Use DROP SCHEMA ... CASCADE. SQLSTATE: 2BP01");
        }
        removeSchema(catalogs.get(catalog), catalog, schema);
    }

    // ---- used by the handler (ApiException errors)

    synchronized List<Entry> catalogEntries() {
        return new ArrayList<>(catalogs.values());
    }

    synchronized ObjectNode apiCreateCatalog(ObjectNode body, String principal) {
        String name = requiredName(body, "name");
        if (catalogs.containsKey(name)) {
            throw new ApiException(409, "CATALOG_ALREADY_EXISTS", "Catalog '" + name + "' already exists");
        }
        Entry c = createCatalogEntry(name, text(body, "comment"), owner(principal), body.get("properties"));
        return c.info.deepCopy();
    }

    synchronized ObjectNode apiGetCatalog(String name) {
        return catalog(name).info.deepCopy();
    }

    synchronized ObjectNode apiUpdateCatalog(String name, ObjectNode body, String principal) {
        Entry c = catalog(name);
        applyCommon(c.info, body, principal);
        String newName = text(body, "new_name");
        if (newName != null && !newName.toLowerCase(Locale.ROOT).equals(c.info.path("name").asText())) {
            String target = newName.toLowerCase(Locale.ROOT);
            checkApiName(target);
            if (catalogs.containsKey(target)) {
                throw new ApiException(409, "CATALOG_ALREADY_EXISTS", "Catalog '" + target + "' already exists");
            }
            String old = c.info.path("name").asText();
            for (String schema : c.children.keySet()) {
                engine.renameSchema(old, schema, target, schema);
            }
            catalogs.remove(old);
            catalogs.put(target, c);
            c.info.put("name", target);
            c.info.put("full_name", target);
            for (Entry s : c.children.values()) {
                renameParents(s, target, s.info.path("name").asText());
            }
        }
        return c.info.deepCopy();
    }

    synchronized void apiDeleteCatalog(String name, boolean force) {
        Entry c = catalog(name);
        if (!force && !catalogEmpty(lower(name), c)) {
            throw new ApiException(400, "INVALID_STATE", "Catalog '" + lower(name) + "' is not empty. The catalog has "
                    + c.children.size() + " schema(s).");
        }
        removeCatalog(lower(name));
    }

    synchronized List<Entry> schemaEntries(String catalog) {
        return new ArrayList<>(catalog(catalog).children.values());
    }

    synchronized ObjectNode apiCreateSchema(ObjectNode body, String principal) {
        String catalog = requiredName(body, "catalog_name");
        String name = requiredName(body, "name");
        Entry c = catalog(catalog);
        if (c.children.containsKey(name)) {
            throw new ApiException(409, "SCHEMA_ALREADY_EXISTS", "Schema '" + catalog + "." + name + "' already exists");
        }
        return createSchemaEntry(c, name, text(body, "comment"), owner(principal), body.get("properties")).info.deepCopy();
    }

    synchronized ObjectNode apiGetSchema(String fullName) {
        return schema(fullName).info.deepCopy();
    }

    synchronized ObjectNode apiUpdateSchema(String fullName, ObjectNode body, String principal) {
        Entry s = schema(fullName);
        applyCommon(s.info, body, principal);
        String newName = text(body, "new_name");
        String catalog = s.info.path("catalog_name").asText();
        String old = s.info.path("name").asText();
        if (newName != null && !newName.toLowerCase(Locale.ROOT).equals(old)) {
            String target = newName.toLowerCase(Locale.ROOT);
            checkApiName(target);
            Entry c = catalogs.get(catalog);
            if (c.children.containsKey(target)) {
                throw new ApiException(409, "SCHEMA_ALREADY_EXISTS", "Schema '" + catalog + "." + target
                        + "' already exists");
            }
            engine.renameSchema(catalog, old, catalog, target);
            c.children.remove(old);
            c.children.put(target, s);
            renameParents(s, catalog, target);
        }
        return s.info.deepCopy();
    }

    synchronized void apiDeleteSchema(String fullName, boolean force) {
        Entry s = schema(fullName);
        String catalog = s.info.path("catalog_name").asText();
        String name = s.info.path("name").asText();
        if (!force && !schemaEmpty(catalog, name, s)) {
            throw new ApiException(400, "INVALID_STATE", "Schema '" + catalog + "." + name + "' is not empty.");
        }
        removeSchema(catalogs.get(catalog), catalog, name);
    }

    /** The tables of a schema as TableInfo objects, in creation order (metadata created for new SQL tables). */
    synchronized List<Map.Entry<Long, ObjectNode>> tableInfos(String catalog, String schema, boolean omitColumns) {
        Entry s = schemaEntry(catalog, schema).orElseThrow(() -> schemaMissing(catalog + "." + schema));
        List<SqlEngine.TableMeta> metas = engine.tables(catalog, schema);
        Map<String, SqlEngine.TableMeta> byName = new LinkedHashMap<>();
        metas.forEach(m -> byName.put(m.name(), m));
        s.tables.keySet().removeIf(name -> !byName.containsKey(name));
        for (SqlEngine.TableMeta m : metas) {
            s.tables.computeIfAbsent(m.name(), n -> newTableEntry(catalog, schema, m, owner(null), null, null, null));
        }
        List<Map.Entry<Long, ObjectNode>> result = new ArrayList<>();
        for (Entry t : s.tables.values()) {
            SqlEngine.TableMeta m = byName.get(t.info.path("name").asText());
            result.add(Map.entry(t.sequence, render(t, m, omitColumns)));
        }
        result.sort(Map.Entry.comparingByKey());
        return result;
    }

    synchronized Optional<ObjectNode> tableInfo(String catalog, String schema, String name, boolean omitColumns) {
        if (schemaEntry(catalog, schema).isEmpty()) {
            return Optional.empty();
        }
        return tableInfos(catalog, schema, omitColumns).stream().map(Map.Entry::getValue)
                .filter(t -> t.path("name").asText().equals(name)).findFirst();
    }

    synchronized ObjectNode apiCreateTable(ObjectNode body, String principal) {
        String catalog = requiredName(body, "catalog_name");
        String schema = requiredName(body, "schema_name");
        String name = requiredName(body, "name");
        schema(catalog + "." + schema);
        if (tableInfo(catalog, schema, name, true).isPresent()) {
            throw new ApiException(409, "TABLE_ALREADY_EXISTS", "Table '" + catalog + "." + schema + "." + name
                    + "' already exists");
        }
        List<SqlEngine.ColumnSpec> columns = new ArrayList<>();
        if (body.path("columns").isArray()) {
            int i = 0;
            for (var col : body.path("columns")) {
                String colName = col.path("name").asText("");
                if (colName.isEmpty()) {
                    throw ApiException.invalidParameter("Missing required field: columns[" + i + "].name");
                }
                String typeText = col.hasNonNull("type_text") ? col.get("type_text").asText()
                        : col.path("type_name").asText("STRING");
                columns.add(new SqlEngine.ColumnSpec(colName.toLowerCase(Locale.ROOT), typeText,
                        col.path("nullable").asBoolean(true), col.hasNonNull("comment") ? col.get("comment").asText() : null));
                i++;
            }
        }
        if (columns.isEmpty()) {
            throw ApiException.invalidParameter("A table needs at least one column.");
        }
        engine.createTable(catalog, schema, name, columns);
        Entry s = schemaEntry(catalog, schema).orElseThrow();
        SqlEngine.TableMeta meta = engine.table(catalog, schema, name).orElseThrow();
        s.tables.put(name, newTableEntry(catalog, schema, meta, owner(principal), text(body, "table_type"),
                text(body, "data_source_format"), body.get("properties")));
        if (body.hasNonNull("storage_location")) {
            s.tables.get(name).info.put("storage_location", body.get("storage_location").asText());
        }
        return tableInfo(catalog, schema, name, false).orElseThrow();
    }

    synchronized ObjectNode apiUpdateTable(String fullName, ObjectNode body, String principal) {
        String[] p = split3(fullName, "Table");
        tableInfo(p[0], p[1], p[2], true).orElseThrow(() -> tableMissing(fullName));
        Entry t = schemaEntry(p[0], p[1]).orElseThrow().tables.get(p[2]);
        if (body.hasNonNull("owner")) {
            t.info.put("owner", body.get("owner").asText());
        }
        t.info.put("updated_at", clock.millis());
        t.info.put("updated_by", owner(principal));
        return tableInfo(p[0], p[1], p[2], false).orElseThrow();
    }

    synchronized void apiDeleteTable(String fullName) {
        String[] p = split3(fullName, "Table");
        ObjectNode info = tableInfo(p[0], p[1], p[2], true).orElseThrow(() -> tableMissing(fullName));
        engine.dropTable(p[0], p[1], p[2], "VIEW".equals(info.path("table_type").asText()));
        schemaEntry(p[0], p[1]).orElseThrow().tables.remove(p[2]);
    }

    synchronized List<Entry> volumeEntries(String catalog, String schema) {
        return new ArrayList<>(schema(catalog + "." + schema).volumes.values());
    }

    synchronized ObjectNode apiCreateVolume(ObjectNode body, String principal) {
        String catalog = requiredName(body, "catalog_name");
        String schema = requiredName(body, "schema_name");
        String name = requiredName(body, "name");
        Entry s = schema(catalog + "." + schema);
        if (s.volumes.containsKey(name)) {
            throw new ApiException(409, "RESOURCE_ALREADY_EXISTS", "Volume '" + catalog + "." + schema + "." + name
                    + "' already exists");
        }
        String type = body.hasNonNull("volume_type") ? body.get("volume_type").asText() : null;
        if (type == null || !(type.equals("MANAGED") || type.equals("EXTERNAL"))) {
            throw ApiException.invalidParameter("volume_type must be MANAGED or EXTERNAL.");
        }
        String location = text(body, "storage_location");
        if ("EXTERNAL".equals(type) && location == null) {
            throw ApiException.invalidParameter("storage_location is required for an EXTERNAL volume.");
        }
        if ("MANAGED".equals(type) && location != null) {
            throw ApiException.invalidParameter("storage_location must not be set for a MANAGED volume.");
        }
        return createVolumeEntry(s, name, type, text(body, "comment"), location, owner(principal)).info.deepCopy();
    }

    synchronized ObjectNode apiGetVolume(String fullName) {
        return volumeEntry(fullName).info.deepCopy();
    }

    synchronized ObjectNode apiUpdateVolume(String fullName, ObjectNode body, String principal) {
        Entry v = volumeEntry(fullName);
        applyCommon(v.info, body, principal);
        String newName = text(body, "new_name");
        if (newName != null && !newName.toLowerCase(Locale.ROOT).equals(v.info.path("name").asText())) {
            String target = newName.toLowerCase(Locale.ROOT);
            checkApiName(target);
            Entry s = schemaEntry(v.info.path("catalog_name").asText(), v.info.path("schema_name").asText()).orElseThrow();
            if (s.volumes.containsKey(target)) {
                throw new ApiException(409, "RESOURCE_ALREADY_EXISTS", "Volume '" + target + "' already exists");
            }
            s.volumes.remove(v.info.path("name").asText());
            s.volumes.put(target, v);
            v.info.put("name", target);
            v.info.put("full_name", v.info.path("catalog_name").asText() + "." + v.info.path("schema_name").asText()
                    + "." + target);
        }
        return v.info.deepCopy();
    }

    synchronized void apiDeleteVolume(String fullName) {
        Entry v = volumeEntry(fullName);
        Entry s = schemaEntry(v.info.path("catalog_name").asText(), v.info.path("schema_name").asText()).orElseThrow();
        s.volumes.remove(v.info.path("name").asText());
        volumeDeleted.accept(v.info.path("volume_id").asText());
    }

    // ---- internals

    private Entry createCatalogEntry(String name, String comment, String owner, com.fasterxml.jackson.databind.JsonNode properties) {
        ObjectNode info = Json.object();
        info.put("name", name);
        info.put("full_name", name);
        info.put("owner", owner);
        if (comment != null) {
            info.put("comment", comment);
        }
        if (properties != null && properties.isObject()) {
            info.set("properties", properties.deepCopy());
        }
        info.put("catalog_type", "MANAGED_CATALOG");
        info.put("isolation_mode", "OPEN");
        info.put("securable_type", "CATALOG");
        info.put("metastore_id", METASTORE_ID);
        info.put("browse_only", false);
        stamp(info, owner);
        Entry c = new Entry(nextSequence++, info);
        catalogs.put(name, c);
        createSchemaEntry(c, "default", "Default schema (auto-created)", owner, null);
        return c;
    }

    private Entry createSchemaEntry(Entry c, String name, String comment, String owner,
                                    com.fasterxml.jackson.databind.JsonNode properties) {
        String catalog = c.info.path("name").asText();
        ObjectNode info = Json.object();
        info.put("name", name);
        info.put("catalog_name", catalog);
        info.put("full_name", catalog + "." + name);
        info.put("owner", owner);
        if (comment != null) {
            info.put("comment", comment);
        }
        if (properties != null && properties.isObject()) {
            info.set("properties", properties.deepCopy());
        }
        info.put("catalog_type", "MANAGED_CATALOG");
        info.put("schema_id", UUID.randomUUID().toString());
        info.put("metastore_id", METASTORE_ID);
        info.put("browse_only", false);
        stamp(info, owner);
        engine.ensureSchema(catalog, name);
        Entry s = new Entry(nextSequence++, info);
        c.children.put(name, s);
        return s;
    }

    private Entry createVolumeEntry(Entry s, String name, String type, String comment, String location, String owner) {
        ObjectNode info = Json.object();
        String catalog = s.info.path("catalog_name").asText();
        String schema = s.info.path("name").asText();
        String id = UUID.randomUUID().toString();
        info.put("name", name);
        info.put("catalog_name", catalog);
        info.put("schema_name", schema);
        info.put("full_name", catalog + "." + schema + "." + name);
        info.put("volume_type", type);
        info.put("volume_id", id);
        info.put("owner", owner);
        if (comment != null) {
            info.put("comment", comment);
        }
        info.put("storage_location", location != null ? location
                : "emulator://metastore/" + METASTORE_ID + "/volumes/" + id);
        info.put("metastore_id", METASTORE_ID);
        info.put("browse_only", false);
        stamp(info, owner);
        Entry v = new Entry(nextSequence++, info);
        s.volumes.put(name, v);
        return v;
    }

    private Entry newTableEntry(String catalog, String schema, SqlEngine.TableMeta meta, String owner, String tableType,
                                String format, com.fasterxml.jackson.databind.JsonNode properties) {
        ObjectNode info = Json.object();
        String id = UUID.randomUUID().toString();
        info.put("name", meta.name());
        info.put("catalog_name", catalog);
        info.put("schema_name", schema);
        info.put("full_name", catalog + "." + schema + "." + meta.name());
        info.put("table_type", meta.view() ? "VIEW" : tableType != null ? tableType : "MANAGED");
        if (!meta.view()) {
            info.put("data_source_format", format != null ? format : "DELTA");
            info.put("storage_location", "emulator://metastore/" + METASTORE_ID + "/tables/" + id);
        }
        info.put("table_id", id);
        info.put("owner", owner);
        if (properties != null && properties.isObject()) {
            info.set("properties", properties.deepCopy());
        }
        info.put("metastore_id", METASTORE_ID);
        info.put("browse_only", false);
        stamp(info, owner);
        return new Entry(nextSequence++, info);
    }

    private static ObjectNode render(Entry t, SqlEngine.TableMeta m, boolean omitColumns) {
        ObjectNode info = t.info.deepCopy();
        if (m.comment() != null) {
            info.put("comment", m.comment());
        }
        if (m.view() && m.viewDefinition() != null) {
            info.put("view_definition", m.viewDefinition());
        }
        if (!omitColumns) {
            ArrayNode columns = info.putArray("columns");
            for (SqlEngine.ColumnMeta c : m.columns()) {
                ObjectNode col = columns.addObject();
                col.put("name", c.name());
                col.put("type_name", c.type().typeName());
                col.put("type_text", c.type().typeText().toLowerCase(Locale.ROOT));
                col.put("type_json", "{\"name\":\"" + c.name().replace("\"", "\\\"") + "\",\"type\":"
                        + c.type().sparkJson() + ",\"nullable\":" + c.nullable() + ",\"metadata\":{}}");
                if (c.type().precision() != null) {
                    col.put("type_precision", c.type().precision());
                    col.put("type_scale", c.type().scale());
                }
                col.put("position", c.position());
                col.put("nullable", c.nullable());
                if (c.comment() != null) {
                    col.put("comment", c.comment());
                }
            }
        }
        return info;
    }

    private void stamp(ObjectNode info, String owner) {
        long now = clock.millis();
        info.put("created_at", now);
        info.put("created_by", owner);
        info.put("updated_at", now);
        info.put("updated_by", owner);
    }

    private void applyCommon(ObjectNode info, ObjectNode body, String principal) {
        if (body.has("comment")) {
            info.put("comment", body.path("comment").asText());
        }
        if (body.hasNonNull("owner")) {
            info.put("owner", body.get("owner").asText());
        }
        if (body.path("properties").isObject()) {
            info.set("properties", body.get("properties").deepCopy());
        }
        info.put("updated_at", clock.millis());
        info.put("updated_by", owner(principal));
    }

    private static void renameParents(Entry s, String catalog, String schema) {
        s.info.put("catalog_name", catalog);
        s.info.put("name", schema);
        s.info.put("full_name", catalog + "." + schema);
        for (Entry v : s.volumes.values()) {
            v.info.put("catalog_name", catalog);
            v.info.put("schema_name", schema);
            v.info.put("full_name", catalog + "." + schema + "." + v.info.path("name").asText());
        }
        for (Entry t : s.tables.values()) {
            t.info.put("catalog_name", catalog);
            t.info.put("schema_name", schema);
            t.info.put("full_name", catalog + "." + schema + "." + t.info.path("name").asText());
        }
    }

    private boolean catalogEmpty(String name, Entry c) {
        for (Map.Entry<String, Entry> s : c.children.entrySet()) {
            if (!"default".equals(s.getKey()) || !schemaEmpty(name, s.getKey(), s.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean schemaEmpty(String catalog, String schema, Entry s) {
        return s.volumes.isEmpty() && engine.tables(catalog, schema).isEmpty();
    }

    private void removeCatalog(String name) {
        Entry c = catalogs.get(name);
        for (String schema : new ArrayList<>(c.children.keySet())) {
            removeSchema(c, name, schema);
        }
        catalogs.remove(name);
    }

    private void removeSchema(Entry c, String catalog, String schema) {
        Entry s = c.children.remove(schema);
        engine.dropSchema(catalog, schema);
        if (s != null) {
            s.volumes.values().forEach(v -> volumeDeleted.accept(v.info.path("volume_id").asText()));
        }
    }

    private Optional<Entry> schemaEntry(String catalog, String schema) {
        Entry c = catalogs.get(catalog);
        return c == null ? Optional.empty() : Optional.ofNullable(c.children.get(schema));
    }

    private Entry catalog(String name) {
        Entry c = catalogs.get(lower(name));
        if (c == null) {
            throw new ApiException(404, "CATALOG_DOES_NOT_EXIST", "Catalog '" + lower(name) + "' does not exist.");
        }
        return c;
    }

    private Entry schema(String fullName) {
        String[] p = lower(fullName).split("\\.", -1);
        if (p.length != 2) {
            throw ApiException.invalidParameter("Invalid schema full name '" + fullName + "': expected catalog.schema.");
        }
        catalog(p[0]);
        return schemaEntry(p[0], p[1]).orElseThrow(() -> schemaMissing(lower(fullName)));
    }

    private Entry volumeEntry(String fullName) {
        String[] p = split3(fullName, "Volume");
        return schemaEntry(p[0], p[1]).map(s -> s.volumes.get(p[2])).orElseThrow(() -> new ApiException(404,
                "RESOURCE_DOES_NOT_EXIST", "Volume '" + lower(fullName) + "' does not exist."));
    }

    private static String[] split3(String fullName, String what) {
        String[] p = lower(fullName).split("\\.", -1);
        if (p.length != 3) {
            throw ApiException.invalidParameter("Invalid " + what.toLowerCase(Locale.ROOT) + " full name '" + fullName
                    + "': expected catalog.schema.name.");
        }
        return p;
    }

    private static ApiException schemaMissing(String fullName) {
        return new ApiException(404, "SCHEMA_DOES_NOT_EXIST", "Schema '" + fullName + "' does not exist.");
    }

    private static ApiException tableMissing(String fullName) {
        return new ApiException(404, "TABLE_DOES_NOT_EXIST", "Table '" + lower(fullName) + "' does not exist.");
    }

    private String owner(String principal) {
        return principal != null ? principal : userName;
    }

    private static String text(ObjectNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static String requiredName(ObjectNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: " + field);
        }
        String name = value.toLowerCase(Locale.ROOT);
        checkApiName(name);
        return name;
    }

    private static void checkApiName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.invalidParameter("Invalid name '" + name + "': names cannot contain '.', spaces, '/'"
                    + " or control characters, and are at most 255 characters.");
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new SqlFailure("BAD_REQUEST", "[INVALID_SCHEMA_OR_RELATION_NAME] `" + name
                    + "` is not a valid name. SQLSTATE: 42602");
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
