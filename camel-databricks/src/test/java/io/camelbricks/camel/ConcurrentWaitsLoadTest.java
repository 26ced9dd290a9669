package io.camelbricks.camel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 exchanges waiting at once ({@code jobs/submit?wait=true}) against the emulator: every one ends with its
 * own TERMINATED / SUCCESS run, and the threads stay bounded by the client's I/O pool (the connection pool's size,
 * 8 by default),
 * one scheduler thread and Camel's own: waiting holds no thread. Tagged {@code load}: it runs in a surefire execution
 * of its own with the component's INFO lines off (30,000 state-change lines would measure the logger, not the
 * component). Measured on the 2-core build machine (shared with other builds): 10,000 waits in 11 to 29 s with 20
 * connections, 21 Camel threads at the peak (20 I/O + 1 scheduler); see camel-databricks/README.md for the default.
 */
@Tag("load")
class ConcurrentWaitsLoadTest extends CamelTestSupport {
    static final int EXCHANGES = 10_000;

    /** Every request of the test stays in the emulator's log (a submit and three polls per exchange). */
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(
            EmulatorOptions.builder().requestLogCapacity(5 * EXCHANGES).build());

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=5m&host=RAW("
                                + emulator().url() + ")&token=RAW(" + emulator().token() + ")");
            }
        };
    }

    @Test
    void tenThousandConcurrentWaitsCompleteOnABoundedNumberOfThreads() throws Exception {
        emulator().reset();
        template.sendBody("direct:wait", run("warm-up")); // the client and its pools exist before measuring
        int before = clientSideThreads();
        threads.resetPeakThreadCount();
        long peakBefore = threads.getPeakThreadCount();
        long start = System.nanoTime();

        // sent from this one thread through the direct endpoint's async producer: no ProducerTemplate pool, so
        // every other thread that appears is the component's
        AsyncProducer direct = context.getEndpoint("direct:wait").createAsyncProducer();
        direct.start();
        List<CompletableFuture<Exchange>> futures = new ArrayList<>(EXCHANGES);
        for (int i = 0; i < EXCHANGES; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(run("load"));
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            direct.process(exchange, doneSync -> done.complete(exchange));
            futures.add(done);
        }
        int whileWaiting = clientSideThreads();
        Map<String, Long> poolsWhileWaiting = threadsByPool();
        // a guard against a hang, not a performance target: durations are printed here and measured in benchmarks/
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long peak = threads.getPeakThreadCount();
        Map<String, Long> poolsAfter = threadsByPool();

        Set<Long> runIds = new HashSet<>();
        for (CompletableFuture<Exchange> f : futures) {
            Exchange out = f.get();
            assertThat(out.getException()).as("exchange %s", out.getExchangeId()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            runIds.add(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
        }
        System.out.printf("%d concurrent waits: %d ms; threads before %d, while waiting %d %s, peak %d (peak before %d),"
                        + " after %s%n", EXCHANGES, millis, before, whileWaiting, poolsWhileWaiting, peak, peakBefore,
                poolsAfter);
        assertThat(runIds).hasSize(EXCHANGES);
        assertThat(emulator().jobs().runCount()).isEqualTo(EXCHANGES + 1);
        assertThat(emulator().requests().count("POST", "/jobs/runs/submit")).isEqualTo(EXCHANGES + 1);
        // The JVM's peak also holds the emulator's HTTP workers and the JVM's own threads. Those are steady while
        // the exchanges wait, so the peak minus them is what Camel and the component had at the peak.
        long notCamel = poolsWhileWaiting.entrySet().stream().filter(e -> !e.getKey().startsWith("Camel ("))
                .mapToLong(Map.Entry::getValue).sum();
        long camelAtPeak = peak - notCamel;
        System.out.printf("Camel and component threads at the peak: %d%n", camelAtPeak);
        assertThat(camelAtPeak).as("Camel's and the component's threads at the peak while %d exchanges waited (%s)",
                EXCHANGES, poolsWhileWaiting).isLessThanOrEqualTo(DatabricksConfig.DEFAULT_MAX_CONNECTIONS + 2);
        assertThat(poolsWhileWaiting.getOrDefault("Camel (camel-#) thread ## - Databricks", 0L))
                .as("the client's I/O pool: one thread per pooled connection")
                .isLessThanOrEqualTo(DatabricksConfig.DEFAULT_MAX_CONNECTIONS);
        assertThat(poolsWhileWaiting.getOrDefault("Camel (camel-#) thread ## - DatabricksScheduler", 0L))
                .isEqualTo(1);
    }

    private static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    private static Map<String, Object> run(String name) {
        return Map.of("run_name", name, "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/" + name))));
    }

    private static int clientSideThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
    }

    /** Live threads grouped by name with digits removed, e.g. {@code Camel (camel-#) thread ## - Databricks}. */
    private Map<String, Long> threadsByPool() {
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        return Arrays.stream(infos).filter(i -> i != null)
                .collect(Collectors.groupingBy(i -> i.getThreadName().replaceAll("\\d+", "#"), TreeMap::new,
                        Collectors.counting()));
    }
}
