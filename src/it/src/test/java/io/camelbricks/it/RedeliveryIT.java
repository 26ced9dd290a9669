package io.camelbricks.it;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;
import io.camelbricks.emulator.server.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel redelivers an exchange through the submit producer when a later step fails: the run is submitted once.
 * The submit and the step after it sit in a sub-route without an error handler, so the caller's error handler
 * redelivers the whole sub-route (Camel redelivers the failed step of the route that has the error handler).
 */
class RedeliveryIT extends CamelContextSupport {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;
    private final AtomicInteger afterSubmitCalls = new AtomicInteger();

    @BeforeEach
    void routes() throws Exception {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to("direct:submitThenRecord")
                        .to("mock:done");

                // the request comes with the exchange; the sub-route replaces the body with the response
                from("direct:startWithRequest")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to("direct:submitAsIsThenRecord")
                        .to("mock:done");

                // a run that ends FAILED fails the exchange; the redelivery must start a fresh run, not get the old one
                from("direct:retryFailedRun")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0))
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&" + Workspace.connection(emulator))
                        .to("mock:retried");

                from("direct:submitAsIsThenRecord")
                        .errorHandler(noErrorHandler())
                        .to("databricks:jobs/submit?" + Workspace.connection(emulator))
                        .to("mock:submitted")
                        .process(exchange -> {
                            if (afterSubmitCalls.incrementAndGet() == 1) {
                                throw new IllegalStateException("the step after the submit fails once");
                            }
                        });

                from("direct:submitThenRecord")
                        .errorHandler(noErrorHandler())
                        .setBody(constant(Workspace.notebookRun("it-redelivered")))
                        .to("databricks:jobs/submit?" + Workspace.connection(emulator))
                        .to("mock:submitted")
                        .process(exchange -> {
                            if (afterSubmitCalls.incrementAndGet() == 1) {
                                throw new IllegalStateException("the step after the submit fails once");
                            }
                        });
            }
        });
    }

    @Test
    void redeliveredSubmitDoesNotCreateASecondRun() throws Exception {
        MockEndpoint submitted = context.getEndpoint("mock:submitted", MockEndpoint.class);
        MockEndpoint done = context.getEndpoint("mock:done", MockEndpoint.class);
        submitted.expectedMessageCount(2);
        done.expectedMessageCount(1);

        Exchange out = template.request("direct:start", e -> e.getMessage().setBody("go"));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(out.getException()).isNull();
        assertThat(out.getIn().getHeader(Exchange.REDELIVERED, Boolean.class)).isTrue();
        assertThat(out.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(afterSubmitCalls).hasValue(2);
        // the producer really ran twice: two POSTs reached the workspace ...
        var posts = emulator.requests().matching("POST", "/jobs/runs/submit");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).bodyText()).contains("\"idempotency_token\"");
        assertThat(posts.get(1).bodyText()).isEqualTo(posts.get(0).bodyText());
        // ... and the workspace saw the same idempotency token twice, so there is exactly one run
        assertThat(emulator.jobs().runCount()).isEqualTo(1);
        long runId = emulator.jobs().runIds().get(0);
        assertThat(submitted.getReceivedExchanges()).extracting(
                e -> e.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class)).containsExactly(runId, runId);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(runId);
    }

    /** The same, with the request coming from the caller: the redelivered message is the one before the submit. */
    @Test
    void redeliveryOfTheCallersRequestBodyDoesNotCreateASecondRun() throws Exception {
        MockEndpoint submitted = context.getEndpoint("mock:submitted", MockEndpoint.class);
        MockEndpoint done = context.getEndpoint("mock:done", MockEndpoint.class);
        submitted.expectedMessageCount(2);
        done.expectedMessageCount(1);

        Exchange out = template.request("direct:startWithRequest",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-redelivered-request")));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(out.getException()).isNull();
        assertThat(emulator.requests().matching("POST", "/jobs/runs/submit")).hasSize(2);
        // Camel redelivers the message as it entered the failed step, so the producer sees the same request
        // again and derives the same token
        assertThat(emulator.requests().matching("POST", "/jobs/runs/submit")).extracting(RecordedRequest::bodyText)
                .containsOnly(emulator.requests().matching("POST", "/jobs/runs/submit").get(0).bodyText());
        assertThat(emulator.jobs().runCount()).isEqualTo(1);
        assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(emulator.jobs().runIds().get(0));
    }

    @Test
    void aRedeliveryAfterAFailedRunStartsExactlyOneFreshRun() throws Exception {
        emulator.jobs().failNextRun("transient data issue");
        MockEndpoint retried = context.getEndpoint("mock:retried", MockEndpoint.class);
        retried.expectedMessageCount(1);
        retried.expectedHeaderReceived(DatabricksConstants.RESULT_STATE, "SUCCESS");

        // (no "fail" in the run name: the emulator fails runs whose notebook path contains it)
        Exchange out = template.request("direct:retryFailedRun",
                e -> e.getMessage().setBody(Workspace.notebookRun("it-second-chance")));

        retried.assertIsSatisfied();
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        assertThat(emulator.jobs().runCount()).as("the failed run and one fresh run").isEqualTo(2);
        assertThat(emulator.requests().count("POST", "/jobs/runs/submit")).isEqualTo(2);
        long freshRun = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(emulator.jobs().runIds()).contains(freshRun);
        assertThat(emulator.jobs().runIds().stream().filter(id -> id != freshRun)
                .map(id -> emulator.jobs().run(id).orElseThrow().at("/state/result_state").asText()))
                .containsExactly("FAILED");
    }
}
