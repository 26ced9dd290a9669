package io.camelbricks.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;

class WirePathTest {
    private final ObjectMapper mapper = JsonMapper.shared();

    private Run run(String json) throws Exception {
        return mapper.readValue(json, Run.class);
    }

    /** What the same path of the model's JSON tree gives: the reference the reader must match. */
    private String fromTree(Object model, String dotted) {
        JsonNode node = mapper.valueToTree(model);
        for (String name : dotted.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    @Test
    void readsAnOpenEnumANumberAndAStringThroughTheGettersAsTheJsonWouldGiveThem() throws Exception {
        Run run = run("{\"run_id\":12,\"state\":{\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"SUCCESS\","
                + "\"state_message\":\"done\",\"user_cancelled_or_timedout\":false}}");

        for (String path : List.of("state.life_cycle_state", "state.result_state", "state.state_message", "run_id",
                "state.user_cancelled_or_timedout")) {
            assertThat(WirePath.of(mapper, path).textIn(run)).as(path).isEqualTo(fromTree(run, path)).isNotNull();
        }
        assertThat(WirePath.of(mapper, "state.life_cycle_state").textIn(run)).isEqualTo("TERMINATED");
        assertThat(WirePath.of(mapper, "run_id").textIn(run)).isEqualTo("12");
    }

    @Test
    void aStateTheClientDoesNotKnowYetIsReadAsSent() throws Exception {
        Run run = run("{\"state\":{\"life_cycle_state\":\"HIBERNATING\"}}");

        assertThat(WirePath.of(mapper, "state.life_cycle_state").textIn(run)).isEqualTo("HIBERNATING");
    }

    @Test
    void missingFieldsObjectsAndArraysReadAsNull() throws Exception {
        Run run = run("{\"run_id\":12,\"tasks\":[{\"task_key\":\"a\"}]}");

        assertThat(WirePath.of(mapper, "state.life_cycle_state").textIn(run)).isNull();
        assertThat(WirePath.of(mapper, "state").textIn(run)).isNull();
        assertThat(WirePath.of(mapper, "tasks").textIn(run)).isNull();
    }

    @Test
    void aFieldTheModelKeepsAsUnknownIsReadFromItsJson() throws Exception {
        Run run = run("{\"state\":{\"life_cycle_state\":\"RUNNING\",\"phase\":{\"name\":\"warming\"}},\"extra\":7}");

        assertThat(WirePath.of(mapper, "state.phase.name").textIn(run)).isEqualTo("warming");
        assertThat(WirePath.of(mapper, "extra").textIn(run)).isEqualTo("7");
    }

    @Test
    void valueInGivesWhatTheGetterReturnsOrTheJsonOfAnUnknownField() throws Exception {
        Run run = run("{\"run_id\":12,\"state\":{\"life_cycle_state\":\"RUNNING\"},\"extra\":{\"a\":1}}");

        assertThat(WirePath.of(mapper, "run_id").valueIn(run)).isEqualTo(12L);
        assertThat(WirePath.of(mapper, "state.life_cycle_state").valueIn(run))
                .isEqualTo(RunLifeCycleState.RUNNING);
        assertThat(WirePath.of(mapper, "extra.a").valueIn(run)).isInstanceOf(JsonNode.class)
                .hasToString("1");
        assertThat(WirePath.of(mapper, "state.result_state").valueIn(run)).isNull();
    }

    @Test
    void mapsAndTreesAreReadByKey() {
        assertThat(WirePath.of(mapper, "status.state").textIn(Map.of("status", Map.of("state", "READY"))))
                .isEqualTo("READY");
        assertThat(WirePath.of(mapper, "status.state").textIn(mapper.createObjectNode().set("status",
                mapper.createObjectNode().put("state", "READY")))).isEqualTo("READY");
    }

    @Test
    void aMalformedPathIsRefusedNamingIt() {
        for (String bad : new String[] {"", ".state", "state.", "state..x"}) {
            assertThatThrownBy(() -> WirePath.of(mapper, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("wire names joined by dots");
        }
    }
}
