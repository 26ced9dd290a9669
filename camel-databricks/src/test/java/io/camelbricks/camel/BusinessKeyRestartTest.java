package io.camelbricks.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.EmulatorOptions;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business key ({@code CamelDatabricksIdempotencyKey}) across process restarts: a new CamelContext sending the same
 * key adopts the run the previous one started instead of submitting a second; once that run has failed, the same
 * key starts exactly one new run (the generation walk). The emulator's clock runs an hour behind the client's, as if
 * the first attempt had been made an hour earlier (a failed run that started during the call itself is returned,
 * not retried: see IdempotentRuns).
 */
class BusinessKeyRestartTest {
    private DatabricksEmulator emulator;

    @BeforeEach
    void start() {
        emulator = EmulatorOptions.builder().clock(new ManualClock(Instant.now().minus(Duration.ofHours(1))))
                .emulator().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aRestartedProcessAdoptsTheRunningRunAndAfterItFailedStartsExactlyOneNew() throws Exception {
        emulator.jobs().scriptNextRun(RunScript.builder().running(1_000_000).thenSucceed());
        CamelContext crashed = keyedContext();
        Future<Exchange> lost = crashed.createProducerTemplate().asyncSend("direct:keyed", keyed("order-42"));
        long runId = lost.get(10, TimeUnit.SECONDS).getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        crashed.stop(); // the process goes away while the run still runs: nothing is cancelled

        CamelContext restarted = keyedContext();
        Exchange adopted = restarted.createProducerTemplate().send("direct:keyed", keyed("order-42"));
        emulator.jobs().finishRun(runId, RunOutcome.failed("out of memory"));
        Exchange afterFailure = restarted.createProducerTemplate().send("direct:keyed", keyed("order-42"));
        Exchange again = restarted.createProducerTemplate().send("direct:keyed", keyed("order-42"));
        restarted.stop();

        assertThat(adopted.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
        long second = afterFailure.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(second).isNotEqualTo(runId);
        assertThat(again.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(second);
        assertThat(emulator.jobs().runCount()).isEqualTo(2);
    }

    /** A process of its own: jobs/submit with a short wait that goes on with the last state. */
    private CamelContext keyedContext() throws Exception {
        String connection = "host=RAW(" + emulator.url() + ")&token=RAW(" + emulator.token() + ")";
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keyed").to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=200"
                        + "&onWaitTimeout=continue&cancelOnStop=false&" + connection);
            }
        });
        camel.start();
        return camel;
    }

    private static Processor keyed(String key) {
        return e -> {
            e.getMessage().setHeader(DatabricksConstants.IDEMPOTENCY_KEY, key);
            e.getMessage().setBody(EmulatorRequests.notebookRunBody("order"));
        };
    }
}
