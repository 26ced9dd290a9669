package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.commands.CommandScript;
import io.camelbricks.emulator.commands.CommandScript.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Command Execution API (1.2): contexts on running clusters, command lifecycles, the dbutils call protocol v1. */
class CommandExecutionTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final ManualClock CLOCK = new ManualClock(T0);
    private static final String RUNNING = EmulatedClusters.SHARED_CLUSTER_ID;

    @RegisterExtension
    static DatabricksEmulatorExtension databricks =
            new DatabricksEmulatorExtension(EmulatorOptions.builder().clock(CLOCK).build());

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    CommandExecutionTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
        CLOCK.set(T0);
    }

    /** The code of a protocol v1 call, written by hand as RemoteDbUtils writes it. */
    static String call(String function, String argsAndKwargsJson) throws Exception {
        return "# camelbricks dbutils call v1\nimport json\n(args, kwargs) = json.loads("
                + EmulatorClient.JSON.writeValueAsString(argsAndKwargsJson) + ")\nresult = dbutils." + function
                + "(*args, **kwargs)\nprint(json.dumps(result))\n";
    }

    private String context(String clusterId) {
        Reply r = client.post("/api/1.2/contexts/create", "{\"clusterId\":\"" + clusterId + "\",\"language\":\"python\"}");
        assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private String execute(String contextId, String code) throws Exception {
        Reply r = client.post("/api/1.2/commands/execute", EmulatorClient.JSON.writeValueAsString(Map.of(
                "clusterId", RUNNING, "contextId", contextId, "language", "python", "command", code)));
        assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private JsonNode status(String contextId, String commandId) {
        return client.get("/api/1.2/commands/status?clusterId=" + RUNNING + "&contextId=" + contextId
                + "&commandId=" + commandId).json();
    }

    private JsonNode finished(String contextId, String commandId) {
        JsonNode s = status(contextId, commandId);
        for (int i = 0; i < 5 && !"Finished".equals(s.path("status").asText()); i++) {
            s = status(contextId, commandId);
        }
        assertThat(s.path("status").asText()).isEqualTo("Finished");
        return s.get("results");
    }

    @Test
    void aContextIsPendingOnceThenRunning() {
        String ctx = context(RUNNING);
        String statusPath = "/api/1.2/contexts/status?clusterId=" + RUNNING + "&contextId=" + ctx;
        assertThat(client.get(statusPath).json().get("status").asText()).isEqualTo("Pending");
        assertThat(client.get(statusPath).json().get("status").asText()).isEqualTo("Running");
        assertThat(emu.commands().openContexts(RUNNING)).containsExactly(ctx);
    }

    @Test
    void contextsNeedARunningClusterAndAnExistingOne() {
        Reply terminated = client.post("/api/1.2/contexts/create",
                "{\"clusterId\":\"" + EmulatedClusters.JOBS_CLUSTER_ID + "\",\"language\":\"python\"}");
        assertThat(terminated.status()).isEqualTo(400);
        assertThat(terminated.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(terminated.message()).contains("TERMINATED", "not RUNNING");
        Reply missing = client.post("/api/1.2/contexts/create", "{\"clusterId\":\"nope\",\"language\":\"python\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).isEqualTo("Cluster nope does not exist");
    }

    @Test
    void aCommandIsQueuedThenRunningThenFinishedOnePollEach() throws Exception {
        String ctx = context(RUNNING);
        String cmd = execute(ctx, call("fs.mount", "[[\"s3a://raw-bucket\", \"/mnt/raw\"], {\"extra_configs\": {\"k\": \"v\"}}]"));
        List<String> seen = new ArrayList<>();
        JsonNode s;
        do {
            s = status(ctx, cmd);
            seen.add(s.get("status").asText());
        } while (!"Finished".equals(s.get("status").asText()) && seen.size() < 5);
        assertThat(seen).containsExactly("Queued", "Running", "Finished");
        assertThat(s.get("results").get("resultType").asText()).isEqualTo("text");
        assertThat(s.get("results").get("data").asText()).isEqualTo("true");
        assertThat(emu.commands().mount("/mnt/raw")).hasValueSatisfying(m -> {
            assertThat(m.source()).isEqualTo("s3a://raw-bucket");
            assertThat(m.extraConfigs()).containsEntry("k", "v");
        });
    }

    @Test
    void aMountAppearsOnlyWhenItsCommandFinishes() throws Exception {
        String ctx = context(RUNNING);
        execute(ctx, call("fs.mount", "[[\"s3a://raw-bucket\", \"/mnt/raw\"], {}]"));
        assertThat(emu.commands().mount("/mnt/raw")).isEmpty();
    }

    @Test
    void aTimedScriptMovesOnTheEmulatorClock() throws Exception {
        emu.commands().script(CommandScript.of(Step.lasting(Duration.ofSeconds(5)), Step.lasting(Duration.ofMinutes(1))));
        String ctx = context(RUNNING);
        String cmd = execute(ctx, call("fs.refreshMounts", "[[], {}]"));
        assertThat(status(ctx, cmd).get("status").asText()).isEqualTo("Queued");
        assertThat(status(ctx, cmd).get("status").asText()).isEqualTo("Queued");
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(status(ctx, cmd).get("status").asText()).isEqualTo("Running");
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(status(ctx, cmd).get("status").asText()).isEqualTo("Finished");
    }

    @Test
    void mountsAnswerNamedTuplesAsJsonArrays() throws Exception {
        String ctx = context(RUNNING);
        JsonNode results = finished(ctx, execute(ctx, call("fs.mounts", "[[], {}]")));
        JsonNode mounts = EmulatorClient.JSON.readTree(results.get("data").asText());
        assertThat(mounts.get(0).toString()).isEqualTo("[\"/databricks-datasets\",\"databricks-datasets\",\"\"]");
    }

    @Test
    void codeOutsideTheProtocolFinishesWithASyntaxErrorNamingIt() throws Exception {
        String ctx = context(RUNNING);
        JsonNode results = finished(ctx, execute(ctx, "print(spark.range(10).count())"));
        assertThat(results.get("resultType").asText()).isEqualTo("error");
        assertThat(results.get("summary").asText()).startsWith("<span class='ansi-red-fg'>SyntaxError</span>: ")
                .contains("camelbricks dbutils call protocol v1");
        assertThat(results.get("cause").asText()).contains("SyntaxError", "Traceback");
    }

    @Test
    void aFunctionTheEmulatorDoesNotRunIsAnAttributeError() throws Exception {
        String ctx = context(RUNNING);
        JsonNode results = finished(ctx, execute(ctx, call("notebook.run", "[[\"/x\", 60], {}]")));
        assertThat(results.get("summary").asText()).contains("AttributeError", "dbutils.notebook.run is not emulated");
    }

    @Test
    void unmountingWhatIsNotMountedRaisesAsDbutilsDoes() throws Exception {
        String ctx = context(RUNNING);
        JsonNode results = finished(ctx, execute(ctx, call("fs.unmount", "[[\"/mnt/nothing\"], {}]")));
        assertThat(results.get("summary").asText())
                .contains("java.rmi.RemoteException: Directory not mounted: /mnt/nothing");
    }

    @Test
    void widgetsAndTaskValuesComeFromTheTest() throws Exception {
        emu.commands().setWidget("run_date", "2025-06-01");
        String ctx = context(RUNNING);
        assertThat(finished(ctx, execute(ctx, call("widgets.get", "[[\"run_date\"], {}]"))).get("data").asText())
                .isEqualTo("\"2025-06-01\"");
        assertThat(finished(ctx, execute(ctx, call("jobs.taskValues.get",
                "[[\"ingest\", \"rows\"], {\"debugValue\": 7}]"))).get("data").asText()).isEqualTo("7");
        emu.commands().setTaskValue("ingest", "rows", 1234);
        assertThat(finished(ctx, execute(ctx, call("jobs.taskValues.get",
                "[[\"ingest\", \"rows\"], {\"debugValue\": 7}]"))).get("data").asText()).isEqualTo("1234");
        assertThat(finished(ctx, execute(ctx, call("jobs.taskValues.get",
                "[[\"ingest\", \"other\"], {\"default\": 0}]"))).get("data").asText()).isEqualTo("0");
    }

    @Test
    void aContextDiesWithItsClustersSparkContextAndDestroyIsRecorded() throws Exception {
        String ctx = context(RUNNING);
        client.post("/api/2.1/clusters/restart", "{\"cluster_id\":\"" + RUNNING + "\"}");
        emu.clusters().advanceCluster(RUNNING);
        Reply gone = client.post("/api/1.2/commands/execute", EmulatorClient.JSON.writeValueAsString(Map.of(
                "clusterId", RUNNING, "contextId", ctx, "language", "python", "command", call("fs.mounts", "[[], {}]"))));
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.message()).contains("restarted or terminated");
        String other = context(RUNNING);
        assertThat(client.post("/api/1.2/contexts/destroy", "{\"clusterId\":\"" + RUNNING + "\",\"contextId\":\""
                + other + "\"}").status()).isEqualTo(200);
        assertThat(emu.commands().destroyedContexts()).containsExactly(other);
        assertThat(emu.commands().openContexts(RUNNING)).isEmpty();
    }
}
