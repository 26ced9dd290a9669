package io.camelbricks.camel;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What camel-component-maven-plugin generated (src/generated) is on the classpath and says what we mean. */
class GeneratedMetadataTest {

    @Test
    void componentJsonDescribesOptionsSecretsAndHeaders() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelbricks/camel/databricks.json")) {
            assertThat(in).as("component JSON").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("databricks");
        assertThat(json.at("/component/syntax").asText()).isEqualTo("databricks:service/operation");
        assertThat(json.at("/component/lenientProperties").asBoolean()).isTrue();
        for (String secret : new String[] {"token", "clientSecret", "password"}) {
            assertThat(json.at("/properties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
            assertThat(json.at("/componentProperties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
        }
        assertThat(json.at("/properties/host/secret").asBoolean()).isFalse();
        assertThat(json.at("/properties/service/required").asBoolean()).isTrue();
        assertThat(json.at("/properties/operation/required").asBoolean()).isTrue();
        assertThat(json.at("/properties/wait/type").asText()).isEqualTo("boolean");
        assertThat(json.at("/componentProperties/apiClient/autowired").asBoolean()).isTrue();
        assertThat(json.at("/headers/CamelDatabricksRunId/javaType").asText()).isEqualTo("Long");
        assertThat(json.at("/headers/CamelDatabricksResultState")).isNotNull();
    }

    @Test
    void uriFactoryKnowsSecretsAndBuildsUris() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            EndpointUriFactory factory = PluginHelper.getUriFactoryResolver(context)
                    .resolveFactory("databricks", context);

            assertThat(factory).isNotNull();
            assertThat(factory.secretPropertyNames()).contains("token", "clientSecret", "password");
            assertThat(factory.isLenientProperties()).isTrue();
            assertThat(factory.buildUri("databricks", java.util.Map.of("service", "jobs", "operation", "submit",
                    "wait", true), false)).isEqualTo("databricks:jobs/submit?wait=true");
        }
    }
}
