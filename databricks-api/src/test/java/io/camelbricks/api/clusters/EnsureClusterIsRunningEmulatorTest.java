package io.camelbricks.api.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.ClustersService;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.clusters.ClusterScript;
import io.camelbricks.emulator.clusters.EmulatedClusters;

/**
 * {@code w.clusters().ensureClusterIsRunning(id)} from every state, on the emulator's virtual time: transitions last
 * a number of polls (the default script) or minutes of the {@link ManualClock} the test advances; nothing sleeps.
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class EnsureClusterIsRunningEmulatorTest {
    private static WorkspaceClient w;

    @BeforeAll
    static void fastClient(DatabricksEmulator emu) {
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .resolve(Map.of())));
    }

    @AfterAll
    static void close() {
        w.close();
    }

    @Test
    void theWorkspaceClientsClustersServiceHasTheHelpers() {
        ClustersService clusters = w.clusters();
        assertThat(clusters).isInstanceOf(ClustersExt.class).isSameAs(w.clusters());
    }

    @Test
    void aRunningClusterIsReturnedAtOnceWithoutStartingIt(DatabricksEmulator emu) {
        ClusterDetails c = w.clusters().ensureClusterIsRunning(EmulatedClusters.SHARED_CLUSTER_ID);

        assertThat(c.getState().value()).isEqualTo("RUNNING");
        assertThat(emu.requests().count("GET", "/clusters/get")).isEqualTo(1);
        assertThat(emu.requests().count("POST", "/clusters/start")).isZero();
    }

    @Test
    void aTerminatedClusterIsStartedAndWaitedFor(DatabricksEmulator emu) {
        ClusterDetails c = w.clusters().ensureClusterIsRunning(EmulatedClusters.JOBS_CLUSTER_ID);

        assertThat(c.getState().value()).isEqualTo("RUNNING");
        assertThat(emu.clusters().state(EmulatedClusters.JOBS_CLUSTER_ID)).hasValue("RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/start")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "RESTARTING", "RESIZING"})
    void aClusterOnItsWayToRunningIsWaitedForWithoutAStart(String state, DatabricksEmulator emu) {
        String id = emu.clusters().addCluster("on its way", state);

        assertThat(w.clusters().ensureClusterIsRunning(id).getState().value()).isEqualTo("RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/start")).isZero();
    }

    @Test
    void aPendingClusterCompletesTheFutureOnlyWhenVirtualTimeHasPassed(DatabricksEmulator emu, ManualClock clock) {
        emu.clusters().script(ClusterScript.timed(Duration.ofMinutes(4)));
        String id = emu.clusters().addCluster("slow", "PENDING");

        CompletableFuture<ClusterDetails> running = w.clusters().ensureClusterIsRunningAsync(id);
        assertThat(running).isNotDone();
        clock.advance(Duration.ofMinutes(4));

        assertThat(running.join().getState().value()).isEqualTo("RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/start")).isZero();
    }

    @Test
    void aTerminatingClusterIsWaitedOutThenStarted(DatabricksEmulator emu) {
        String id = emu.clusters().addCluster("stopping", "TERMINATING");

        assertThat(w.clusters().ensureClusterIsRunning(id).getState().value()).isEqualTo("RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/start")).isEqualTo(1);
    }

    @Test
    void aStartRefusedAsInvalidStateLooksAtTheClusterAgain(DatabricksEmulator emu) {
        emu.faults().on("POST", "/clusters/start").respond(400, "INVALID_STATE",
                "Cluster 0101-000000-emu00002 is in unexpected state Pending.").once();

        assertThat(w.clusters().ensureClusterIsRunning(EmulatedClusters.JOBS_CLUSTER_ID).getState().value())
                .isEqualTo("RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/start")).isEqualTo(2);
    }

    @Test
    void aClusterThatTerminatesWhileStartingFailsWithItsTerminationReason(DatabricksEmulator emu) {
        emu.clusters().failNextStart("No capacity in us-west-2a");

        assertThatThrownBy(() -> w.clusters().ensureClusterIsRunning(EmulatedClusters.JOBS_CLUSTER_ID))
                .isInstanceOfSatisfying(ClusterNotRunningException.class, e -> {
                    assertThat(e.getClusterId()).isEqualTo(EmulatedClusters.JOBS_CLUSTER_ID);
                    assertThat(e.getState()).isEqualTo("TERMINATED");
                    assertThat(e.getMessage()).isEqualTo("cluster 0101-000000-emu00002 (Nightly ETL) did not start: "
                            + "TERMINATED: No capacity in us-west-2a (termination reason CLOUD_PROVIDER_LAUNCH_FAILURE)");
                });
    }

    @Test
    void theAsyncVariantFailsItsFutureWithTheSameException(DatabricksEmulator emu) {
        emu.clusters().failNextStart("No capacity");

        CompletableFuture<ClusterDetails> running =
                w.clusters().ensureClusterIsRunningAsync(EmulatedClusters.JOBS_CLUSTER_ID);

        assertThatThrownBy(running::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ClusterNotRunningException.class)
                .hasMessageContaining("did not start: TERMINATED: No capacity");
    }

    @Test
    void aClusterInErrorFailsAtOnceWithItsStateMessage(DatabricksEmulator emu) {
        String id = emu.clusters().addCluster("broken", "RUNNING");
        ObjectNode details = emu.clusters().cluster(id).orElseThrow();
        details.put("state", "ERROR").put("state_message", "Driver is unresponsive");
        emu.clusters().putCluster(details);

        assertThatThrownBy(() -> w.clusters().ensureClusterIsRunning(id))
                .isInstanceOf(ClusterNotRunningException.class)
                .hasMessage("cluster " + id + " (broken) cannot be started: ERROR: Driver is unresponsive");
        assertThat(emu.requests().count("POST", "/clusters/start")).isZero();
    }

    @Test
    void aClusterNotRunningWithinTheTimeoutIsAWaitTimeout(DatabricksEmulator emu) {
        emu.clusters().script(ClusterScript.timed(Duration.ofHours(1)));
        String id = emu.clusters().addCluster("stuck", "PENDING");

        assertThatThrownBy(() -> w.clusters().ensureClusterIsRunning(id, Duration.ZERO))
                .isInstanceOf(io.camelbricks.api.wait.WaitTimeoutException.class)
                .hasMessageContaining("timed out");
    }
}
