package io.camelbricks.emulator.sql;

import java.util.List;

/**
 * What a statement produced: its columns and rows, every value already rendered as the JSON_ARRAY format shows it (a
 * string, or null), with the size of each row.
 *
 * @param columns   the result schema, in order
 * @param rows      the rows kept (after row_limit / byte_limit)
 * @param rowBytes  the size of each row as a JSON array, for chunking and byte counts
 * @param truncated true when row_limit or byte_limit cut rows off
 */
public record QueryResult(List<Column> columns, List<String[]> rows, List<Integer> rowBytes, boolean truncated) {

    /** One result column. {@code position} is 0-based, as in the manifest. */
    public record Column(String name, int position, SqlTypes.DatabricksType type) {
    }

    /** A statement without a result set (DDL). */
    static QueryResult empty() {
        return new QueryResult(List.of(), List.of(), List.of(), false);
    }

    public long totalBytes() {
        long total = 0;
        for (int b : rowBytes) {
            total += b;
        }
        return total;
    }
}
