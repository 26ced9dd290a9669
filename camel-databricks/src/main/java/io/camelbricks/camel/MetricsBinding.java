package io.camelbricks.camel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.camel.CamelContext;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.observe.ApiCallListener;

/**
 * Binds the component's clients to Micrometer when it is there: on the first client, looks for Micrometer on the
 * classpath and a single {@code MeterRegistry} in the Camel registry (camel-micrometer binds one); when both are
 * found, every client an endpoint uses (shared or given as a bean) reports its calls to {@link DatabricksMetrics}.
 * Without Micrometer nothing is loaded and nothing is recorded.
 */
final class MetricsBinding {
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private final CamelContext context;
    private final Set<ApiClient> observed = Collections.newSetFromMap(new IdentityHashMap<>());
    private ApiCallListener listener;
    private boolean looked;

    MetricsBinding(CamelContext context) {
        this.context = context;
    }

    /** Starts reporting the calls of {@code client}, once, when there is a registry to report to. */
    synchronized void observe(ApiClient client) {
        if (!looked) {
            looked = true;
            listener = micrometerPresent() ? DatabricksMetrics.lookup(context.getRegistry()) : null;
        }
        if (listener != null && observed.add(client)) {
            client.addCallListener(listener);
        }
    }

    /** Stops reporting for every client (the component stops); a later start looks for a registry again. */
    synchronized void clear() {
        if (listener != null) {
            observed.forEach(client -> client.removeCallListener(listener));
        }
        observed.clear();
        listener = null;
        looked = false;
    }

    private boolean micrometerPresent() {
        try {
            Class.forName(METER_REGISTRY, false, MetricsBinding.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
