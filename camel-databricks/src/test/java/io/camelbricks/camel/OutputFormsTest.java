package io.camelbricks.camel;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.wire.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms of a response body: typed (default), {@code outputType=map}, {@code outputType=json}; lists as a
 * {@code List} of every item or, with {@code lazyList=true}, a lazy {@code Iterator} that the splitter walks and
 * that holds no connection between pages.
 */
class OutputFormsTest extends EmulatorTestSupport {
    private long runId;

    @BeforeEach
    void seed() {
        emulator().reset();
        emulator().jobs().createJobs(5);
        runId = emulator().jobs().submitRun(EmulatorRequests.notebookRun("forms"));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:typed").to("databricks:jobs/getRun?" + connection());
                from("direct:map").to("databricks:jobs/getRun?outputType=map&" + connection());
                from("direct:json").to("databricks:jobs/getRun?outputType=json&" + connection());
                from("direct:list").to("databricks:jobs/list?limit=2&" + connection());
                from("direct:listOfMaps").to("databricks:jobs/list?limit=2&outputType=map&" + connection());
                from("direct:listOfJson").to("databricks:jobs/list?limit=2&outputType=json&" + connection());
                from("direct:lazy").to("databricks:jobs/list?limit=2&lazyList=true&outputType=map&" + connection())
                        .split(body()).to("mock:item");
                // one pooled connection only: a listing that kept its connection would block every later call
                from("direct:lazyOneConnection")
                        .to("databricks:jobs/list?limit=1&lazyList=true&maxConnectionsPerPool=1&" + connection());
                from("direct:getRunOneConnection")
                        .to("databricks:jobs/getRun?maxConnectionsPerPool=1&" + connection());
            }
        };
    }

    @Test
    void typedMapAndJsonBodiesOfOneResponse() throws Exception {
        Exchange typed = template.request("direct:typed", e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));
        Exchange map = template.request("direct:map", e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));
        Exchange json = template.request("direct:json", e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));

        assertThat(typed.getMessage().getBody()).isInstanceOf(Run.class);
        assertThat(typed.getMessage().getBody(Run.class).getRunId()).isEqualTo(runId);
        assertThat(map.getMessage().getBody()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) map.getMessage().getBody()).get("run_id")).isEqualTo(runId);
        assertThat(((Map<?, ?>) ((Map<?, ?>) map.getMessage().getBody()).get("state")).get("life_cycle_state"))
                .isEqualTo("RUNNING"); // the second look at the run (emulated runs move on when looked at)
        assertThat(json.getMessage().getBody()).isInstanceOf(String.class);
        JsonNode tree = JsonMapper.create().readTree(json.getMessage().getBody(String.class));
        assertThat(tree.get("run_id").asLong()).isEqualTo(runId);
        for (Exchange out : List.of(typed, map, json)) {
            assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
            assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_PAGE_URL, String.class))
                    .endsWith("/run/" + runId);
        }
    }

    @Test
    void listsHoldEveryItemOfEveryPageInTheChosenForm() {
        List<?> typed = template.requestBody("direct:list", (Object) null, List.class);
        List<?> maps = template.requestBody("direct:listOfMaps", (Object) null, List.class);
        List<?> json = template.requestBody("direct:listOfJson", (Object) null, List.class);

        assertThat(typed).hasSize(5).allMatch(BaseJob.class::isInstance);
        assertThat(maps).hasSize(5).allMatch(item -> item instanceof Map<?, ?> m && m.containsKey("job_id"));
        assertThat(json).hasSize(5).allMatch(item -> item instanceof String s && s.contains("\"job_id\""));
        assertThat(emulator().requests().count("GET", "/jobs/list")).as("3 pages per listing").isEqualTo(9);
    }

    @Test
    void aLazyListIsAnIteratorTheSplitterWalksPageByPage() throws Exception {
        MockEndpoint items = getMockEndpoint("mock:item");
        items.expectedMessageCount(5);

        template.sendBody("direct:lazy", null);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(items.getExchanges()).allMatch(e -> e.getMessage().getBody() instanceof Map<?, ?>);
        Object body = template.requestBody("direct:lazyOneConnection", (Object) null);
        assertThat(body).isInstanceOf(Iterator.class);
    }

    @Test
    void anAbandonedLazyListHoldsNoConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            Iterator<?> listing = template.requestBody("direct:lazyOneConnection", (Object) null, Iterator.class);
            assertThat(listing.next()).as("first page fetched").isNotNull();
            // abandoned after one page of five: its page was read to the end, its connection went back to the pool
        }
        Exchange out = template.asyncSend("direct:getRunOneConnection",
                e -> e.getMessage().setHeader("CamelDatabricks.runId", runId)).get(10, TimeUnit.SECONDS);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Run.class).getRunId()).isEqualTo(runId);
    }
}
