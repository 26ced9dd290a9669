package io.camelbricks.examples;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.DatabricksOperationFailedException;
import io.camelbricks.camel.dsl.DatabricksRequestFields;
import io.camelbricks.camel.dsl.EndpointBuilderFactory;

/**
 * The headline use cases in the typed Endpoint DSL of camel-databricks-catalog ({@code databricks("jobs/submit")
 * .wait(true)...}): the same routes as the YAML files of {@code src/main/resources/routes}, configured by the same
 * property placeholders. The connection comes from the component ({@code camel.component.databricks.*}).
 *
 * <ul>
 *   <li>{@code direct:dsl-submit-and-wait}: submit the body as a one-time run and wait for it;</li>
 *   <li>{@code dsl-run-events}: each state change of each job run, to {@code {{runs.events.uri}}} (a broker);</li>
 *   <li>{@code dsl-file-to-volume}: files of {@code {{files.inbox}}} streamed into a Volume;</li>
 *   <li>{@code direct:dsl-export-orders}: a query's rows, streamed into a JDBC database through camel-sql;</li>
 *   <li>{@code direct:dsl-run-with-repairs}: run a job by name, repair its failed tasks, handle a final failure.</li>
 * </ul>
 */
public final class EndpointDslRoutes extends RouteBuilder implements EndpointBuilderFactory {

    @Override
    public void configure() {
        from("direct:dsl-submit-and-wait").routeId("dsl-submit-and-wait")
                .to(databricks("jobs/submit").wait(true).waitTimeout("2h")
                        .pollInterval("{{databricks.pollInterval:5000}}"))
                .log("run ${header.CamelDatabricksRunId} ended ${header.CamelDatabricksResultState}");

        from(databricks("jobs/listRuns").emit("changes").delay("{{databricks.pollDelay:30000}}")
                .advanced().idempotentRepository("#runStates"))
                .routeId("dsl-run-events").autoStartup("{{runs.enabled:true}}")
                .log("run ${header.CamelDatabricksRunId}: ${header.CamelDatabricksObservedState}")
                .to("{{runs.events.uri:seda:run-events}}");

        // path: the component's alias of the upload's only *_path field (file_path); a path ending in / takes the
        // file name from CamelFileName
        from("file:{{files.inbox:data/outbox}}?recursive=true&delay={{files.pollDelay:5000}}")
                .routeId("dsl-file-to-volume").autoStartup("{{files.enabled:true}}")
                .to(DatabricksRequestFields.with(databricks("files/upload"), Map.of(
                        "path", "{{files.volumePath:/Volumes/main/default/landing/}}", "overwrite", true)))
                .log("uploaded ${header.CamelFileName} to ${header.CamelDatabricksFilePath}");

        from("direct:dsl-export-orders").routeId("dsl-export-orders")
                .setHeader("CamelDatabricks.statement",
                        constant("{{export.statement:SELECT id, customer, amount FROM main.sales.orders}}"))
                .to(DatabricksRequestFields.with(databricks("statementExecution/executeStatement").outputType("rows"),
                        Map.of("warehouseId", "{{export.warehouseId}}")))
                .split(body()).streaming()
                    .to("sql:INSERT INTO orders_copy (id, customer, amount) VALUES (:#id, :#customer, :#amount)"
                            + "?dataSource=#exportDb")
                .end();

        from("direct:dsl-run-with-repairs").routeId("dsl-run-with-repairs")
                .onException(DatabricksOperationFailedException.class).handled(true)
                    .log("run ${header.CamelDatabricksRunId} still ${header.CamelDatabricksFailedState}: "
                            + "${header.CamelDatabricksFailedTasks}")
                    .to("{{repair.failed.uri:log:nightly-failed}}")
                .end()
                .choice().when(header(DatabricksConstants.IDEMPOTENCY_KEY).isNull()) // one run per job and day
                    .setHeader(DatabricksConstants.IDEMPOTENCY_KEY,
                            simple("{{repair.jobName:nightly-etl}}-${date:now:yyyy-MM-dd}"))
                .end()
                .to(databricks("jobs/runNow").jobName("{{repair.jobName:nightly-etl}}").wait(true)
                        .repairAttempts("{{repair.attempts:2}}").pollInterval("{{databricks.pollInterval:5000}}"))
                .log("run ${header.CamelDatabricksRunId} ended after ${header.CamelDatabricksRepairCount} repair(s)");
    }
}
