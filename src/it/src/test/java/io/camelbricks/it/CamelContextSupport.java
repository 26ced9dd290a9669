package io.camelbricks.it;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;

/** A plain Camel context per test, started with the test's routes and stopped after it. */
abstract class CamelContextSupport {
    protected CamelContext context;
    protected ProducerTemplate template;

    /** Creates, configures and starts a context with these routes. */
    protected CamelContext start(RouteBuilder routes) throws Exception {
        return start(java.util.Map.of(), routes);
    }

    /** The same, with these beans in the registry first (e.g. an {@code ApiClient} the endpoints autowire). */
    protected CamelContext start(java.util.Map<String, Object> beans, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        beans.forEach(context.getRegistry()::bind);
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
        return context;
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (template != null) {
            template.close();
            template = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
