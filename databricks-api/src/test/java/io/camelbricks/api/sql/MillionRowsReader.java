package io.camelbricks.api.sql;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.sql.Disposition;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.api.service.sql.Format;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.sql.EmulatedSql;

/**
 * Run in a child JVM with a small heap by {@link MillionRowsSmallHeapTest}: connects to the emulator at
 * {@code args[0]} (token {@code args[1]}), reads {@code args[2]} rows through EXTERNAL_LINKS in JSON_ARRAY and in CSV,
 * and prints one digest line per format.
 */
public final class MillionRowsReader {

    /** Row count, sum of ids, NULL names and a CRC32 of the non-NULL names (each followed by a newline). */
    record Digest(long count, long sum, long nulls, long crc) {
        @Override
        public String toString() {
            return "count=" + count + " sum=" + sum + " nulls=" + nulls + " crc=" + crc;
        }

        /** What the query gives: ids 0..rows-1, names "row-<id>", NULL where id is a multiple of 7. */
        static Digest expected(long rows) {
            CRC32 crc = new CRC32();
            long nulls = 0;
            for (long id = 0; id < rows; id++) {
                if (id % 7 == 0) {
                    nulls++;
                } else {
                    crc.update(("row-" + id + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Digest(rows, rows * (rows - 1) / 2, nulls, crc.getValue());
        }
    }

    public static void main(String[] args) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.println(maxHeap <= 64L * 1024 * 1024 ? "maxHeap<=64MiB" : "maxHeap=" + maxHeap);
        try (WorkspaceClient w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(args[0])
                .setToken(args[1]).resolve(Map.of())))) {
            for (Format format : new Format[] {Format.JSON_ARRAY, Format.CSV}) {
                ExecuteStatementRequest request = new ExecuteStatementRequest()
                        .setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID).setDisposition(Disposition.EXTERNAL_LINKS)
                        .setFormat(format).setStatement("SELECT id, CASE WHEN MOD(id, 7) = 0 THEN NULL ELSE 'row-' || id"
                                + " END AS name FROM range(0, " + args[2] + ")");
                try (StatementResult r = w.sql().execute(request)) {
                    System.out.println(format.value() + " " + digest(r));
                }
            }
        }
    }

    private static Digest digest(StatementResult result) {
        CRC32 crc = new CRC32();
        long count = 0;
        long sum = 0;
        long nulls = 0;
        for (Row row : result) {
            count++;
            sum += (Long) row.get(0);
            String name = (String) row.get(1);
            if (name == null) {
                nulls++;
            } else {
                crc.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Digest(count, sum, nulls, crc.getValue());
    }
}
