package io.camelbricks.api.sql;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result row, typed by the manifest's schema: INT/LONG/SHORT/BYTE are {@link Long}, FLOAT/DOUBLE {@link Double},
 * DECIMAL {@link BigDecimal}, BOOLEAN {@link Boolean}, DATE {@link java.time.LocalDate}, TIMESTAMP
 * {@link java.time.Instant}, TIMESTAMP_NTZ {@link java.time.LocalDateTime}, BINARY {@code byte[]}, everything else
 * (STRING, ARRAY, MAP, STRUCT, INTERVAL, ...) the {@link String} the server sent; SQL NULL is {@code null}.
 */
public final class Row {
    private final Columns columns;
    private final Object[] values;

    Row(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    public int size() { return values.length; }

    public Object get(int index) { return values[index]; }

    public Object get(String column) {
        return values[columns.indexOf(column)];
    }

    public <T> T get(String column, Class<T> type) {
        return type.cast(get(column));
    }

    public List<String> columnNames() { return columns.names(); }

    /** Column name to value, in column order (nulls kept). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.names().get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    public List<Object> values() {
        return Collections.unmodifiableList(java.util.Arrays.asList(values));
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
