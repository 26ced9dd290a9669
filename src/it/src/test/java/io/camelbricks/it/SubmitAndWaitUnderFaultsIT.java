package io.camelbricks.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.wait.WaitPolicy;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: 1,000 {@code jobs/submit?wait=true} exchanges at once through a route with Camel
 * redelivery on, while the emulator injects the {@link FaultMix} on the submits and on the polls, plus 1 % of submits
 * whose answer is lost after the run was created: exactly 1,000 runs, all awaited, each exchange ending with its own
 * run (recognised by its run name).
 */
class SubmitAndWaitUnderFaultsIT extends CamelContextSupport {
    static final int EXCHANGES = Integer.getInteger("it.submit.exchanges", 1_000);

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(
            io.camelbricks.emulator.EmulatorOptions.builder().requestLogCapacity(EXCHANGES * 6).build());

    @RegisterExtension
    final ItReport report = new ItReport();

    @Test
    void aThousandSubmitAndWaitExchangesUnderFaultsCreateOneRunEach() throws Exception {
        report.scenario(String.format(java.util.Locale.ROOT, "%,d jobs/submit?wait=true exchanges, Camel redelivery on, fault"
                + " mix on submit and polls (+1%% lost submit answers)", EXCHANGES));
        submitAll(EXCHANGES, FaultMix.fastRetries(), 3);
    }

    /**
     * The same with the client's retries off: every fault reaches Camel, whose redelivery sends the exchange through
     * the producer again (submit with the same idempotency token, then the wait). Still one run per exchange.
     */
    @Test
    void withClientRetriesOffCamelRedeliveryAloneKeepsOneRunPerExchange() throws Exception {
        int exchanges = EXCHANGES / 2;
        report.scenario(String.format(java.util.Locale.ROOT, "%,d jobs/submit?wait=true exchanges, same faults, client"
                + " retries off: Camel redelivery alone", exchanges));
        submitAll(exchanges, new RetryPolicy(Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofMillis(200),
                true), 20);
    }

    private void submitAll(int exchanges, RetryPolicy retries, int redeliveries) throws Exception {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        FaultMix.on(emulator, "POST", "/jobs/runs/submit", 100);
        emulator.faults().on("POST", "/jobs/runs/submit").loseResponse().probability(0.01).seed(104);
        FaultMix.on(emulator, "GET", "/jobs/runs/get", 200);
        DatabricksConfig config = new DatabricksConfig().setHost(emulator.url()).setToken(emulator.token());
        config.setAttribute("http_timeout_seconds", Integer.toString(FaultMix.READ_TIMEOUT_SECONDS));
        ApiClient client = ApiClient.builder(config.resolve(Map.of())).retryPolicy(retries)
                .waitPolicy(WaitPolicy.fixed(Duration.ofMillis(10))).build();
        try {
            start(Map.of("databricksClient", client), new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(redeliveries).redeliveryDelay(10))
                            .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=120s");
                }
            });

            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < exchanges; i++) {
                String name = "it-faults-" + i;
                futures.add(template.asyncSend("direct:submit",
                        e -> e.getMessage().setBody(Workspace.notebookRun(name))));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(180L * Math.max(1, exchanges / 1_000),
                    TimeUnit.SECONDS);

            Set<Long> runIds = new HashSet<>();
            int failed = 0;
            int wrongRun = 0;
            int redelivered = 0;
            Map<Long, String> runNames = new HashMap<>();
            for (long id : emulator.jobs().runIds()) {
                runNames.put(id, emulator.jobs().run(id).orElseThrow().path("run_name").asText());
            }
            String firstFailure = null;
            for (int i = 0; i < exchanges; i++) {
                Exchange out = futures.get(i).get();
                if (out.getException() != null) {
                    failed++;
                    firstFailure = firstFailure != null ? firstFailure : out.getException().toString();
                    continue;
                }
                if (Boolean.TRUE.equals(out.getIn().getHeader(Exchange.REDELIVERED, Boolean.class))) {
                    redelivered++;
                }
                Long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
                runIds.add(runId);
                if (!("it-faults-" + i).equals(runNames.get(runId))
                        || !"TERMINATED".equals(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE))
                        || !"SUCCESS".equals(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE))) {
                    wrongRun++;
                }
            }
            long notTerminated = emulator.jobs().runIds().stream()
                    .filter(id -> !emulator.jobs().lifeCycleState(id).orElse("").equals("TERMINATED")).count();
            report.figure("exchanges", exchanges).figure("failed", failed).figure("runs created",
                            emulator.jobs().runCount()).figure("distinct run ids", runIds.size())
                    .figure("duplicates", emulator.jobs().runCount() - exchanges)
                    .figure("exchanges with another's run", wrongRun).figure("runs not terminated", notTerminated)
                    .figure("redelivered exchanges", redelivered)
                    .figure("submits sent", emulator.requests().count("POST", "/jobs/runs/submit"))
                    .figure("polls sent", emulator.requests().count("GET", "/jobs/runs/get"))
                    .figure("faults injected", emulator.faults().injectedCount())
                    .figure("by kind", FaultMix.injected(emulator));

            assertThat(failed).as("failed exchanges, the first: %s", firstFailure).isZero();
            assertThat(emulator.jobs().runCount()).as("runs created").isEqualTo(exchanges);
            assertThat(runIds).as("a distinct run per exchange").hasSize(exchanges);
            assertThat(wrongRun).as("exchanges ending with another exchange's run, or not SUCCESS").isZero();
            assertThat(notTerminated).as("runs the emulator has not seen to the end").isZero();
            assertThat(emulator.faults().injectedCount()).isGreaterThan(exchanges / 10);
        } finally {
            stopCamel();
            client.close();
        }
    }
}
