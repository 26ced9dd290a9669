package io.camelbricks.emulator.sql;

import io.camelbricks.emulator.sql.SqlRewriter.Kind;
import io.camelbricks.emulator.sql.SqlRewriter.Token;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The embedded SQL engine: one in-memory H2 database per emulator.
 *
 * <p><b>Names.</b> A Unity Catalog schema {@code catalog.schema} is the H2 schema named {@code "catalog.schema"} (one
 * quoted identifier with a dot in it). Statements are rewritten by {@link SqlRewriter}, so {@code main.default.t},
 * {@code default.t} (with catalog {@code main}) and {@code t} (with catalog {@code main} and schema {@code default})
 * all name the H2 table {@code "main.default".t}. Unquoted names are lower case (H2's {@code DATABASE_TO_LOWER}), as
 * Databricks stores them.
 *
 * <p><b>Types.</b> Each H2 schema has domains for the Databricks type names H2 lacks ({@code STRING}, {@code LONG},
 * {@code SHORT}, {@code BYTE}, {@code TIMESTAMP_NTZ}, {@code TIMESTAMP_LTZ}); result columns are described with
 * Databricks type names ({@link SqlTypes#fromH2}).
 */
public final class SqlEngine implements AutoCloseable {

    /** One named statement parameter ({@code :name}); {@code value} null is SQL NULL. */
    public record Parameter(String name, String type, String value) {
    }

    /**
     * Result limits.
     *
     * @param rowLimit    keep at most this many rows (negative: no limit); more rows set {@code truncated}
     * @param byteLimit   keep rows while their total size stays within this (negative: no limit); sets {@code truncated}
     * @param capBytes    a result larger than this fails the statement (the INLINE 25 MiB cap); negative: no cap
     * @param capExceeded the failure to throw then
     */
    public record Limits(long rowLimit, long byteLimit, long capBytes, Supplier<SqlFailure> capExceeded) {
        public static final Limits NONE = new Limits(-1, -1, -1, null);
    }

    /** A table or view of a schema, for Unity Catalog. */
    public record TableMeta(String name, boolean view, List<ColumnMeta> columns, String comment, String viewDefinition) {
    }

    /** A column of a table; {@code position} is 0-based. */
    public record ColumnMeta(String name, int position, SqlTypes.DatabricksType type, boolean nullable, String comment) {
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final int QUERY_TIMEOUT_SECONDS = 60;

    private final String url;
    private final Connection keeper;

    public SqlEngine() {
        this.url = "jdbc:h2:mem:databricks-emulator-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW";
        try {
            Class.forName("org.h2.Driver");
            this.keeper = DriverManager.getConnection(url);
        } catch (ClassNotFoundException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded H2 database", e);
        }
    }

    // ---- schemas and tables (for Unity Catalog)

    /** Creates the H2 schema of {@code catalog.schema} (if absent) with the Databricks type domains. */
    public void ensureSchema(String catalog, String schema) {
        String s = SqlRewriter.quote(h2Schema(catalog, schema));
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE SCHEMA IF NOT EXISTS " + s);
        SqlTypes.DOMAINS.forEach((name, type) -> ddl.add("CREATE DOMAIN IF NOT EXISTS " + s + "." + name + " AS " + type));
        ddl.add("CREATE ALIAS IF NOT EXISTS " + s + ".\"range\" FOR \"" + SqlFunctions.class.getName() + ".range\"");
        run(ddl);
    }

    /** Drops the H2 schema of {@code catalog.schema} with everything in it. */
    public void dropSchema(String catalog, String schema) {
        run(List.of("DROP SCHEMA IF EXISTS " + SqlRewriter.quote(h2Schema(catalog, schema)) + " CASCADE"));
    }

    /** Renames the H2 schema (catalog or schema rename). */
    public void renameSchema(String catalog, String schema, String newCatalog, String newSchema) {
        run(List.of("ALTER SCHEMA " + SqlRewriter.quote(h2Schema(catalog, schema)) + " RENAME TO "
                + SqlRewriter.quote(h2Schema(newCatalog, newSchema))));
    }

    /** The tables and views of {@code catalog.schema}, by name. */
    public List<TableMeta> tables(String catalog, String schema) {
        List<TableMeta> result = new ArrayList<>();
        String h2 = h2Schema(catalog, schema);
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT t.table_name, t.table_type, t.remarks, v.view_definition"
                     + " FROM information_schema.tables t LEFT JOIN information_schema.views v"
                     + " ON v.table_schema = t.table_schema AND v.table_name = t.table_name"
                     + " WHERE t.table_schema = ? ORDER BY t.table_name")) {
            ps.setString(1, h2);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            for (String[] row : rows) {
                result.add(new TableMeta(row[0], "VIEW".equalsIgnoreCase(row[1]), columns(c, h2, row[0]),
                        row[2] == null || row[2].isEmpty() ? null : row[2], row[3]));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + h2, e);
        }
        return result;
    }

    public Optional<TableMeta> table(String catalog, String schema, String name) {
        return tables(catalog, schema).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<ColumnMeta> columns(Connection c, String h2Schema, String table) throws SQLException {
        Map<String, String> comments = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, remarks FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, h2Schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<ColumnMeta> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + SqlRewriter.quote(h2Schema) + "." + SqlRewriter.quote(table)
                     + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i);
                String comment = comments.get(name);
                columns.add(new ColumnMeta(name, i - 1, SqlTypes.fromH2(md.getColumnTypeName(i), md.getPrecision(i),
                        md.getScale(i)), md.isNullable(i) != ResultSetMetaData.columnNoNulls,
                        comment == null || comment.isEmpty() ? null : comment));
            }
        }
        return columns;
    }

    /** A column of a table created through the Unity Catalog API. */
    public record ColumnSpec(String name, String typeText, boolean nullable, String comment) {
    }

    /** {@code CREATE TABLE} from Unity Catalog column specs. */
    public void createTable(String catalog, String schema, String name, List<ColumnSpec> columns) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(SqlRewriter.quote(h2Schema(catalog, schema)))
                .append('.').append(SqlRewriter.quote(name)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec col = columns.get(i);
            if (i > 0) {
                ddl.append(", ");
            }
            ddl.append(SqlRewriter.quote(col.name())).append(' ').append(SqlTypes.h2TypeOfColumn(col.typeText()));
            if (!col.nullable()) {
                ddl.append(" NOT NULL");
            }
            if (col.comment() != null) {
                ddl.append(" COMMENT '").append(col.comment().replace("'", "''")).append('\'');
            }
        }
        ddl.append(')');
        run(List.of(ddl.toString()));
    }

    public void dropTable(String catalog, String schema, String name, boolean view) {
        run(List.of("DROP " + (view ? "VIEW " : "TABLE ") + SqlRewriter.quote(h2Schema(catalog, schema)) + "."
                + SqlRewriter.quote(name)));
    }

    /** Drops everything: a fresh database. */
    public void reset() {
        run(List.of("DROP ALL OBJECTS"));
    }

    @Override
    public void close() {
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already shut down
        }
        try {
            keeper.close();
        } catch (SQLException e) {
            // ignore
        }
    }

    static String h2Schema(String catalog, String schema) {
        return catalog + "." + schema;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private void run(List<String> statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- statements

    /**
     * Runs one statement with {@code catalog} and {@code schema} as the defaults. Catalog and schema DDL, {@code USE}
     * and {@code SHOW CATALOGS|SCHEMAS|TABLES} are answered by the emulator through {@code catalogs}; everything else
     * by H2. Throws {@link SqlFailure} when the statement fails.
     */
    public QueryResult execute(String statement, String catalog, String schema, List<Parameter> parameters,
                               Limits limits, SqlCatalogs catalogs) {
        List<Token> tokens = new ArrayList<>(SqlRewriter.tokenize(statement));
        List<Token> sig = SqlRewriter.significant(tokens);
        if (!sig.isEmpty() && ";".equals(sig.get(sig.size() - 1).text()) && sig.get(sig.size() - 1).kind() == Kind.SYMBOL) {
            Token last = sig.remove(sig.size() - 1);
            tokens.remove(tokens.lastIndexOf(last));
        }
        if (sig.isEmpty()) {
            throw SqlFailure.badRequest("PARSE_EMPTY_STATEMENT", "Syntax error, unexpected empty statement.", "42617");
        }
        for (Token t : sig) {
            if (t.kind() == Kind.SYMBOL && ";".equals(t.text())) {
                throw SqlFailure.badRequest("PARSE_SYNTAX_ERROR",
                        "Syntax error at or near ';': only one statement can be executed per request.", "42601");
            }
        }
        QueryResult special = CatalogStatements.tryExecute(sig, catalog, schema, catalogs, this);
        if (special != null) {
            return special;
        }
        if (!catalogs.isCatalog(catalog)) {
            throw SqlFailure.badRequest("NO_SUCH_CATALOG_EXCEPTION", "Catalog '" + catalog + "' was not found.", "42704");
        }
        if (!catalogs.isSchema(catalog, schema)) {
            throw SqlFailure.badRequest("SCHEMA_NOT_FOUND", "The schema `" + catalog + "`.`" + schema
                    + "` cannot be found.", "42704");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            String name = p.name().toLowerCase(Locale.ROOT);
            types.put(name, SqlTypes.h2TypeOfParameter(p.type()));
            byName.put(name, p);
        }
        String preDrop = null;
        if (sig.size() > 3 && sig.get(0).isWord("create") && sig.get(1).isWord("or") && sig.get(2).isWord("replace")
                && sig.get(3).isWord("table")) {
            int or = tokens.indexOf(sig.get(1));
            int table = tokens.indexOf(sig.get(3));
            tokens.subList(or, table).clear();
            preDrop = "DROP TABLE IF EXISTS " + nameText(sig, 4);
        }
        SqlRewriter.Namespace namespace = new SqlRewriter.Namespace() {
            @Override
            public boolean isCatalog(String c) {
                return catalogs.isCatalog(c);
            }

            @Override
            public boolean isSchema(String c, String s) {
                return catalogs.isSchema(c, s);
            }
        };
        SqlRewriter.Rewritten rewritten = SqlRewriter.rewrite(tokens, catalog, namespace, types);
        for (String name : rewritten.parameterNames()) {
            if (!byName.containsKey(name)) {
                throw SqlFailure.badRequest("UNBOUND_SQL_PARAMETER", "Found the unbound parameter: " + name
                        + ". Please, fix `args` and provide a mapping of the parameter to either a SQL literal or"
                        + " collection constructor functions such as `map()`, `array()`, `struct()`.", "42P02");
            }
        }
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SCHEMA " + SqlRewriter.quote(h2Schema(catalog, schema)));
                if (preDrop != null) {
                    s.execute(SqlRewriter.rewrite(SqlRewriter.tokenize(preDrop), catalog, namespace, Map.of()).sql());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(rewritten.sql())) {
                ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                int index = 1;
                for (String name : rewritten.parameterNames()) {
                    Parameter p = byName.get(name);
                    ps.setString(index++, normaliseValue(p));
                }
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return read(rs, limits);
                    }
                }
                return updateResult(sig, ps.getUpdateCount());
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String nameText(List<Token> sig, int from) {
        StringBuilder name = new StringBuilder();
        int i = from;
        while (i < sig.size() && sig.get(i).isIdent()) {
            Token t = sig.get(i);
            name.append(t.kind() == Kind.QUOTED_IDENT ? "`" + t.text() + "`" : t.text());
            if (i + 1 < sig.size() && ".".equals(sig.get(i + 1).text())) {
                name.append('.');
                i += 2;
            } else {
                break;
            }
        }
        return name.toString();
    }

    private static String normaliseValue(Parameter p) {
        String v = p.value();
        if (v == null) {
            return null;
        }
        String h2 = SqlTypes.h2TypeOfParameter(p.type());
        if (h2 != null && h2.startsWith("TIMESTAMP")) {
            try {
                return LocalDateTime.ofInstant(OffsetDateTime.parse(v).toInstant(), ZoneOffset.UTC).toString().replace('T', ' ');
            } catch (RuntimeException e) {
                return v.replace('T', ' ').replace("Z", "");
            }
        }
        return v;
    }

    private static QueryResult updateResult(List<Token> sig, int count) {
        String verb = sig.get(0).text().toLowerCase(Locale.ROOT);
        List<String> names = switch (verb) {
            case "insert" -> List.of("num_affected_rows", "num_inserted_rows");
            case "update" -> List.of("num_affected_rows", "num_updated_rows");
            case "delete" -> List.of("num_affected_rows", "num_deleted_rows");
            case "merge" -> List.of("num_affected_rows", "num_updated_rows", "num_deleted_rows", "num_inserted_rows");
            default -> List.of();
        };
        if (names.isEmpty()) {
            return QueryResult.empty();
        }
        List<QueryResult.Column> columns = new ArrayList<>();
        String[] row = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            columns.add(new QueryResult.Column(names.get(i), i, SqlTypes.fromH2("BIGINT", 64, 0)));
            row[i] = i == 0 || names.size() == 2 ? Integer.toString(Math.max(count, 0)) : "0";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row);
        return new QueryResult(columns, rows, List.of(rowBytes(row)), false);
    }

    private static QueryResult read(ResultSet rs, Limits limits) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<QueryResult.Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new QueryResult.Column(md.getColumnLabel(i), i - 1,
                    SqlTypes.fromH2(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i))));
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        long total = 0;
        boolean truncated = false;
        while (rs.next()) {
            if (limits.rowLimit() >= 0 && rows.size() >= limits.rowLimit()) {
                truncated = true;
                break;
            }
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = render(rs.getObject(i));
            }
            int size = rowBytes(row);
            if (limits.byteLimit() >= 0 && total + size > limits.byteLimit()) {
                truncated = true;
                break;
            }
            if (limits.capBytes() >= 0 && total + size > limits.capBytes()) {
                throw limits.capExceeded().get();
            }
            total += size;
            rows.add(row);
            sizes.add(size);
        }
        return new QueryResult(columns, rows, sizes, truncated);
    }

    /** The size of a row as a JSON array of strings (an estimate that ignores escaping). */
    static int rowBytes(String[] row) {
        int size = 2 + Math.max(0, row.length - 1);
        for (String v : row) {
            size += v == null ? 4 : v.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return size;
    }

    /** A value as the JSON_ARRAY format shows it: a string, or null. */
    static String render(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return TIMESTAMP.format(ts.toLocalDateTime());
        }
        if (value instanceof LocalDateTime ldt) {
            return TIMESTAMP.format(ldt);
        }
        if (value instanceof OffsetDateTime odt) {
            return TIMESTAMP.format(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return TIMESTAMP.format(zdt.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof java.sql.Array array) {
            return renderArray((Object[]) array.getArray());
        }
        if (value instanceof Object[] objects) {
            return renderArray(objects);
        }
        if (value instanceof java.util.UUID || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return value.toString();
    }

    private static String renderArray(Object[] elements) throws SQLException {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object e = elements[i];
            String r = render(e);
            if (r == null) {
                sb.append("null");
            } else if (e instanceof Number || e instanceof Boolean || e instanceof java.sql.Array || e instanceof Object[]) {
                sb.append(r);
            } else {
                sb.append('"').append(r.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append(']').toString();
    }

    /** An H2 error as Databricks reports SQL errors: {@code [ERROR_CLASS] message SQLSTATE: xxxxx}. */
    static SqlFailure failure(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = message.indexOf("; SQL statement:");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = message.replaceAll("\\s*\\[\\d+-\\d+]$", "").trim();
        return switch (e.getErrorCode()) {
            case 42000, 42001 -> SqlFailure.badRequest("PARSE_SYNTAX_ERROR", message + ".", "42601");
            case 42102, 42103, 42104 -> SqlFailure.badRequest("TABLE_OR_VIEW_NOT_FOUND",
                    "The table or view cannot be found: " + message + ". Verify the spelling and correctness of the"
                            + " schema and catalog.", "42P01");
            case 42122 -> SqlFailure.badRequest("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
                    "A column, variable, or function parameter cannot be resolved: " + message + ".", "42703");
            case 42101 -> SqlFailure.badRequest("TABLE_OR_VIEW_ALREADY_EXISTS",
                    "Cannot create table or view because it already exists: " + message + ".", "42P07");
            case 90079 -> SqlFailure.badRequest("TABLE_OR_VIEW_NOT_FOUND", "The table or view cannot be found: "
                    + message + " (no such catalog or schema). Verify the spelling and correctness of the schema and"
                    + " catalog.", "42P01");
            case 22018, 22007 -> SqlFailure.badRequest("CAST_INVALID_INPUT", message + ".", "22018");
            case 22012 -> SqlFailure.badRequest("DIVIDE_BY_ZERO", "Division by zero.", "22012");
            case 90022 -> SqlFailure.badRequest("UNRESOLVED_ROUTINE", message + ".", "42883");
            case 57014 -> new SqlFailure("DEADLINE_EXCEEDED", "Query timed out in the emulator after "
                    + QUERY_TIMEOUT_SECONDS + " s.");
            default -> SqlFailure.badRequest(e.getSQLState() == null ? "INTERNAL_ERROR" : "SQL_ERROR",
                    message + ".", e.getSQLState() == null ? "XX000" : e.getSQLState());
        };
    }

    /** The H2 names of one schema's tables, for SHOW TABLES. */
    List<String> tableNames(String catalog, String schema) {
        return tables(catalog, schema).stream().map(TableMeta::name).toList();
    }

    /** A result of single-string rows (SHOW ... answers). */
    static QueryResult stringRows(List<String> columnNames, List<String[]> rows) {
        List<QueryResult.Column> columns = new ArrayList<>();
        for (int i = 0; i < columnNames.size(); i++) {
            String name = columnNames.get(i);
            columns.add(new QueryResult.Column(name, i, name.equals("isTemporary")
                    ? SqlTypes.fromH2("BOOLEAN", 1, 0) : SqlTypes.fromH2("VARCHAR", 0, 0)));
        }
        List<Integer> sizes = rows.stream().map(SqlEngine::rowBytes).toList();
        return new QueryResult(columns, rows, sizes, false);
    }
}
