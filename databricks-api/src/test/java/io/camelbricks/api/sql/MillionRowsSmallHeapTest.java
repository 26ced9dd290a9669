package io.camelbricks.api.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;

/**
 * 1,000,000 rows through EXTERNAL_LINKS, in JSON_ARRAY and in CSV, in two chunks of 500,000 rows, read by a client in
 * a child JVM with {@code -Xmx64m} (rows are parsed from the open link response, never a whole chunk); the emulator (which holds the whole result) stays in this JVM. The child checks nothing itself: it
 * prints the row count, the sum of the ids, the number of NULLs and a CRC32 of the names, compared here with the
 * values computed from the query.
 */
class MillionRowsSmallHeapTest {
    static final long ROWS = 1_000_000L;

    @Test
    void aMillionRowsInJsonArrayAndCsvAreReadUnderA64MegabyteHeap() throws Exception {
        try (DatabricksEmulator emu = EmulatorOptions.builder().emulator().start()) {
            // two chunks of 500,000 rows (about 9 MB of JSON each): held as lists of strings, one would not fit
            emu.sql().chunkRows(500_000).chunkBytes(1L << 30);
            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    MillionRowsReader.class.getName(), emu.url(), emu.token(), String.valueOf(ROWS))
                    .redirectErrorStream(true).start();
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isZero();

            String expected = MillionRowsReader.Digest.expected(ROWS).toString();
            assertThat(text).as(text).contains("maxHeap<=64MiB")
                    .contains("JSON_ARRAY " + expected).contains("CSV " + expected);
        }
    }
}
