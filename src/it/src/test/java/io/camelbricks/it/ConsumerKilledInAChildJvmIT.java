package io.camelbricks.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.jobs.RunOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: the consumer's process is really killed ({@code Process.destroyForcibly()}: SIGKILL, no
 * shutdown hook, no {@code finally}) in the middle of a poll, and a new process starts from the same
 * {@code FileIdempotentRepository}. The consumer runs in a child JVM ({@link KilledConsumerChild}) on its own
 * scheduler; its route appends every delivery to a file, forced to disk line by line, which this test reads.
 *
 * <p>The guarantee measured: nothing is lost, and nothing is delivered twice except the exchanges in flight at the
 * kill whose work was done but whose key was not yet stored (the consumer stores a key when its exchange completes).
 * The consumer hands its exchanges to the route one at a time on its one scheduler thread, so at most one exchange is
 * in flight: at most one duplicate. One test kills the process wherever it happens to be (a free-running consumer);
 * one kills it exactly inside that window, to show the duplicate it costs.
 */
class ConsumerKilledInAChildJvmIT {
    static final int JOBS = 300;
    /** Exchanges in flight at any time: one scheduler thread, exchanges processed one after the other. */
    static final int IN_FLIGHT = 1;

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @RegisterExtension
    final ItReport report = new ItReport();

    @TempDir
    Path dir;

    @Test
    void itemsAreNeitherLostNorDuplicatedBeyondTheExchangeInFlightWhenTheProcessIsKilledMidStream() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        Set<String> seeded = ids(emulator.jobs().createJobs(JOBS));
        int killAt = 100;
        report.scenario("consumer JVM killed (SIGKILL) mid-poll after " + killAt + " of " + JOBS + " items, free"
                + " running; a new JVM restarts from the file repository");
        Path repository = dir.resolve("jobs.dat");
        Path deliveries = dir.resolve("deliveries.txt");

        // the first process runs free; the parent kills it as soon as it has read that delivery number killAt was
        // recorded (it goes on meanwhile); a pause at killAt + 100 only bounds how far it can get
        int deliveredBeforeKill;
        try (ChildJvm first = child("items", emulator, repository, deliveries, "after:" + (killAt + 100))) {
            first.awaitLine("delivered " + killAt);
            first.kill();
            deliveredBeforeKill = lines(deliveries).size();
        }
        Restart restart = restart("items", emulator, repository, deliveries, all -> all.containsAll(seeded));

        List<String> all = lines(deliveries);
        long duplicates = all.size() - new LinkedHashSet<>(all).size();
        long missing = seeded.stream().filter(id -> !all.contains(id)).count();
        report.figure("items", JOBS).figure("delivered before the kill", deliveredBeforeKill)
                .figure("delivered after the restart", restart.delivered).figure("duplicates", duplicates)
                .figure("missing", missing).figure("in flight at most", IN_FLIGHT);
        assertThat(deliveredBeforeKill).as("killed mid-stream").isBetween(killAt, JOBS - 1);
        assertThat(missing).as("items never delivered").isZero();
        assertThat(duplicates).as("items delivered twice: at most the exchanges in flight at the kill")
                .isLessThanOrEqualTo(IN_FLIGHT);
        assertThat(all).hasSize(JOBS + (int) duplicates);
    }

    @Test
    void aProcessKilledAfterAnExchangesWorkBeforeItsKeyIsStoredDeliversThatOneItemTwice() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        Set<String> seeded = ids(emulator.jobs().createJobs(JOBS));
        int killAt = 120;
        report.scenario("consumer JVM killed (SIGKILL) inside the at-least-once window: item " + killAt + " of " + JOBS
                + " recorded, its key not yet stored");
        Path repository = dir.resolve("jobs.dat");
        Path deliveries = dir.resolve("deliveries.txt");

        String paused;
        try (ChildJvm first = child("items", emulator, repository, deliveries, "after:" + killAt)) {
            paused = first.awaitLine("paused ");
            first.kill();
        }
        List<String> beforeKill = lines(deliveries);
        Restart restart = restart("items", emulator, repository, deliveries, all -> all.containsAll(seeded));

        List<String> all = lines(deliveries);
        Map<String, Integer> counts = new HashMap<>();
        all.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        long missing = seeded.stream().filter(id -> !counts.containsKey(id)).count();
        report.figure("items", JOBS).figure("delivered before the kill", beforeKill.size())
                .figure("delivered after the restart", restart.delivered).figure("duplicates", twice.size())
                .figure("the duplicate is the item in flight", twice.equals(List.of(paused)))
                .figure("missing", missing);
        assertThat(beforeKill).hasSize(killAt).last().isEqualTo(paused);
        assertThat(missing).isZero();
        assertThat(twice).as("exactly the item whose exchange was in flight, once more").containsExactly(paused);
        assertThat(counts.get(paused)).isEqualTo(2);
        assertThat(all).hasSize(JOBS + 1);
    }

    @Test
    void stateChangesAreNeitherLostNorDuplicatedBeyondTheExchangeInFlightWhenTheProcessIsKilledMidStream()
            throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        int runs = 60;
        List<Long> runIds = Workspace.pendingRuns(emulator, runs, "it-killed-jvm-");
        int killAt = 20;
        report.scenario("consumer JVM killed (SIGKILL) mid-poll after " + killAt + " of " + runs + " PENDING changes,"
                + " free running; a new JVM restarts, then every run ends");
        Path repository = dir.resolve("runs.dat");
        Path deliveries = dir.resolve("deliveries.txt");
        Set<String> pending = new LinkedHashSet<>();
        Set<String> every = new LinkedHashSet<>();
        runIds.forEach(id -> {
            pending.add(id + "@PENDING");
            every.add(id + "@PENDING");
            every.add(id + "@TERMINATED");
        });

        int deliveredBeforeKill;
        try (ChildJvm first = child("changes", emulator, repository, deliveries, "after:" + (killAt + 30))) {
            first.awaitLine("delivered " + killAt);
            first.kill();
            deliveredBeforeKill = lines(deliveries).size();
        }
        int deliveredAfter;
        try (ChildJvm second = child("changes", emulator, repository, deliveries, "none")) {
            awaitDeliveries(second, deliveries, all -> all.containsAll(pending)); // what the dead one did not deliver
            runIds.forEach(id -> emulator.jobs().finishRun(id, RunOutcome.success()));
            awaitDeliveries(second, deliveries, all -> all.containsAll(every));
            second.tell("stop");
            assertThat(second.awaitExit()).isZero();
            deliveredAfter = lines(deliveries).size() - deliveredBeforeKill;
        }

        List<String> all = lines(deliveries);
        long duplicates = all.size() - new LinkedHashSet<>(all).size();
        Map<String, List<String>> byRun = new TreeMap<>();
        for (String event : new LinkedHashSet<>(all)) {
            String[] parts = event.split("@");
            byRun.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        long inOrder = byRun.values().stream().filter(s -> s.equals(List.of("PENDING", "TERMINATED"))).count();
        report.figure("runs", runs).figure("changes", every.size())
                .figure("delivered before the kill", deliveredBeforeKill)
                .figure("delivered after the restart", deliveredAfter).figure("duplicates", duplicates)
                .figure("missing", every.stream().filter(c -> !all.contains(c)).count())
                .figure("in flight at most", IN_FLIGHT);
        assertThat(deliveredBeforeKill).as("killed mid-stream").isBetween(killAt, runs - 1);
        assertThat(all).containsAll(every).allMatch(every::contains);
        assertThat(duplicates).as("changes delivered twice: at most the exchanges in flight at the kill")
                .isLessThanOrEqualTo(IN_FLIGHT);
        assertThat(inOrder).as("each run: PENDING, then TERMINATED").isEqualTo(runs);
    }

    /** What the restarted process did. */
    private record Restart(int delivered) {
    }

    /** Starts a second process on the same files, waits until it delivered what {@code done} wants, stops it. */
    private Restart restart(String mode, DatabricksEmulator emulator, Path repository, Path deliveries,
                            Predicate<List<String>> done) throws Exception {
        int before = lines(deliveries).size();
        try (ChildJvm second = child(mode, emulator, repository, deliveries, "none")) {
            awaitDeliveries(second, deliveries, done);
            second.tell("stop");
            assertThat(second.awaitExit()).isZero();
        }
        return new Restart(lines(deliveries).size() - before);
    }

    /**
     * Waits, poll after poll, until the deliveries file satisfies {@code done} at the end of a poll that found nothing
     * new (so nothing more was on its way); bounded by the child's line timeout.
     */
    private static void awaitDeliveries(ChildJvm child, Path deliveries, Predicate<List<String>> done)
            throws Exception {
        do {
            child.awaitLine("idle ");
        } while (!done.test(lines(deliveries)));
    }

    private static ChildJvm child(String mode, DatabricksEmulator emulator, Path repository, Path deliveries,
                                  String pause) throws IOException {
        return ChildJvm.start(KilledConsumerChild.class, Map.of(), "killed-consumer-" + mode, mode, emulator.url(),
                emulator.token(), repository.toString(), deliveries.toString(), pause);
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    }

    private static Set<String> ids(List<Long> ids) {
        Set<String> all = new LinkedHashSet<>();
        ids.forEach(id -> all.add(Long.toString(id)));
        return all;
    }
}
