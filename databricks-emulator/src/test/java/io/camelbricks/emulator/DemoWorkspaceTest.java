package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoWorkspaceTest {

    @Test
    void seedsJobsClustersAPoolAndAPolicy() {
        try (DatabricksEmulator emu = new DatabricksEmulator().start()) {
            int clusters = emu.clusters().clusterCount();

            DemoWorkspace.seed(emu);

            assertThat(emu.jobs().jobCount()).isEqualTo(3);
            assertThat(emu.clusters().clusterCount()).isEqualTo(clusters + 1);
            assertThat(emu.clusters().instancePoolIds()).hasSize(1);
            assertThat(emu.clusters().policyIds()).hasSize(1);
            EmulatorClient client = new EmulatorClient(emu);
            assertThat(client.get("/api/2.2/jobs/list").json().path("jobs")).hasSize(3);
        }
    }

    @Test
    void theCommandLineSeedsTheDemoWorkspaceUnlessEmpty() {
        assertThat(DatabricksEmulatorMain.parse(new String[0]).empty()).isFalse();
        assertThat(DatabricksEmulatorMain.parse(new String[] {"--empty"}).empty()).isTrue();
        assertThat(DatabricksEmulatorMain.USAGE).contains("--empty");
    }
}
