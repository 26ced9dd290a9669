package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The doc page's generated sections match the component JSON and the registry of this build. */
class ComponentDocTest {
    private static final Path DOC = Path.of("src/main/docs/databricks-component.adoc");

    @Test
    void theCommittedDocPageIsCurrent() throws Exception {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(ComponentDocWriter.update(committed))
                .as("%s is stale: the build (process-test-classes) rewrites it, commit the result", DOC)
                .isEqualTo(committed);
    }

    @Test
    void theDocPageListsEveryOptionEveryHeaderAndEveryWait() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(doc).contains("| *token* (security) | A personal access token (pat auth). Secret: masked in URIs"
                + " and logs.");
        assertThat(doc).contains("| *onWaitTimeout* (producer)").contains("Enum values: fail, cancel, continue.");
        assertThat(doc).contains("| (producer) `CamelDatabricksIdempotencyKey` |");
        assertThat(doc).contains("| `databricks:jobs/submit` | `jobs/getRun` | `state.life_cycle_state`: TERMINATED,"
                + " SKIPPED / INTERNAL_ERROR | CANCELED, FAILED, MAXIMUM_CONCURRENT_RUNS_REACHED, SKIPPED, TIMEDOUT,"
                + " UPSTREAM_CANCELED, UPSTREAM_FAILED | `jobs/cancelRun` | `Run`");
    }
}
