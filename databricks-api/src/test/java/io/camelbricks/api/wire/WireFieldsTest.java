package io.camelbricks.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.RunState;

class WireFieldsTest {

    @Test
    void setsScalarsOfTheSettersTypesAsBindingTheirJsonWould() {
        JobsGetRunRequest direct = WireFields.set(JobsGetRunRequest.class, List.of("run_id", "include_history"),
                List.<Object>of(42L, true)).orElseThrow();
        JobsGetRunRequest bound = JsonMapper.shared().convertValue(Map.of("run_id", 42L, "include_history", true),
                JobsGetRunRequest.class);
        assertThat(JsonMapper.shared().valueToTree(direct).toString())
                .isEqualTo(JsonMapper.shared().valueToTree(bound).toString()).isEqualTo("{\"include_history\":true,\"run_id\":42}");
    }

    @Test
    void setsAnOpenEnum() {
        RunState state = WireFields.set(RunState.class, List.of("life_cycle_state"),
                List.<Object>of(RunLifeCycleState.TERMINATED)).orElseThrow();
        assertThat(state.getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
    }

    @Test
    void leavesToTheCallerWhatNeedsConvertingOrIsNotASettableScalar() {
        assertThat(WireFields.set(JobsGetRunRequest.class, List.of("run_id"), List.<Object>of("42")))
                .as("text for a number").isEmpty();
        assertThat(WireFields.set(JobsGetRunRequest.class, List.of("no_such_field"), List.<Object>of(1L)))
                .as("not a property").isEmpty();
        assertThat(WireFields.set(RunState.class, List.of("life_cycle_state"), List.<Object>of(List.of("x"))))
                .as("a list would be shared, not copied").isEmpty();
    }
}
