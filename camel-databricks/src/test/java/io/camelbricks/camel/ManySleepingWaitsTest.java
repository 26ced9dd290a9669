package io.camelbricks.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.camelbricks.emulator.jobs.RunScript;

/**
 * More waits sleeping between their polls at the same moment than Camel's default thread pool profile queues (1,000):
 * each sleeping wait is one delayed task on the component's scheduler, whose queue must not refuse the 1,001st.
 * Found by the whole-process {@code waits} benchmark, where 10,000 waits polling every 10 s failed from the 1,001st.
 */
class ManySleepingWaitsTest extends EmulatorTestSupport {
    static final int WAITS = 1_200;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a poll every 500 ms of runs that stay PENDING for 20 polls: every wait lives about 10 s, longer than
                // sending all of them takes, so all of them sleep on the scheduler at once
                from("direct:wait").to("databricks:jobs/submit?wait=true&pollInterval=500&" + connection());
            }
        };
    }

    @Test
    void moreWaitsSleepingAtOnceThanCamelsDefaultQueueAllComplete() throws Exception {
        emulator().reset();
        emulator().jobs().scriptRunsWhere(spec -> true, RunScript.builder().pending(20).thenSucceed());
        AsyncProducer direct = context.getEndpoint("direct:wait").createAsyncProducer();
        direct.start();
        List<CompletableFuture<Exchange>> done = new ArrayList<>(WAITS);
        for (int i = 0; i < WAITS; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("run_name", "sleeping-" + i, "tasks", List.of(Map.of("task_key",
                    "main", "notebook_task", Map.of("notebook_path", "/Workspace/Shared/sleeping")))));
            CompletableFuture<Exchange> future = new CompletableFuture<>();
            direct.process(exchange, doneSync -> future.complete(exchange));
            done.add(future);
        }
        // a guard against a hang, not a performance figure
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

        Set<Long> runIds = new HashSet<>();
        for (CompletableFuture<Exchange> future : done) {
            Exchange out = future.get();
            assertThat(out.getException()).as("exchange %s", out.getExchangeId()).isNull();
            assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
            runIds.add(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
        }
        assertThat(runIds).hasSize(WAITS);
        assertThat(emulator().jobs().runCount()).isEqualTo(WAITS);
    }
}
