package io.camelbricks.camel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run events: {@code jobs/listRuns?emit=changes}, each poll listing the runs started since a persisted cursor minus
 * an overlap. The emulator's clock is a {@link ManualClock}: runs start at chosen times and timed lifecycle steps end
 * when the test moves the clock. The test polls the consumer itself ({@code startScheduler=false}).
 */
class RunEventsTest extends CamelTestSupport {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-02T08:00:00Z"));
    private static final String LIST_RUNS = "jobs.Jobs.listRuns";

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(
            EmulatorOptions.builder().clock(CLOCK).build());

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final MemoryStateRepository cursors = new MemoryStateRepository();

    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        emulator().reset();
        emulator().requests().clear();
        received.clear();
        context.getRegistry().bind("cursors", cursors);
    }

    @Test
    void eachTransitionOfEachRunIsEmittedOnceAcrossManyPolls() throws Exception {
        emulator().jobs().scriptRunsNamed("queued", RunScript.builder().queued(1).pending(1).running(2)
                .terminating(1).thenSucceed());
        emulator().jobs().scriptRunsNamed("failing", RunScript.builder().pending(1).running(1).thenFail("boom"));
        emulator().jobs().scriptRunsNamed("skipped", RunScript.immediately(RunOutcome.skipped("limit reached")));
        emulator().jobs().scriptRunsNamed("broken", RunScript.builder().pending(1).thenInternalError("no cluster"));
        eventsRoute("events", "");
        long queued = submit("queued");
        CLOCK.advance(Duration.ofMinutes(1));
        long failing = submit("failing");

        for (int i = 0; i < 4; i++) {
            poll("events");
            CLOCK.advance(Duration.ofMinutes(2));
        }
        long skipped = submit("skipped");
        long broken = submit("broken");
        for (int i = 0; i < 8; i++) {
            poll("events");
            CLOCK.advance(Duration.ofMinutes(2));
        }

        assertThat(states(queued)).containsExactly("QUEUED", "PENDING", "RUNNING", "TERMINATING", "TERMINATED");
        assertThat(states(failing)).containsExactly("PENDING", "RUNNING", "TERMINATED");
        assertThat(states(skipped)).containsExactly("SKIPPED");
        assertThat(states(broken)).containsExactly("PENDING", "INTERNAL_ERROR");
        assertThat(received).hasSize(11);
        assertThat(last(queued).getMessage().getHeaders())
                .containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.PREVIOUS_STATE, "TERMINATING")
                .containsEntry(DatabricksConstants.OPERATION, "jobs/listRuns");
        assertThat(last(failing).getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("FAILED");
        assertThat(events(queued).get(0).getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isNull();
    }

    @Test
    void aRunStartedBeforeTheCursorThatIsStillRunningKeepsBeingFollowed() throws Exception {
        emulator().jobs().scriptRunsNamed("long", RunScript.builder().pending(1).running(Duration.ofHours(3))
                .thenSucceed());
        emulator().jobs().scriptRunsNamed("quick", RunScript.immediately(RunOutcome.success()));
        eventsRoute("events", "");
        long longRun = submit("long");
        long longStart = CLOCK.millis();
        poll("events");

        List<Long> quick = new ArrayList<>();
        for (int hour = 1; hour <= 3; hour++) {
            CLOCK.advance(Duration.ofHours(1));
            quick.add(submit("quick"));
            poll("events");
            assertThat(cursor("databricks:jobs/listRuns")).as("held at the running run, hour " + hour)
                    .isEqualTo(longStart);
        }
        CLOCK.advance(Duration.ofHours(1).plusMinutes(1));
        long newest = CLOCK.millis();
        long lastQuick = submit("quick");
        poll("events");

        assertThat(states(longRun)).containsExactly("PENDING", "RUNNING", "TERMINATED");
        quick.add(lastQuick);
        quick.forEach(q -> assertThat(states(q)).containsExactly("TERMINATED"));
        assertThat(cursor("databricks:jobs/listRuns")).as("every run final: the newest start").isEqualTo(newest);
        assertThat(startTimesFrom()).as("each poll listed from the running run's start minus the overlap")
                .allMatch(from -> from <= longStart - Duration.ofMinutes(5).toMillis());
    }

    @Test
    void overlapCatchesARunThatBecameVisibleLate() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        eventsRoute("events", "");
        eventsRoute("noOverlap", "&overlap=0");
        long late = submit("late");
        emulator().jobs().delayListing(late, Duration.ofMinutes(3));
        CLOCK.advance(Duration.ofMinutes(1));
        long visible = submit("visible");
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(poll("events")).isEqualTo(1);
        assertThat(poll("noOverlap")).isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(2)); // the late run shows up, started before both cursors

        assertThat(poll("events")).as("listed again from the cursor minus 5 minutes").isEqualTo(1);
        assertThat(poll("noOverlap")).as("without overlap the late run is missed").isZero();
        assertThat(received).extracting(e -> e.getFromRouteId() + ":" + runId(e))
                .containsExactly("events:" + visible, "noOverlap:" + visible, "events:" + late);
    }

    @Test
    void theCursorIsPersistedAndNotAdvancedPastAFailedExchange() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        List<Long> starts = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(CLOCK.millis());
            runs.add(submit("r" + i));
            CLOCK.advance(Duration.ofMinutes(1));
        }
        long failing = runs.get(1);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(eventsUri("")).routeId("flaky").process(e -> {
                    long runId = runId(e);
                    attempts.add(runId);
                    if (runId == failing && attempts.indexOf(runId) == attempts.size() - 1) {
                        throw new IllegalStateException("downstream failed");
                    }
                    received.add(e);
                });
            }
        });

        assertThat(poll("flaky")).isEqualTo(3);
        assertThat(cursor("databricks:jobs/listRuns")).as("held at the failed run").isEqualTo(starts.get(1));
        CLOCK.advance(Duration.ofHours(1)); // far beyond the overlap: only the cursor brings the failed run back
        assertThat(poll("flaky")).isEqualTo(1);
        assertThat(cursor("databricks:jobs/listRuns")).isEqualTo(starts.get(2));
        assertThat(poll("flaky")).isZero();

        assertThat(attempts).containsExactly(runs.get(2), failing, runs.get(0), failing);
        assertThat(received).extracting(RunEventsTest::runId).containsExactly(runs.get(2), runs.get(0), failing);
    }

    /**
     * The shared idempotent repository is down when an exchange completes (its key cannot be stored): the consumer
     * does not stall (the next poll runs), the cursor stays at the run, and once the store is back the event comes
     * again (at least once) and is then stored.
     */
    @Test
    void aRepositoryDownWhenAnExchangeCompletesDoesNotStallTheConsumerAndTheEventComesAgain() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        long start = CLOCK.millis();
        long run = submit("stored-late");
        CLOCK.advance(Duration.ofMinutes(1));
        AtomicBoolean down = new AtomicBoolean(true);
        context.getRegistry().bind("flakySeen", new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (down.get()) {
                    throw new IllegalStateException("the idempotent repository's database is down");
                }
                return super.add(key);
            }
        });
        eventsRoute("storeDown", "&idempotentRepository=#flakySeen");

        assertThat(poll("storeDown")).isEqualTo(1);
        assertThat(cursor("databricks:jobs/listRuns")).as("held at the run whose key was not stored")
                .isEqualTo(start);
        down.set(false);
        assertThat(poll("storeDown")).as("the next poll runs and emits the event again").isEqualTo(1);
        assertThat(poll("storeDown")).isZero();

        assertThat(received).extracting(RunEventsTest::runId).containsExactly(run, run);
    }

    /**
     * Two contexts in sequence on the same {@link FileStateRepository} and {@link FileIdempotentRepository}: the
     * first stops after an exchange failed mid-batch; the second emits the failed event, what happened while Camel
     * was down, and nothing emitted before.
     */
    @Test
    void aRestartWithPersistentRepositoriesNeitherLosesNorDuplicatesEvents() throws Exception {
        emulator().jobs().defaultScript(RunScript.timed(Duration.ofMinutes(10), Duration.ofMinutes(30)));
        File seen = dir.resolve("seen.dat").toFile();
        File cursor = dir.resolve("cursor.dat").toFile();
        List<String> delivered = new ArrayList<>();
        Instant start = CLOCK.instant();
        long a = submit("a");
        CLOCK.advance(Duration.ofMinutes(5));
        long b = submit("b");

        try (CamelContext first = restartableContext(seen, cursor, start, delivered, 4, null)) {
            CLOCK.advance(Duration.ofMinutes(1));
            assertThat(poll(first)).isEqualTo(2); // b PENDING, a PENDING
            CLOCK.advance(Duration.ofMinutes(10));
            assertThat(poll(first)).isEqualTo(2); // b RUNNING, a RUNNING: its exchange fails
        }
        CLOCK.advance(Duration.ofMinutes(4));
        long c = submit("c");
        try (CamelContext second = restartableContext(seen, cursor, start, delivered, -1, null)) {
            CLOCK.advance(Duration.ofMinutes(1));
            assertThat(poll(second)).isEqualTo(2); // c PENDING, a RUNNING (again)
            CLOCK.advance(Duration.ofMinutes(30));
            assertThat(poll(second)).isEqualTo(3); // a, b TERMINATED, c RUNNING
            CLOCK.advance(Duration.ofHours(1));
            assertThat(poll(second)).isEqualTo(1); // c TERMINATED
            assertThat(poll(second)).isZero();
        }

        assertThat(delivered.stream().filter(d -> !d.startsWith("failed:")).toList()).containsExactlyInAnyOrder(
                a + "@PENDING", a + "@RUNNING", a + "@TERMINATED", b + "@PENDING", b + "@RUNNING",
                b + "@TERMINATED", c + "@PENDING", c + "@RUNNING", c + "@TERMINATED");
    }

    /**
     * A crash (the process dies while an exchange is in the route) leaves on disk what the repositories wrote up to
     * then: after the restart the event in process comes again, the events completed before it do not.
     */
    @Test
    void aCrashWhileAnExchangeIsProcessedEmitsThatEventAgainAfterTheRestart() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        File seen = dir.resolve("seen.dat").toFile();
        File cursor = dir.resolve("cursor.dat").toFile();
        Path crashed = Files.createDirectory(dir.resolve("crashed"));
        List<String> delivered = new ArrayList<>();
        Instant start = CLOCK.instant();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(submit("r" + i));
            CLOCK.advance(Duration.ofMinutes(1));
        }
        Runnable crash = () -> {
            try {
                for (File file : List.of(seen, cursor)) {
                    if (file.exists()) {
                        Files.copy(file.toPath(), crashed.resolve(file.getName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };

        try (CamelContext first = restartableContext(seen, cursor, start, delivered, -1, crash)) {
            assertThat(poll(first)).isEqualTo(3); // the crash snapshot is taken while the 2nd event is processed
        }
        List<String> beforeCrash = List.copyOf(delivered.subList(0, 1));
        delivered.clear();
        try (CamelContext second = restartableContext(crashed.resolve("seen.dat").toFile(),
                crashed.resolve("cursor.dat").toFile(), start, delivered, -1, null)) {
            assertThat(poll(second)).isEqualTo(2);
            assertThat(poll(second)).isZero();
        }

        assertThat(beforeCrash).containsExactly(runs.get(2) + "@TERMINATED");
        assertThat(delivered).containsExactly(runs.get(1) + "@TERMINATED", runs.get(0) + "@TERMINATED");
    }

    @Test
    void oneJobOrAllJobsEachWithItsOwnCursor() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        long etl = emulator().jobs().createJob("etl");
        long report = emulator().jobs().createJob("report");
        eventsRoute("oneJob", "&jobId=" + etl);
        eventsRoute("allJobs", "");
        long etl1 = runNow(etl);
        CLOCK.advance(Duration.ofMinutes(1));
        long report1 = runNow(report);
        CLOCK.advance(Duration.ofMinutes(1));
        long etl2 = runNow(etl);
        long etlStart = CLOCK.millis();
        CLOCK.advance(Duration.ofMinutes(1));
        long oneOff = submit("one-off");
        long allStart = CLOCK.millis();

        assertThat(poll("oneJob")).isEqualTo(2);
        assertThat(poll("allJobs")).isEqualTo(4);

        assertThat(received.stream().filter(e -> e.getFromRouteId().equals("oneJob")).map(RunEventsTest::runId))
                .containsExactly(etl2, etl1);
        assertThat(received.stream().filter(e -> e.getFromRouteId().equals("allJobs")).map(RunEventsTest::runId))
                .containsExactly(oneOff, etl2, report1, etl1);
        assertThat(cursor("databricks:jobs/listRuns?job_id=" + etl)).isEqualTo(etlStart);
        assertThat(cursor("databricks:jobs/listRuns")).isEqualTo(allStart);
        assertThat(emulator().requests().matching(r -> LIST_RUNS.equals(r.operationId())))
                .extracting(r -> r.queryParameter("job_id")).containsExactly(String.valueOf(etl), null);
    }

    @Test
    void aThousandRunHistoryIsNotReListedEveryPoll() throws Exception {
        emulator().jobs().defaultScript(RunScript.immediately(RunOutcome.success()));
        Instant historyStart = CLOCK.instant();
        for (int i = 0; i < 1_000; i++) {
            submit("history-" + i);
            CLOCK.advance(Duration.ofMinutes(1));
        }
        context.getRegistry().bind("historyCursor", new MemoryStateRepository()); // same filters: a cursor each
        eventsRoute("fromHistory", "&limit=25&startFrom=" + historyStart + "&stateRepository=#historyCursor");
        eventsRoute("fromNow", "&limit=25");

        assertThat(poll("fromNow")).as("startFrom=now minus 5 minutes: the last 5 runs").isEqualTo(5);
        assertThat(pagesOf(() -> poll("fromHistory"))).as("the whole history, once: 40 pages").isEqualTo(40);
        assertThat(received.stream().filter(e -> e.getFromRouteId().equals("fromHistory"))).hasSize(1_000);
        for (int poll = 0; poll < 5; poll++) {
            submit("new-" + poll);
            CLOCK.advance(Duration.ofMinutes(1));
            assertThat(pagesOf(() -> assertThat(poll("fromHistory")).isEqualTo(1))).isEqualTo(1);
            assertThat(pagesOf(() -> assertThat(poll("fromNow")).isEqualTo(1))).isEqualTo(1);
        }
        assertThat(received).hasSize(5 + 1_000 + 10);
    }

    // ---- helpers

    private static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    private static String connection() {
        return "host=RAW(" + emulator().url() + ")&token=RAW(" + emulator().token() + ")";
    }

    /** A run-events endpoint starting at the clock's present, its cursor in {@code cursors}, unless options say. */
    private static String eventsUri(String options) {
        String startFrom = options.contains("startFrom=") ? "" : "&startFrom=" + CLOCK.instant();
        String cursor = options.contains("stateRepository=") ? "" : "&stateRepository=#cursors";
        return "databricks:jobs/listRuns?emit=changes&startScheduler=false" + startFrom + cursor + options + "&"
                + connection();
    }

    private void eventsRoute(String routeId, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(eventsUri(options)).routeId(routeId).process(received::add);
            }
        });
    }

    /**
     * A context of its own with one run-events route on file repositories; the route records {@code runId@state},
     * fails from the {@code failFrom}-th event on (1-based; -1: never) and runs {@code crash} at the second event.
     */
    private static CamelContext restartableContext(File seen, File cursor, Instant startFrom, List<String> delivered,
                                                   int failFrom, Runnable crash) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(seen));
        camel.getRegistry().bind("cursor", FileStateRepository.fileStateRepository(cursor));
        List<Integer> count = new ArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/listRuns?emit=changes&startScheduler=false&startFrom=" + startFrom
                        + "&idempotentRepository=#seen&stateRepository=#cursor&" + connection())
                        .routeId("restartable")
                        .process(e -> {
                            String event = runId(e) + "@"
                                    + e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class);
                            synchronized (delivered) {
                                count.add(1);
                                if (crash != null && count.size() == 2) {
                                    crash.run();
                                }
                                if (failFrom > 0 && count.size() >= failFrom) {
                                    delivered.add("failed:" + event);
                                    throw new IllegalStateException("downstream failed");
                                }
                                delivered.add(event);
                            }
                        });
            }
        });
        camel.start();
        return camel;
    }

    private int poll(String routeId) throws Exception {
        return poll(context, routeId);
    }

    private static int poll(CamelContext camel) throws Exception {
        return poll(camel, "restartable");
    }

    private static int poll(CamelContext camel, String routeId) throws Exception {
        return ((DatabricksConsumer) camel.getRoute(routeId).getConsumer()).poll();
    }

    private static long submit(String name) {
        return emulator().jobs().submitRun(EmulatorRequests.notebookRun(name));
    }

    private long runNow(long jobId) {
        Object response = template.requestBody("databricks:jobs/runNow?jobId=" + jobId + "&outputType=map&"
                + connection(), (Object) null);
        return ((Number) ((java.util.Map<?, ?>) response).get("run_id")).longValue();
    }

    /** listRuns page requests made by {@code action}. */
    private static long pagesOf(ThrowingRunnable action) throws Exception {
        long before = emulator().requests().countOperation(LIST_RUNS);
        action.run();
        return emulator().requests().countOperation(LIST_RUNS) - before;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Long cursor(String key) {
        String value = cursors.getState(key);
        return value == null ? null : Long.valueOf(value);
    }

    private List<Long> startTimesFrom() {
        return emulator().requests().matching(r -> LIST_RUNS.equals(r.operationId())).stream()
                .map(r -> Long.valueOf(r.queryParameter("start_time_from"))).toList();
    }

    private static long runId(Exchange exchange) {
        return exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
    }

    private List<Exchange> events(long runId) {
        return received.stream().filter(e -> runId(e) == runId).toList();
    }

    private Exchange last(long runId) {
        List<Exchange> events = events(runId);
        return events.get(events.size() - 1);
    }

    private List<String> states(long runId) {
        return events(runId).stream()
                .map(e -> e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class)).toList();
    }
}
