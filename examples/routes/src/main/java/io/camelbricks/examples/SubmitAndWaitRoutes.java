package io.camelbricks.examples;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * The example's routes: submit a one-time run and wait for it (the component logs each state change), log the
 * outcome, then list the workspace's jobs.
 */
final class SubmitAndWaitRoutes extends RouteBuilder {
    static final String START = "direct:start";
    /** Exchange property holding the run's result state once the wait is over. */
    static final String RESULT_STATE = "exampleResultState";

    private final Map<String, Object> runSpecification;

    SubmitAndWaitRoutes(Map<String, Object> runSpecification) {
        this.runSpecification = runSpecification;
    }

    @Override
    public void configure() {
        from(START).routeId("submit-and-wait")
                .setBody(constant(runSpecification))
                .log("submitting run '${body[run_name]}'")
                .to("databricks:jobs/submit?wait=true&waitTimeout=PT2H")
                .log("run ${header.CamelDatabricksRunId} ended: ${header.CamelDatabricksLifeCycleState}"
                        + " / ${header.CamelDatabricksResultState} (${body.runPageUrl})")
                .setProperty(RESULT_STATE, header("CamelDatabricksResultState"))
                .to("databricks:jobs/list?limit=25")
                .log("the workspace has ${body.size()} job(s)")
                .split(body())
                    .log("  job ${body.jobId}: ${body.settings.name}")
                .end();
    }
}
