package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;

/** {@code @DatabricksEmulatorTest} hands our own {@link WorkspaceClient} to a test, configured for the emulator. */
@DatabricksEmulatorTest
class EmulatorAnnotationInjectsOurClientTest {

    @Test
    void theInjectedClientTalksToTheInjectedEmulator(DatabricksEmulator emu, WorkspaceClient w) {
        long id = emu.jobs().createJob("injected");
        assertThat(w.config().getHost()).isEqualTo(emu.url());
        assertThat(w.config().getAuthType()).isEqualTo("pat");
        assertThat(w.jobs().list(new JobsListRequest()).stream().map(BaseJob::getJobId)).contains(id);
    }
}
