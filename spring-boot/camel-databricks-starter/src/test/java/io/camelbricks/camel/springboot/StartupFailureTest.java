package io.camelbricks.camel.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong {@code camel.component.databricks.*} value stops the application's start with a message naming it. */
class StartupFailureTest {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(StarterTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("camel.component.databricks.host=" + DATABRICKS.emulator().url(),
                        "camel.component.databricks.token=" + DATABRICKS.emulator().token())
                .properties(properties);
    }

    @Test
    void aValueOfTheWrongTypeFailsStartupNamingThePropertyAndItsType() {
        assertThatThrownBy(() -> application("camel.component.databricks.http-timeout-seconds=sixty").run())
                .hasMessageContaining("camel.component.databricks")
                .rootCause().hasMessageContaining("sixty");
        assertThatThrownBy(() -> application("camel.component.databricks.http-timeout-seconds=sixty").run())
                .hasStackTraceContaining("Failed to bind properties under "
                        + "'camel.component.databricks.http-timeout-seconds' to java.lang.Integer");
    }

    @Test
    void anObjectOptionThatIsNoBeanReferenceFailsStartupSayingWhatIsAccepted() {
        assertThatThrownBy(() -> application("camel.component.databricks.api-client=my-client").run())
                .hasStackTraceContaining("'camel.component.databricks.api-client'")
                .hasStackTraceContaining("'my-client' is not a bean reference: a ApiClient option takes #beanName");
    }

    @Test
    void theSameApplicationStartsWithValidValues() {
        try (ConfigurableApplicationContext context =
                     application("camel.component.databricks.http-timeout-seconds=60").run()) {
            assertThat(context.getBean(DatabricksComponentConfiguration.class).getHttpTimeoutSeconds()).isEqualTo(60);
        }
    }
}
