package io.camelbricks.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunNow;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.jobs.RunScript;

/** {@code resolveJobId} (none, one, several, exact names) and {@code cancelPreviousRuns}. */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true, maxPageSize = 2)
class JobsByNameAndCancelEmulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WorkspaceClient w;

    @BeforeAll
    static void client(DatabricksEmulator emu) {
        w = JobsTesting.client(emu);
    }

    @AfterAll
    static void close() {
        w.close();
    }

    @Test
    void theOneJobWithTheExactNameIsFoundAcrossPages(DatabricksEmulator emu) {
        emu.jobs().createJobs(5);
        emu.jobs().createJob("Nightly");
        long nightly = emu.jobs().createJob("nightly");

        assertThat(w.jobs().resolveJobId("nightly")).isEqualTo(nightly);
    }

    @Test
    void noJobWithTheNameIsAnErrorNamingIt(DatabricksEmulator emu) {
        emu.jobs().createJob("other");

        assertThatThrownBy(() -> w.jobs().resolveJobId("nightly")).isInstanceOf(DatabricksException.class)
                .hasMessage("no job is named \"nightly\"");
    }

    @Test
    void severalJobsWithTheNameAreAnErrorListingTheirIds(DatabricksEmulator emu) {
        long first = emu.jobs().createJob("nightly");
        emu.jobs().createJob("other");
        long second = emu.jobs().createJob("nightly");
        long third = emu.jobs().createJob("nightly");

        assertThatThrownBy(() -> w.jobs().resolveJobId("nightly")).isInstanceOf(DatabricksException.class)
                .hasMessageStartingWith("3 jobs are named \"nightly\" (job ids " + first + ", " + second + ", "
                        + third + ")");
    }

    @Test
    void theActiveRunsOfTheJobAreCancelledAndOtherJobsRunsAreLeftAlone(DatabricksEmulator emu) {
        emu.jobs().scriptRunsNamed("etl", RunScript.builder().running(1000).thenSucceed());
        emu.jobs().scriptRunsNamed("other", RunScript.builder().running(1000).thenSucceed());
        long etl = emu.jobs().createJob(settings("etl", 5));
        long other = emu.jobs().createJob(settings("other", 5));
        long a = w.jobs().runNowAsync(new RunNow().setJobId(etl)).join().getRunId();
        long b = w.jobs().runNowAsync(new RunNow().setJobId(etl)).join().getRunId();
        long c = w.jobs().runNowAsync(new RunNow().setJobId(other)).join().getRunId();

        List<Long> cancelled = w.jobs().cancelPreviousRuns(etl);

        assertThat(cancelled).containsExactlyInAnyOrder(a, b);
        assertThat(emu.jobs().run(a).orElseThrow().path("state").path("result_state").asText()).isEqualTo("CANCELED");
        assertThat(emu.jobs().run(b).orElseThrow().path("state").path("result_state").asText()).isEqualTo("CANCELED");
        assertThat(emu.jobs().lifeCycleState(c)).hasValue("RUNNING");
        assertThat(emu.requests().count("POST", "/jobs/runs/cancel-all")).isEqualTo(1);
    }

    @Test
    void cancelPreviousRunsAndWaitReturnsOnceTheyHaveEnded(DatabricksEmulator emu) {
        emu.jobs().scriptRunsNamed("etl", RunScript.builder().running(1000).cancelTakes(3).thenSucceed());
        long etl = emu.jobs().createJob(settings("etl", 1));
        long a = w.jobs().runNowAsync(new RunNow().setJobId(etl)).join().getRunId();

        List<Run> ended = w.jobs().cancelPreviousRunsAndWait(etl, WAIT);

        assertThat(ended).singleElement().satisfies(run -> {
            assertThat(run.getRunId()).isEqualTo(a);
            assertThat(run.getState().getResultState().value()).isEqualTo("CANCELED");
        });
        assertThat(w.jobs().cancelPreviousRuns(etl)).isEmpty();
    }

    private static ObjectNode settings(String name, int maxConcurrentRuns) {
        ObjectNode settings = io.camelbricks.emulator.server.Json.object();
        settings.put("name", name);
        settings.put("max_concurrent_runs", maxConcurrentRuns);
        ObjectNode task = settings.putArray("tasks").addObject();
        task.put("task_key", "main");
        task.putObject("notebook_task").put("notebook_path", "/Shared/" + name);
        return settings;
    }
}
