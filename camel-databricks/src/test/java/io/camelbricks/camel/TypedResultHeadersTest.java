package io.camelbricks.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.pipelines.GetPipelineResponse;
import io.camelbricks.api.service.sql.StatementResponse;
import io.camelbricks.api.wire.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers read from a typed response through its accessors are those read from its JSON. */
class TypedResultHeadersTest {
    private final ObjectMapper mapper = JsonMapper.create();
    private final ResultFields fields = new ResultFields(mapper);

    @Test
    void aTypedResponseGivesTheHeadersOfItsJson() throws Exception {
        Map<String, Class<?>> samples = new LinkedHashMap<>();
        samples.put("{\"run_id\":7,\"job_id\":3,\"run_page_url\":\"https://h/#job/3/run/7\",\"state\":{"
                + "\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"FAILED\",\"state_message\":\"boom\"},"
                + "\"status\":{\"state\":\"TERMINATED\",\"termination_details\":{\"code\":\"RUN_EXECUTION_ERROR\","
                + "\"type\":\"CLIENT_ERROR\",\"message\":\"other\"}},\"pipeline_id\":\"unknown-field\"}", Run.class);
        samples.put("{\"run_id\":8,\"state\":{\"life_cycle_state\":\"RUNNING\"}}", Run.class);
        samples.put("{\"cluster_id\":\"0101-abc\",\"state\":\"TERMINATED\",\"state_message\":\"idle\","
                + "\"termination_reason\":{\"code\":\"INACTIVITY\",\"type\":\"SUCCESS\"}}", ClusterDetails.class);
        samples.put("{\"statement_id\":\"s\",\"status\":{\"state\":\"FAILED\",\"error\":{"
                + "\"message\":\"Table not found\"}}}", StatementResponse.class);
        samples.put("{\"pipeline_id\":\"p-1\",\"state\":\"RUNNING\",\"cause\":\"x\"}", GetPipelineResponse.class);
        samples.put("{\"job_id\":3000000001,\"settings\":{\"name\":\"n\"},\"run_id\":\"text, not a number\"}",
                Job.class);

        for (Map.Entry<String, Class<?>> sample : samples.entrySet()) {
            Object typed = mapper.readValue(sample.getKey(), sample.getValue());
            Message fromJson = message();
            ResultHeaders.copy(mapper.valueToTree(typed), fromJson);
            Message fromTyped = message();
            ResultHeaders.copy(fields, typed, fromTyped);

            assertThat(fromTyped.getHeaders()).as(sample.getValue().getSimpleName() + " " + sample.getKey())
                    .isNotEmpty().isEqualTo(fromJson.getHeaders());
        }
    }

    @Test
    void aMapOrATreeGivesTheHeadersOfItsJson() throws Exception {
        Map<String, Object> map = Map.of("run_id", 7, "state", Map.of("life_cycle_state", "PENDING"),
                "cluster_id", 42, "tasks", List.of(Map.of("run_id", 9)));
        Message fromJson = message();
        ResultHeaders.copy(mapper.valueToTree(map), fromJson);
        Message fromMap = message();
        ResultHeaders.copy(fields, map, fromMap);
        Message fromTree = message();
        ResultHeaders.copy(fields, mapper.valueToTree(map), fromTree);

        assertThat(fromMap.getHeaders()).isEqualTo(fromJson.getHeaders()).isEqualTo(fromTree.getHeaders())
                .containsEntry(DatabricksConstants.RUN_ID, 7L).containsEntry(DatabricksConstants.CLUSTER_ID, "42")
                .containsEntry(DatabricksConstants.LIFE_CYCLE_STATE, "PENDING");
    }

    @Test
    void aDottedPathReadsNestedFieldsAndUnknownOnes() throws Exception {
        Run run = mapper.readValue("{\"run_id\":7,\"state\":{\"life_cycle_state\":\"TERMINATED\"},"
                + "\"extra\":{\"inner\":true}}", Run.class);

        assertThat(fields.at(run, "state.life_cycle_state")).isEqualTo("TERMINATED");
        assertThat(fields.at(run, "extra.inner")).isEqualTo(Boolean.TRUE);
        assertThat(fields.at(run, "state")).as("an object is not a scalar").isNull();
        assertThat(fields.at(run, "state.nothing.deeper")).isNull();
    }

    @Test
    void aGeneratedModelIsReadThroughItsGettersWithoutWritingItAsJson() throws Exception {
        AtomicInteger treesWritten = new AtomicInteger();
        ObjectMapper counting = new ObjectMapper() {
            @Override
            public <T extends JsonNode> T valueToTree(Object fromValue) {
                treesWritten.incrementAndGet();
                return super.valueToTree(fromValue);
            }
        };
        ResultFields reading = new ResultFields(counting);
        Job job = mapper.readValue("{\"job_id\":12,\"settings\":{\"name\":\"nightly\"},\"creator_user_name\":\"a\"}",
                Job.class);
        Run run = mapper.readValue("{\"run_id\":7,\"state\":{\"life_cycle_state\":\"TERMINATED\"},"
                + "\"extra\":{\"inner\":true}}", Run.class);

        assertThat(reading.at(job, "job_id")).isEqualTo(12L);
        assertThat(reading.at(job, "settings.name")).isEqualTo("nightly");
        assertThat(reading.at(run, "state.life_cycle_state")).isEqualTo("TERMINATED");
        assertThat(reading.at(run, "extra.inner")).isEqualTo(Boolean.TRUE);
        assertThat(treesWritten).as("models written into JSON trees to read a field").hasValue(0);
    }

    private static Message message() {
        return new DefaultExchange(new DefaultCamelContext()).getMessage();
    }
}
