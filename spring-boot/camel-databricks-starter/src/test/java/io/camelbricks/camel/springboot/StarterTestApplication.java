package io.camelbricks.camel.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as a user writes one: its routes reach Databricks through the {@code databricks}
 * component, configured only by {@code camel.component.databricks.*} properties.
 */
@SpringBootApplication
public class StarterTestApplication {

    /** A one-task notebook run, as the body of {@code jobs/submit}. */
    static final Map<String, Object> NIGHTLY_RUN = Map.of("run_name", "nightly", "tasks", List.of(Map.of(
            "task_key", "main", "notebook_task", Map.of("notebook_path", "/Workspace/Shared/nightly"))));

    @Bean
    RouteBuilder databricksRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submitAndWait").routeId("submitAndWait")
                        .to("databricks:jobs/submit?wait=true&pollInterval=20&waitTimeout=30s");
                from("direct:listJobs").routeId("listJobs")
                        .to("databricks:jobs/list");
            }
        };
    }
}
