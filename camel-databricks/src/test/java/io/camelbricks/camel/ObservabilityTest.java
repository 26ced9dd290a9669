package io.camelbricks.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's Micrometer and OpenTelemetry integrations see of each Databricks call: a timer per API call tagged
 * with operation, status and outcome, a retries counter, a span per {@code databricks:} call with operation, HTTP
 * status and retries; and the INFO lines of a run's state changes. The client is an {@link ApiClient} bean with
 * millisecond back-off, so that retried calls take no seconds.
 */
class ObservabilityTest {
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private CamelContext context;
    private ApiClient client;
    private ProducerTemplate template;

    private static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    @BeforeEach
    void createContext() {
        emulator().reset();
        emulator().faults().clear();
        context = new DefaultCamelContext();
        DatabricksConfig config = new DatabricksConfig().setHost(emulator().url()).setToken(emulator().token())
                .resolve(Map.of());
        client = ApiClient.builder(config)
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(2), Duration.ofMillis(10), false))
                .build();
        context.getRegistry().bind("databricksClient", client);
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        client.close();
    }

    private void start() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getJob").routeId("get-job").to("databricks:jobs/get");
                from("direct:submit").routeId("submit").to("databricks:jobs/submit?wait=true&pollInterval=5");
            }
        });
        context.start();
    }

    private Exchange getJob(long jobId) {
        return template.request("direct:getJob", e -> e.getMessage().setHeader("CamelDatabricks.jobId", jobId));
    }

    @Test
    void eachApiCallIsTimedWithItsOperationStatusAndOutcomeAndItsRetriesCounted() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        start();
        long jobId = emulator().jobs().createJob("nightly");
        emulator().faults().on("GET", "/jobs/get").respond(503, "TEMPORARILY_UNAVAILABLE", "busy").times(2);

        Exchange retried = getJob(jobId);
        Exchange missing = getJob(42L);
        Exchange run = template.request("direct:submit", e -> e.getMessage().setBody(EmulatorRequests.notebookRunBody("r")));

        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getHeaders()).containsEntry(DatabricksConstants.STATUS_CODE, 200)
                .containsEntry(DatabricksConstants.RETRIES, 2)
                .containsEntry(DatabricksConstants.OPERATION, "jobs/get");
        assertThat(missing.getException()).isInstanceOf(DatabricksOperationException.class);
        assertThat(missing.getMessage().getHeaders()).containsEntry(DatabricksConstants.STATUS_CODE, 400)
                .containsEntry(DatabricksConstants.RETRIES, 0);
        assertThat(run.getException()).isNull();

        assertThat(timer(meters, "jobs.Jobs.get", "200", "SUCCESS").count()).isEqualTo(1);
        assertThat(timer(meters, "jobs.Jobs.get", "400", "CLIENT_ERROR").count()).isEqualTo(1);
        assertThat(meters.get(DatabricksMetrics.RETRIES).tag("operation", "jobs.Jobs.get").counter().count())
                .isEqualTo(2.0);
        assertThat(timer(meters, "jobs.Jobs.submit", "200", "SUCCESS").count()).isEqualTo(1);
        assertThat(timer(meters, "jobs.Jobs.getRun", "200", "SUCCESS").count())
                .as("every poll of the wait is a call").isGreaterThanOrEqualTo(3);
        Counter submitRetries = meters.get(DatabricksMetrics.RETRIES).tag("operation", "jobs.Jobs.submit").counter();
        assertThat(submitRetries.count()).isZero();
        assertThat(meters.get(DatabricksMetrics.CALLS).timers()).allSatisfy(t ->
                assertThat(t.getId().getTags()).extracting(tag -> tag.getKey())
                        .containsExactlyInAnyOrder("operation", "method", "status", "outcome"));
    }

    @Test
    void withoutAMeterRegistryNothingIsRecordedAndCallsWork() throws Exception {
        start();
        long jobId = emulator().jobs().createJob("nightly");

        Exchange out = getJob(jobId);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(DatabricksConstants.RETRIES)).isEqualTo(0);
    }

    @Test
    void eachDatabricksCallIsASpanWithItsOperationStatusAndRetries() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        context.getRegistry().bind("otelTracer", provider.get("camel-databricks-test"));
        context.getRegistry().bind("otelPropagators", ContextPropagators.noop());
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(context);
        start();
        long jobId = emulator().jobs().createJob("nightly");
        emulator().faults().on("GET", "/jobs/get").respond(503, "TEMPORARILY_UNAVAILABLE", "busy").times(1);

        getJob(jobId);
        getJob(42L);
        Conditions.awaitTrue(() -> databricksSpans(exporter).size() == 2, "two databricks spans exported");

        List<SpanData> spans = databricksSpans(exporter);
        assertThat(spans).extracting(SpanData::getName).containsOnly("databricks jobs/get");
        SpanData ok = spans.get(0);
        assertThat(attribute(ok, DatabricksSpanDecorator.OPERATION)).isEqualTo("jobs/get");
        assertThat(attribute(ok, DatabricksSpanDecorator.STATUS)).isEqualTo("200");
        assertThat(attribute(ok, DatabricksSpanDecorator.RETRIES)).isEqualTo("1");
        assertThat(attribute(ok, "databricks.job_id")).isEqualTo(Long.toString(jobId));
        SpanData failed = spans.get(1);
        assertThat(attribute(failed, DatabricksSpanDecorator.STATUS)).isEqualTo("400");
        assertThat(attribute(failed, DatabricksSpanDecorator.RETRIES)).isEqualTo("0");
        assertThat(attribute(failed, DatabricksSpanDecorator.ERROR_CODE)).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(failed.getStatus().getStatusCode().name()).isEqualTo("ERROR");
        provider.close();
    }

    @Test
    void theStateChangesOfAWaitedRunAreLoggedAtInfo() throws Exception {
        start();
        Exchange out;
        String log;
        try (LogCapture capture = new LogCapture()) {
            out = template.request("direct:submit", e -> e.getMessage().setBody(EmulatorRequests.notebookRunBody("r")));
            log = capture.text();
        }

        long runId = out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class);
        assertThat(log).contains("INFO io.camelbricks.camel.DatabricksProducer - databricks:jobs/submit run_id=" + runId
                        + ": PENDING")
                .contains("run_id=" + runId + ": PENDING -> RUNNING")
                .contains("run_id=" + runId + ": RUNNING -> TERMINATED");
    }

    private static Timer timer(MeterRegistry meters, String operation, String status, String outcome) {
        return meters.get(DatabricksMetrics.CALLS).tag("operation", operation).tag("status", status)
                .tag("outcome", outcome).timer();
    }

    private static List<SpanData> databricksSpans(InMemorySpanExporter exporter) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("databricks")).toList();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
