package io.camelbricks.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import io.camelbricks.camel.DatabricksConstants;

/**
 * The child JVM of {@link ConsumerKilledInAChildJvmIT}: a consumer route on its own scheduler with a
 * {@link FileIdempotentRepository}, whose one step appends each delivery to a file ({@code <item>} or
 * {@code <run>@<state>}, one line, written with one {@code write} and forced to disk before the exchange goes on).
 *
 * <p>Arguments: mode ({@code items}: {@code jobs/list}; {@code changes}: {@code jobs/listRuns?emit=changes}), host
 * URL, token, repository file, deliveries file, pause. Pause {@code after:N} blocks the route's step forever right
 * after it recorded its N-th delivery (the exchange's work is done, its key not yet stored: what a process killed
 * there leaves); {@code none} never blocks. Prints {@code delivered <n>} after each delivery, {@code paused <item>}
 * when it blocks, and {@code idle <n>} after each poll that found nothing new (n: deliveries so far); on
 * {@code stop} from the parent it stops the route and exits.
 */
public final class KilledConsumerChild {
    private KilledConsumerChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String connection = "host=RAW(" + args[1] + ")&token=RAW(" + args[2] + ")";
        Path repository = Path.of(args[3]);
        Path deliveries = Path.of(args[4]);
        int pauseAfter = args[5].startsWith("after:") ? Integer.parseInt(args[5].substring(6)) : -1;
        String uri = ("items".equals(mode) ? "databricks:jobs/list?" : "databricks:jobs/listRuns?emit=changes&")
                + "idempotentRepository=#seen&initialDelay=0&delay=10&sendEmptyMessageWhenIdle=true&" + connection;
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger lastIdle = new AtomicInteger(-1);
        try (FileChannel out = FileChannel.open(deliveries, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(repository.toFile()));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("consumer").process(e -> {
                        String state = e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class);
                        Object id = state == null ? e.getMessage().getHeader(DatabricksConstants.JOB_ID)
                                : e.getMessage().getHeader(DatabricksConstants.RUN_ID);
                        if (id == null) { // the empty exchange of a poll that found nothing new
                            if (lastIdle.getAndSet(delivered.get()) != delivered.get()) {
                                ChildJvm.say("idle " + delivered.get());
                            }
                            return;
                        }
                        String line = (state == null ? String.valueOf(id) : id + "@" + state) + "\n";
                        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                        while (bytes.hasRemaining()) {
                            out.write(bytes);
                        }
                        out.force(false);
                        int n = delivered.incrementAndGet();
                        ChildJvm.say("delivered " + n);
                        if (n == pauseAfter) {
                            ChildJvm.say("paused " + line.strip());
                            new CountDownLatch(1).await(); // until the parent kills this process
                        }
                    });
                }
            });
            camel.start();
            BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = ChildJvm.listen(parent); command != null; command = ChildJvm.listen(parent)) {
                if ("stop".equals(command)) {
                    break;
                }
            }
        }
    }
}
