package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's route checks, in a child JVM with {@code -Xmx256m}: 1 GiB up and down through {@code files/upload} and
 * {@code files/download} (the download cut once mid-stream and resumed), verified by SHA-256; and 1,000,000 statement
 * rows through {@code outputType=rows} and {@code .split(body()).streaming()}. Neither fits in the heap if anything
 * buffers it. {@code -Dcamelbricks.largeFileBytes=...} and {@code -Dcamelbricks.largeRowCount=...} change the sizes.
 */
class LargeDataThroughRoutesTest {

    @Test
    void aGibibyteAndAMillionRowsGoThroughRoutesUnderA256MegabyteHeap() throws Exception {
        String size = System.getProperty("camelbricks.largeFileBytes", String.valueOf(1L << 30));
        String rows = System.getProperty("camelbricks.largeRowCount", "1000000");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeDataRoutes.class.getName(), size, rows).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).as(text).contains("OK ").contains("rows=" + rows).contains("resumes=1");
    }
}
