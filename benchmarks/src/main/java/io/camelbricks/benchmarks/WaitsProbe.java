package io.camelbricks.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * The {@code waits} workload of {@link SideBySide}, in a fresh JVM of its own: a CamelContext with
 * {@code from("direct:wait").to("databricks:jobs/submit?wait=true&...")} against the emulator process, N exchanges
 * sent asynchronously from this one thread (the direct endpoint's async producer, no ProducerTemplate pool), then
 * waited for. While they wait this thread samples, every 250 ms, the threads of the whole process (the OS's count in
 * {@code /proc/self/task}: GC, JIT compiler and VM threads included) and the JVM's live threads by pool name; once,
 * after the last send, it forces a GC and samples the live heap. Prints {@code waits ...} lines.
 * <p>
 * {@code WaitsProbe URL TOKEN EXCHANGES POLL_INTERVAL_MS [EXTRA_ENDPOINT_OPTIONS]}, e.g.
 * {@code maxConnectionsPerPool=4}. JVM flag {@code -Dwaits.camelMaxQueueSize=N} sets the max queue size of Camel's
 * default thread pool profile first.
 */
public final class WaitsProbe {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private int peakOsThreads;
    private Map<String, Long> osPoolsAtPeak = Map.of();
    private long peakUsedSampled;

    private WaitsProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int exchanges = Integer.parseInt(args[2]);
        long pollMs = Long.parseLong(args[3]);
        String extra = args.length > 4 && !args[4].isBlank() ? "&" + args[4] : "";
        new WaitsProbe().run(url, token, exchanges, pollMs, extra);
    }

    private void run(String url, String token, int exchanges, long pollMs, String extra) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // -Dwaits.camelMaxQueueSize=-1: the default thread pool profile's queue limit (Camel's default 1000; <= 0 is
        // unbounded), which the component's DatabricksScheduler inherits (as camel.threadpool.max-queue-size would)
        Integer maxQueue = Integer.getInteger("waits.camelMaxQueueSize");
        if (maxQueue != null) {
            context.getExecutorServiceManager().getDefaultThreadPoolProfile().setMaxQueueSize(maxQueue);
        }
        System.out.println("waits Camel default thread pool profile maxQueueSize "
                + context.getExecutorServiceManager().getDefaultThreadPoolProfile().getMaxQueueSize());
        String uri = "databricks:jobs/submit?wait=true&pollInterval=" + pollMs + "&waitTimeout=10m" + extra
                + "&host=RAW(" + url + ")&token=RAW(" + token + ")";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to(uri);
            }
        });
        context.start();
        System.out.println("waits endpoint " + uri.replaceAll("token=RAW\\([^)]*\\)", "token=xxx"));
        System.out.println("waits jvm " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        AsyncProducer direct = context.getEndpoint("direct:wait").createAsyncProducer();
        direct.start();
        // nothing of the measured phase is created lazily during it: the client and its pools exist
        long warm = System.nanoTime();
        send(direct, context, "warm-up").get(5, TimeUnit.MINUTES);
        System.out.printf("waits warm-up exchange %.1f s (one run, as long as the others)%n",
                (System.nanoTime() - warm) / 1e9);
        System.gc();
        int threadsBefore = threads.getThreadCount();
        int osBefore = osThreads().size();
        threads.resetPeakThreadCount();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        List<CompletableFuture<Exchange>> futures = new ArrayList<>(exchanges);
        for (int i = 0; i < exchanges; i++) {
            futures.add(send(direct, context, "load"));
            if (i % 500 == 0) {
                sample();
            }
        }
        double sentS = (System.nanoTime() - start) / 1e9;
        Map<String, Long> jvmPoolsWhileWaiting = byPool(jvmThreadNames());
        Map<String, Long> osPoolsWhileWaiting = byPool(osThreads());
        long pending = futures.stream().filter(f -> !f.isDone()).count();
        System.gc();
        long liveWhileWaiting = heapUsed();
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (true) {
            try {
                all.get(250, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                sample();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        double totalS = (System.nanoTime() - start) / 1e9;
        int peakJvm = threads.getPeakThreadCount();
        long heapPeakSum = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long heapMax = Runtime.getRuntime().maxMemory();

        int success = 0;
        int failed = 0;
        String firstFailure = null;
        Set<Long> runIds = new HashSet<>();
        for (CompletableFuture<Exchange> f : futures) {
            Exchange out = f.get();
            Object state = out.getMessage().getHeader("CamelDatabricksResultState");
            if (out.getException() == null && "SUCCESS".equals(String.valueOf(state))) {
                success++;
            } else {
                failed++;
                if (firstFailure == null) {
                    Exception e = out.getException();
                    firstFailure = e == null ? "state " + state
                            : e + (e.getCause() != null ? ", caused by " + e.getCause() : "");
                }
            }
            Long runId = out.getMessage().getHeader("CamelDatabricksRunId", Long.class);
            if (runId != null) {
                runIds.add(runId);
            }
        }
        System.out.printf("waits %d exchanges: sent in %.2f s (%d still waiting after the last send), all complete"
                + " in %.2f s; SUCCESS %d, other %d%s; distinct run ids %d%n", exchanges, sentS, pending, totalS,
                success, failed, firstFailure == null ? "" : " (first: " + firstFailure + ")", runIds.size());
        System.out.printf("waits threads: JVM live threads before %d, peak %d (ThreadMXBean, after"
                + " resetPeakThreadCount); whole process (OS, /proc/self/task) before %d, peak sampled %d%n",
                threadsBefore, peakJvm, osBefore, peakOsThreads);
        System.out.println("waits JVM threads by pool while waiting: " + jvmPoolsWhileWaiting);
        System.out.println("waits process threads by name while waiting: " + osPoolsWhileWaiting);
        System.out.println("waits process threads by name at the sampled peak: " + osPoolsAtPeak);
        System.out.printf("waits heap: live after a forced GC while %d waited %.1f MB; peak used sampled %.1f MB;"
                + " sum of the heap pools' peaks %.1f MB; -Xmx %.0f MB%n", pending, liveWhileWaiting / 1e6,
                peakUsedSampled / 1e6, heapPeakSum / 1e6, heapMax / 1e6);
        System.out.printf("waits result %d %d %.2f %d %d %d %d %d%n", success, runIds.size(), totalS, peakJvm,
                peakOsThreads, liveWhileWaiting, peakUsedSampled, heapPeakSum);
        context.close();
    }

    private static CompletableFuture<Exchange> send(AsyncProducer direct, CamelContext context, String name) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(Map.of("run_name", name, "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/" + name)))));
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        direct.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }

    private void sample() {
        List<String> os = osThreads();
        if (os.size() > peakOsThreads) {
            peakOsThreads = os.size();
            osPoolsAtPeak = byPool(os);
        }
        peakUsedSampled = Math.max(peakUsedSampled, heapUsed());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private List<String> jvmThreadNames() {
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        return Arrays.stream(infos).filter(i -> i != null).map(ThreadInfo::getThreadName).toList();
    }

    /** The names (comm, 15 characters) of every thread of this process, as the OS lists them. */
    private static List<String> osThreads() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    names.add(Files.readString(task.resolve("comm")).trim());
                } catch (IOException gone) {
                    // the thread ended while listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/task", e);
        }
        return names;
    }

    /** Names grouped with digits replaced by {@code #}. */
    private static Map<String, Long> byPool(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(n -> n.replaceAll("\\d+", "#"), TreeMap::new,
                Collectors.counting()));
    }
}
