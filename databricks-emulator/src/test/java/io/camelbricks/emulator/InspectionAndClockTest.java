package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a test can ask the emulator afterwards, and time on the emulator's clock. */
class InspectionAndClockTest {

    @Test
    void requestsAreCountedPerOperationIdWhateverTheVersion() {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("r", "/a");           // under 2.2
            client.get("/api/2.1/jobs/runs/get?run_id=" + runId);
            client.get("/api/2.0/jobs/runs/get?run_id=" + runId);
            client.get("/api/2.0/apps/x");                           // the spec fallback
            client.get("/api/2.0/nope");                             // outside the spec

            assertThat(emu.requests().operationCounts()).isEqualTo(Map.of("jobs.Jobs.submit", 1L,
                    "jobs.Jobs.getRun", 2L, "apps.Apps.get", 1L));
            assertThat(emu.requests().countOperation("jobs.Jobs.getRun")).isEqualTo(2);
            assertThat(emu.requests().last().orElseThrow().operationId()).isNull();
            assertThat(emu.jobs().runIds()).containsExactly(runId);
            assertThat(emu.fallback().answered()).isEqualTo(Map.of("apps.Apps.get", 1L));
        }
    }

    @Test
    void aTwoHourJobCompletesAsSoonAsTheManualClockIsAdvanced() {
        ManualClock clock = new ManualClock();
        try (DatabricksEmulator emu = EmulatorOptions.builder().clock(clock)
                .timedRuns(Duration.ofMinutes(5), Duration.ofHours(2)).emulator().start()) {
            EmulatorClient client = new EmulatorClient(emu);
            long runId = client.submitNotebook("nightly", "/etl/nightly");
            assertThat(client.lifeCycle(runId)).isEqualTo("PENDING");

            clock.advance(Duration.ofMinutes(5));
            assertThat(client.lifeCycle(runId)).isEqualTo("RUNNING");
            clock.advance(Duration.ofHours(2));
            JsonNode run = client.getRun(runId);

            assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
            assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
            assertThat(run.path("end_time").asLong() - run.path("start_time").asLong())
                    .isEqualTo(Duration.ofHours(2).plusMinutes(5).toMillis());
            assertThat(emu.requests().last().orElseThrow().time()).isEqualTo(clock.instant());
        }
    }
}
