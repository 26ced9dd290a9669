package io.camelbricks.emulator.sql;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Databricks type names and their H2 counterparts, both ways. */
public final class SqlTypes {

    /**
     * Databricks type names H2 does not know, created as domains in every H2 schema, so that
     * {@code CREATE TABLE t (name STRING, n LONG)} works unchanged.
     */
    static final Map<String, String> DOMAINS = Map.of(
            "string", "VARCHAR",
            "long", "BIGINT",
            "short", "SMALLINT",
            "byte", "TINYINT",
            "timestamp_ntz", "TIMESTAMP(6)",
            "timestamp_ltz", "TIMESTAMP(6) WITH TIME ZONE");

    private static final Pattern DECIMAL = Pattern.compile("(?i)^\\s*(?:DECIMAL|DEC|NUMERIC)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*$");

    /** A column type as the Statement Execution and Unity Catalog APIs describe it. */
    public record DatabricksType(String typeName, String typeText, Integer precision, Integer scale, String sparkJson) {
    }

    private SqlTypes() {
    }

    /**
     * The H2 type for a statement parameter's {@code type} (STRING when absent), or null when the type is not one the
     * emulator knows.
     */
    static String h2TypeOfParameter(String type) {
        if (type == null || type.isBlank()) {
            return "VARCHAR";
        }
        String t = type.trim().toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(t);
        if (decimal.matches()) {
            String p = decimal.group(1) == null ? "10" : decimal.group(1);
            String s = decimal.group(2) == null ? "0" : decimal.group(2);
            return "DECIMAL(" + p + "," + s + ")";
        }
        return switch (t) {
            case "STRING", "VARCHAR", "CHAR" -> "VARCHAR";
            case "INT", "INTEGER" -> "INTEGER";
            case "BIGINT", "LONG" -> "BIGINT";
            case "SMALLINT", "SHORT" -> "SMALLINT";
            case "TINYINT", "BYTE" -> "TINYINT";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "FLOAT", "REAL" -> "REAL";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ" -> "TIMESTAMP(6)";
            case "BINARY" -> "VARBINARY";
            case "VOID" -> "VARCHAR";
            default -> null;
        };
    }

    /** The H2 type for a Unity Catalog column's {@code type_text} / {@code type_name} (tables created through the API). */
    static String h2TypeOfColumn(String typeText) {
        String mapped = h2TypeOfParameter(typeText);
        if (mapped != null) {
            return mapped;
        }
        String t = typeText.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("ARRAY<") && t.endsWith(">")) {
            String element = h2TypeOfColumn(t.substring(6, t.length() - 1));
            return element + " ARRAY";
        }
        return "VARCHAR";
    }

    /** The Databricks description of an H2 column type (JDBC type name, precision, scale). */
    static DatabricksType fromH2(String h2TypeName, int precision, int scale) {
        String t = h2TypeName == null ? "NULL" : h2TypeName.toUpperCase(Locale.ROOT);
        if (t.endsWith(" ARRAY")) {
            DatabricksType element = fromH2(t.substring(0, t.length() - " ARRAY".length()), 0, 0);
            return new DatabricksType("ARRAY", "ARRAY<" + element.typeText() + ">", null, null,
                    "{\"type\":\"array\",\"elementType\":" + element.sparkJson() + ",\"containsNull\":true}");
        }
        return switch (t) {
            case "INTEGER", "INT" -> simple("INT", "INT", "integer");
            case "BIGINT" -> simple("LONG", "BIGINT", "long");
            case "SMALLINT" -> simple("SHORT", "SMALLINT", "short");
            case "TINYINT" -> simple("BYTE", "TINYINT", "byte");
            case "BOOLEAN" -> simple("BOOLEAN", "BOOLEAN", "boolean");
            case "DOUBLE PRECISION", "DOUBLE", "FLOAT" -> simple("DOUBLE", "DOUBLE", "double");
            case "REAL" -> simple("FLOAT", "FLOAT", "float");
            case "NUMERIC", "DECIMAL", "DECFLOAT" -> {
                int p = precision <= 0 || precision > 38 ? 38 : precision;
                int s = Math.max(0, Math.min(scale, p));
                yield new DatabricksType("DECIMAL", "DECIMAL(" + p + "," + s + ")", p, s,
                        "\"decimal(" + p + "," + s + ")\"");
            }
            case "DATE" -> simple("DATE", "DATE", "date");
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> simple("TIMESTAMP", "TIMESTAMP", "timestamp");
            case "BINARY", "BINARY VARYING", "VARBINARY", "BINARY LARGE OBJECT", "BLOB", "JAVA_OBJECT" ->
                    simple("BINARY", "BINARY", "binary");
            case "NULL" -> simple("NULL", "VOID", "void");
            case "ROW" -> simple("STRUCT", "STRUCT<>", "{\"type\":\"struct\",\"fields\":[]}");
            default -> t.startsWith("INTERVAL") ? simple("INTERVAL", t, "string") : simple("STRING", "STRING", "string");
        };
    }

    private static DatabricksType simple(String name, String text, String spark) {
        return new DatabricksType(name, text, null, null, spark.startsWith("{") || spark.startsWith("\"") ? spark
                : "\"" + spark + "\"");
    }
}
