package io.camelbricks.it;

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

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Many exchanges submitting at once through one async producer: one run each, all awaited, no threads left over. */
class ConcurrentSubmissionsIT extends CamelContextSupport {
    private static final int EXCHANGES = 50;

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private DatabricksEmulator emulator;

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
    }

    @Test
    void concurrentSubmissionsCreateExactlyOneRunEach() throws Exception {
        int beforeCamel = clientSideThreads();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=60s&"
                                + Workspace.connection(emulator));
            }
        });

        // every exchange sends the very same request: only the exchange tells the runs apart
        List<Exchange> done = submitAll();

        Set<Long> runIds = new HashSet<>();
        for (Exchange out : done) {
            assertThat(out.getException()).as("exchange %s", out.getExchangeId()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            Long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
            assertThat(out.getMessage().getBody(Run.class).getRunId()).isEqualTo(runId);
            runIds.add(runId);
        }
        assertThat(runIds).as("a distinct run per exchange").hasSize(EXCHANGES);
        assertThat(emulator.jobs().runCount()).isEqualTo(EXCHANGES);
        assertThat(new HashSet<>(emulator.jobs().runIds())).isEqualTo(runIds);
        for (long runId : runIds) {
            assertThat(emulator.jobs().lifeCycleState(runId)).as("run %d", runId).contains("TERMINATED");
        }
        assertThat(emulator.requests().count("POST", "/jobs/runs/submit")).isEqualTo(EXCHANGES);
        assertThat(emulator.requests().count("GET", "/jobs/runs/get")).isEqualTo(3L * EXCHANGES);

        // Threads. The emulator's HTTP workers are not counted: they belong to the fake workspace, not to Camel.
        // A burst grows the client's I/O pool to about the number of calls in flight (one blocking HTTP call per
        // pool thread); a second burst must reuse those threads rather than add new ones.
        int afterFirstBurst = clientSideThreads();
        Map<String, Long> poolsAfterFirst = threadsByPool();
        submitAll();
        int afterSecondBurst = clientSideThreads();
        Map<String, Long> poolsAfterSecond = threadsByPool();
        System.out.printf("threads (without the emulator's): before Camel %d, after burst 1 %d %s, after burst 2 %d %s%n",
                beforeCamel, afterFirstBurst, poolsAfterFirst, afterSecondBurst, poolsAfterSecond);
        assertThat(emulator.jobs().runCount()).isEqualTo(2 * EXCHANGES);
        assertThat(afterSecondBurst)
                .as("threads after a second burst of %d (%s) vs after the first (%s)", EXCHANGES, poolsAfterSecond,
                        poolsAfterFirst)
                .isLessThanOrEqualTo(afterFirstBurst + 5);
        assertThat(afterFirstBurst - beforeCamel)
                .as("threads added by Camel and the client for %d concurrent exchanges: %s", EXCHANGES, poolsAfterFirst)
                .isLessThanOrEqualTo(EXCHANGES + 30);

        // and once the context is stopped, every thread it (and its client) started is gone
        template.close();
        template = null;
        context.close();
        context = null;
        joinThreadsOfCamelAndTheClient();
        assertThat(liveThreadNames()).as("threads left after Camel stopped")
                .noneMatch(ConcurrentSubmissionsIT::isCamelOrClientThread);
        assertThat(clientSideThreads())
                .as("threads after Camel stopped vs before it started (%d): %s", beforeCamel, threadsByPool())
                .isLessThanOrEqualTo(beforeCamel + 1);
    }

    private List<Exchange> submitAll() throws Exception {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            futures.add(template.asyncSend("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-concurrent"))));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> f : futures) {
            done.add(f.get());
        }
        return done;
    }

    /** Live threads, without the emulator's HTTP server threads (JDK HttpServer dispatcher and workers). */
    private int clientSideThreads() {
        return (int) liveThreadNames().stream().filter(name -> !isEmulatorThread(name)).count();
    }

    private static boolean isEmulatorThread(String name) {
        return name.startsWith("databricks-emulator-") || name.equals("HTTP-Dispatcher")
                || name.equals("idle-timeout-task");
    }

    private static boolean isCamelOrClientThread(String name) {
        return name.startsWith("Camel (") || name.startsWith("databricks-io") || name.startsWith("databricks-scheduler")
                || name.startsWith("httpclient-");
    }

    private static List<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    /** Pool threads leave a moment after shutdownNow interrupts them: join them (bounded) instead of sleeping. */
    private static void joinThreadsOfCamelAndTheClient() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (isCamelOrClientThread(t.getName())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    t.join(left);
                }
            }
        }
    }

    /** Live threads grouped by name with digits removed, e.g. {@code Camel (camel-#) thread ## - Databricks}. */
    private Map<String, Long> threadsByPool() {
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        return Arrays.stream(infos).filter(i -> i != null)
                .collect(Collectors.groupingBy(i -> i.getThreadName().replaceAll("\\d+", "#"), TreeMap::new,
                        Collectors.counting()));
    }
}
