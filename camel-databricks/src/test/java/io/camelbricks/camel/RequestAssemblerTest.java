package io.camelbricks.camel;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.wire.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Headers holding values of their field's own type build the request the JSON route builds. */
class RequestAssemblerTest {
    private final ObjectMapper mapper = JsonMapper.create();

    @Test
    void typedHeaderValuesBuildTheRequestTheirJsonBuilds() {
        RequestAssembler jobsGet = assembler(JobsGetRequest.class);
        RequestAssembler getRun = assembler(JobsGetRunRequest.class);

        Map<String, Object> typed = Map.of("CamelDatabricks.jobId", 3_000_000_001L,
                "CamelDatabricks.page_token", "p2");
        Map<String, Object> asText = Map.of("CamelDatabricks.jobId", "3000000001",
                "CamelDatabricks.page_token", "p2");

        Object direct = jobsGet.assemble(message(typed), mapper, null);
        Object throughJson = jobsGet.assemble(message(asText), mapper, null);
        assertThat(direct).isInstanceOf(JobsGetRequest.class);
        assertThat(mapper.valueToTree(direct).toString()).isEqualTo(mapper.valueToTree(throughJson).toString())
                .isEqualTo("{\"job_id\":3000000001,\"page_token\":\"p2\"}");
        assertThat(mapper.valueToTree(getRun.assemble(message(Map.of("CamelDatabricks.run_id", 7L,
                "CamelDatabricks.includeHistory", true)), mapper, null)).toString())
                .isEqualTo("{\"include_history\":true,\"run_id\":7}");
        assertThat(mapper.valueToTree(jobsGet.assemble(message(Map.of()), mapper, null)).toString())
                .isEqualTo("{}");
    }

    @Test
    void aHeaderOfAnotherTypeOrNamingNoFieldStillGoesThroughTheJsonRoute() {
        RequestAssembler jobsGet = assembler(JobsGetRequest.class);

        assertThat(((JobsGetRequest) jobsGet.assemble(message(Map.of("CamelDatabricks.jobId", 42)), mapper, null))
                .getJobId()).isEqualTo(42L);
        assertThatThrownBy(() -> jobsGet.assemble(message(Map.of("CamelDatabricks.jobId", 42L,
                "CamelDatabricks.jobIdd", 1L)), mapper, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CamelDatabricks.jobIdd");
    }

    private RequestAssembler assembler(Class<?> requestType) {
        return RequestAssembler.create("jobs/test", RequestFields.of(requestType, mapper), Map.of(), null, mapper);
    }

    private static Message message(Map<String, Object> headers) {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        headers.forEach(message::setHeader);
        return message;
    }
}
