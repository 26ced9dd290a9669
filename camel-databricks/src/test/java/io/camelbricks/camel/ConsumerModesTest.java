package io.camelbricks.camel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.emulator.jobs.RunOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer modes, one poll at a time: the routes do not start their scheduler ({@code startScheduler=false})
 * and the test calls {@code poll()} itself, so every assertion is about a known number of polls. Emulated runs move
 * one step each time a listing shows them (PENDING, RUNNING, TERMINATED).
 */
class ConsumerModesTest extends EmulatorTestSupport {
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        emulator().reset();
        received.clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/list?limit=2&maxMessagesPerPoll=3&startScheduler=false&" + connection())
                        .routeId("jobs").process(received::add);
                from("databricks:jobs/listRuns?emit=changes&startScheduler=false&" + connection())
                        .routeId("runChanges").process(received::add);
            }
        };
    }

    @Test
    void itemsComeOncePageAfterPageAtMostMaxMessagesPerPoll() throws Exception {
        List<Long> jobIds = emulator().jobs().createJobs(5);

        assertThat(poll(context, "jobs")).isEqualTo(3);
        assertThat(poll(context, "jobs")).isEqualTo(2);
        assertThat(poll(context, "jobs")).isZero();

        assertThat(received).extracting(e -> e.getMessage().getHeader(DatabricksConstants.JOB_ID))
                .containsExactlyInAnyOrderElementsOf(jobIds);
        assertThat(received.get(0).getMessage().getHeader(DatabricksConstants.ITEM_KEY, String.class))
                .startsWith("job_id=");
        assertThat(received.get(2).getProperty(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
    }

    @Test
    void changesEmitEachObservedStateOfEachRunOnce() throws Exception {
        long first = emulator().jobs().submitRun(EmulatorRequests.notebookRun("first"));
        long second = emulator().jobs().submitRun(EmulatorRequests.notebookRun("second"));

        assertThat(poll(context, "runChanges")).isEqualTo(2);
        assertThat(poll(context, "runChanges")).isEqualTo(2);
        assertThat(poll(context, "runChanges")).isEqualTo(2);
        assertThat(poll(context, "runChanges")).as("nothing changed").isZero();

        assertThat(states(first)).containsExactly("PENDING", "RUNNING", "TERMINATED");
        assertThat(states(second)).containsExactly("PENDING", "RUNNING", "TERMINATED");
        Exchange terminated = events(first).get(2);
        assertThat(terminated.getMessage().getHeaders())
                .containsEntry(DatabricksConstants.PREVIOUS_STATE, "RUNNING")
                .containsEntry(DatabricksConstants.RESULT_STATE, "SUCCESS")
                .containsEntry(DatabricksConstants.OPERATION, "jobs/listRuns");
        assertThat(events(first).get(0).getMessage().getHeader(DatabricksConstants.PREVIOUS_STATE)).isNull();
    }

    @Test
    void followingOneRunEmitsItsStatesAndStopsPollingOnceItIsFinal() throws Exception {
        long runId = emulator().jobs().submitRun(EmulatorRequests.notebookRun("followed"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/getRun?runId=" + runId + "&startScheduler=false&" + connection())
                        .routeId("follow").process(received::add);
            }
        });

        assertThat(poll(context, "follow")).isEqualTo(1);
        assertThat(poll(context, "follow")).isEqualTo(1);
        assertThat(poll(context, "follow")).isEqualTo(1);
        assertThat(poll(context, "follow")).as("the terminal state was emitted: one last look").isZero();
        long looks = emulator().requests().count("GET", "/jobs/runs/get");
        assertThat(poll(context, "follow")).isZero();

        assertThat(emulator().requests().count("GET", "/jobs/runs/get")).as("no more polls").isEqualTo(looks);
        assertThat(states(runId)).containsExactly("PENDING", "RUNNING", "TERMINATED");
    }

    @Test
    void aFailedExchangeIsEmittedAgainOnTheNextPoll() throws Exception {
        emulator().jobs().createJobs(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/list?startScheduler=false&" + connection()).routeId("flaky")
                        .process(e -> {
                            received.add(e);
                            if (received.size() == 1) {
                                throw new IllegalStateException("downstream failed");
                            }
                        });
            }
        });

        assertThat(poll(context, "flaky")).isEqualTo(2);
        assertThat(poll(context, "flaky")).as("the failed one, again").isEqualTo(1);
        assertThat(poll(context, "flaky")).isZero();

        assertThat(received.get(2).getMessage().getHeader(DatabricksConstants.JOB_ID))
                .isEqualTo(received.get(0).getMessage().getHeader(DatabricksConstants.JOB_ID));
    }

    /**
     * A restart with a {@link FileIdempotentRepository}: items emitted before the restart are not emitted again,
     * the one whose exchange failed and those created while Camel was down are emitted after it.
     */
    @Test
    void itemsSurviveARestartWithAFileRepositoryNothingLostNothingDuplicated() throws Exception {
        File store = dir.resolve("jobs.dat").toFile();
        List<Long> before = emulator().jobs().createJobs(4);
        List<Object> emitted = new ArrayList<>();

        try (CamelContext first = repositoryContext(store, "databricks:jobs/list", emitted, 2)) {
            assertThat(poll(first, "restartable")).isEqualTo(4);
        }
        long created = emulator().jobs().createJob("while Camel was down");
        try (CamelContext second = repositoryContext(store, "databricks:jobs/list", emitted, -1)) {
            assertThat(poll(second, "restartable")).as("the failed job and the new one").isEqualTo(2);
            assertThat(poll(second, "restartable")).isZero();
        }

        List<Object> delivered = emitted.stream().filter(id -> !(id instanceof String)).toList();
        List<Long> expected = new ArrayList<>(before);
        expected.add(created);
        assertThat(delivered).as("each job delivered exactly once").containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The same for state changes: each (run, state) once across the restart; states reached meanwhile come after. */
    @Test
    void stateChangesSurviveARestartWithAFileRepositoryNothingLostNothingDuplicated() throws Exception {
        File store = dir.resolve("runs.dat").toFile();
        long early = emulator().jobs().submitRun(EmulatorRequests.notebookRun("early"));
        List<Object> emitted = new ArrayList<>();
        String uri = "databricks:jobs/listRuns?emit=changes";

        try (CamelContext first = repositoryContext(store, uri, emitted, -1)) {
            assertThat(poll(first, "restartable")).isEqualTo(1); // early PENDING
            assertThat(poll(first, "restartable")).isEqualTo(1); // early RUNNING
        }
        emulator().jobs().finishRun(early, RunOutcome.success());
        long late = emulator().jobs().submitRun(EmulatorRequests.notebookRun("late"));
        try (CamelContext second = repositoryContext(store, uri, emitted, -1)) {
            assertThat(poll(second, "restartable")).isEqualTo(2); // early TERMINATED, late PENDING
            assertThat(poll(second, "restartable")).isEqualTo(1); // late RUNNING
            assertThat(poll(second, "restartable")).isEqualTo(1); // late TERMINATED
            assertThat(poll(second, "restartable")).isZero();
        }

        assertThat(emitted).containsExactlyInAnyOrder(early + "@PENDING", early + "@RUNNING", early + "@TERMINATED",
                late + "@PENDING", late + "@RUNNING", late + "@TERMINATED");
    }

    /**
     * A context of its own with one consumer route, remembering in {@code store}; the route records each item's
     * job id (items) or {@code runId@state} (changes), and fails the exchange of the {@code failAt}-th item (1-based).
     */
    private CamelContext repositoryContext(File store, String uri, List<Object> emitted, int failAt) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", FileIdempotentRepository.fileIdempotentRepository(store));
        String separator = uri.contains("?") ? "&" : "?";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + separator + "idempotentRepository=#store&startScheduler=false&" + connection())
                        .routeId("restartable")
                        .process(e -> {
                            String state = e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class);
                            Object id = e.getMessage().getHeader(state == null ? DatabricksConstants.JOB_ID
                                    : DatabricksConstants.RUN_ID);
                            synchronized (emitted) {
                                if (emitted.size() + 1 == failAt) {
                                    emitted.add("failed:" + id);
                                    throw new IllegalStateException("downstream failed");
                                }
                                emitted.add(state == null ? id : id + "@" + state);
                            }
                        });
            }
        });
        camel.start();
        return camel;
    }

    /**
     * A key reaches the repository only once its exchange has completed: a process killed in the middle of a poll
     * leaves on disk the keys of the exchanges it finished, not those of the whole batch (issue 8: before, every key
     * of the batch was stored when the poll created the exchanges, so a crash lost the rest of the batch).
     */
    @Test
    void aKeyIsStoredOnlyOnceItsExchangeHasCompleted() throws Exception {
        emulator().jobs().createJobs(3);
        org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository seen =
                (org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository)
                        org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository
                                .memoryIdempotentRepository();
        List<Integer> storedWhenProcessed = new ArrayList<>();
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("seen", seen);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/list?idempotentRepository=#seen&startScheduler=false&" + connection())
                        .routeId("lazy").process(e -> storedWhenProcessed.add(seen.getCache().size()));
            }
        });
        camel.start();
        try {
            assertThat(poll(camel, "lazy")).isEqualTo(3);
            assertThat(storedWhenProcessed).as("keys stored while each exchange was processed").containsExactly(0, 1, 2);
            assertThat(seen.getCache()).hasSize(3);
            assertThat(poll(camel, "lazy")).isZero();
        } finally {
            camel.close();
        }
    }

    private static int poll(CamelContext camel, String routeId) throws Exception {
        return ((DatabricksConsumer) camel.getRoute(routeId).getConsumer()).poll();
    }

    private List<Exchange> events(long runId) {
        return received.stream().filter(e -> Long.valueOf(runId).equals(
                e.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class))).toList();
    }

    private List<String> states(long runId) {
        return events(runId).stream()
                .map(e -> e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class)).toList();
    }
}
