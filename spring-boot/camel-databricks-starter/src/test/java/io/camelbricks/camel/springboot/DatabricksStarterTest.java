package io.camelbricks.camel.springboot;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.camel.DatabricksConfiguration;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a Spring Boot application context: {@code camel.component.databricks.*} properties configure the
 * component, and routes reach the workspace (an emulator on loopback) with them.
 */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.databricks.rate-limit=50",
        "camel.component.databricks.max-connections-per-pool=4",
        "camel.component.databricks.retry-timeout-seconds=30",
        "camel.component.databricks.auth-type=pat"})
class DatabricksStarterTest {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        registry.add("camel.component.databricks.host", () -> DATABRICKS.emulator().url());
        registry.add("camel.component.databricks.token", () -> DATABRICKS.emulator().token());
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    DatabricksComponentConfiguration properties;

    @BeforeEach
    void freshWorkspace() {
        DATABRICKS.emulator().reset();
    }

    @Test
    void propertiesConfigureTheComponent() {
        DatabricksConfiguration bound = camelContext.getComponent("databricks", DatabricksComponent.class)
                .getConfiguration();

        assertThat(bound.getHost()).isEqualTo(DATABRICKS.emulator().url());
        assertThat(bound.getToken()).isEqualTo(DATABRICKS.emulator().token());
        assertThat(bound.getAuthType()).isEqualTo("pat");
        assertThat(bound.getRateLimit()).isEqualTo(50);
        assertThat(bound.getMaxConnectionsPerPool()).isEqualTo(4);
        assertThat(bound.getRetryTimeoutSeconds()).isEqualTo(30);
        assertThat(properties.getHttpTimeoutSeconds()).as("an option not set stays unset").isNull();
        assertThat(bound.getHttpTimeoutSeconds()).isNull();
    }

    @Test
    void submitWithWaitRunsToTerminated() {
        Exchange out = template.request("direct:submitAndWait",
                e -> e.getMessage().setBody(StarterTestApplication.NIGHTLY_RUN));

        assertThat(out.getException()).isNull();
        Run run = out.getMessage().getBody(Run.class);
        assertThat(run.getState().getLifeCycleState().toString()).isEqualTo("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.LIFE_CYCLE_STATE)).isEqualTo("TERMINATED");
        assertThat(out.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(DATABRICKS.emulator().jobs().runIds())
                .contains(out.getMessage().getHeader(DatabricksConstants.RUN_ID, Long.class));
    }

    @Test
    void jobsListReturnsEveryJobOfTheWorkspace() {
        DATABRICKS.emulator().jobs().createJobs(3);

        List<?> jobs = template.requestBody("direct:listJobs", null, List.class);

        assertThat(jobs).hasSize(3).allSatisfy(job -> assertThat(job).isInstanceOf(BaseJob.class));
    }
}
