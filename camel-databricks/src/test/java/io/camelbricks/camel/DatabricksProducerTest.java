package io.camelbricks.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.api.wait.WaitTimeoutException;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.emulator.faults.FaultRule;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;

class DatabricksProducerTest extends EmulatorTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submitAndWait")
                        .to("databricks:jobs/submit?wait=true&pollInterval=20&waitTimeout=30s&" + connection());
                from("direct:submit")
                        .to("databricks:jobs/submit?" + connection());
                from("direct:getRun")
                        .to("databricks:jobs/getRun?" + connection());
                from("direct:getRunRoutedOn")
                        .to("databricks:jobs/getRun?" + connection())
                        .process(e -> e.setProperty("routedOn", Thread.currentThread()));
                from("direct:getRunThroughThePool")
                        .to("databricks:jobs/getRun?callOnRoutingThread=false&" + connection())
                        .process(e -> e.setProperty("routedOn", Thread.currentThread()));
                from("direct:listJobs")
                        .to("databricks:jobs/list?limit=2&" + connection());
                from("direct:lazyListJobs")
                        .to("databricks:jobs/list?limit=2&lazyList=true&" + connection())
                        .split(body()).to("mock:lazyItem");
                from("direct:submitAndWaitBriefly")
                        .to("databricks:jobs/submit?wait=true&pollInterval=20&waitTimeout=300ms&" + connection());
            }
        };
    }

    @Test
    void submitWithWaitEndsWithTerminatedRunInBodyAndHeaders() {
        Map<String, Object> mapBody = Map.of("run_name", "camel-map", "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/camel-map"))));
        SubmitRun typedBody = new SubmitRun().setRunName("camel-typed").setTasks(List.of(new SubmitTask()
                .setTaskKey("main").setNotebookTask(new NotebookTask().setNotebookPath("/Workspace/Shared/camel-typed"))));

        for (Object body : List.of(mapBody, typedBody)) {
            Exchange out = template.request("direct:submitAndWait", e -> e.getMessage().setBody(body));

            assertThat(out.getException()).as("exception for %s", body.getClass().getSimpleName()).isNull();
            Object run = out.getMessage().getBody();
            assertThat(run.getClass().getName()).isEqualTo("io.camelbricks.api.service.jobs.Run");
            JsonNode json = JsonMapper.create().valueToTree(run);
            assertThat(json.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
            Long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
            assertThat(runId).isNotNull().isEqualTo(json.get("run_id").asLong());
            assertThat(emulator().jobs().runIds()).contains(runId);
            assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            assertThat(out.getMessage().getHeader(DatabricksConstants.OPERATION)).isEqualTo("jobs/submit");
        }
        // the typed body the route was given is left as it was (the idempotency token went into a copy)
        assertThat(typedBody.getIdempotencyToken()).isNull();
    }

    @Test
    void fieldOptionOnUriFillsTheRequest() throws Exception {
        Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody(
                "{\"run_name\":\"by-uri\",\"tasks\":[{\"task_key\":\"main\","
                        + "\"notebook_task\":{\"notebook_path\":\"/Workspace/Shared/by-uri\"}}]}"));
        assertThat(submitted.getException()).isNull();
        long runId = submitted.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);

        RouteBuilder byUri = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getRunByUri").to("databricks:jobs/getRun?runId=" + runId + "&" + connection());
            }
        };
        context.addRoutes(byUri);
        Exchange out = template.request("direct:getRunByUri", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
        assertThat(out.getMessage().getHeader(DatabricksConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(JsonMapper.create().valueToTree(out.getMessage().getBody()).get("run_name").asText())
                .isEqualTo("by-uri");
    }

    @Test
    void headerFieldWinsOverBody() {
        long first = emulator().jobs().submitRun(submitRequest("first"));
        long second = emulator().jobs().submitRun(submitRequest("second"));

        Exchange out = template.request("direct:getRun", e -> {
            e.getMessage().setBody(Map.of("run_id", first));
            e.getMessage().setHeader("CamelDatabricks.runId", String.valueOf(second));
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(second);
    }

    @Test
    void aCallThatDoesNotWaitGoesOnOnTheRoutingThreadUnlessToldOtherwise() {
        long runId = emulator().jobs().submitRun(submitRequest("routed"));

        Exchange here = template.request("direct:getRunRoutedOn",
                e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));
        // answered late, so that the pooled call is still on the wire when the producer returns: an answer that came
        // before would let the exchange go on on the routing thread (the producer's completed-at-once path)
        emulator().faults().on("GET", "/jobs/runs/get").delay(Duration.ofMillis(200));
        Exchange pooled;
        try {
            pooled = template.request("direct:getRunThroughThePool",
                    e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));
        } finally {
            emulator().faults().clear();
        }

        for (Exchange out : List.of(here, pooled)) {
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
            assertThat(out.getMessage().getHeader(DatabricksConstants.STATUS_CODE)).isEqualTo(200);
        }
        assertThat(here.getProperty("routedOn")).isSameAs(Thread.currentThread());
        assertThat(pooled.getProperty("routedOn")).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aCallFromTheRoutingThreadIsRetriedAfterA503() {
        long runId = emulator().jobs().submitRun(submitRequest("retried"));
        FaultRule busy = emulator().faults().on("GET", "/jobs/runs/get").respond(503).once();

        Exchange out = template.request("direct:getRunRoutedOn",
                e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
        assertThat(busy.injectedCount()).isEqualTo(1);
    }

    @Test
    void unknownRunIdFailsWithStatusAndErrorCodeHeaders() {
        Exchange out = template.request("direct:getRun", e -> e.getMessage().setHeader("CamelDatabricks.run_id", 987654321L));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationException.class)
                .isInstanceOf(HttpResponseAware.class)
                .hasMessageContaining("jobs/getRun")
                .hasCauseInstanceOf(DatabricksError.class);
        assertThat(((HttpResponseAware) out.getException()).getHttpResponseCode()).isEqualTo(400);
        assertThat(out.getMessage().getHeader(DatabricksConstants.STATUS_CODE)).isEqualTo(400);
        assertThat(out.getMessage().getHeader(DatabricksConstants.ERROR_CODE)).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void badFieldValueInHeaderNamesFieldAndType() {
        Exchange out = template.request("direct:getRun", e -> e.getMessage().setHeader("CamelDatabricks.runId", "abc"));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run_id")
                .hasMessageContaining("Long")
                .hasMessageContaining("header CamelDatabricks.runId");
    }

    @Test
    void listOperationReturnsEveryItemAcrossPages() {
        emulator().reset();
        emulator().jobs().createJobs(5);

        Exchange out = template.request("direct:listJobs", e -> e.getMessage().setBody(null));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isInstanceOf(List.class);
        assertThat(out.getMessage().getBody(List.class)).hasSize(5);
    }

    @Test
    void redeliveringAnExchangeReusesItsIdempotencyToken() {
        Exchange exchange = createExchangeWithBody(submitRequestMap("redelivered"));
        template.send("direct:submit", exchange);
        long first = exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);

        exchange.getMessage().setBody(submitRequestMap("redelivered"));
        template.send("direct:submit", exchange);
        long again = exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);

        exchange.getMessage().setBody(submitRequestMap("another request"));
        template.send("direct:submit", exchange);
        long other = exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);

        assertThat(again).as("same exchange, same request: the same run").isEqualTo(first);
        assertThat(other).as("same exchange, another request: a new run").isNotEqualTo(first);
        Exchange fresh = template.request("direct:submit", e -> e.getMessage().setBody(submitRequestMap("redelivered")));
        assertThat(fresh.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class))
                .as("another exchange: a new run").isNotEqualTo(first);
    }

    @Test
    void waitEndingInAFailureStateFailsWithTheRunStateInHeaders() {
        emulator().jobs().internalErrorOnNextRun("the driver is unresponsive");

        Exchange out = template.request("direct:submitAndWait", e -> e.getMessage().setBody(submitRequestMap("broken")));

        assertThat(out.getException()).isInstanceOf(DatabricksOperationFailedException.class)
                .hasMessageContaining("INTERNAL_ERROR").hasMessageContaining("the driver is unresponsive")
                .hasCauseInstanceOf(WaitFailedException.class);
        assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("INTERNAL_ERROR");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isNotNull();
    }

    @Test
    void waitGivesUpAfterWaitTimeout() {
        emulator().jobs().scriptNextRun(RunScript.builder().pending(1_000_000).running(1).thenSucceed());

        Exchange out = template.request("direct:submitAndWaitBriefly",
                e -> e.getMessage().setBody(submitRequestMap("slow")));

        assertThat(out.getException()).isInstanceOf(WaitTimeoutException.class).hasMessageContaining("PENDING");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isNotNull();
    }

    @Test
    void lazyListIsIteratedBySplitter() throws Exception {
        emulator().reset();
        emulator().jobs().createJobs(5);
        getMockEndpoint("mock:lazyItem").expectedMessageCount(5);

        template.sendBody("direct:lazyListJobs", null);

        MockEndpoint.assertIsSatisfied(context);
    }

    private static Map<String, Object> submitRequestMap(String name) {
        return Map.of("run_name", name, "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/" + name))));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode submitRequest(String name) {
        com.fasterxml.jackson.databind.node.ObjectNode request = JsonMapper.create().createObjectNode();
        request.put("run_name", name);
        request.putArray("tasks").addObject().put("task_key", "main").putObject("notebook_task")
                .put("notebook_path", "/Workspace/Shared/" + name);
        return request;
    }
}
