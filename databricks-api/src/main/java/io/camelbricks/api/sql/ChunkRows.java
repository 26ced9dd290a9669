package io.camelbricks.api.sql;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The raw rows of one result chunk (each value the server's string, or null for SQL NULL), read one at a time. Rows
 * from an external link are parsed from the open response as they are asked for, so a chunk never sits in memory.
 */
interface ChunkRows extends AutoCloseable {

    /** The next row, or null at the end of the chunk. The list may be reused by the following call. */
    List<String> next() throws IOException;

    @Override
    void close();

    /** Rows already at hand (INLINE {@code data_array}). */
    static ChunkRows of(List<List<String>> rows) {
        Iterator<List<String>> it = rows.iterator();
        return new ChunkRows() {
            @Override
            public List<String> next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    static ChunkRows empty() {
        return of(List.of());
    }
}
