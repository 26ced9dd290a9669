package io.camelbricks.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.camel.DatabricksEndpoint;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.server.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, load held: 64 routes whose endpoints share one client (same connection options: one client, one pool),
 * 10,000 exchanges (after 1,000 of warm-up) with 256 in flight at once, more than the client's {@code rateLimit}
 * lets through. Measured: the rate the workspace saw (its request log's timestamps, over the second half of the
 * requests, once the bucket's initial burst is spent) as a ratio of the limit, within 5 %; the client's open
 * connections (sampled from {@code /proc/net/tcp} every 250
 * exchanges) never above {@code maxConnectionsPerPool}; the thread count after warm-up and after the 10,000
 * exchanges, and after the context stops; the heap after a GC, after warm-up and after the 10,000 exchanges.
 * Nothing is asserted about wall-clock speed but the ratio.
 */
class SharedClientLoadIT extends CamelContextSupport {
    static final int ROUTES = 64;
    static final int EXCHANGES = Integer.getInteger("it.load.exchanges", 10_000);
    static final int WARM_UP = 1_000;
    static final int IN_FLIGHT = 256;
    static final int RATE_LIMIT = Integer.getInteger("it.load.rate", 500);
    static final int POOL = 8;

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(EmulatorOptions.builder()
            .requestLogCapacity(EXCHANGES + WARM_UP + 1_000).threads(16).build());

    @RegisterExtension
    final ItReport report = new ItReport();

    private final AtomicInteger maxConnections = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();

    @Test
    void sixtyFourRoutesShareOneBoundedRateLimitedClientWithoutLeaks() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        long jobId = emulator.jobs().createJob("it-load");
        int port = emulator.port();
        report.scenario("64 routes sharing one client: rate limit " + RATE_LIMIT + "/s, pool " + POOL + ", "
                + String.format(Locale.ROOT, "%,d", EXCHANGES) + " exchanges, " + IN_FLIGHT + " in flight");
        int threadsBeforeCamel = liveThreads();

        start(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ROUTES; i++) {
                    from("direct:route-" + i).routeId("route-" + i)
                            .to("databricks:jobs/get?jobId=" + jobId + "&rateLimit=" + RATE_LIMIT
                                    + "&maxConnectionsPerPool=" + POOL + "&" + Workspace.connection(emulator))
                            .process(e -> {
                                if (completed.incrementAndGet() % 250 == 0) {
                                    maxConnections.accumulateAndGet(establishedConnectionsTo(port), Math::max);
                                }
                            });
                }
            }
        });
        Set<Object> clients = Collections.newSetFromMap(new IdentityHashMap<>());
        Method client = DatabricksEndpoint.class.getDeclaredMethod("client");
        client.setAccessible(true);
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof DatabricksEndpoint databricks) {
                clients.add(client.invoke(databricks));
            }
        }

        drive(WARM_UP);
        int threadsAfterWarmUp = liveThreads();
        emulator.requests().clear();
        long heapAfterWarmUp = heapAfterGc();

        long started = System.nanoTime();
        int failed = drive(EXCHANGES);
        double seconds = (System.nanoTime() - started) / 1e9;
        int threadsAfter = liveThreads();
        long[] times = emulator.requests().matching("GET", "/jobs/get").stream()
                .map(RecordedRequest::time).mapToLong(SharedClientLoadIT::micros).sorted().toArray();
        emulator.requests().clear();
        long heapAfter = heapAfterGc();

        // The client's bucket starts full (one second of requests, burst = rate) and refills while the burst goes
        // out, at the pace the workspace can answer: the window is the second half of the requests, by then the
        // bucket is empty and only the limit paces them. The whole run's rate (burst included) is reported too.
        int skip = times.length / 2;
        double window = (times[times.length - 1] - times[skip]) / 1e6;
        double observedRate = (times.length - 1 - skip) / window;
        double wholeRunRate = (times.length - 1) / ((times[times.length - 1] - times[0]) / 1e6);
        double ratio = observedRate / RATE_LIMIT;

        template.close();
        template = null;
        context.close();
        context = null;
        joinClientThreads();
        int threadsAfterStop = liveThreads();

        boolean procReadable = Files.isReadable(Path.of("/proc/net/tcp"));
        report.figure("exchanges", EXCHANGES).figure("failed", failed).figure("clients", clients.size())
                .figure("requests seen", times.length)
                .figure("rate seen (second half)", String.format(Locale.ROOT, "%.1f/s", observedRate))
                .figure("whole run, burst included", String.format(Locale.ROOT, "%.1f/s", wholeRunRate))
                .figure("ratio to the limit", ratio)
                .figure("max open connections", procReadable ? maxConnections.get() : "n/a")
                .figure("threads before/after warm-up/after/after stop", threadsBeforeCamel + "/" + threadsAfterWarmUp
                        + "/" + threadsAfter + "/" + threadsAfterStop)
                .figure("heap after GC, warm-up/after", mb(heapAfterWarmUp) + "/" + mb(heapAfter) + " MB")
                .figure("wall time of the measured exchanges", String.format(Locale.ROOT, "%.1f s", seconds));

        assertThat(failed).isZero();
        assertThat(clients).as("one client shared by the 64 routes").hasSize(1);
        assertThat(times).hasSize(EXCHANGES);
        assertThat(ratio).as("requests/s seen by the workspace over the limit").isBetween(0.95, 1.05);
        if (procReadable) {
            assertThat(maxConnections.get()).as("open connections").isBetween(1, POOL);
        }
        assertThat(threadsAfter).as("threads after %d exchanges vs after warm-up", EXCHANGES)
                .isLessThanOrEqualTo(threadsAfterWarmUp + 2);
        assertThat(threadsAfterStop).as("threads once Camel stopped vs before it started")
                .isLessThanOrEqualTo(threadsBeforeCamel + 1);
        assertThat(heapAfter - heapAfterWarmUp).as("heap growth over %d exchanges", EXCHANGES)
                .isLessThan(32L << 20);
    }

    /** Sends {@code n} exchanges round-robin over the routes, at most {@link #IN_FLIGHT} at once; the failures. */
    private int drive(int n) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            if (!slots.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no exchange completed within 60 s");
            }
            CompletableFuture<Exchange> f = template.asyncSend("direct:route-" + (i % ROUTES), e -> { });
            f.whenComplete((e, t) -> {
                if (t != null || e.getException() != null) {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new AssertionError("exchanges still in flight after 60 s");
        }
        return failed.get();
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Client sockets connected to the emulator: lines of /proc/net/tcp whose remote port is it, ESTABLISHED. */
    static int establishedConnectionsTo(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        int n = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(hexPort) && f[3].equals("01")) {
                        n++;
                    }
                }
            } catch (IOException e) {
                // not Linux: no figure
            }
        }
        return n;
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** Live threads, without the emulator's HTTP server threads (they belong to the fake workspace). */
    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> !name.startsWith("databricks-emulator-") && !name.equals("HTTP-Dispatcher")
                        && !name.equals("idle-timeout-task"))
                .count();
    }

    private static boolean isCamelOrClientThread(String name) {
        return name.startsWith("Camel (") || name.startsWith("databricks-io") || name.startsWith("databricks-scheduler")
                || name.startsWith("httpclient-");
    }

    /** Pool threads end a moment after shutdownNow interrupts them: join them (bounded) instead of sleeping. */
    private static void joinClientThreads() throws InterruptedException {
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
}
