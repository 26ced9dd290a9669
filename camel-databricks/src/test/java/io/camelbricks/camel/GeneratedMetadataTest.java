package io.camelbricks.camel;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.config.ConfigAttribute;

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

    /**
     * The attribute table of the client's configuration is the list of connection options: each attribute (but the
     * Databricks Connect defaults that would shadow request fields) is an option on the component and on endpoints,
     * secret exactly when the attribute is sensitive, and named so that Camel's keyword-based masking hides the
     * value of every secret in URIs and logs.
     */
    @Test
    void everyConfigurationAttributeIsAConnectionOptionAndEverySensitiveOneASecret() throws Exception {
        JsonNode json = componentJson();
        int options = 0;
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            String option = DatabricksConfiguration.optionName(attribute);
            if (DatabricksConfiguration.NOT_OPTIONS.contains(attribute)) {
                assertThat(json.at("/properties/" + option).isMissingNode()).as(option).isTrue();
                continue;
            }
            options++;
            for (String section : new String[] {"/properties/", "/componentProperties/"}) {
                JsonNode property = json.at(section + option);
                assertThat(property.isMissingNode()).as("%s%s (attribute %s)", section, option, attribute).isFalse();
                assertThat(property.path("secret").asBoolean()).as("%s%s secret", section, option)
                        .isEqualTo(attribute.isSensitive());
            }
            if (attribute.isSensitive()) {
                assertThat(json.at("/properties/" + option + "/label").asText()).contains("security");
                assertThat(URISupport.sanitizeUri("databricks:jobs/list?" + option + "=SECRET"))
                        .as("Camel masks %s", option).doesNotContain("SECRET");
            }
        }
        assertThat(options).isEqualTo(ConfigAttribute.all().size() - DatabricksConfiguration.NOT_OPTIONS.size());
    }

    @Test
    void producerAndConsumerOptionsAreDescribedWithTheirChoices() throws Exception {
        JsonNode json = componentJson();
        assertThat(json.at("/properties/onWaitTimeout/enum").toString()).isEqualTo("[\"fail\",\"cancel\",\"continue\"]");
        assertThat(json.at("/properties/outputType/enum").toString()).isEqualTo("[\"typed\",\"map\",\"json\",\"rows\",\"list\"]");
        assertThat(json.at("/properties/emit/enum").toString()).isEqualTo("[\"items\",\"changes\"]");
        assertThat(json.at("/properties/waitTimeout/type").asText()).isEqualTo("duration");
        assertThat(json.at("/properties/credentialsProvider/autowired").asBoolean()).isTrue();
        for (String header : new String[] {"CamelDatabricksStateMessage", "CamelDatabricksTerminationCode",
                "CamelDatabricksRunPageUrl", "CamelDatabricksFailedState", "CamelDatabricksIdempotencyKey",
                "CamelDatabricksWaitTimedOut", "CamelDatabricksPreviousState"}) {
            assertThat(json.at("/headers/" + header + "/description").asText()).as(header).isNotBlank();
        }
    }

    @Test
    void devConsoleIsRegisteredForCamelsResolver() {
        assertThat(getClass().getResource("/META-INF/services/org/apache/camel/dev-console/databricks")).isNotNull();
    }

    private JsonNode componentJson() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelbricks/camel/databricks.json")) {
            return new ObjectMapper().readTree(in);
        }
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
