package io.camelbricks.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: OAuth M2M access tokens (10 minutes, on the emulator's {@link ManualClock}) expire in the
 * middle of a long wait and of a listing. The token is fetched again once, and nothing fails.
 */
class TokenExpiryIT extends CamelContextSupport {
    private static final ManualClock CLOCK = new ManualClock();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(EmulatorOptions.builder()
            .clock(CLOCK).timedRuns(Duration.ofSeconds(1), Duration.ofMinutes(10)).build());

    @RegisterExtension
    final ItReport report = new ItReport();

    private DatabricksEmulator emulator;

    @BeforeEach
    void servicePrincipal() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        emulator.oauth().addServicePrincipal("it-sp", "it-sp-secret").accessTokenLifetime(TOKEN_LIFETIME);
    }

    private DatabricksConfig m2m(Clock clientClock) {
        return new DatabricksConfig().setHost(emulator.url()).setClientId("it-sp").setClientSecret("it-sp-secret")
                .resolve(Map.of()).setClock(clientClock);
    }

    /** The client sees the expiry coming on the shared clock and fetches a new token before the next poll. */
    @Test
    void aTokenExpiringDuringALongWaitIsRefreshedOnceAndTheWaitGoesOn() throws Exception {
        report.scenario("OAuth M2M token expires during a submit?wait=true (10 min run, 10 min tokens)");
        ObservingTransport transport = new ObservingTransport(FaultMix.READ_TIMEOUT_SECONDS, 20);
        ApiClient client = ApiClient.builder(m2m(CLOCK)).transport(transport).retryPolicy(FaultMix.fastRetries())
                .waitPolicy(WaitPolicy.fixed(Duration.ofMillis(10))).build();
        try {
            start(Map.of("databricksClient", client), new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=2h");
                }
            });
            CompletableFuture<Exchange> done = template.asyncSend("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-long-wait")));
            transport.awaitAnsweredPoll();
            assertThat(done).isNotDone();
            CLOCK.advance(TOKEN_LIFETIME.plusMinutes(1)); // the token has expired, and the run has ended

            Exchange out = done.get(60, TimeUnit.SECONDS);
            long tokens = emulator.oauth().tokenRequests("client_credentials");
            long rejected = emulator.requests().matching(r -> r.status() == 401).size();
            report.figure("token requests", tokens).figure("401 answers", rejected)
                    .figure("polls", emulator.requests().count("GET", "/jobs/runs/get"))
                    .figure("result", out.getMessage().getHeader(DatabricksConstants.RESULT_STATE));
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            assertThat(tokens).as("the first token and one refresh").isEqualTo(2);
            assertThat(emulator.jobs().runCount()).isEqualTo(1);
        } finally {
            stopCamel();
            client.close();
            transport.close();
        }
    }

    /**
     * The client's clock stands still, so only the workspace knows the token has expired: its 401 makes the client
     * fetch a new token once and repeat that page; the listing neither fails nor loses or repeats an item.
     */
    @Test
    void aTokenExpiringDuringAListingIsRefreshedOnceWithoutLosingOrRepeatingItems() {
        report.scenario("OAuth M2M token expires during a 2,000-item listing (server-side expiry: 401, refresh)");
        List<Long> seeded = emulator.jobs().createJobs(2_000);
        Clock standingStill = Clock.fixed(Instant.now(CLOCK), ZoneId.of("UTC"));
        int listed = 0;
        Set<Long> distinct = new HashSet<>();
        try (WorkspaceClient w = new WorkspaceClient(ApiClient.builder(m2m(standingStill))
                .retryPolicy(FaultMix.fastRetries()).build())) {
            for (BaseJob job : w.jobs().list(new JobsListRequest().setLimit(100L))) {
                distinct.add(job.getJobId());
                if (++listed == 1_000) {
                    CLOCK.advance(TOKEN_LIFETIME.plusMinutes(1));
                }
            }
        }
        long tokens = emulator.oauth().tokenRequests("client_credentials");
        long rejected = emulator.requests().matching(r -> r.status() == 401).size();
        report.figure("items", listed).figure("distinct", distinct.size()).figure("token requests", tokens)
                .figure("401 answers", rejected).figure("pages", emulator.requests().count("GET", "/jobs/list"));
        assertThat(listed).isEqualTo(2_000);
        assertThat(distinct).hasSize(2_000).containsExactlyInAnyOrderElementsOf(seeded);
        assertThat(rejected).as("the one page the expired token was refused").isEqualTo(1);
        assertThat(tokens).as("the first token and one refresh").isEqualTo(2);
    }
}
