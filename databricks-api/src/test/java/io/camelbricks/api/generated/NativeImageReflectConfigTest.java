package io.camelbricks.api.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.service.jobs.Run;

/**
 * The GraalVM reflection configuration that codegen writes into the jar lists exactly the generated classes Jackson
 * binds: every compiled class of {@code io.camelbricks.api.service} except the services (built on an
 * {@link ApiClient}) and the operation tables (static {@link Operation} constants), each with its members.
 */
class NativeImageReflectConfigTest {

    private static final String CONFIG = "META-INF/native-image/io.camelbricks/databricks-api/reflect-config.json";

    @Test
    void reflectConfigListsEveryGeneratedModelEnumRequestAndResponseClass() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : readConfig()) {
            String name = entry.get("name").asText();
            assertThat(listed.add(name)).as("%s listed once", name).isTrue();
            for (String member : new String[] {"allDeclaredConstructors", "allDeclaredFields", "allDeclaredMethods",
                    "allPublicConstructors", "allPublicMethods"}) {
                assertThat(entry.path(member).asBoolean()).as("%s of %s", member, name).isTrue();
            }
        }

        Set<String> bound = jacksonBoundGeneratedClasses();

        assertThat(bound).as("generated classes found on the class path").hasSizeGreaterThan(2500);
        assertThat(listed).containsExactlyElementsOf(bound);
    }

    private static JsonNode readConfig() throws IOException {
        try (InputStream in = Run.class.getClassLoader().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG + " in databricks-api's resources").isNotNull();
            JsonNode config = new ObjectMapper().readTree(in);
            assertThat(config.isArray()).isTrue();
            return config;
        }
    }

    /** The classes of the generated service packages, minus services and operation tables. */
    private static Set<String> jacksonBoundGeneratedClasses() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Path.of(Run.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("io/camelbricks/api/service");
        Set<String> bound = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type = Class.forName(name, false, Run.class.getClassLoader());
                if (!isService(type) && !isOperationTable(type)) {
                    bound.add(name);
                }
            }
        }
        return bound;
    }

    private static boolean isService(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (Arrays.equals(constructor.getParameterTypes(), new Class<?>[] {ApiClient.class})) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperationTable(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Operation.class) {
                return true;
            }
        }
        return false;
    }
}
