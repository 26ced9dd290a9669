package io.camelbricks.camel.quarkus.deployment;

import java.io.IOException;
import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Build steps of the camel-databricks extension. The component itself needs nothing from Quarkus: Camel Quarkus
 * finds it, like any component, through its {@code META-INF/services/org/apache/camel} files. What native mode
 * needs is reflection on the generated models, which Jackson reads and writes through their annotated fields,
 * accessors and factories: registered here from the list codegen generates.
 */
class DatabricksProcessor {

    static final String FEATURE = "camel-databricks";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    ReflectiveClassBuildItem generatedModelsForJackson() throws IOException {
        List<String> classes = GeneratedModelClasses.read(Thread.currentThread().getContextClassLoader());
        return ReflectiveClassBuildItem.builder(classes.toArray(String[]::new))
                .constructors().methods().fields().build();
    }
}
