package io.camelbricks.examples.quarkus;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The routes of the example, discovered by Camel Quarkus as a CDI bean. The {@code databricks} component is
 * configured by {@code camel.component.databricks.*} in {@code application.properties} (or by
 * {@code DATABRICKS_HOST}/{@code DATABRICKS_TOKEN}, read by the client itself).
 */
@ApplicationScoped
public class DatabricksRoutes extends RouteBuilder {

    @ConfigProperty(name = "example.notebook-path", defaultValue = "/Shared/nightly")
    String notebookPath;

    @ConfigProperty(name = "example.wait-timeout", defaultValue = "2h")
    String waitTimeout;

    @ConfigProperty(name = "example.run-on-startup", defaultValue = "false")
    boolean runOnStartup;

    @Override
    public void configure() throws Exception {
        if (runOnStartup) {
            getContext().addStartupListener(new NightlyRunOnStartup());
        }
        // a one-task notebook run, submitted and waited for without holding a thread
        from("direct:nightly").routeId("nightly")
                .setBody(constant(Map.of("run_name", "nightly", "tasks", List.of(Map.of(
                        "task_key", "main", "notebook_task", Map.of("notebook_path", notebookPath))))))
                .to("databricks:jobs/submit?wait=true&waitTimeout=" + waitTimeout)
                .log("run ${header.CamelDatabricksRunId} ended ${header.CamelDatabricksResultState}");

        // every job of the workspace, as a List of typed BaseJob
        from("direct:jobs").routeId("jobs")
                .to("databricks:jobs/list");
    }
}
