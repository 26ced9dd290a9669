package io.camelbricks.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of every Kamelet definition, read from the jar's resources as a Kamelet catalog reads them. */
class KameletDefinitionsTest {
    static final List<String> NAMES = List.of("databricks-job-run-sink", "databricks-run-events-source",
            "databricks-sql-sink", "databricks-volume-file-sink");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|secret|password).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9_.-]+)(:[^}]*)?}}");

    private static final Map<String, JsonNode> KAMELETS = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String name : NAMES) {
            try (InputStream in = KameletDefinitionsTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
                assertThat(in).as(name + " is in the jar under kamelets/").isNotNull();
                KAMELETS.put(name, yaml.readTree(in));
            }
        }
    }

    @Test
    void everyKameletIsAnApacheKameletNamedAfterItsFileWithItsType() {
        KAMELETS.forEach((name, kamelet) -> {
            assertThat(kamelet.path("apiVersion").asText()).as(name).isEqualTo("camel.apache.org/v1");
            assertThat(kamelet.path("kind").asText()).as(name).isEqualTo("Kamelet");
            assertThat(kamelet.at("/metadata/name").asText()).as(name).isEqualTo(name);
            assertThat(kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText()).as(name)
                    .isEqualTo(name.endsWith("-source") ? "source" : "sink");
            assertThat(kamelet.at("/spec/definition/type").asText()).as(name).isEqualTo("object");
            assertThat(kamelet.at("/spec/definition/title").asText()).as(name).isNotBlank();
            assertThat(kamelet.at("/spec/definition/description").asText()).as(name).isNotBlank();
            assertThat(texts(kamelet.at("/spec/dependencies"))).as(name).contains("camel:kamelet")
                    .anyMatch(d -> d.startsWith("mvn:io.camelbricks:camel-databricks:") && !d.contains("@"));
        });
    }

    @Test
    void everySecretIsAPasswordInTheCredentialsGroup() {
        KAMELETS.forEach((name, kamelet) -> kamelet.at("/spec/definition/properties").properties().forEach(p -> {
            boolean secret = SECRET_NAME.matcher(p.getKey()).matches();
            assertThat(p.getValue().path("format").asText()).as(name + " " + p.getKey())
                    .isEqualTo(secret ? "password" : p.getValue().path("format").asText());
            if (secret) {
                assertThat(texts(p.getValue().path("x-descriptors"))).as(name + " " + p.getKey())
                        .contains("urn:camel:group:credentials", "urn:alm:descriptor:com.tectonic.ui:password");
            }
        }));
        KAMELETS.forEach((name, kamelet) -> assertThat(kamelet.at("/spec/definition/properties/token/format").asText())
                .as(name + " token").isEqualTo("password"));
        KAMELETS.forEach((name, kamelet) -> assertThat(
                kamelet.at("/spec/definition/properties/clientSecret/format").asText())
                .as(name + " clientSecret").isEqualTo("password"));
    }

    @Test
    void requiredPropertiesAreDeclaredAndEveryMandatoryPlaceholderIsRequiredOrHasADefault() {
        KAMELETS.forEach((name, kamelet) -> {
            JsonNode properties = kamelet.at("/spec/definition/properties");
            Set<String> required = new HashSet<>(texts(kamelet.at("/spec/definition/required")));
            assertThat(required).as(name + ": required properties are declared")
                    .allMatch(properties::has);
            Set<String> beans = new HashSet<>();
            kamelet.at("/spec/template/beans").forEach(bean -> beans.add(bean.path("name").asText()));
            Set<String> used = new HashSet<>();
            String template = kamelet.path("spec").path("template").toString();
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                String property = m.group(2);
                if (beans.contains(property)) {
                    continue; // a bean of the template, e.g. {{statementParameters}}
                }
                used.add(property);
                assertThat(properties.has(property)).as(name + ": {{" + property + "}} is a declared property").isTrue();
                if (m.group(1) == null && m.group(3) == null) {
                    assertThat(required.contains(property) || properties.path(property).has("default")
                            || template.contains("${propertiesExist:" + property + "}"))
                            .as(name + ": {{" + property + "}} is required, has a default or is used only when set")
                            .isTrue();
                }
            }
            assertThat(used).as(name + ": every declared property is used by the template")
                    .containsAll(iterable(properties.fieldNames()));
        });
    }

    @Test
    void everyPropertyHasATitleADescriptionAndAType() {
        KAMELETS.forEach((name, kamelet) -> kamelet.at("/spec/definition/properties").properties().forEach(p -> {
            assertThat(p.getValue().path("title").asText()).as(name + " " + p.getKey()).isNotBlank();
            assertThat(p.getValue().path("description").asText()).as(name + " " + p.getKey()).isNotBlank();
            assertThat(p.getValue().path("type").asText()).as(name + " " + p.getKey())
                    .isIn("string", "integer", "boolean", "number");
        }));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
