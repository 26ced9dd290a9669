package io.camelbricks.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clients of one workload in strict rotation, in one JVM, against one emulator process: many short passes
 * (default 60, the first 10 left out), each client once per rotation, and the paired median of each client's pass
 * ÷ the first client's pass of the same rotation. On a noisy machine (a VM whose speed drifts by 2× within a minute)
 * this divides the drift out far better than {@link SideBySide}'s long rounds; it is the method of perf6's probes.
 *
 * <pre>
 * BENCH_MAIN=io.camelbricks.benchmarks.Rotation benchmarks/run.sh submitPoll plain,ours
 * BENCH_MAIN=io.camelbricks.benchmarks.Rotation benchmarks/run.sh get8 plain,ours --passes 60 --items 4000
 * BENCH_MAIN=io.camelbricks.benchmarks.Rotation benchmarks/run.sh get ours,camel
 * </pre>
 *
 * Workloads: {@code submitPoll} (items = runs, default 1,000; the run store emptied before every pass),
 * {@code get} (sequential {@code jobs/get}, default 4,000), {@code get8} (the same on 8 threads). Options:
 * {@code --passes N}, {@code --items N}, {@code --jobs N} (jobs the emulator holds, default 100).
 */
public final class Rotation {
    private static final int LEFT_OUT = 10;

    private Rotation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Rotation submitPoll|get|get8 CLIENT,CLIENT[,...] [--passes N]"
                    + " [--items N] [--jobs N]; clients: plain, sdk, ours, async, camel (the first is the yardstick)");
        }
        String workload = args[0];
        List<String> names = List.of(args[1].split(","));
        int passes = intOption(args, "--passes", 60);
        int items = intOption(args, "--items", workload.equals("submitPoll") ? 1_000 : 4_000);
        int jobs = intOption(args, "--jobs", 100);
        if (passes <= LEFT_OUT) {
            throw new IllegalArgumentException("--passes must be more than the " + LEFT_OUT + " left out, not " + passes);
        }
        try (Emulator emu = new Emulator(jobs, "2g")) {
            Map<String, Clients.Client> clients = new LinkedHashMap<>();
            for (String name : names) {
                clients.put(name, Clients.create(name, emu.url, emu.token));
            }
            Pass pass = pass(workload, emu);
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            for (int p = 0; p < passes; p++) {
                List<String> order = new ArrayList<>(names);
                Collections.rotate(order, p);
                for (String name : order) {
                    double perItem = pass.run(clients.get(name), items);
                    if (p >= LEFT_OUT) {
                        micros.computeIfAbsent(name, k -> new ArrayList<>()).add(perItem);
                    }
                }
            }
            print(workload, items, passes, names, micros);
            for (Clients.Client client : clients.values()) {
                client.close();
            }
        }
        System.exit(0); // clients' non-daemon threads (the SDK's, Camel's) must not keep the JVM
    }

    /** One pass of a client: µs per item. */
    private interface Pass {
        double run(Clients.Client client, int items) throws Exception;
    }

    private static Pass pass(String workload, Emulator emu) throws Exception {
        long jobId = emu.firstJobId();
        return switch (workload) {
            case "submitPoll" -> (client, items) -> {
                emu.command("dropRuns"); // every pass on an empty run store, as SideBySide's
                long start = System.nanoTime();
                for (int i = 0; i < items; i++) {
                    client.submitAndWait();
                }
                return (System.nanoTime() - start) / 1e3 / items;
            };
            case "get" -> (client, items) -> {
                long start = System.nanoTime();
                for (int i = 0; i < items; i++) {
                    client.get(jobId);
                }
                return (System.nanoTime() - start) / 1e3 / items;
            };
            case "get8" -> (client, items) -> {
                long start = System.nanoTime();
                client.get8(jobId, items);
                return (System.nanoTime() - start) / 1e3 / items;
            };
            default -> throw new IllegalArgumentException("unknown workload " + workload
                    + "; known: submitPoll, get, get8");
        };
    }

    private static void print(String workload, int items, int passes, List<String> names,
                              Map<String, List<Double>> micros) {
        System.out.printf(Locale.ROOT, "%s: %,d items a pass, %d passes in rotation (first %d left out)%n", workload,
                items, passes, LEFT_OUT);
        List<Double> yardstick = micros.get(names.get(0));
        for (String name : names) {
            List<Double> mine = micros.get(name);
            double[] ratios = new double[mine.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = mine.get(i) / yardstick.get(i);
            }
            System.out.printf(Locale.ROOT, "  %-8s median %8.1f µs/item   paired × %s %.3f%n", name,
                    SideBySide.median(mine.stream().mapToDouble(Double::doubleValue).toArray()), names.get(0),
                    SideBySide.median(ratios));
        }
    }

    private static int intOption(String[] args, String name, int otherwise) {
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
