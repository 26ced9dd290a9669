package io.camelbricks.camel.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.catalog.DatabricksCatalog;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;

/** Routes written with the generated Endpoint DSL, against the loopback emulator. */
class DatabricksEndpointDslTest extends CamelTestSupport {

    /** A token with characters that break a URI unless it is passed as RAW(...) or as a typed option. */
    private static final String TOKEN = "dapi+Tok&en=1/2";

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS =
            new DatabricksEmulatorExtension(EmulatorOptions.builder().token(TOKEN).build());

    static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    /** Builder methods come from our generated {@code EndpointBuilderFactory}: {@code databricks("jobs/submit")}. */
    static final class DslRoutes extends RouteBuilder implements EndpointBuilderFactory {
        @Override
        public void configure() {
            from("direct:submitAndWait")
                    .to(databricks("jobs/submit").wait(true).pollInterval(20).waitTimeout("30s")
                            .onWaitTimeout("cancel").failOnResultState("FAILED,TIMEDOUT").outputType("typed")
                            .host(emulator().url()).token(TOKEN));

            // the static builders, and a request field (run_name) set through the DSL
            from("direct:submitNamed")
                    .to(DatabricksRequestFields.with(StaticEndpointBuilders.databricks("jobs/submit")
                            .host(emulator().url()).token(TOKEN), Map.of("runName", "named-by-dsl")));

            // a consumer: each job once; a request field (page size) through the consumer form of the helper
            from(DatabricksRequestFields.withFilter(databricks("jobs/list").initialDelay(0).delay(50)
                    .host(emulator().url()).token(TOKEN), Map.of("limit", 2)))
                    .routeId("jobs").autoStartup(false) // started by the consumer test only
                    .to("mock:job");

            // the component-specific factory, as Camel's own EndpointRouteBuilder users would call it
            from("direct:getRun")
                    .to(DatabricksEndpointBuilderFactory.endpointBuilder("databricks", "jobs/getRun")
                            .host(emulator().url()).token(TOKEN));
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new DslRoutes();
    }

    @Test
    void dslRouteSubmitsARunAndWaitsUntilItTerminatesSuccessfully() {
        Exchange out = template.request("direct:submitAndWait", e -> e.getMessage().setBody(submitRequest("dsl")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(out.getMessage().getHeader(DatabricksConstants.OPERATION)).isEqualTo("jobs/submit");
        JsonNode run = JsonMapper.create().valueToTree(out.getMessage().getBody());
        assertThat(run.at("/state/life_cycle_state").asText()).isEqualTo("TERMINATED");
        assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator().jobs().lifeCycleState(runId)).hasValue("TERMINATED");
    }

    @Test
    void dslOptionsReachTheEndpointAndTheSecretIsMaskedInItsUri() {
        Endpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("databricks:") && e.getEndpointUri().contains("wait=true"))
                .findFirst().orElseThrow();
        io.camelbricks.camel.DatabricksEndpoint databricks = (io.camelbricks.camel.DatabricksEndpoint) endpoint;
        assertThat(databricks.isWait()).isTrue();
        assertThat(databricks.getPollInterval()).isEqualTo(20L);
        assertThat(databricks.getOnWaitTimeout()).isEqualTo("cancel");
        assertThat(databricks.getFailOnResultState()).isEqualTo("FAILED,TIMEDOUT");
        // the generated builder passes the secret as RAW(...); Camel masks it wherever the URI is shown
        assertThat(endpoint.getEndpointUri()).contains("token=RAW(" + TOKEN + ")");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).contains("token=xxxxxx").doesNotContain("Tok&en");
        assertThat(endpoint.toString()).doesNotContain("Tok&en");
    }

    @Test
    void requestFieldSetThroughTheDslFillsTheRequest() {
        Exchange submitted = template.request("direct:submitNamed", e -> e.getMessage().setBody(
                Map.of("tasks", List.of(Map.of("task_key", "main",
                        "notebook_task", Map.of("notebook_path", "/Workspace/Shared/named"))))));
        assertThat(submitted.getException()).isNull();
        long runId = submitted.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);

        Exchange run = template.request("direct:getRun",
                e -> e.getMessage().setHeader("CamelDatabricks.runId", runId));
        assertThat(run.getException()).isNull();
        JsonNode json = JsonMapper.create().valueToTree(run.getMessage().getBody());
        assertThat(json.get("run_name").asText()).isEqualTo("named-by-dsl");
    }

    @Test
    void dslConsumerEmitsEachJobOnce() throws Exception {
        MockEndpoint jobs = getMockEndpoint("mock:job");
        jobs.expectedMessageCount(3);

        emulator().jobs().createJobs(3);
        context.getRouteController().startRoute("jobs");

        jobs.assertIsSatisfied();
        assertThat(jobs.getExchanges()).extracting(e -> e.getMessage().getHeader(DatabricksConstants.JOB_ID))
                .doesNotHaveDuplicates();
    }

    @Test
    void aRequestFieldTheOperationDoesNotHaveFailsWhileBuildingTheRoute() {
        assertThatThrownBy(() -> DatabricksRequestFields.with(StaticEndpointBuilders.databricks("jobs/submit"),
                Map.of("runNmae", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'runNmae' is no request field of databricks:jobs/submit")
                .hasMessageContaining("runName (run_name: String)");
    }

    @Test
    void uriBuiltByTheCatalogWithTheTokenInRawWorksAgainstTheEmulator() throws Exception {
        DefaultCamelCatalog catalog = DatabricksCatalog.register(new DefaultCamelCatalog());
        String uri = DatabricksCatalog.asEndpointUri(catalog, "jobs/submit",
                Map.of("host", emulator().url(), "token", TOKEN, "wait", "true", "pollInterval", "20"));
        assertThat(uri).contains("token=RAW(" + TOKEN + ")");

        Exchange out = template.request(uri, e -> e.getMessage().setBody(submitRequest("catalog-uri")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
    }

    private static Map<String, Object> submitRequest(String name) {
        return Map.of("run_name", name, "tasks", List.of(Map.of("task_key", "main",
                "notebook_task", Map.of("notebook_path", "/Workspace/Shared/" + name))));
    }
}
