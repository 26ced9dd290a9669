package io.camelbricks.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.error.PermissionDenied;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The token never shows where Camel or the client report things: sanitised endpoint URIs, route models and
 * processors, exception messages and stack traces, exchange headers, the component's JSON, the log (Camel's lines,
 * the component's, and the client's DEBUG wire log, which the surefire configuration writes to
 * {@code target/it-test.log}).
 *
 * <p>Only the raw endpoint URI ({@link Endpoint#getEndpointUri()}) and what Camel copies of it (the
 * {@code CamelToEndpoint} exchange property) hold a token written on the URI; a token set on the component appears
 * nowhere at all.
 */
class SecretsIT extends CamelContextSupport {
    /** Personal access tokens as the emulator makes them (and as Databricks does): dapi + hex. */
    private static final Pattern ANY_TOKEN = Pattern.compile("dapi[0-9a-f]{16,}");
    private static final String WRONG_TOKEN = "dapi" + "5ec4e7".repeat(6);

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;
    private String token;

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        token = emulator.token();
        assertThat(token).matches(ANY_TOKEN);
    }

    @Test
    void secretsNeverLeak() throws Exception {
        String url = emulator.url();
        emulator.jobs().createJob("it-secret-job"); // before the consumer's first poll, which comes at once
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").routeId("submit")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&host=RAW(" + url + ")&token=RAW("
                                + token + ")");
                from("direct:getRun").routeId("getRun")
                        .to("databricks:jobs/getRun?host=" + url + "&token=" + token);
                from("direct:denied").routeId("denied")
                        .to("databricks:jobs/getRun?runId=1&host=" + url + "&token=" + WRONG_TOKEN);
                from("databricks:jobs/list?initialDelay=0&delay=3600000&host=RAW(" + url + ")&token=RAW(" + token
                        + ")").routeId("jobs").to("mock:jobs");
            }
        });
        List<String> leaks = new ArrayList<>();
        MockEndpoint polled = context.getEndpoint("mock:jobs", MockEndpoint.class);
        polled.expectedMessageCount(1);

        // traffic, with failures of every kind
        Exchange ok = template.request("direct:submit", e -> e.getMessage().setBody(Workspace.notebookRun("it-secret")));
        emulator.jobs().internalErrorOnNextRun("Cluster failed to start");
        Exchange waitFailed = template.request("direct:submit",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-secret-broken")));
        Exchange missing = template.request("direct:getRun", e -> e.getMessage().setHeader("CamelDatabricks.runId", 42L));
        Exchange denied = template.request("direct:denied", e -> e.getMessage().setBody(null));
        Exchange badValue = template.request("direct:getRun",
                e -> e.getMessage().setHeader("CamelDatabricks.runId", "not-a-number"));
        assertThat(ok.getException()).isNull();
        assertThat(waitFailed.getException()).isNotNull();
        assertThat(missing.getException()).isNotNull();
        assertThat(denied.getException()).hasRootCauseInstanceOf(PermissionDenied.class);
        polled.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30)); // the consumer polled (and logged) too
        assertThat(badValue.getException()).isInstanceOf(IllegalArgumentException.class);

        // endpoints as Camel reports them
        List<Endpoint> endpoints = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("databricks:")).toList();
        assertThat(endpoints).hasSize(4);
        for (Endpoint endpoint : endpoints) {
            assertThat(endpoint.getEndpointUri()).as("the raw URI holds the token as written")
                    .containsAnyOf(token, WRONG_TOKEN);
            check(leaks, "endpoint toString", endpoint.toString());
            check(leaks, "sanitizeUri(endpoint uri)", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            check(leaks, "endpoint base uri", endpoint.getEndpointBaseUri());
        }
        // routes: runtime objects, their processors and the route model
        for (Route route : context.getRoutes()) {
            check(leaks, "route " + route.getId(), route.toString());
            check(leaks, "route endpoint " + route.getId(), route.getEndpoint().toString());
            check(leaks, "route consumer " + route.getId(), String.valueOf(route.getConsumer()));
            check(leaks, "route description " + route.getId(), route.getDescription());
            checkProcessors(leaks, route.getId(), route.navigate());
        }
        // The route model: Camel sanitises the nodes' labels (To[...]); the input (From[...], and so
        // RouteDefinition.toString()) is Camel's own raw text of the route as written, like getEndpointUri(). To
        // keep a token out of the model too, use a property placeholder or the component (see the tests below).
        for (RouteDefinition definition : ((ModelCamelContext) context).getRouteDefinitions()) {
            definition.getOutputs().forEach(out -> check(leaks, "route model node " + definition.getId(), out.toString()));
        }
        // exceptions, messages and whole stack traces
        for (Exchange out : List.of(waitFailed, missing, denied, badValue)) {
            check(leaks, "exception of " + out.getFromRouteId(), stackTrace(out.getException()));
        }
        // exchange headers (the message is what a route logs or passes on)
        for (Exchange out : List.of(ok, waitFailed, missing, denied, badValue)) {
            for (Map.Entry<String, Object> header : out.getMessage().getHeaders().entrySet()) {
                check(leaks, "header " + header.getKey() + " of " + out.getFromRouteId(), String.valueOf(header.getValue()));
            }
            for (Map.Entry<String, Object> property : out.getProperties().entrySet()) {
                if (!property.getKey().equals(Exchange.TO_ENDPOINT)) { // Camel's copy of the raw URI
                    check(leaks, "property " + property.getKey(), String.valueOf(property.getValue()));
                }
            }
        }
        assertThat(denied.getMessage().getHeaders()).containsEntry(DatabricksConstants.STATUS_CODE, 403);
        // a route that fails to start with a token in its URI
        CamelContext broken = new DefaultCamelContext();
        try (broken) {
            assertThatThrownBy(() -> {
                broken.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:typo").to("databricks:jobs/getRun?runIdd=1&host=RAW(" + url + ")&token=RAW("
                                + token + ")");
                        from("direct:typo2").to("databricks:jobs/sumbit?token=" + token);
                    }
                });
                broken.start();
            }).satisfies(e -> check(leaks, "startup failure", stackTrace(e)));
        }

        // the component declares the option secret, so Camel's tooling masks it too
        JsonNode json = new ObjectMapper().readTree(
                ((CatalogCamelContext) context).getComponentParameterJsonSchema("databricks"));
        assertThat(json.at("/componentProperties/token/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/token/secret").asBoolean()).isTrue();

        // the client alone: its configuration and its errors
        DatabricksConfig config = new DatabricksConfig().setHost(url).setToken(token);
        check(leaks, "DatabricksConfig", config.toString());
        try (WorkspaceClient denying = new WorkspaceClient(new DatabricksConfig().setHost(url).setToken(WRONG_TOKEN))) {
            assertThatThrownBy(() -> denying.jobs().getRun(new JobsGetRunRequest().setRunId(1L)))
                    .isInstanceOf(PermissionDenied.class)
                    .satisfies(e -> check(leaks, "client exception", stackTrace(e)));
            check(leaks, "DatabricksConfig of a client", denying.config().toString());
        }

        // the log: Camel's lines, the component's and the client's DEBUG wire log, all in one file
        String log = logFile();
        assertThat(log).contains("> POST /api/2.2/jobs/runs/submit")
                .contains("> GET /api/2.2/jobs/runs/get?run_id=")
                .contains("< HTTP/1.1 403")
                .contains("Authorization: **REDACTED**");
        check(leaks, "log file " + System.getProperty("it.log.file"), log);
        assertThat(ANY_TOKEN.matcher(log).results().map(r -> r.group()).distinct().toList())
                .as("no token of any emulator (or wrong token) of this JVM in the log").isEmpty();

        assertThat(leaks).as("places where a token showed").isEmpty();
    }

    @Test
    void tokenSetOnTheComponentAppearsNowhereNotEvenInTheRawEndpointUri() throws Exception {
        context = new DefaultCamelContext();
        DatabricksComponent databricks = context.getComponent("databricks", DatabricksComponent.class);
        databricks.getConfiguration().setHost(emulator.url());
        databricks.getConfiguration().setToken(token);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10");
            }
        });
        context.start();
        template = context.createProducerTemplate();

        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody(Workspace.notebookRun("it-component")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        List<String> leaks = new ArrayList<>();
        context.getEndpoints().forEach(e -> check(leaks, "raw endpoint uri", e.getEndpointUri()));
        out.getProperties().forEach((k, v) -> check(leaks, "property " + k, String.valueOf(v)));
        out.getMessage().getHeaders().forEach((k, v) -> check(leaks, "header " + k, String.valueOf(v)));
        check(leaks, "log file", logFile());
        assertThat(leaks).isEmpty();
    }

    @Test
    void tokenFromAPropertyPlaceholderStaysOutOfTheRouteModel() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("databricks.token", token);
        context.getPropertiesComponent().addInitialProperty("databricks.host", emulator.url());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/list?initialDelay=0&delay=3600000&host={{databricks.host}}"
                        + "&token={{databricks.token}}").routeId("jobs").to("mock:jobs");
            }
        });
        emulator.jobs().createJob("it-placeholder-job"); // before the first poll, which comes at once
        MockEndpoint jobs = context.getEndpoint("mock:jobs", MockEndpoint.class);
        jobs.expectedMessageCount(1);
        context.start();

        jobs.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));

        List<String> leaks = new ArrayList<>();
        for (RouteDefinition definition : ((ModelCamelContext) context).getRouteDefinitions()) {
            check(leaks, "route definition", definition.toString());
        }
        context.getRoutes().forEach(route -> check(leaks, "route endpoint", route.getEndpoint().toString()));
        check(leaks, "log file", logFile());
        assertThat(leaks).isEmpty();
    }

    private void checkProcessors(List<String> leaks, String routeId, Navigate<Processor> navigate) {
        if (navigate == null || !navigate.hasNext()) {
            return;
        }
        for (Processor processor : navigate.next()) {
            check(leaks, "processor of route " + routeId, processor.toString());
            if (processor instanceof Navigate<?> nested) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> children = (Navigate<Processor>) nested;
                checkProcessors(leaks, routeId, children);
            }
        }
    }

    private void check(List<String> leaks, String where, String text) {
        if (text == null) {
            return;
        }
        for (String secret : List.of(token, WRONG_TOKEN)) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                leaks.add(where + ": ..." + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40))
                        .replace(secret, "<" + (secret.equals(token) ? "TOKEN" : "WRONG_TOKEN") + ">") + "...");
            }
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String logFile() throws IOException {
        String file = System.getProperty("it.log.file");
        if (file == null) {
            fail("system property it.log.file is not set: run through Maven (surefire configures the SLF4J log file)");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
