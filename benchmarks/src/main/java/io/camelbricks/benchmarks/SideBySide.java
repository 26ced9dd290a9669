package io.camelbricks.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wait.Wait;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.api.wire.JsonMapper;

/**
 * Side by side, in one invocation, against one emulator running in its own process ({@link EmulatorServer}): the
 * plain Apache+Jackson loop (the practical limit), the official SDK, our client (blocking and async) and our Camel
 * route. Each workload runs every client once to warm up, then {@code rounds} times in rotating order; the table
 * shows the median time, the time per item and the ratio to the plain loop (and, for the Camel route, to our
 * blocking client).
 *
 * <pre>
 * mvn -o -q install -DskipTests
 * mvn -o -q -pl benchmarks exec:java -Dexec.args="--rounds 5"
 * mvn -o -q -pl benchmarks exec:java -Dexec.args="--workloads get,get8 --rounds 3 --scale 0.1"
 * </pre>
 *
 * Workloads: get, get8, list, submitPoll, faults, camelGet, firstCall, heapList, pacing (default: all).
 * {@code --clients plain,ours} runs only those clients in the per-call workloads (default all five: in one JVM they
 * share code paths, e.g. ours, async and Camel all run our client's).
 * {@code --scale} multiplies the item counts (quick checks); {@code --heap-max} the jobs of the big heapList
 * (default 1,000,000).
 */
public final class SideBySide {
    static final List<String> ALL = List.of("get", "get8", "list", "submitPoll", "faults", "camelGet", "firstCall",
            "pacing", "heapList");
    /** Not in the default set (about a minute per configuration): {@code --workloads waits}. */
    static final String WAITS = "waits";
    static int waitsExchanges = 10_000;
    static long waitsPollMs = 10_000;
    static long waitsPendingMs = 5_000;
    static long waitsRunningMs = 25_000;
    /** Each "JVM flags|endpoint options": one child JVM each; the default is -Xmx512m and the defaults. */
    static final List<String> waitsConfigs = new ArrayList<>();

    private final Emulator emu;
    private final int rounds;
    private final double scale;
    private final long heapMax;
    private long jobId;
    static boolean listFromEmulator;
    /** {@code --warmup-passes}: whole passes per client before the rounds, for every workload (0: each its own). */
    static int warmupPasses;
    static final int SUBMIT_POLL_WARMUP_PASSES = 5;
    /** {@code --clients}: the short names of the clients to run (default all five). */
    static List<String> clientNames = List.of("plain", "sdk", "ours", "async", "camel");
    private final Map<String, Clients.Client> clients = new LinkedHashMap<>();

    private SideBySide(Emulator emu, int rounds, double scale, long heapMax) {
        this.emu = emu;
        this.rounds = rounds;
        this.scale = scale;
        this.heapMax = heapMax;
    }

    public static void main(String[] args) throws Exception {
        // the Camel producer logs each run state change at INFO; production logs at WARN are assumed here
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        List<String> workloads = ALL;
        int rounds = 3;
        double scale = 1.0;
        long heapMax = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workloads" -> workloads = Arrays.asList(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--heap-max" -> heapMax = Long.parseLong(args[++i]);
                case "--list-emulator" -> listFromEmulator = true;
                case "--clients" -> clientNames = Arrays.asList(args[++i].split(","));
                case "--waits" -> waitsExchanges = Integer.parseInt(args[++i]);
                case "--waits-poll-ms" -> waitsPollMs = Long.parseLong(args[++i]);
                case "--waits-run-ms" -> {
                    String[] pr = args[++i].split(",");
                    waitsPendingMs = Long.parseLong(pr[0]);
                    waitsRunningMs = Long.parseLong(pr[1]);
                }
                case "--waits-config" -> waitsConfigs.add(args[++i]);
                case "--warmup-passes" -> warmupPasses = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--workloads " + String.join(",", ALL) + "," + WAITS + " --rounds N --scale F --heap-max N"
                        + " --warmup-passes N --clients plain,sdk,ours,async,camel --waits N --waits-poll-ms MS --waits-run-ms PENDING,RUNNING"
                        + " --waits-config 'JVM FLAGS|ENDPOINT OPTIONS' (repeatable))");
            }
        }
        int listJobs = (int) Math.max(1_000, 100_000 * scale);
        System.out.printf(Locale.ROOT, "SideBySide %s, %d rounds, scale %s; %s, %d cores, %s; load average %s%n",
                Instant.now(), rounds, scale, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), loadAverage());
        try (Emulator emu = new Emulator(listJobs, "6g")) {
            System.out.println("emulator pid " + emu.pid() + " at " + emu.url + " with " + listJobs + " jobs");
            SideBySide bench = new SideBySide(emu, rounds, scale, heapMax);
            bench.run(workloads);
        }
    }

    static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void run(List<String> workloads) throws Exception {
        jobId = emu.firstJobId();
        try {
            for (String name : selected(List.of("plain", "sdk", "ours", "async", "camel"))) {
                Clients.Client c = Clients.create(name, emu.url, emu.token);
                clients.put(c.name(), c);
            }
            for (String w : workloads) {
                System.out.println();
                System.out.println("== " + w + "  (load average " + loadAverage() + ")");
                switch (w) {
                    case "get" -> get();
                    case "get8" -> get8();
                    case "list" -> list();
                    case "submitPoll" -> submitPoll();
                    case "faults" -> faults();
                    case "camelGet" -> camelGet();
                    case "firstCall" -> firstCall();
                    case "pacing" -> pacing();
                    case "heapList" -> heapList();
                    case WAITS -> waits();
                    default -> throw new IllegalArgumentException("unknown workload " + w);
                }
            }
        } finally {
            for (Clients.Client c : clients.values()) {
                c.close();
            }
        }
    }

    private int n(int full) {
        return (int) Math.max(10, full * scale);
    }

    // ------------------------------------------------------------------------------------------------ workloads

    /** One timed execution of a workload by one client. */
    interface Body {
        void run(Clients.Client c, int items) throws Exception;
    }

    private void get() throws Exception {
        int n = n(20_000);
        Map<String, double[]> times = measure(names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC, Clients.CAMEL),
                n / 5, n, (c, k) -> loopGet(c, k));
        table("get: " + fmt(n) + " sequential jobs/get", n, times);
    }

    private void loopGet(Clients.Client c, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            c.get(jobId);
        }
    }

    private void get8() throws Exception {
        int n = n(20_000);
        Map<String, double[]> times = measure(names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC, Clients.CAMEL),
                n / 5, n, (c, k) -> c.get8(jobId, k));
        table("get8: " + fmt(n) + " jobs/get, " + Clients.THREADS + " threads (async: 8 in flight)", n, times);
    }

    /**
     * Listing from the emulator measures mostly the emulator (it copies its whole job table for every page: 12 ms a
     * page at 100,000 jobs), so the list is served by the {@link SyntheticPager} in the emulator's process: the
     * emulator's own job JSON, O(page) per answer. {@code --list-emulator} lists from the emulator instead.
     */
    private void list() throws Exception {
        int n = (int) Math.max(1_000, 100_000 * scale);
        LongConsumer sink = id -> { };
        Map<String, Clients.Client> saved = new LinkedHashMap<>(clients);
        String url = listFromEmulator ? emu.url : emu.command("pager").trim();
        try {
            if (!listFromEmulator) {
                for (String name : selected(List.of("plain", "sdk", "ours", "async"))) {
                    Clients.Client c = Clients.create(name, url, emu.token);
                    clients.put(c.name(), c);
                }
            }
            Map<String, double[]> times = measure(names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC),
                    n / 5, n, (c, k) -> {
                        long got = c.list(k, sink);
                        if (got != k) {
                            throw new IllegalStateException(c.name() + " listed " + got + " of " + k);
                        }
                    });
            table("list: " + fmt(n) + " jobs, jobs/list pages of 100, from " + (listFromEmulator ? "the emulator"
                    : "the synthetic pager (emulator-shaped jobs) at " + url), n, times);
        } finally {
            if (!listFromEmulator) {
                for (String name : names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC)) {
                    clients.get(name).close();
                }
                clients.putAll(saved);
            }
        }
    }

    private void submitPoll() throws Exception {
        int n = n(1_000);
        List<String> names = names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC, Clients.CAMEL);
        Map<String, String> requests = new LinkedHashMap<>();
        // every pass starts on an empty run store: each runs/submit brings every run the emulator holds up to date,
        // so runs left by the pass before would make the emulator, not the client, slower pass after pass
        // (dropRuns seeds the jobs again, under new ids)
        Setup freshRuns = () -> {
            emu.command("dropRuns");
            jobId = emu.firstJobId();
            emu.command("clear");
        };
        byte[] ourBody = JsonMapper.shared().writeValueAsBytes(Clients.OUR_SUBMIT);
        if (!Arrays.equals(ourBody, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(Clients.SUBMIT_TREE))) {
            throw new IllegalStateException("the plain loop must send the body ours sends: "
                    + new String(ourBody, StandardCharsets.UTF_8));
        }
        // five whole passes per client to warm up: after one, our client's rounds still fell for ten rounds (its
        // deeper call path takes the JIT longer) while the plain loop's had settled, which inflated its ratio
        Map<String, double[]> times = measure(names, n, n, SUBMIT_POLL_WARMUP_PASSES, freshRuns, (c, k) -> {
            for (int i = 0; i < k; i++) {
                c.submitAndWait();
            }
            requests.put(c.name(), emu.command("count"));
        });
        table("submitPoll: " + fmt(n) + " runs/submit, then runs/get until TERMINATED, no pause between polls", n, times);
        System.out.println("requests seen by the emulator in the last round (the default run answers PENDING, RUNNING,"
                + " then TERMINATED: K = 3 polls):");
        requests.forEach((name, counts) -> System.out.printf(Locale.ROOT, "  %-22s %s%n", name, counts));
    }

    private void faults() throws Exception {
        int n = n(20_000);
        List<String> names = names(Clients.PLAIN, Clients.SDK, Clients.OURS, Clients.ASYNC);
        Map<String, String> injected = new LinkedHashMap<>();
        Map<String, double[]> times = new LinkedHashMap<>();
        // no warm-up under faults (the other workloads warmed the clients); every client meets the same faults;
        // at most 2 rounds: the time is mostly the Retry-After sleeps, the same in every round
        int faultRounds = Math.min(rounds, 2);
        for (int round = 0; round < faultRounds; round++) {
            for (String name : rotate(names, round)) {
                Clients.Client c = clients.get(name);
                emu.command("faults");
                long start = System.nanoTime();
                long got = c.list(n, id -> { });
                double s = (System.nanoTime() - start) / 1e9;
                injected.put(name, emu.command("nofaults"));
                if (got != n) {
                    throw new IllegalStateException(name + " listed " + got);
                }
                times.computeIfAbsent(name, k -> new double[faultRounds])[round] = s;
            }
        }
        table("faults: " + fmt(n) + " jobs listed under 5% 503 + 1% 429, both with Retry-After: 1", n, times);
        System.out.println("faults injected per client (the same requests for each; each costs exactly 1 s if"
                + " Retry-After is honoured without over-sleeping):");
        injected.forEach((name, kinds) -> System.out.printf(Locale.ROOT, "  %-22s %s%n", name, kinds));
    }

    private void camelGet() throws Exception {
        int n = n(20_000);
        Map<String, double[]> times = measure(names(Clients.OURS, Clients.CAMEL), n / 5, n, (c, k) -> loopGet(c, k));
        table("camelGet: " + fmt(n) + " exchanges direct: -> databricks:jobs/get vs our client's jobs/get", n, times);
    }

    private void firstCall() throws Exception {
        int reps = Math.max(3, rounds);
        Map<String, double[]> cold = new LinkedHashMap<>();
        Map<String, String> requests = new LinkedHashMap<>();
        List<String> names = selected(List.of("plain", "sdk", "ours", "camel"));
        for (int r = 0; r < reps; r++) {
            for (String name : rotate(names, r)) {
                emu.command("clear");
                List<String> out = Jvm.run(List.of("-Xmx256m"), ChildProbes.class, "firstCall", name, emu.url, emu.token,
                        Long.toString(jobId));
                requests.put(name, emu.command("count"));
                double ms = Double.parseDouble(out.stream().filter(l -> l.startsWith("firstCall ")).findFirst()
                        .orElseThrow().substring(10));
                cold.computeIfAbsent(name, k -> new double[reps])[r] = ms;
            }
        }
        double plain = median(cold.get("plain"));
        System.out.println("firstCall, fresh JVM per call (class loading included), median of " + reps
                + ": constructing the client to the answer of its first jobs/get");
        System.out.printf(Locale.ROOT, "  %-10s %10s %16s   %s%n", "client", "ms", "beyond plain", "requests the emulator saw");
        for (String name : names) {
            double m = median(cold.get(name));
            System.out.printf(Locale.ROOT, "  %-10s %10.0f %+13.0f ms   %s   rounds %s%n", name, m, m - plain,
                    requests.get(name), fmtRounds(cold.get(name), 0));
        }
        // warm JVM: a new client per call, the classes loaded already
        int warm = 30;
        Map<String, double[]> warmMs = new LinkedHashMap<>();
        for (String name : List.of("plain", "sdk", "ours")) {
            double[] ms = new double[warm];
            for (int i = 0; i < warm + 5; i++) {
                long start = System.nanoTime();
                try (Clients.Client c = Clients.create(name, emu.url, emu.token)) {
                    c.get(jobId);
                }
                if (i >= 5) {
                    ms[i - 5] = (System.nanoTime() - start) / 1e6;
                }
            }
            warmMs.put(name, ms);
        }
        System.out.println("firstCall, warm JVM (a new client per call, median of " + warm + ")");
        for (Map.Entry<String, double[]> e : warmMs.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-10s %8.2f ms %+8.2f ms beyond plain%n", e.getKey(), median(e.getValue()),
                    median(e.getValue()) - median(warmMs.get("plain")));
        }
    }

    /** wait=true pacing: exact poll counts at interval 0 (see submitPoll) and the default schedule's first delays. */
    private void pacing() throws Exception {
        try (WorkspaceClient w = Clients.ourClient(emu.url, emu.token, WaitPolicy.DEFAULT)) {
            emu.command("clear");
            List<Long> at = new ArrayList<>();
            long start = System.nanoTime();
            Wait<Run, ?> wait = w.jobs().submit(Clients.OUR_SUBMIT);
            long submitted = System.nanoTime();
            wait.onProgress(run -> at.add(System.nanoTime()));
            Run run = wait.get();
            StringBuilder gaps = new StringBuilder();
            long prev = submitted;
            for (long t : at) {
                gaps.append(String.format(Locale.ROOT, " %.0f ms", (t - prev) / 1e6));
                prev = t;
            }
            System.out.printf(Locale.ROOT, "ours, default WaitPolicy: %s after %d polls in %.1f s; submit then poll"
                            + " gaps:%s; emulator saw %s%n", run.getState().getLifeCycleState(), at.size(),
                    (System.nanoTime() - start) / 1e9, gaps, emu.command("count"));
        }
        try (Clients.Client camelDefault = camelDefaultWait()) {
            emu.command("clear");
            long start = System.nanoTime();
            camelDefault.submitAndWait();
            System.out.printf(Locale.ROOT, "Camel wait=true without pollInterval: done in %.1f s; emulator saw %s%n",
                    (System.nanoTime() - start) / 1e9, emu.command("count"));
        }
    }

    private Clients.Client camelDefaultWait() throws Exception {
        org.apache.camel.CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("databricks:jobs/submit?wait=true&host=RAW(" + emu.url + ")&token=RAW("
                        + emu.token + ")");
            }
        });
        context.start();
        org.apache.camel.ProducerTemplate template = context.createProducerTemplate();
        return new Clients.Client() {
            @Override
            public String name() {
                return "Camel default wait";
            }

            @Override
            public void get(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long list(long max, LongConsumer each) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void submitAndWait() {
                template.requestBody("direct:submit", Clients.OUR_SUBMIT, Run.class);
            }

            @Override
            public void close() throws Exception {
                template.close();
                context.close();
            }
        };
    }

    private void heapList() throws Exception {
        long small = 10_000;
        String pager = emu.command("pager").trim();
        System.out.println("synthetic pager (emulator-shaped jobs, O(page) answers) at " + pager);
        System.out.println("heapList: peak live heap (forced GC every 10,000 jobs) in a fresh JVM (-Xmx256m"
                + " -XX:+UseSerialGC) listing N jobs, pages of 100");
        System.out.printf(Locale.ROOT, "  %-8s %12s %14s %10s %12s %14s %10s   %s%n", "client", "N small", "peak small",
                "s", "N big", "peak big", "s", "big/small");
        for (String name : List.of("plain", "ours", "sdk")) {
            long[] peaks = new long[2];
            String[] secs = new String[2];
            long[] ns = {small, heapMax};
            for (int k = 0; k < 2; k++) {
                List<String> out = Jvm.run(List.of("-Xmx256m", "-XX:+UseSerialGC"), ChildProbes.class, "heapList", name,
                        pager, emu.token, Long.toString(ns[k]));
                String[] f = out.stream().filter(l -> l.startsWith("heapList ")).findFirst().orElseThrow().split(" ");
                if (Long.parseLong(f[1]) != ns[k]) {
                    throw new IllegalStateException(name + " listed " + f[1]);
                }
                peaks[k] = Long.parseLong(f[2]);
                secs[k] = f[3];
            }
            System.out.printf(Locale.ROOT, "  %-8s %,12d %,11d KB %10s %,12d %,11d KB %10s   %.3f%n", name, small,
                    peaks[0] / 1024, secs[0], heapMax, peaks[1] / 1024, secs[1], (double) peaks[1] / peaks[0]);
        }
    }

    /**
     * 10,000 concurrent {@code wait=true} exchanges in a child JVM ({@link WaitsProbe}) whose runs last
     * {@code waitsPendingMs + waitsRunningMs} of real time on the emulator's clock; once per configuration.
     */
    private void waits() throws Exception {
        int n = (int) Math.max(10, waitsExchanges * scale);
        List<String> configs = waitsConfigs.isEmpty() ? List.of("|") : waitsConfigs;
        List<String> summary = new ArrayList<>();
        try {
            for (String config : configs) {
                String[] parts = config.split("\\|", -1);
                List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
                if (!parts[0].isBlank()) {
                    jvm.addAll(Arrays.asList(parts[0].trim().split("\\s+")));
                }
                String options = parts.length > 1 ? parts[1].trim() : "";
                System.out.println();
                System.out.println("-- waits " + fmt(n) + " exchanges, pollInterval=" + waitsPollMs + " ms, runs of "
                        + (waitsPendingMs + waitsRunningMs) + " ms; child JVM " + jvm + ", endpoint options '" + options
                        + "'  (load average " + loadAverage() + ")");
                emu.command("dropRuns"); // runs left by an earlier configuration would slow the emulator down
                System.out.println("  emulator: " + emu.command("runsTake " + waitsPendingMs + " " + waitsRunningMs)
                        .trim());
                long runsBefore = Long.parseLong(emu.command("runs").trim());
                emu.command("clear");
                List<String> out = Jvm.run(jvm, WaitsProbe.class, emu.url, emu.token, Integer.toString(n),
                        Long.toString(waitsPollMs), options);
                out.forEach(l -> System.out.println("  " + l));
                long runs = Long.parseLong(emu.command("runs").trim()) - runsBefore;
                String requests = emu.command("count").trim();
                System.out.println("  emulator: " + runs + " new runs; requests " + requests);
                String[] r = out.stream().filter(l -> l.startsWith("waits result ")).findFirst().orElseThrow()
                        .split(" ");
                summary.add(String.format(Locale.ROOT, "  %-60s %7s %8s %8s %8s %9.1f %9.1f %9.1f", jvm + " " + options,
                        r[2], r[3], r[4], r[5] + "/" + r[6], Long.parseLong(r[7]) / 1e6, Long.parseLong(r[8]) / 1e6,
                        Long.parseLong(r[9]) / 1e6));
            }
        } finally {
            emu.command("runsTake polls");
        }
        System.out.println();
        System.out.println("waits summary: " + fmt(n) + " exchanges, runs of " + (waitsPendingMs + waitsRunningMs)
                + " ms real time, pollInterval " + waitsPollMs + " ms");
        System.out.printf(Locale.ROOT, "  %-60s %7s %8s %8s %8s %9s %9s %9s%n", "configuration", "SUCCESS", "run ids",
                "s", "thr J/OS", "live MB", "used MB", "peaks MB");
        summary.forEach(System.out::println);
    }

    // ------------------------------------------------------------------------------------------------ measuring

    /** The clients of this invocation among {@code names} (display names), in that order. */
    private List<String> names(String... names) {
        return Arrays.stream(names).filter(clients::containsKey).toList();
    }

    /** The clients of this invocation ({@code --clients}) among {@code names} (short names), in that order. */
    private static List<String> selected(List<String> names) {
        return names.stream().filter(clientNames::contains).toList();
    }

    private static List<String> rotate(List<String> names, int by) {
        List<String> r = new ArrayList<>(names);
        java.util.Collections.rotate(r, -(by % names.size()));
        return r;
    }

    private Map<String, double[]> measure(List<String> names, int warmItems, int items, Body body) throws Exception {
        return measure(names, warmItems, items, 1, () -> { }, body);
    }

    /** Untimed preparation before each pass of a client (warm-up and rounds). */
    interface Setup {
        void run() throws Exception;
    }

    /**
     * Warms every client up ({@code warmPasses} runs of {@code warmItems}, or {@code --warmup-passes} whole passes),
     * then times {@link #rounds} passes of {@code items} per client, in rotating order.
     */
    private Map<String, double[]> measure(List<String> names, int warmItems, int items, int warmPasses, Setup before,
                                          Body body) throws Exception {
        Map<String, double[]> times = new LinkedHashMap<>();
        int passes = warmupPasses > 0 ? warmupPasses : warmPasses;
        int warm = warmupPasses > 0 ? items : warmItems;
        for (String name : names) {
            for (int pass = 0; pass < passes; pass++) {
                before.run();
                body.run(clients.get(name), warm); // warm-up
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (String name : rotate(names, round)) {
                before.run();
                long start = System.nanoTime();
                body.run(clients.get(name), items);
                times.computeIfAbsent(name, k -> new double[rounds])[round] = (System.nanoTime() - start) / 1e9;
            }
        }
        return times;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private void table(String title, int items, Map<String, double[]> times) {
        System.out.println(title + "; median of " + times.values().iterator().next().length + " rounds");
        System.out.printf(Locale.ROOT, "  %-22s %9s %10s %9s %9s %9s   %s%n", "client", "median s", "µs/item",
                "× plain", "paired", "× ours", "rounds (s)");
        double plain = times.containsKey(Clients.PLAIN) ? median(times.get(Clients.PLAIN)) : Double.NaN;
        double ours = times.containsKey(Clients.OURS) ? median(times.get(Clients.OURS)) : Double.NaN;
        for (Map.Entry<String, double[]> e : times.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "  %-22s %9.3f %10.1f %9s %9s %9s   %s%n", e.getKey(), m, m * 1e6 / items,
                    Double.isNaN(plain) ? "" : String.format(Locale.ROOT, "%.3f", m / plain),
                    Double.isNaN(plain) ? "" : String.format(Locale.ROOT, "%.3f",
                            pairedRatio(e.getValue(), times.get(Clients.PLAIN))),
                    Set.of(Clients.CAMEL, Clients.ASYNC).contains(e.getKey()) && !Double.isNaN(ours)
                            ? String.format(Locale.ROOT, "%.3f", m / ours) : "",
                    fmtRounds(e.getValue(), 3));
        }
    }

    /**
     * The median over rounds of this client's time ÷ the plain loop's time in the same round: what drifts between
     * rounds (JIT, the machine's other load) divides out, where the ratio of the two medians keeps it.
     */
    static double pairedRatio(double[] client, double[] plain) {
        double[] ratios = new double[client.length];
        for (int r = 0; r < client.length; r++) {
            ratios[r] = client[r] / plain[r];
        }
        return median(ratios);
    }

    private static String fmtRounds(double[] xs, int decimals) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%." + decimals + "f", x));
        }
        return b.toString();
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }


}
