package io.camelbricks.camel;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.camelbricks.api.observe.ApiCall;
import io.camelbricks.api.observe.ApiCallListener;

/**
 * Records every call of the component's clients into a Micrometer {@link MeterRegistry} (the one of camel-micrometer,
 * or any single {@code MeterRegistry} bean): the timer {@value #CALLS} tagged {@code operation} (the operation id,
 * e.g. {@code jobs.Jobs.submit}), {@code method}, {@code status} (HTTP status, 0 without an answer) and
 * {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code IO_ERROR}); and the counter
 * {@value #RETRIES} tagged {@code operation}, increased by the retries of each call. Every HTTP call counts: a
 * submit, each poll of a wait, each page of a listing. Tags hold no identifiers (run ids, paths), so the number of
 * series stays bounded by the operations used.
 *
 * <p>Only this class touches Micrometer; the component creates it only when Micrometer is on the classpath and a
 * {@code MeterRegistry} is in the Camel registry (see {@link MetricsBinding}).
 */
final class DatabricksMetrics implements ApiCallListener {
    /** Timer of every API call. */
    static final String CALLS = "databricks.api.calls";
    /** Counter of the retries of API calls. */
    static final String RETRIES = "databricks.api.retries";

    private final MeterRegistry registry;

    DatabricksMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** This listener bound to the registry found in the Camel registry, or null when there is none. */
    static DatabricksMetrics lookup(org.apache.camel.spi.Registry camelRegistry) {
        MeterRegistry found = camelRegistry.findSingleByType(MeterRegistry.class);
        return found == null ? null : new DatabricksMetrics(found);
    }

    @Override
    public void onCall(ApiCall call) {
        Timer.builder(CALLS)
                .description("Databricks REST API calls (each attempt series counts once, retries included)")
                .tag("operation", call.operation())
                .tag("method", call.method())
                .tag("status", Integer.toString(call.status()))
                .tag("outcome", call.outcome().name())
                .register(registry)
                .record(call.duration().toNanos(), TimeUnit.NANOSECONDS);
        Counter retries = Counter.builder(RETRIES)
                .description("Retries of Databricks REST API calls (429, 5xx, connection errors, re-authentication)")
                .tag("operation", call.operation())
                .register(registry);
        if (call.retries() > 0) {
            retries.increment(call.retries());
        }
    }
}
