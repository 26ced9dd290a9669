package io.camelbricks.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.api.DatabricksConfig;

/** Every attribute of the table can be set in code, from its environment variable and from a profile. */
class EveryAttributeTest {

    private static String sample(ConfigAttribute a) {
        return switch (a.type()) {
            case INTEGER -> "17";
            case BOOLEAN -> "true";
            case LIST -> "a,b";
            case STRING -> a == ConfigAttribute.HOST ? "https://h.cloud.databricks.com" : "v-" + a.attributeName();
        };
    }

    private static Object typed(ConfigAttribute a) {
        return switch (a.type()) {
            case INTEGER -> 17;
            case BOOLEAN -> true;
            case LIST -> List.of("a", "b");
            case STRING -> sample(a);
        };
    }

    @Test
    void everyAttributeIsReadFromItsEnvironmentVariable() {
        for (ConfigAttribute a : ConfigAttribute.all()) {
            if (a.envVar() == null || a == ConfigAttribute.CONFIG_FILE || a == ConfigAttribute.PROFILE) {
                continue;
            }
            DatabricksConfig c = new DatabricksConfig().setAuthType("pat");
            if (a == ConfigAttribute.AUTH_TYPE) {
                c = new DatabricksConfig();
            }
            c.resolve(Map.of(a.envVar(), sample(a)));
            assertThat(c.getAttribute(a.attributeName())).as(a.envVar()).isEqualTo(typed(a));
        }
    }

    @Test
    void everyAttributeIsReadFromAProfile(@TempDir Path home) throws IOException {
        for (ConfigAttribute a : ConfigAttribute.all()) {
            if (a == ConfigAttribute.CONFIG_FILE || a == ConfigAttribute.PROFILE) {
                continue;
            }
            Files.writeString(home.resolve(".databrickscfg"), "[p]\n" + a.attributeName() + " = " + sample(a) + "\n");
            DatabricksConfig c = new DatabricksConfig().setProfile("p").setAuthType("pat");
            if (a == ConfigAttribute.AUTH_TYPE) {
                c = new DatabricksConfig().setProfile("p");
            }
            c.resolve(Map.of("HOME", home.toString()));
            assertThat(c.getAttribute(a.attributeName())).as(a.attributeName()).isEqualTo(typed(a));
        }
    }

    @Test
    void everyAttributeIsSettableInCodeBySnakeOrCamelCaseName() {
        for (ConfigAttribute a : ConfigAttribute.all()) {
            DatabricksConfig c = new DatabricksConfig().setAttribute(a.camelCaseName(), sample(a));
            assertThat(c.getAttribute(a.attributeName())).as(a.camelCaseName()).isEqualTo(typed(a));
            assertThat(c.get(a)).isEqualTo(typed(a));
        }
    }

    @Test
    void explicitValuesWinOverEnvironmentWhichWinsOverTheProfile(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(".databrickscfg"), "[p]\nhost = https://file\ncluster_id = from-file\n"
                + "warehouse_id = from-file\nrate_limit = 3\ntoken = t\n");
        DatabricksConfig c = new DatabricksConfig().setProfile("p").setClusterId("from-code")
                .resolve(Map.of("HOME", home.toString(), "DATABRICKS_WAREHOUSE_ID", "from-env"));
        assertThat(c.getClusterId()).isEqualTo("from-code");
        assertThat(c.getWarehouseId()).isEqualTo("from-env");
        assertThat(c.getRateLimit()).isEqualTo(3);
        assertThat(c.getHost()).isEqualTo("https://file");
    }
}
