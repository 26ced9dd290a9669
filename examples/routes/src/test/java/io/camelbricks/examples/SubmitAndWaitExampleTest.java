package io.camelbricks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SubmitAndWaitExampleTest {

    @Test
    void exampleSubmitsARunOnTheEmulatorAndEndsInSuccess() throws Exception {
        assertThat(SubmitAndWaitExample.run(Map.of())).isEqualTo("SUCCESS");
    }

    @Test
    void aRealWorkspaceNeedsANotebookAndACluster() {
        try (ExampleTarget target = ExampleTarget.from(Map.of("DATABRICKS_HOST", "https://example.cloud.databricks.com"))) {
            assertThat(target.isEmulator()).isFalse();
            assertThatThrownBy(target::runSpecification).hasMessageContaining("EXAMPLE_NOTEBOOK_PATH");
        }
    }
}
