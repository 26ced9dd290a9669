package io.camelbricks.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultHeadersTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void runIdsAndStatesBecomeHeaders() throws Exception {
        Message message = copy("{\"run_id\":7,\"job_id\":3,\"state\":{\"life_cycle_state\":\"TERMINATED\","
                + "\"result_state\":\"SUCCESS\"},\"status\":{\"state\":\"TERMINATED\"}}");

        assertThat(message.getHeader(DatabricksConstants.RUN_ID)).isEqualTo(7L);
        assertThat(message.getHeader(DatabricksConstants.JOB_ID)).isEqualTo(3L);
        assertThat(message.getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
        assertThat(message.getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(message.getHeader(DatabricksConstants.STATE)).isEqualTo("TERMINATED");
    }

    @Test
    void aClusterStateIsThePlainState() throws Exception {
        Message message = copy("{\"cluster_id\":\"0101-abc\",\"state\":\"RUNNING\"}");

        assertThat(message.getHeader(DatabricksConstants.CLUSTER_ID)).isEqualTo("0101-abc");
        assertThat(message.getHeader(DatabricksConstants.STATE)).isEqualTo("RUNNING");
        assertThat(message.getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isNull();
    }

    @Test
    void aRunsMessageTerminationAndPageUrlBecomeHeaders() throws Exception {
        Message message = copy("{\"run_id\":7,\"run_page_url\":\"https://h/#job/3/run/7\",\"state\":{"
                + "\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"FAILED\",\"state_message\":\"boom\"},"
                + "\"status\":{\"state\":\"TERMINATED\",\"termination_details\":{\"code\":\"RUN_EXECUTION_ERROR\","
                + "\"type\":\"CLIENT_ERROR\",\"message\":\"other\"}}}");

        assertThat(message.getHeader(DatabricksConstants.STATE_MESSAGE)).isEqualTo("boom");
        assertThat(message.getHeader(DatabricksConstants.TERMINATION_CODE)).isEqualTo("RUN_EXECUTION_ERROR");
        assertThat(message.getHeader(DatabricksConstants.TERMINATION_TYPE)).isEqualTo("CLIENT_ERROR");
        assertThat(message.getHeader(DatabricksConstants.RUN_PAGE_URL)).isEqualTo("https://h/#job/3/run/7");
    }

    @Test
    void aClustersTerminationReasonAndAStatementsErrorBecomeHeaders() throws Exception {
        Message cluster = copy("{\"cluster_id\":\"c\",\"state\":\"TERMINATED\",\"state_message\":\"idle\","
                + "\"termination_reason\":{\"code\":\"INACTIVITY\",\"type\":\"SUCCESS\"}}");
        Message statement = copy("{\"statement_id\":\"s\",\"status\":{\"state\":\"FAILED\",\"error\":{"
                + "\"message\":\"Table not found\"}}}");

        assertThat(cluster.getHeader(DatabricksConstants.STATE_MESSAGE)).isEqualTo("idle");
        assertThat(cluster.getHeader(DatabricksConstants.TERMINATION_CODE)).isEqualTo("INACTIVITY");
        assertThat(statement.getHeader(DatabricksConstants.STATE)).isEqualTo("FAILED");
        assertThat(statement.getHeader(DatabricksConstants.STATE_MESSAGE)).isEqualTo("Table not found");
        assertThat(statement.getHeader(DatabricksConstants.STATEMENT_ID)).isEqualTo("s");
    }

    @Test
    void itemKeysPreferKnownIds() throws Exception {
        ItemKey keys = new ItemKey(null, null);
        assertThat(keys.of(json("{\"name\":\"x\",\"job_id\":5}"))).isEqualTo("job_id=5");
        assertThat(keys.of(json("{\"display\":\"x\",\"widget_id\":\"w\"}"))).isEqualTo("widget_id=w");
        assertThat(keys.of(json("{\"display\":\"x\"}"))).startsWith("sha256=");
        assertThat(new ItemKey("settings.name", null).of(json("{\"job_id\":5,\"settings\":{\"name\":\"n\"}}")))
                .isEqualTo("settings.name=n");
    }

    private Message copy(String text) throws Exception {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        ResultHeaders.copy(json(text), message);
        return message;
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}
