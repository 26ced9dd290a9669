package io.camelbricks.camel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a request comes from: the body in each accepted form, request-field options of the URI, and
 * {@code CamelDatabricks.<field>} headers (headers win over URI options, which win over the body); and what a body
 * that cannot be a request does: fail with the field, the type and the source, before anything is sent.
 */
class RequestSourcesTest extends EmulatorTestSupport {
    private static final String JSON = "{\"run_name\":\"%s\",\"tasks\":[{\"task_key\":\"main\","
            + "\"notebook_task\":{\"notebook_path\":\"/Workspace/Shared/x\"}}]}";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("databricks:jobs/submit?" + connection());
                from("direct:getRun").to("databricks:jobs/getRun?" + connection());
            }
        };
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("typed request", new SubmitRun().setRunName("typed request").setTasks(List.of(
                        new SubmitTask().setTaskKey("main").setNotebookTask(
                                new NotebookTask().setNotebookPath("/Workspace/Shared/x"))))),
                Arguments.of("map, snake_case", Map.of("run_name", "map, snake_case", "tasks", List.of(Map.of(
                        "task_key", "main", "notebook_task", Map.of("notebook_path", "/Workspace/Shared/x"))))),
                Arguments.of("map, camelCase", Map.of("runName", "map, camelCase", "tasks", List.of(Map.of(
                        "task_key", "main", "notebook_task", Map.of("notebook_path", "/Workspace/Shared/x"))))),
                Arguments.of("json string", String.format(JSON, "json string")),
                Arguments.of("json bytes", String.format(JSON, "json bytes").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("json stream", new ByteArrayInputStream(
                        String.format(JSON, "json stream").getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void everyBodyFormBecomesTheRequest(String runName, Object body) {
        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(body));

        assertThat(out.getException()).isNull();
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().run(runId).orElseThrow().get("run_name").asText()).isEqualTo(runName);
    }

    @Test
    void headerWinsOverUriOptionWhichWinsOverBody() throws Exception {
        long fromBody = emulator().jobs().submitRun(EmulatorRequests.notebookRun("from-body"));
        long fromUri = emulator().jobs().submitRun(EmulatorRequests.notebookRun("from-uri"));
        long fromHeader = emulator().jobs().submitRun(EmulatorRequests.notebookRun("from-header"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getRunByUri").to("databricks:jobs/getRun?runId=" + fromUri + "&" + connection());
            }
        });

        Exchange uriOverBody = template.request("direct:getRunByUri",
                e -> e.getMessage().setBody(Map.of("run_id", fromBody)));
        Exchange headerOverUri = template.request("direct:getRunByUri", e -> {
            e.getMessage().setBody(Map.of("run_id", fromBody));
            e.getMessage().setHeader("CamelDatabricks.run_id", fromHeader);
        });

        assertThat(uriOverBody.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(fromUri);
        assertThat(headerOverUri.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(fromHeader);
    }

    @Test
    void bodiesThatCannotBeTheRequestFailBeforeAnythingIsSent() {
        long before = emulator().requests().count();

        Exchange array = template.request("direct:submit", e -> e.getMessage().setBody("[1,2]"));
        Exchange notJson = template.request("direct:submit", e -> e.getMessage().setBody("{\"run_name\": "));
        Exchange number = template.request("direct:submit", e -> e.getMessage().setBody(42));
        Exchange wrongType = template.request("direct:getRun", e -> e.getMessage().setBody(Map.of("run_id", "abc")));
        Exchange unknownHeader = template.request("direct:getRun",
                e -> e.getMessage().setHeader("CamelDatabricks.runIdd", 1L));

        assertThat(array.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a SubmitRun, a Map or a JSON object").hasMessageContaining("ARRAY");
        assertThat(notJson.getException()).hasMessageContaining("is not valid JSON for SubmitRun");
        assertThat(number.getException()).hasMessageContaining("must be a SubmitRun")
                .hasMessageContaining("java.lang.Integer");
        assertThat(wrongType.getException()).hasMessageContaining("field run_id expects Long")
                .hasMessageContaining("\"abc\"").hasMessageContaining("from the body");
        assertThat(unknownHeader.getException()).hasMessageContaining("Header CamelDatabricks.runIdd names no request"
                + " field of databricks:jobs/getRun (did you mean run_id");
        assertThat(emulator().requests().count()).as("requests sent").isEqualTo(before);
    }
}
