package io.camelbricks.api.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code format=CSV} chunk read row by row, with Databricks's conventions: values are the same strings as in
 * JSON_ARRAY; SQL NULL is the bare word {@code null}; only the first chunk (index 0) starts with a header line. A
 * quoted {@code "null"} is the string "null". A bare empty field is NULL in a column that is converted (numbers,
 * booleans, dates, timestamps, binary), and the empty string in a text column; a quoted {@code ""} is always the
 * empty string.
 */
final class CsvRows implements ChunkRows {
    private final CsvReader reader;
    private final Columns columns;
    private boolean skipHeader;

    CsvRows(InputStream in, Columns columns, boolean firstChunk) {
        this.reader = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.columns = columns;
        this.skipHeader = firstChunk;
    }

    @Override
    public List<String> next() throws IOException {
        if (skipHeader) {
            skipHeader = false;
            if (!reader.next()) {
                return null;
            }
        }
        if (!reader.next()) {
            return null;
        }
        int n = reader.size();
        if (columns.size() > 0 && n != columns.size()) {
            throw new CsvFormatException("record " + reader.recordNumber() + " has " + n + " fields; the schema has "
                    + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            row.add(value(i));
        }
        return row;
    }

    private String value(int i) {
        String v = reader.get(i);
        if (reader.quoted(i)) {
            return v;
        }
        if (v.equals("null") || (v.isEmpty() && !columns.isText(i))) {
            return null;
        }
        return v;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // closing an abandoned response
        }
    }
}
