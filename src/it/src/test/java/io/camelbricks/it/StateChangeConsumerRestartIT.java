package io.camelbricks.it;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
 * {@code from("databricks:jobs/listRuns?emit=changes")} on its scheduler, remembering in a
 * {@link FileIdempotentRepository}, across a stop and a start of Camel: every (run, state) is delivered at most once,
 * each run's states come in order, and what happened while Camel was down (a run ending, a new run) is delivered
 * after the restart. Emulated runs move one state each time a listing shows them.
 */
class StateChangeConsumerRestartIT {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @TempDir
    Path dir;

    @Test
    void aRestartWithAFileRepositoryNeitherLosesNorDuplicatesStateChanges() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        File store = dir.resolve("run-states.dat").toFile();
        List<String> delivered = new ArrayList<>();
        long first = emulator.jobs().submitRun(Workspace.notebookRunTree("first"));
        long second = emulator.jobs().submitRun(Workspace.notebookRunTree("second"));

        try (CamelContext camel = context(store, delivered)) {
            NotifyBuilder bothPending = new NotifyBuilder(camel).whenCompleted(2).create();
            camel.start();
            assertThat(bothPending.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        int beforeRestart = delivered.size();
        emulator.jobs().finishRun(first, RunOutcome.success());
        long third = emulator.jobs().submitRun(Workspace.notebookRunTree("third"));

        try (CamelContext camel = context(store, delivered)) {
            // whatever the first context still saw, three TERMINATED changes are due now
            NotifyBuilder allTerminated = new NotifyBuilder(camel)
                    .filter(e -> "TERMINATED".equals(e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE)))
                    .whenCompleted(3 - terminatedIn(delivered)).create();
            camel.start();
            assertThat(allTerminated.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        assertThat(beforeRestart).isGreaterThanOrEqualTo(2);
        assertThat(new HashSet<>(delivered)).as("no (run, state) twice: %s", delivered).hasSize(delivered.size());
        Map<Long, List<String>> byRun = new TreeMap<>();
        for (String event : delivered) {
            String[] parts = event.split("@");
            byRun.computeIfAbsent(Long.valueOf(parts[0]), k -> new ArrayList<>()).add(parts[1]);
        }
        assertThat(byRun).containsOnlyKeys(first, second, third);
        for (List<String> states : byRun.values()) {
            assertThat(states).as("states in order, ending TERMINATED").first().isEqualTo("PENDING");
            assertThat(states).last().isEqualTo("TERMINATED");
            assertThat(List.of("PENDING", "RUNNING", "TERMINATED")).containsSubsequence(states);
        }
    }

    private static int terminatedIn(List<String> delivered) {
        synchronized (delivered) {
            return (int) delivered.stream().filter(e -> e.endsWith("@TERMINATED")).count();
        }
    }

    private static CamelContext context(File store, List<String> delivered) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/listRuns?emit=changes&idempotentRepository=#seen&initialDelay=0&delay=20&"
                        + Workspace.connection(DATABRICKS.emulator()))
                        .process(e -> {
                            synchronized (delivered) {
                                delivered.add(e.getMessage().getHeader(DatabricksConstants.RUN_ID) + "@"
                                        + e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE));
                            }
                        });
            }
        });
        return camel;
    }
}
