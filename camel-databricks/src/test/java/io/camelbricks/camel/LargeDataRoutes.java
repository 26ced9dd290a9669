package io.camelbricks.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.sql.EmulatedSql;

/**
 * Run in a child JVM with a small heap by {@link LargeDataThroughRoutesTest}: a local file of {@code args[0]} generated
 * bytes from a {@code file:} consumer up to a Volume through {@code files/upload}, and down through
 * {@code files/download} (cut once mid-stream, resumed) to a {@code file:} producer, and
 * {@code args[1]} SQL rows through {@code outputType=rows} and the streaming splitter. Prints "OK ..." when the
 * SHA-256 and the row count and sum match.
 */
public final class LargeDataRoutes {
    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        long rowCount = Long.parseLong(args[1]);
        try (DatabricksEmulator emu = EmulatorOptions.builder().emulator().start()) {
            emu.files().autoCreateVolumes(true);
            emu.sql().chunkRows(50_000);
            String connection = "host=RAW(" + emu.url() + ")&token=RAW(" + emu.token() + ")";
            AtomicLong rows = new AtomicLong();
            AtomicLong sum = new AtomicLong();
            Path work = Files.createTempDirectory("large-data-routes");
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path outbox = work.resolve("outbox");
            try (InputStream generated = new GeneratedBytes(size, 42)) {
                Files.copy(generated, inbox.resolve("huge.bin"));
            }
            CamelContext camel = new DefaultCamelContext();
            // Camel caches a producer's InputStream response (stream caching is on by default): a large download
            // must be spooled to disk, not held in memory
            camel.getStreamCachingStrategy().setSpoolEnabled(true);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the canonical routes: a local directory into a Volume, and a Volume file onto local disk
                    from("file:" + inbox + "?noop=true").routeId("toVolume")
                            .to("databricks:files/upload?path=/Volumes/main/default/landing/&" + connection);
                    from("direct:download").to("databricks:files/download?path=/Volumes/main/default/landing/huge.bin&"
                            + connection)
                            .to("file:" + outbox);
                    from("direct:rows").to("databricks:statementExecution/executeStatement?warehouseId="
                            + EmulatedSql.DEFAULT_WAREHOUSE_ID + "&disposition=EXTERNAL_LINKS&outputType=rows&"
                            + connection)
                            .split(body()).streaming()
                            .process(e -> {
                                rows.incrementAndGet();
                                sum.addAndGet((Long) e.getMessage().getBody(Map.class).get("id"));
                            });
                }
            });
            NotifyBuilder uploaded = new NotifyBuilder(camel).fromRoute("toVolume").whenCompleted(1).create();
            camel.start();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                if (!uploaded.matches(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the upload route did not complete");
                }
                emu.faults().on("GET", "/fs/files/**").truncateBody().once();
                template.sendBody("direct:download", null);
                String down;
                try (InputStream in = Files.newInputStream(outbox.resolve("huge.bin"))) {
                    down = GeneratedBytes.sha256(in);
                }
                String expected = GeneratedBytes.sha256(new GeneratedBytes(size, 42));
                template.sendBodyAndHeader("direct:rows", null, "CamelDatabricks.statement",
                        "SELECT id, 'row-' || id AS name FROM range(0, " + rowCount + ")");
                long expectedSum = (rowCount - 1) * rowCount / 2;
                boolean ok = down.equals(expected) && rows.get() == rowCount && sum.get() == expectedSum;
                System.out.println((ok ? "OK " : "MISMATCH ") + down + " " + expected + " rows=" + rows.get()
                        + " sum=" + sum.get() + " expected=" + expectedSum + " resumes="
                        + emu.faults().injectedCount());
            } finally {
                camel.stop();
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
