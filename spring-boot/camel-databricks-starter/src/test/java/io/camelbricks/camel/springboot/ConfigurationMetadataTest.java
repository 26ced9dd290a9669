package io.camelbricks.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE completion metadata that {@code spring-boot-configuration-processor} writes from
 * {@link DatabricksComponentConfiguration} (plus {@code additional-spring-configuration-metadata.json}) covers
 * exactly the options of the component's own Camel metadata, with the same types and defaults: when the component
 * gains, loses or changes an option, this test names it.
 */
class ConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.databricks.";
    private static final Map<String, String> WRAPPERS = Map.of("boolean", "java.lang.Boolean",
            "int", "java.lang.Integer", "long", "java.lang.Long");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyComponentOptionIsAPropertyWithItsTypeDefaultAndDescription() throws IOException {
        Map<String, JsonNode> options = componentOptions();
        Map<String, JsonNode> properties = springProperties();

        assertThat(options).as("component options read from databricks.json").hasSizeGreaterThan(50);
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            String name = PREFIX + kebab(option.getKey());
            JsonNode expected = option.getValue();
            assertThat(properties).as("a property for the component option %s", option.getKey()).containsKey(name);
            JsonNode property = properties.get(name);
            String javaType = expected.get("javaType").asText();
            assertThat(property.path("type").asText()).as("type of %s", name)
                    .isEqualTo(WRAPPERS.getOrDefault(javaType, javaType));
            assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            if (expected.has("defaultValue")) {
                assertThat(property.path("defaultValue")).as("default of %s", name).isEqualTo(expected.get("defaultValue"));
            } else {
                assertThat(property.has("defaultValue")).as("%s has no default", name).isFalse();
            }
        }
    }

    @Test
    void thereIsNoPropertyTheComponentDoesNotHave() throws IOException {
        Map<String, JsonNode> options = componentOptions();
        for (String name : springProperties().keySet()) {
            String option = name.substring(PREFIX.length());
            if (option.equals("enabled") || option.startsWith("customizer.")) {
                continue; // the switches every Camel starter has
            }
            assertThat(options.keySet().stream().map(ConfigurationMetadataTest::kebab))
                    .as("the component option behind %s", name).contains(option);
        }
    }

    /** The component's options, from the Camel metadata generated into camel-databricks. */
    private Map<String, JsonNode> componentOptions() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/io/camelbricks/camel/databricks.json")) {
            assertThat(in).as("databricks.json of camel-databricks on the class path").isNotNull();
            return fields(json.readTree(in).get("componentProperties"));
        }
    }

    /** The {@code camel.component.databricks.*} entries of every Spring configuration metadata file. */
    private Map<String, JsonNode> springProperties() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(PREFIX)) {
                        properties.put(name, property);
                    }
                }
            }
        }
        assertThat(properties).as("the starter's spring-configuration-metadata.json").isNotEmpty();
        return properties;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
