package io.camelbricks.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.jobs.RunOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: a consumer killed in the middle of a poll, then restarted with its persistent
 * repository ({@link FileIdempotentRepository}): every item, or every observed state transition, is delivered
 * exactly once across the restart.
 *
 * <p>The kill is a crash, not a graceful stop: at the k-th exchange of a poll, the repository file is copied as it is
 * on disk at that instant (what a process killed with {@code kill -9} leaves behind), the dying context's later
 * deliveries no longer count, and the restarted context starts from the copy. Polls are driven by the test
 * ({@code startScheduler=false}, {@code consumer.run()}), so there is nothing to wait for.
 */
class ConsumerKilledMidPollIT {
    static final int JOBS = 300;
    static final int KILLED_AT = 120;

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @RegisterExtension
    final ItReport report = new ItReport();

    @TempDir
    Path dir;

    /** One process's life: its context, and whether it is still alive (deliveries of a dead one do not count). */
    private static final class Process {
        final AtomicBoolean alive = new AtomicBoolean(true);
        final AtomicInteger exchanges = new AtomicInteger();
        CamelContext camel;
    }

    @Test
    void itemsAreDeliveredExactlyOnceAcrossAKillInTheMiddleOfAPoll() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        List<Long> seeded = emulator.jobs().createJobs(JOBS);
        report.scenario("consumer killed mid-poll (at item " + KILLED_AT + " of " + JOBS + "), restarted with a file"
                + " repository: items");
        Path store = dir.resolve("jobs.dat");
        Path afterCrash = dir.resolve("jobs-after-crash.dat");
        List<String> delivered = new ArrayList<>();
        String uri = "databricks:jobs/list?startScheduler=false&" + Workspace.connection(emulator);

        Process first = start(uri, store, delivered, afterCrash);
        poll(first);                                   // dies at the KILLED_AT-th exchange of this poll
        first.camel.close();
        int beforeCrash = delivered.size();

        Process second = start(uri, afterCrash, delivered, null);
        poll(second);
        int afterRestart = delivered.size() - beforeCrash;
        poll(second);                                  // a further whole poll: nothing new
        second.camel.close();

        long duplicates = delivered.size() - new HashSet<>(delivered).size();
        long missing = seeded.stream().filter(id -> !delivered.contains(Long.toString(id))).count();
        report.figure("items", JOBS).figure("delivered before the kill", beforeCrash)
                .figure("delivered after the restart", afterRestart).figure("duplicates", duplicates)
                .figure("missing", missing);
        assertThat(beforeCrash).isEqualTo(KILLED_AT - 1);
        assertThat(duplicates).as("items delivered twice").isZero();
        assertThat(missing).as("items never delivered").isZero();
        assertThat(delivered).hasSize(JOBS);
    }

    @Test
    void stateTransitionsAreDeliveredExactlyOnceAcrossAKillInTheMiddleOfAPoll() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        int runs = 40;
        List<Long> runIds = Workspace.pendingRuns(emulator, runs, "it-killed-");
        int killedAt = 25;
        report.scenario("consumer killed mid-poll (at change " + killedAt + " of " + runs + "), restarted with a file"
                + " repository: run state changes");
        Path store = dir.resolve("runs.dat");
        Path afterCrash = dir.resolve("runs-after-crash.dat");
        List<String> delivered = new ArrayList<>();
        String uri = "databricks:jobs/listRuns?emit=changes&startScheduler=false&" + Workspace.connection(emulator);

        Process first = start(uri, store, delivered, afterCrash, killedAt);
        poll(first);                                   // every run PENDING; dies at the 25th change
        first.camel.close();
        int beforeCrash = delivered.size();

        Process second = start(uri, afterCrash, delivered, null, 0);
        poll(second);                                  // the PENDING changes the dead process did not deliver
        runIds.forEach(id -> emulator.jobs().finishRun(id, RunOutcome.success()));
        poll(second);                                  // every run TERMINATED
        poll(second);                                  // nothing new
        second.camel.close();

        long duplicates = delivered.size() - new HashSet<>(delivered).size();
        Map<String, List<String>> byRun = new TreeMap<>();
        for (String event : delivered) {
            String[] parts = event.split("@");
            byRun.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        long complete = byRun.values().stream().filter(s -> s.equals(List.of("PENDING", "TERMINATED"))).count();
        report.figure("runs", runs).figure("changes", 2 * runs).figure("delivered before the kill", beforeCrash)
                .figure("delivered in all", delivered.size()).figure("duplicates", duplicates)
                .figure("missing", 2L * runs - new HashSet<>(delivered).size());
        assertThat(beforeCrash).isEqualTo(killedAt - 1);
        assertThat(duplicates).as("a (run, state) delivered twice: %s", delivered).isZero();
        assertThat(byRun).hasSize(runs);
        assertThat(complete).as("runs delivered exactly PENDING then TERMINATED: %s", byRun).isEqualTo(runs);
    }

    private Process start(String uri, Path store, List<String> delivered, Path crashCopy) throws Exception {
        return start(uri, store, delivered, crashCopy, KILLED_AT);
    }

    /**
     * A context whose route records each delivery; with {@code crashCopy}, at the {@code killAt}-th exchange the
     * process "dies": the repository file is copied as it is now, and nothing after counts.
     */
    private Process start(String uri, Path store, List<String> delivered, Path crashCopy, int killAt)
            throws Exception {
        Process p = new Process();
        p.camel = new DefaultCamelContext();
        p.camel.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store.toFile()));
        p.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&idempotentRepository=#seen").routeId("consumer").process(e -> {
                    if (crashCopy != null && p.exchanges.incrementAndGet() == killAt && p.alive.get()) {
                        crash(store, crashCopy);
                        p.alive.set(false);
                    }
                    if (!p.alive.get()) {
                        return; // the process is dead: it delivers nothing any more
                    }
                    String state = e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class);
                    Object id = state == null ? e.getMessage().getHeader(DatabricksConstants.JOB_ID)
                            : e.getMessage().getHeader(DatabricksConstants.RUN_ID);
                    synchronized (delivered) {
                        delivered.add(state == null ? String.valueOf(id) : id + "@" + state);
                    }
                });
            }
        });
        p.camel.start();
        return p;
    }

    private static void crash(Path store, Path crashCopy) {
        try {
            Files.copy(store, crashCopy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void poll(Process p) {
        ((ScheduledPollConsumer) p.camel.getRoute("consumer").getConsumer()).run();
    }
}
