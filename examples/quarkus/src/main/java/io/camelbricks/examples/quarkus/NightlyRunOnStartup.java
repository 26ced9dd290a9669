package io.camelbricks.examples.quarkus;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * Sends one exchange to {@code direct:nightly} once every route has started, when the application is run with
 * {@code example.run-on-startup=true}: the packaged application then submits one run and logs how it ended.
 */
final class NightlyRunOnStartup implements StartupListener {

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes may not all be started yet: wait for onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        context.createFluentProducerTemplate().to("direct:nightly").asyncSend();
    }
}
