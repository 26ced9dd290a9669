package io.camelbricks.camel;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.TransportException;
import io.camelbricks.emulator.jobs.RunScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's redelivery on top of the client's retries, and the idempotency tokens that make it safe: a redelivered
 * submit never starts a second run, a redelivery after a failed run starts a fresh one (the generation walk), and a
 * business key shares one run between exchanges.
 */
class RedeliveryTest extends EmulatorTestSupport {

    @BeforeEach
    void fresh() {
        emulator().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retryingSubmit")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(0))
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&" + connection());
                from("direct:retryingSubmitWithShortWaits")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(0))
                        .to("databricks:jobs/submit?wait=true&pollInterval=10&waitTimeout=1ms&" + connection());
                from("direct:submit").to("databricks:jobs/submit?" + connection());
                from("direct:submitWithoutAutoToken").to("databricks:jobs/submit?autoIdempotencyToken=false&"
                        + connection());
            }
        };
    }

    @Test
    void aRedeliveryAfterAFailedRunStartsAFreshRun() {
        emulator().jobs().failNextRun("flaky input");

        Exchange out = template.request("direct:retryingSubmit", e -> e.getMessage().setBody(body("retried")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        assertThat(emulator().jobs().runCount()).as("the failed run, then a fresh one").isEqualTo(2);
        assertThat(out.getProperty(IdempotencyTokens.GENERATION_PROPERTY)).isEqualTo(1);
    }

    @Test
    void aRedeliveryAfterAWaitTimeoutReattachesToTheSameRun() {
        // waitTimeout=1ms: each attempt submits (or reattaches) and polls once; the run needs four looks to end
        emulator().jobs().scriptNextRun(RunScript.builder().pending(2).running(1).thenSucceed());

        Exchange out = template.request("direct:retryingSubmitWithShortWaits",
                e -> e.getMessage().setBody(body("patient")));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(3);
        assertThat(emulator().jobs().runCount()).as("four submits of the same token, one run").isEqualTo(1);
        assertThat(emulator().requests().count("POST", "/jobs/runs/submit")).isEqualTo(4);
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsRedeliveredByCamelAndCreatesOneRun() throws Exception {
        try (AnswerLosingProxy proxy = new AnswerLosingProxy(emulator().url(), "POST", "/jobs/runs/submit")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the client does not retry here: the read timeout reaches Camel, which redelivers
                    from("direct:lossySubmit")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                            .to("databricks:jobs/submit?httpTimeoutSeconds=1&disableRetries=true&host=RAW("
                                    + proxy.url() + ")&token=RAW(" + emulator().token() + ")");
                }
            });

            Exchange out = template.request("direct:lossySubmit", e -> e.getMessage().setBody(body("lost answer")));

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
            assertThat(out.getMessage().getHeader(DatabricksConstants.RUN_ID)).isNotNull();
            assertThat(emulator().requests().count("POST", "/jobs/runs/submit")).as("both reached the workspace")
                    .isEqualTo(2);
            assertThat(emulator().jobs().runCount()).as("the same idempotency token: one run").isEqualTo(1);
        }
    }

    @Test
    void theClientRetriesALostSubmitAnswerItselfBeforeCamelNeedsToRedeliver() throws Exception {
        try (AnswerLosingProxy proxy = new AnswerLosingProxy(emulator().url(), "POST", "/jobs/runs/submit")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:lossySubmitClientRetries")
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                            .to("databricks:jobs/submit?httpTimeoutSeconds=1&host=RAW(" + proxy.url()
                                    + ")&token=RAW(" + emulator().token() + ")");
                }
            });

            Exchange out = template.request("direct:lossySubmitClientRetries",
                    e -> e.getMessage().setBody(body("retried by the client")));

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).as("no Camel redelivery").isNull();
            assertThat(emulator().requests().count("POST", "/jobs/runs/submit")).isEqualTo(2);
            assertThat(emulator().jobs().runCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutRetriesALostAnswerFailsTheExchangeWithATransportError() throws Exception {
        try (AnswerLosingProxy proxy = new AnswerLosingProxy(emulator().url(), "POST", "/jobs/runs/submit")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:lossyNoRetries").to("databricks:jobs/submit?httpTimeoutSeconds=1&disableRetries=true"
                            + "&host=RAW(" + proxy.url() + ")&token=RAW(" + emulator().token() + ")");
                }
            });

            Exchange out = template.request("direct:lossyNoRetries", e -> e.getMessage().setBody(body("gone")));

            assertThat(out.getException()).isInstanceOf(TransportException.class);
            assertThat(out.getException().getMessage()).doesNotContain(emulator().token());
        }
    }

    @Test
    void aBusinessKeyHeaderSharesOneRunBetweenExchanges() {
        long first = submitWithKey("order-42");
        long again = submitWithKey("order-42");
        long other = submitWithKey("order-43");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(emulator().jobs().runCount()).isEqualTo(2);
    }

    @Test
    void anIdempotencyTokenOfTheRequestIsUsedAsIs() {
        Set<Long> runIds = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Exchange out = template.request("direct:submit", e -> {
                e.getMessage().setBody(body("explicit"));
                e.getMessage().setHeader("CamelDatabricks.idempotencyToken", "my-own-token-1");
            });
            runIds.add(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
        }

        assertThat(runIds).hasSize(1);
        assertThat(emulator().requests().last().orElseThrow().bodyText()).contains("\"my-own-token-1\"");
    }

    @Test
    void withoutTheAutomaticTokenTheSameExchangeSentTwiceStartsTwoRuns() {
        Exchange exchange = createExchangeWithBody(body("twice"));
        template.send("direct:submitWithoutAutoToken", exchange);
        long first = exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        exchange.getMessage().setBody(body("twice"));
        template.send("direct:submitWithoutAutoToken", exchange);

        assertThat(exchange.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class)).isNotEqualTo(first);
    }

    private long submitWithKey(String key) {
        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody(body("keyed"));
            e.getMessage().setHeader(DatabricksConstants.IDEMPOTENCY_KEY, key);
        });
        return out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
    }

    private static Map<String, Object> body(String name) {
        return EmulatorRequests.notebookRunBody(name);
    }
}
