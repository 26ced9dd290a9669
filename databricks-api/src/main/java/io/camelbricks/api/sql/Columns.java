package io.camelbricks.api.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelbricks.api.service.sql.ColumnInfo;
import io.camelbricks.api.service.sql.ResultManifest;

/** The manifest's schema and the conversion of the result's strings (JSON_ARRAY or CSV) to Java values. */
final class Columns {
    private static final java.util.Set<String> CONVERTED = java.util.Set.of("INT", "LONG", "BIGINT", "SHORT", "BYTE",
            "SMALLINT", "TINYINT", "FLOAT", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMP_LTZ",
            "TIMESTAMP_NTZ", "BINARY");

    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    Columns(ResultManifest manifest) {
        if (manifest != null && manifest.getSchema() != null && manifest.getSchema().getColumns() != null) {
            for (ColumnInfo c : manifest.getSchema().getColumns()) {
                index.putIfAbsent(c.getName(), names.size());
                index.putIfAbsent(c.getName().toLowerCase(Locale.ROOT), names.size());
                names.add(c.getName());
                String type = c.getTypeName() != null ? c.getTypeName().value() : null;
                if (type == null && c.getTypeText() != null) {
                    type = c.getTypeText().replaceAll("[(<].*", "");
                }
                types.add(type == null ? "STRING" : type.toUpperCase(Locale.ROOT));
            }
        }
    }

    List<String> names() { return names; }

    List<String> types() { return types; }

    int size() { return names.size(); }

    /** True when column {@code i}'s values stay strings (STRING, ARRAY, MAP, STRUCT, INTERVAL, unknown types). */
    boolean isText(int i) {
        return i >= types.size() || !CONVERTED.contains(types.get(i));
    }

    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = index.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        return i;
    }

    Row row(List<String> raw) {
        Object[] values = new Object[raw.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(i < types.size() ? types.get(i) : "STRING", raw.get(i));
        }
        return new Row(this, values);
    }

    static Object convert(String type, String v) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case "INT": case "LONG": case "BIGINT": case "SHORT": case "BYTE": case "SMALLINT": case "TINYINT":
                return Long.valueOf(v);
            case "FLOAT": case "DOUBLE":
                return Double.valueOf(v);
            case "DECIMAL":
                return new BigDecimal(v);
            case "BOOLEAN":
                return Boolean.valueOf(v);
            case "DATE":
                return LocalDate.parse(v);
            case "TIMESTAMP": case "TIMESTAMP_LTZ":
                return timestamp(v);
            case "TIMESTAMP_NTZ":
                return LocalDateTime.parse(v.replace(' ', 'T'));
            case "BINARY":
                return Base64.getDecoder().decode(v);
            default:
                return v;
        }
    }

    private static Object timestamp(String v) {
        String s = v.replace(' ', 'T');
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return LocalDateTime.parse(s);
            }
        }
    }
}
