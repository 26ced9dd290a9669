package io.camelbricks.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measurements that need a fresh JVM, run by {@link SideBySide} as child processes.
 * <ul>
 * <li>{@code firstCall CLIENT URL TOKEN JOB_ID}: prints {@code firstCall <ms>}, the time from constructing the client
 *     to the answer of its first {@code jobs/get} (class loading included: a fresh JVM).</li>
 * <li>{@code heapList CLIENT URL TOKEN MAX}: lists up to MAX jobs; every 10,000 jobs (and at the end) forces a GC and
 *     samples the heap in use. Prints {@code heapList <jobs> <peak live bytes> <seconds>}.</li>
 * </ul>
 */
public final class ChildProbes {
    private ChildProbes() {
    }

    public static void main(String[] args) throws Exception {
        String client = args[1];
        String url = args[2];
        String token = args[3];
        long arg = Long.parseLong(args[4]);
        switch (args[0]) {
            case "firstCall" -> {
                long start = System.nanoTime();
                try (Clients.Client c = Clients.create(client, url, token)) {
                    c.get(arg);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    System.out.println("firstCall " + ms);
                }
            }
            case "heapList" -> {
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                long[] peak = {0};
                long[] count = {0};
                long start = System.nanoTime();
                try (Clients.Client c = Clients.create(client, url, token)) {
                    long n = c.list(arg, id -> {
                        if (++count[0] % 10_000 == 0) {
                            System.gc();
                            peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                        }
                    });
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                    System.out.printf("heapList %d %d %.2f%n", n, peak[0], (System.nanoTime() - start) / 1e9);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
