package io.camelbricks.examples;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.camel.DatabricksComponent;

/**
 * The README's first command: submits a Databricks job run through a Camel route, waits for it without holding a
 * thread, logs each state change and the result. Runs against an embedded emulator unless Databricks credentials
 * are configured in the environment.
 */
public final class SubmitAndWaitExample {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitAndWaitExample.class);

    private SubmitAndWaitExample() {
    }

    public static void main(String[] args) throws Exception {
        String resultState = run(System.getenv());
        if (!"SUCCESS".equals(resultState)) {
            System.exit(1);
        }
    }

    /** Runs the example against the target the environment selects; returns the run's result state. */
    static String run(Map<String, String> env) throws Exception {
        try (ExampleTarget target = ExampleTarget.from(env); CamelContext camel = new DefaultCamelContext()) {
            LOG.info("camel-databricks example against {}", target.describe());
            DatabricksComponent databricks = new DatabricksComponent();
            target.configure(databricks.getConfiguration());
            camel.addComponent("databricks", databricks);
            camel.addRoutes(new SubmitAndWaitRoutes(target.runSpecification()));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Exchange done = template.send(SubmitAndWaitRoutes.START, exchange -> { });
            if (done.getException() != null) {
                LOG.error("the run did not succeed: {}", done.getException().getMessage());
            }
            return done.getProperty(SubmitAndWaitRoutes.RESULT_STATE, String.class);
        }
    }
}
