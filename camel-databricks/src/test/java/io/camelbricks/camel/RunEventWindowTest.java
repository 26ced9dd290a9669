package io.camelbricks.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the next run-events poll starts, and when a poll's window may be committed. */
class RunEventWindowTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aWindowListedToTheEndMovesToTheNewestStartWhenEveryRunIsFinal() {
        RunEventWindow window = new RunEventWindow(1_000, 700);
        window.listed(1_500, false);
        window.listed(900, false);
        window.listedToTheEnd();

        assertThat(window.nextCursor()).isEqualTo(1_500);
    }

    @Test
    void theCursorStopsAtTheOldestRunInProgressOrWithAFailedEventEvenBehindItself() {
        RunEventWindow running = new RunEventWindow(1_000, 700);
        running.listed(1_500, true);
        running.listed(1_200, false);
        running.listedToTheEnd();
        assertThat(running.nextCursor()).isEqualTo(1_500);

        RunEventWindow failed = new RunEventWindow(1_000, 700);
        failed.listed(1_500, false);
        failed.listed(800, false);
        failed.listedToTheEnd();
        failed.handedOver();
        failed.exchangeDone(800, true);
        assertThat(failed.nextCursor()).as("a late run in the overlap whose event failed").isEqualTo(800);
    }

    @Test
    void aListingCutShortNeverAdvancesTheCursor() {
        RunEventWindow window = new RunEventWindow(1_000, 700);
        window.listed(5_000, false);

        assertThat(window.nextCursor()).isEqualTo(1_000);
        window.hold(900);
        assertThat(window.nextCursor()).isEqualTo(900);
    }

    @Test
    void nothingListedKeepsTheCursor() {
        RunEventWindow window = new RunEventWindow(1_000, 700);
        window.listedToTheEnd();

        assertThat(window.nextCursor()).isEqualTo(1_000);
    }

    @Test
    void theWindowSettlesOnceClosedAndEveryExchangeCompletedWhateverTheOrder() {
        RunEventWindow window = new RunEventWindow(1_000, 700);
        window.handedOver();
        window.handedOver();
        assertThat(window.exchangeDone(1_100, false)).isFalse();
        assertThat(window.close()).as("one exchange still in flight").isFalse();
        assertThat(window.exchangeDone(1_200, false)).isTrue();
        assertThat(window.isSettled()).isTrue();
        assertThat(window.close()).as("settles once").isFalse();
    }

    @Test
    void aRunIsInProgressUnlessItsLifeCycleStateIsFinal() throws Exception {
        for (String state : new String[] {"QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED"}) {
            assertThat(RunEventWindow.inProgress(run("{\"state\":{\"life_cycle_state\":\"" + state + "\"}}")))
                    .as(state).isTrue();
        }
        for (String state : new String[] {"TERMINATED", "SKIPPED", "INTERNAL_ERROR"}) {
            assertThat(RunEventWindow.inProgress(run("{\"state\":{\"life_cycle_state\":\"" + state + "\"}}")))
                    .as(state).isFalse();
        }
        assertThat(RunEventWindow.inProgress(run("{\"status\":{\"state\":\"TERMINATED\"}}"))).isFalse();
        assertThat(RunEventWindow.inProgress(run("{}"))).as("no state: may still change").isTrue();
        assertThat(new RunEventWindow(1_000, 700).startOf(run("{}"))).as("no start_time: the cursor").isEqualTo(1_000);
    }

    private static com.fasterxml.jackson.databind.JsonNode run(String json) throws Exception {
        return MAPPER.readTree(json);
    }
}
