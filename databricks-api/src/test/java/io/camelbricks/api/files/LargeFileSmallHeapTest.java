package io.camelbricks.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Issue 6's check: a 1 GiB upload and download (cut once mid-stream, resumed) through the client in a JVM with
 * {@code -Xmx256m}, verified by SHA-256. {@code -Dcamelbricks.largeFileBytes=...} changes the size.
 */
class LargeFileSmallHeapTest {

    @Test
    void oneGibibyteGoesUpAndDownUnderA256MegabyteHeap() throws Exception {
        String size = System.getProperty("camelbricks.largeFileBytes", String.valueOf(1L << 30));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeRoundTrip.class.getName(), size).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).as(text).contains("OK ");
    }
}
