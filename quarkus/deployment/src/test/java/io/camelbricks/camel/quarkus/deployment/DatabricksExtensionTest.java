package io.camelbricks.camel.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.logging.LogRecord;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.camel.DatabricksComponent;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a Quarkus build: it installs the {@code camel-databricks} feature, registers every generated
 * model codegen listed for reflection with constructors, methods and fields (what Jackson needs in native mode),
 * and the application gets a working {@code databricks} component.
 */
class DatabricksExtensionTest {

    // the build runs in another class loader than the test methods: it reports through system properties
    private static final String GENERATED = "camel-databricks.test.generated-models";
    private static final String UNREGISTERED = "camel-databricks.test.unregistered-models";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .addBuildChainCustomizer(recordReflectiveClasses())
            .setLogRecordPredicate(record -> record.getMessage() != null
                    && record.getMessage().contains("Installed features"))
            .assertLogRecords(DatabricksExtensionTest::featureIsInstalled);

    @Inject
    CamelContext camelContext;

    private static Consumer<BuildChainBuilder> recordReflectiveClasses() {
        return chain -> chain.addBuildStep(context -> {
            Set<String> registered = new HashSet<>();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                if (item.isConstructors() && item.isMethods() && item.isFields()) {
                    registered.addAll(item.getClassNames());
                }
            }
            List<String> generated;
            try {
                generated = GeneratedModelClasses.read(Thread.currentThread().getContextClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(GENERATED, String.join(",", generated));
            System.setProperty(UNREGISTERED, generated.stream().filter(name -> !registered.contains(name))
                    .collect(Collectors.joining(",")));
            context.produce(new FeatureBuildItem("reflection-probe"));
        }).consumes(ReflectiveClassBuildItem.class).produces(FeatureBuildItem.class).build();
    }

    private static void featureIsInstalled(List<LogRecord> records) {
        assertThat(records).anySatisfy(record -> assertThat(record.getParameters())
                .anySatisfy(parameter -> assertThat(String.valueOf(parameter)).contains("camel-databricks")));
    }

    @Test
    void everyGeneratedModelIsRegisteredForReflectionWithItsMembers() {
        List<String> generated = List.of(System.getProperty(GENERATED, "").split(","));

        assertThat(generated).hasSizeGreaterThan(2500)
                .contains("io.camelbricks.api.service.jobs.Run", "io.camelbricks.api.service.jobs.RunLifeCycleState",
                        "io.camelbricks.api.service.jobs.SubmitRun");
        assertThat(System.getProperty(UNREGISTERED)).as("generated models not registered for reflection").isEmpty();
    }

    @Test
    void theApplicationHasTheDatabricksComponent() {
        assertThat(camelContext.getComponent("databricks")).isInstanceOf(DatabricksComponent.class);
    }
}
