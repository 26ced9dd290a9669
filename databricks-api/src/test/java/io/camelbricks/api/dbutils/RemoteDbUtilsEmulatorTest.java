package io.camelbricks.api.dbutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.clusters.ClusterNotRunningException;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorTest;
import io.camelbricks.emulator.ManualClock;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.server.RecordedRequest;

/**
 * {@code w.dbutils()} calls that need a cluster, through the Command Execution API of the emulator (its clock stands
 * still: commands and clusters move one poll per state).
 */
@DatabricksEmulatorTest(manualClock = true, resetBeforeEach = true)
class RemoteDbUtilsEmulatorTest {
    private static final String RUNNING = EmulatedClusters.SHARED_CLUSTER_ID;
    private static final String TERMINATED = EmulatedClusters.JOBS_CLUSTER_ID;

    private final DatabricksEmulator emu;
    private WorkspaceClient w;

    RemoteDbUtilsEmulatorTest(DatabricksEmulator emu, ManualClock clock) {
        this.emu = emu;
    }

    private WorkspaceClient client(String clusterId) {
        w = new WorkspaceClient(TestClients.fast(new DatabricksConfig().setHost(emu.url()).setToken(emu.token())
                .setClusterId(clusterId).resolve(Map.of())));
        return w;
    }

    @AfterEach
    void closeClient() {
        if (w != null) {
            w.close();
        }
    }

    private List<String> paths() {
        return emu.requests().all().stream().map(RecordedRequest::apiPath).toList();
    }

    @Test
    void mountListUnmountRoundTripOnTheCluster() {
        WorkspaceClient w = client(RUNNING);
        assertThat(w.dbutils().fs().mount("s3a://raw-bucket/landing", "/mnt/raw", Map.of("fs.s3a.endpoint", "s3.eu")))
                .isTrue();
        assertThat(w.dbutils().fs().mounts())
                .contains(new MountInfo("/mnt/raw", "s3a://raw-bucket/landing", ""),
                        new MountInfo("/databricks-datasets", "databricks-datasets", ""));
        assertThat(emu.commands().mount("/mnt/raw").orElseThrow().extraConfigs())
                .containsEntry("fs.s3a.endpoint", "s3.eu");
        assertThat(w.dbutils().fs().updateMount("s3a://raw-bucket/v2", "/mnt/raw", Map.of())).isTrue();
        assertThat(w.dbutils().fs().refreshMounts()).isTrue();
        assertThat(w.dbutils().fs().unmount("/mnt/raw")).isTrue();
        assertThat(w.dbutils().fs().mounts()).extracting(MountInfo::mountPoint).doesNotContain("/mnt/raw");
        assertThat(emu.commands().openContexts(RUNNING)).hasSize(1);
    }

    @Test
    void oneContextIsCreatedAndReusedForEveryCall() {
        WorkspaceClient w = client(RUNNING);
        w.dbutils().fs().mounts();
        w.dbutils().fs().refreshMounts();
        w.dbutils().fs().mounts();
        assertThat(emu.requests().count("POST", "/contexts/create")).isEqualTo(1);
        assertThat(emu.requests().count("POST", "/commands/execute")).isEqualTo(3);
    }

    @Test
    void widgetsGetAnswersTheValueTheTestSet() {
        emu.commands().setWidget("run_date", "2025-06-01");
        assertThat(client(RUNNING).dbutils().widgets().get("run_date")).isEqualTo("2025-06-01");
    }

    @Test
    void anUndefinedWidgetRaisesWhatDbutilsRaises() {
        assertThatThrownBy(() -> client(RUNNING).dbutils().widgets().get("missing"))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "dbutils.widgets.get failed: com.databricks.dbutils_v1.InputWidgetNotDefined: "
                                + "No input widget named missing is defined"));
    }

    @Test
    void taskValuesGetAnswersTheValueOrTheDefaultInAJobRunAndTheDebugValueOutside() {
        WorkspaceClient w = client(RUNNING);
        RemoteJobs.TaskValues values = w.dbutils().jobs().taskValues();
        assertThat(values.get("ingest", "rows", 0, 42)).isEqualTo(42);                    // not in a job run
        emu.commands().setTaskValue("ingest", "rows", 1234);
        emu.commands().setTaskValue("ingest", "tables", List.of("a", "b"));
        assertThat(values.get("ingest", "rows", 0L, 42L, Long.class)).isEqualTo(1234L);
        assertThat(values.get("ingest", "tables", null, null)).isEqualTo(List.of("a", "b"));
        assertThat(values.get("ingest", "missing", "none", "debug")).isEqualTo("none");   // the default
        assertThatThrownBy(() -> values.get("ingest", "missing", null, null))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("ValueError: No value found");
    }

    @Test
    void aTerminatedClusterIsStartedAndRunningBeforeTheContextIsCreated() {
        assertThat(emu.clusters().state(TERMINATED)).hasValue("TERMINATED");
        List<MountInfo> mounts = client(TERMINATED).dbutils().fs().mounts();
        assertThat(mounts).isNotEmpty();
        assertThat(emu.clusters().state(TERMINATED)).hasValue("RUNNING");
        List<String> paths = paths();
        assertThat(paths.indexOf("/clusters/start")).isGreaterThanOrEqualTo(0)
                .isLessThan(paths.indexOf("/contexts/create"));
        assertThat(paths.lastIndexOf("/clusters/get")).isLessThan(paths.indexOf("/contexts/create"));
    }

    @Test
    void aClusterThatFailsToStartFailsTheCallWithItsReason() {
        emu.clusters().failNextStart("Insufficient capacity in us-east-1a");
        assertThatThrownBy(() -> client(TERMINATED).dbutils().fs().mounts())
                .isInstanceOf(ClusterNotRunningException.class)
                .hasMessageContaining("Insufficient capacity").hasMessageContaining("CLOUD_PROVIDER_LAUNCH_FAILURE");
        assertThat(emu.requests().count("POST", "/contexts/create")).isZero();
    }

    @Test
    void aCommandErrorSurfacesTheCauseTheClusterReported() {
        assertThatThrownBy(() -> client(RUNNING).dbutils().fs().unmount("/mnt/never-mounted"))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("dbutils.fs.unmount failed: java.rmi.RemoteException: "
                            + "Directory not mounted: /mnt/never-mounted");
                    assertThat(e.summary()).startsWith("ExecutionError: ");
                    assertThat(e.remoteCause()).contains("Traceback (most recent call last)", "ExecutionError")
                            .doesNotContain("\u001b[");
                });
    }

    @Test
    void aCallTheEmulatorDoesNotRunSaysSo() {
        assertThatThrownBy(() -> client(RUNNING).dbutils().remote().call(DbUtilsCall.of("notebook.run", "/x", 60)))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("dbutils.notebook.run failed: AttributeError: dbutils.notebook.run is not emulated (the "
                        + "emulator runs fs.mounts, mount, updateMount, unmount, refreshMounts, widgets.get and "
                        + "jobs.taskValues.get)");
    }

    @Test
    void aMissingClusterIdIsAClearErrorNamingTheAttributeAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> client(null).dbutils().fs().mounts())
                .isInstanceOf(DatabricksException.class)
                .hasMessageContaining("dbutils.fs.mounts runs on a cluster")
                .hasMessageContaining("cluster_id").hasMessageContaining("DATABRICKS_CLUSTER_ID");
        assertThat(emu.requests().count()).isZero();
    }

    @Test
    void closingTheClientDestroysTheContext() {
        WorkspaceClient w = client(RUNNING);
        w.dbutils().fs().refreshMounts();
        List<String> open = emu.commands().openContexts(RUNNING);
        assertThat(open).hasSize(1);
        w.close();
        assertThat(emu.commands().destroyedContexts()).isEqualTo(open);
        assertThat(emu.commands().openContexts(RUNNING)).isEmpty();
    }

    @Test
    void argumentsWithQuotesBackslashesAndUnicodeArriveIntact() {
        String source = "wasbs://c@acct.blob.core.windows.net/it's \"quoted\" \\ dir/\u00e9t\u00e9-\ud83d\ude00";
        client(RUNNING).dbutils().fs().mount(source, "/mnt/odd", Map.of("key", "line1\nline2"));
        assertThat(emu.commands().mount("/mnt/odd").orElseThrow().source()).isEqualTo(source);
        assertThat(emu.commands().mount("/mnt/odd").orElseThrow().extraConfigs()).containsEntry("key", "line1\nline2");
    }

    @Test
    void theCodeSentIsTheFiveLinesOfProtocolV1() {
        client(RUNNING).dbutils().fs().mount("s3a://b", "/mnt/b", Map.of());
        assertThat(emu.commands().executedCode()).containsExactly("# camelbricks dbutils call v1\n"
                + "import json\n"
                + "(args, kwargs) = json.loads(\"[[\\\"s3a://b\\\",\\\"/mnt/b\\\"],{\\\"extra_configs\\\":{}}]\")\n"
                + "result = dbutils.fs.mount(*args, **kwargs)\n"
                + "print(json.dumps(result))\n");
    }
}
