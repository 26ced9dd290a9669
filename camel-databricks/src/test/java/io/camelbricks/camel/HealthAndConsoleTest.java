package io.camelbricks.camel;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operational tooling: the consumer health check (Camel's, fed by the component's failures), the producer health
 * check (registered by the component) and the {@code databricks} dev console. None of them ever shows a secret.
 */
class HealthAndConsoleTest extends EmulatorTestSupport {
    private String closedPortUrl;

    /** What camel-main does with camel.health.enabled=true and camel.health.producersEnabled=true. */
    @BeforeEach
    void healthChecksOn() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setEnabled(true);
        registry.register(registry.resolveById("consumers"));
        registry.register(registry.resolveById("producers"));
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
    }

    @BeforeEach
    void closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void consumerHealthCheckReportsRejectedCredentialsWithTheHttpStatus() throws Exception {
        addRoute("databricks:jobs/list?startScheduler=false&host=RAW(" + emulator().url()
                + ")&token=dapiWRONG0123456789", "denied");

        HealthCheck.Result result = consumerCheck("denied");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);
        assertThat(result.getError()).get().asString().contains("PERMISSION_DENIED").doesNotContain("dapiWRONG");
    }

    @Test
    void consumerHealthCheckReportsAnUnreachableWorkspace() throws Exception {
        addRoute("databricks:jobs/list?startScheduler=false&disableRetries=true&host=RAW(" + closedPortUrl
                + ")&token=dapiSECRET0123456789", "unreachable");

        HealthCheck.Result result = consumerCheck("unreachable");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getError()).isPresent();
        assertThat(String.valueOf(result.getMessage().orElse("")) + result.getError().get())
                .doesNotContain("dapiSECRET");
    }

    @Test
    void consumerHealthCheckIsUpAfterASuccessfulPoll() throws Exception {
        addRoute("databricks:jobs/list?startScheduler=false&" + connection(), "fine");

        assertThat(consumerCheck("fine").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void producerHealthCheckIsUpWhenDatabricksAnswersAndDownOnBadCredentialsOrNoAnswer() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").to("databricks:jobs/list?" + connection());
                from("direct:denied").to("databricks:jobs/get?host=RAW(" + emulator().url()
                        + ")&token=dapiWRONG0123456789");
                from("direct:unreachable").to("databricks:jobs/list?disableRetries=true&host=RAW(" + closedPortUrl
                        + ")&token=dapiSECRET0123456789");
            }
        });

        HealthCheck.Result ok = producerCheck("jobs-list", emulator().url());
        HealthCheck.Result denied = producerCheck("jobs-get", emulator().url());
        HealthCheck.Result unreachable = producerCheck("jobs-list", closedPortUrl);

        assertThat(ok.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(ok.getDetails()).containsEntry("databricks.check", "currentUser/me");
        assertThat(denied.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(denied.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);
        assertThat(denied.getMessage()).get().asString().contains("rejected the credentials");
        assertThat(unreachable.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(unreachable.getMessage()).get().asString().contains("cannot be reached");
        for (HealthCheck.Result r : new HealthCheck.Result[] {ok, denied, unreachable}) {
            assertThat(r.toString() + r.getDetails() + r.getMessage()).doesNotContain("dapiWRONG", "dapiSECRET",
                    emulator().token());
        }
    }

    @Test
    void devConsoleShowsClientsEndpointsAndWaitsWithoutSecrets() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10&" + connection()
                        + "&authType=pat&clientSecret=neverShown0123");
            }
        });
        template.sendBody("direct:submit", EmulatorRequests.notebookRunBody("console"));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("databricks");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        String json = ((JsonObject) console.call(DevConsole.MediaType.JSON)).toJson();

        assertThat(console).isInstanceOf(DatabricksDevConsole.class);
        assertThat(text).contains("Client: " + emulator().url()).contains("operation: jobs/submit, calls: 1, failures: 0");
        assertThat(json).contains("\"operation\":\"jobs\\/submit\"", "\"waitsInProgress\":0",
                "\"authType\":\"pat\"");
        assertThat(text + json).doesNotContain(emulator().token(), "neverShown0123");
    }

    private void addRoute(String uri, String routeId) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:polled");
            }
        });
    }

    /** One poll through Camel's scheduled-poll machinery (which feeds the health check), then the check. */
    private HealthCheck.Result consumerCheck(String routeId) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
        consumer.run();
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow();
    }

    private HealthCheck.Result producerCheck(String operation, String host) {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        return producers.stream().filter(c -> c.getId().startsWith("producer:databricks-" + operation + "-"))
                .map(HealthCheck::call).filter(r -> host.equals(r.getDetails().get("databricks.host")))
                .findFirst().orElseThrow();
    }
}
