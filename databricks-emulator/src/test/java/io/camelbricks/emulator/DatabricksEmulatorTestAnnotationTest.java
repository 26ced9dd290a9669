package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true, demoWorkspace = true, maxPageSize = 2,
        token = "dapi-annotated")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabricksEmulatorTestAnnotationTest {

    private final DatabricksEmulator constructorInjected;

    DatabricksEmulatorTestAnnotationTest(DatabricksEmulator emu) {
        this.constructorInjected = emu;
    }

    @Test
    @Order(1)
    void injectsAStartedEmulatorBuiltFromTheAnnotation(DatabricksEmulator emu, ManualClock clock) {
        assertThat(emu).isSameAs(constructorInjected);
        assertThat(emu.isRunning()).isTrue();
        assertThat(emu.token()).isEqualTo("dapi-annotated");
        assertThat(emu.clock()).isSameAs(clock);
        assertThat(emu.pageSizes().resolve(OptionalLong.of(50), 20, 100, "jobs.Jobs.list")).isEqualTo(2);
        assertThat(emu.jobs().jobCount()).isEqualTo(DemoWorkspace.JOB_NAMES.size());

        emu.jobs().createJob("only-in-this-test");
        clock.advance(Duration.ofHours(1));
    }

    @Test
    @Order(2)
    void resetsAndReseedsTheDemoWorkspaceBeforeEachTest(DatabricksEmulator emu, ManualClock clock) {
        assertThat(emu.jobs().jobCount()).isEqualTo(DemoWorkspace.JOB_NAMES.size());
        assertThat(clock.instant()).as("the clock is not reset").isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    @Order(3)
    void injectsTheOfficialSdksWorkspaceClientConfiguredForTheEmulator(com.databricks.sdk.WorkspaceClient workspace,
                                                                        com.databricks.sdk.WorkspaceClient again) {
        List<String> names = new ArrayList<>();
        for (BaseJob job : workspace.jobs().list(new ListJobsRequest())) {
            names.add(job.getSettings().getName());
        }

        assertThat(names).containsExactlyInAnyOrderElementsOf(DemoWorkspace.JOB_NAMES);
        assertThat(again).as("one client per test class").isSameAs(workspace);
    }

    @Test
    @Order(4)
    void recognisesWorkspaceClientsByTheirDatabricksConfigConstructor() {
        assertThat(DatabricksEmulatorExtension.workspaceClientConfig(com.databricks.sdk.WorkspaceClient.class)).isNotNull();
        assertThat(DatabricksEmulatorExtension.workspaceClientConfig(String.class)).isNull();
        assertThat(DatabricksEmulatorExtension.workspaceClientConfig(com.databricks.sdk.AccountClient.class)).isNull();
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingClassesEmulator(DatabricksEmulator emu) {
            assertThat(emu).isSameAs(constructorInjected);
        }
    }
}
