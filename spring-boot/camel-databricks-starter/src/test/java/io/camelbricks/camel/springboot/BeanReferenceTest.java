package io.camelbricks.camel.springboot;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.camel.DatabricksComponent;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object option given as {@code #beanName} takes that bean of the application context, even among several of
 * the same type (when autowiring, which needs exactly one, cannot choose).
 */
class BeanReferenceTest {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    /** Two workspace clients: the emulator's, and one for a workspace that does not answer. */
    @Configuration(proxyBeanMethods = false)
    static class TwoWorkspaces {
        @Bean(destroyMethod = "close")
        WorkspaceClient emulatorWorkspace() {
            return new WorkspaceClient(new DatabricksConfig().setHost(DATABRICKS.emulator().url())
                    .setToken(DATABRICKS.emulator().token()));
        }

        @Bean(destroyMethod = "close")
        WorkspaceClient otherWorkspace() {
            return new WorkspaceClient(new DatabricksConfig().setHost("http://127.0.0.1:9")
                    .setToken("dapi-other-workspace"));
        }
    }

    @Test
    void theWorkspaceClientPropertyTakesTheNamedBean() {
        DATABRICKS.emulator().reset();
        DATABRICKS.emulator().jobs().createJobs(2);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterTestApplication.class,
                TwoWorkspaces.class).web(WebApplicationType.NONE)
                .properties("camel.component.databricks.workspace-client=#emulatorWorkspace").run()) {
            CamelContext camel = context.getBean(CamelContext.class);
            WorkspaceClient chosen = camel.getComponent("databricks", DatabricksComponent.class).getConfiguration()
                    .getWorkspaceClient();
            List<?> jobs = context.getBean(ProducerTemplate.class).requestBody("direct:listJobs", null, List.class);

            assertThat(chosen).isSameAs(context.getBean("emulatorWorkspace"));
            assertThat(jobs).hasSize(2);
        }
    }
}
