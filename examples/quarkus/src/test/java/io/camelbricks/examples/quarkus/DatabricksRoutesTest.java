package io.camelbricks.examples.quarkus;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.camel.DatabricksConstants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application in Quarkus JVM mode, against an emulator on loopback: the component is configured from
 * {@code camel.component.databricks.*} configuration, and the routes submit a run and list jobs.
 */
@QuarkusTest
@WithTestResource(DatabricksEmulatorResource.class)
class DatabricksRoutesTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext camelContext;

    @Test
    void configurationPropertiesReachTheComponent() {
        var configuration = camelContext.getComponent("databricks", DatabricksComponent.class).getConfiguration();

        assertThat(configuration.getHost()).isEqualTo(DatabricksEmulatorResource.emulator().url());
        assertThat(configuration.getRetryTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void nightlyRouteSubmitsARunAndWaitsUntilItTerminates() {
        Exchange out = template.request("direct:nightly", e -> { });

        assertThat(out.getException()).isNull();
        Run run = out.getMessage().getBody(Run.class);
        assertThat(run.getState().getLifeCycleState().toString()).isEqualTo("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(DatabricksEmulatorResource.emulator().jobs().runIds())
                .contains(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
        assertThat(run.getTasks()).singleElement()
                .satisfies(task -> assertThat(task.getNotebookTask().getNotebookPath()).isEqualTo("/Shared/nightly"));
    }

    @Test
    void jobsRouteListsTheWorkspaceJobs() {
        DatabricksEmulatorResource.emulator().reset();
        List<Long> created = DatabricksEmulatorResource.emulator().jobs().createJobs(2);

        List<?> jobs = template.requestBody("direct:jobs", null, List.class);

        assertThat(jobs).hasSize(2).allSatisfy(job -> assertThat(job).isInstanceOf(BaseJob.class));
        assertThat(jobs.stream().map(job -> ((BaseJob) job).getJobId())).containsExactlyInAnyOrderElementsOf(created);
    }
}
