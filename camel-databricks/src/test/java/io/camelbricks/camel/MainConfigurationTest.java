package io.camelbricks.camel;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.databricks.*} properties, as in {@code application.properties}, Camel JBang or Spring
 * Boot, are bound to the component by camel-main through the generated configurer; secrets among them stay out of
 * camel-main's startup summary and of every log line.
 */
class MainConfigurationTest {
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    @Test
    void componentPropertiesBindThroughCamelMainAndSecretsStayOutOfTheLog() throws Exception {
        DATABRICKS.emulator().reset();
        DATABRICKS.emulator().jobs().createJobs(3);
        Main main = new Main();
        main.addInitialProperty("camel.component.databricks.host", DATABRICKS.emulator().url());
        main.addInitialProperty("camel.component.databricks.token", DATABRICKS.emulator().token());
        main.addInitialProperty("camel.component.databricks.authType", "pat");
        main.addInitialProperty("camel.component.databricks.clientSecret", "mainClientSecret0123");
        main.addInitialProperty("camel.component.databricks.googleCredentialsSecret", "{\"private_key\":\"gcpKey0123\"}");
        main.addInitialProperty("camel.component.databricks.rateLimit", "50");
        main.addInitialProperty("camel.component.databricks.maxConnectionsPerPool", "4");
        main.addInitialProperty("camel.component.databricks.retryTimeoutSeconds", "30");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:jobs").to("databricks:jobs/list");
            }
        });

        String log;
        List<?> jobs;
        DatabricksConfiguration bound;
        try (LogCapture capture = new LogCapture()) {
            main.start();
            try {
                CamelContext context = main.getCamelContext();
                bound = context.getComponent("databricks", DatabricksComponent.class).getConfiguration();
                jobs = context.createProducerTemplate().requestBody("direct:jobs", (Object) null, List.class);
            } finally {
                main.stop();
            }
            log = capture.text();
        }

        assertThat(bound.getHost()).isEqualTo(DATABRICKS.emulator().url());
        assertThat(bound.getRateLimit()).isEqualTo(50);
        assertThat(bound.getMaxConnectionsPerPool()).isEqualTo(4);
        assertThat(bound.getRetryTimeoutSeconds()).isEqualTo(30);
        assertThat(bound.getGoogleCredentialsSecret()).contains("gcpKey0123");
        assertThat(jobs).hasSize(3);
        assertThat(log).as("the client's creation is logged, with secrets as ***")
                .contains("Created Databricks client for DatabricksConfig{Config: host=" + DATABRICKS.emulator().url()
                        + ", token=***, client_secret=***, google_credentials=***");
        assertThat(log).doesNotContain(DATABRICKS.emulator().token(), "mainClientSecret0123", "gcpKey0123");
    }
}
