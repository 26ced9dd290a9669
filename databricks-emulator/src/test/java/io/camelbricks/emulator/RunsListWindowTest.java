package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/runs/list} as a cursor-based consumer uses it: runs started in a time window ({@code start_time_from},
 * {@code start_time_to}, inclusive, epoch ms), of one job or all, active or completed only, newest first, paged with
 * tokens; runs whose listing lags behind their start.
 */
class RunsListWindowTest {

    private final ManualClock clock = new ManualClock();
    private DatabricksEmulator emu;
    private EmulatorClient client;

    @BeforeEach
    void start() {
        emu = EmulatorOptions.builder().clock(clock).emulator().start();
        client = new EmulatorClient(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void startTimeFromAndToSelectRunsStartedInTheWindowInclusive() {
        List<Long> runs = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starts.add(clock.instant().toEpochMilli());
            runs.add(client.submitNotebook("r" + i, "/x"));
            clock.advance(Duration.ofMinutes(1));
        }

        JsonNode window = client.get("/api/2.2/jobs/runs/list?start_time_from=" + starts.get(1)
                + "&start_time_to=" + starts.get(3)).json();

        assertThat(runIds(window)).containsExactly(runs.get(3), runs.get(2), runs.get(1));
        assertThat(window.at("/runs/0/start_time").asLong()).isEqualTo(starts.get(3));
        JsonNode from = client.get("/api/2.2/jobs/runs/list?start_time_from=" + (starts.get(4) + 1)).json();
        assertThat(from.has("runs")).as("nothing started after the last run").isFalse();
        assertThat(from.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void aWindowOfOneJobPagesNewestFirstWithTokensAndCombinesWithActivityFilters() {
        emu.jobs().scriptRunsNamed("etl", RunScript.builder().pending(1).running(100).thenSucceed());
        long jobId = emu.jobs().createJob("etl");
        long from = clock.instant().toEpochMilli();
        List<Long> jobRuns = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            emu.jobs().createJob("other-" + i);
            client.submitNotebook("one-off-" + i, "/x");
            clock.advance(Duration.ofSeconds(10));
            jobRuns.add(0, client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId
                    + ",\"queue\":{\"enabled\":true}}").json().get("run_id").asLong());
        }
        emu.jobs().finishRun(jobRuns.get(6), RunOutcome.success());
        String query = "/api/2.2/jobs/runs/list?job_id=" + jobId + "&start_time_from=" + from + "&limit=3";

        List<Long> paged = new ArrayList<>();
        JsonNode page = client.get(query).json();
        paged.addAll(runIds(page));
        while (page.path("has_more").asBoolean()) {
            page = client.get(query + "&page_token=" + page.get("next_page_token").asText()).json();
            paged.addAll(runIds(page));
        }

        assertThat(paged).containsExactlyElementsOf(jobRuns);
        assertThat(runIds(client.get(query + "&completed_only=true").json())).containsExactly(jobRuns.get(6));
        assertThat(runIds(client.get(query + "&active_only=true").json())).hasSize(3)
                .doesNotContain(jobRuns.get(6));
    }

    @Test
    void aRunWhoseListingIsDelayedAppearsLaterWithItsOriginalStartTime() {
        long late = client.submitNotebook("late", "/x");
        long started = clock.instant().toEpochMilli();
        emu.jobs().delayListing(late, Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(1));
        long visible = client.submitNotebook("visible", "/x");

        assertThat(runIds(client.get("/api/2.2/jobs/runs/list").json())).containsExactly(visible);
        assertThat(client.get("/api/2.2/jobs/runs/get?run_id=" + late).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        JsonNode later = client.get("/api/2.2/jobs/runs/list").json();
        assertThat(runIds(later)).containsExactly(visible, late);
        assertThat(later.at("/runs/1/start_time").asLong()).isEqualTo(started);
    }

    private static List<Long> runIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("runs").forEach(r -> ids.add(r.get("run_id").asLong()));
        return ids;
    }
}
