package io.camelbricks.it;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: the workspace restarts (down, connections refused, then up with its state) while a
 * route waits for a run; and a workspace that refuses connections when the route starts: a clear error, the
 * producer health check DOWN, then recovery once it is up, without restarting the route.
 */
class RestartsAndOutagesIT extends CamelContextSupport {
    /** Runs last one minute of the emulator's clock: the test decides when the awaited run ends. */
    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(EmulatorOptions.builder()
            .clock(CLOCK).timedRuns(Duration.ofSeconds(1), Duration.ofMinutes(1)).build());

    @RegisterExtension
    final ItReport report = new ItReport();

    @Test
    void aWorkspaceRestartDuringAWaitIsRiddenOut() throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        report.scenario("workspace restart (down, refused, up with its state) during a submit?wait=true");
        ObservingTransport transport = new ObservingTransport(FaultMix.READ_TIMEOUT_SECONDS, 20);
        ApiClient client = ApiClient.builder(new DatabricksConfig().setHost(emulator.url())
                        .setToken(emulator.token()).resolve(Map.of()))
                .transport(transport).retryPolicy(FaultMix.fastRetries())
                .waitPolicy(WaitPolicy.fixed(Duration.ofMillis(10))).build();
        try {
            start(Map.of("databricksClient", client), new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=120s");
                }
            });

            CompletableFuture<Exchange> done = template.asyncSend("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-restart")));
            transport.awaitAnsweredPoll();           // the wait is polling
            emulator.stop();                         // the workspace goes down ...
            transport.awaitRefused(3);               // ... the polls find nobody (retried) ...
            assertThat(done).isNotDone();
            transport.forgetAnsweredPolls();
            emulator.start();                        // ... and it comes back, with its runs
            transport.awaitAnsweredPoll();           // polling goes on against the restarted workspace
            assertThat(done).isNotDone();
            CLOCK.advance(Duration.ofMinutes(2));     // the run ends

            Exchange out = done.get(60, TimeUnit.SECONDS);
            report.figure("refused connections during the outage", transport.refusedCount())
                    .figure("other transport failures", transport.otherFailures())
                    .figure("runs", emulator.jobs().runCount())
                    .figure("polls answered", emulator.requests().count("GET", "/jobs/runs/get"));
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            assertThat(emulator.jobs().runCount()).isEqualTo(1);
            assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID))
                    .isEqualTo(emulator.jobs().runIds().get(0));
            assertThat(emulator.requests().count("POST", "/jobs/runs/submit")).isEqualTo(1);
        } finally {
            stopCamel();
            client.close();
            transport.close();
        }
    }

    @Test
    void connectionRefusedAtStartFailsClearlyIsDownThenRecoversWithoutRestartingTheRoute() throws Exception {
        report.scenario("connection refused at start: clear error, health DOWN, recovery without a route restart");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String token = "dapi" + "0123456789abcdef0123456789abcdef";
        String host = "http://127.0.0.1:" + port;
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").routeId("submit")
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&retryTimeoutSeconds=1&host=RAW(" + host
                                + ")&token=RAW(" + token + ")");
            }
        });
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setEnabled(true);
        registry.register(registry.resolveById("producers"));
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        Route route = context.getRoute("submit");

        // nobody listens yet: the exchange fails with a message naming what and where
        Exchange failed = template.request("direct:submit",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-refused")));
        HealthCheck.Result down = producerCheck();

        assertThat(failed.getException()).isNotNull();
        String message = messages(failed.getException());
        assertThat(message).contains("127.0.0.1:" + port).containsIgnoringCase("refused").doesNotContain(token);
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("cannot be reached");

        // the workspace comes up on that address: the same route (not restarted) goes through, health UP
        try (DatabricksEmulator late = EmulatorOptions.builder().port(port).token(token).emulator().start()) {
            Exchange ok = template.request("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-refused-then-up")));
            HealthCheck.Result up = producerCheck();

            report.figure("error", failed.getException().getClass().getSimpleName() + ": "
                            + failed.getException().getMessage().lines().findFirst().orElse("").replace('|', '/'))
                    .figure("health before", down.getState()).figure("health after", up.getState())
                    .figure("runs after recovery", late.jobs().runCount());
            assertThat(ok.getException()).isNull();
            assertThat(ok.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            assertThat(late.jobs().runCount()).isEqualTo(1);
            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(context.getRoute("submit")).isSameAs(route);
            assertThat(context.getRouteController().getRouteStatus("submit")).isEqualTo(ServiceStatus.Started);
        }
    }

    private HealthCheck.Result producerCheck() {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        return producers.stream().filter(c -> c.getId().startsWith("producer:databricks-jobs-submit-"))
                .map(HealthCheck::call).findFirst().orElseThrow();
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
