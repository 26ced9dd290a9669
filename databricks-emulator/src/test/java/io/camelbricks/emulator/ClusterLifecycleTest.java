package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.clusters.ClusterScript;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster state machine, driven by polls or the clock, its events, and the list filters. */
class ClusterLifecycleTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final ManualClock CLOCK = new ManualClock(T0);
    private static final String SPEC = "\"spark_version\":\"15.4.x-scala2.12\",\"node_type_id\":\"i3.xlarge\"";

    @RegisterExtension
    static DatabricksEmulatorExtension databricks =
            new DatabricksEmulatorExtension(EmulatorOptions.builder().clock(CLOCK).build());

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    ClusterLifecycleTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
        CLOCK.set(T0);
    }

    private String create(String fields) {
        Reply r = client.post("/api/2.1/clusters/create", "{\"cluster_name\":\"etl\"," + SPEC + fields + "}");
        assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
        return r.json().get("cluster_id").asText();
    }

    private JsonNode get(String id) {
        return client.get("/api/2.1/clusters/get?cluster_id=" + id).json();
    }

    private String state(String id) {
        return get(id).get("state").asText();
    }

    private Reply post(String op, String id, String fields) {
        return client.post("/api/2.1/clusters/" + op, "{\"cluster_id\":\"" + id + "\"" + fields + "}");
    }

    private List<String> eventTypes(String id) {
        List<String> types = new ArrayList<>();
        client.post("/api/2.1/clusters/events", "{\"cluster_id\":\"" + id + "\",\"order\":\"ASC\"}").json()
                .path("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void aCreatedClusterIsPendingForOnePollThenRunning() {
        String id = create(",\"num_workers\":2");
        JsonNode pending = get(id);
        assertThat(pending.get("state").asText()).isEqualTo("PENDING");
        assertThat(pending.get("cluster_source").asText()).isEqualTo("API");
        assertThat(pending.get("creator_user_name").asText()).isEqualTo(emu.options().userName());
        assertThat(pending.get("start_time").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(pending.has("spark_context_id")).isFalse();
        JsonNode running = get(id);
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("spark_context_id").asLong()).isPositive();
        assertThat(running.get("executors")).hasSize(2);
        assertThat(running.get("cluster_cores").asDouble()).isEqualTo(12.0);
        assertThat(running.at("/spec/num_workers").asInt()).isEqualTo(2);
        assertThat(running.at("/default_tags/ClusterId").asText()).isEqualTo(id);
        assertThat(eventTypes(id)).containsExactly("CREATING", "RUNNING");
    }

    @Test
    void deleteTerminatesThroughTerminatingAndStartBringsItBack() {
        String id = create("");
        state(id);
        state(id);
        assertThat(post("delete", id, "").status()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("TERMINATING");
        JsonNode terminated = get(id);
        assertThat(terminated.get("state").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.at("/termination_reason/code").asText()).isEqualTo("USER_REQUEST");
        assertThat(terminated.at("/termination_reason/type").asText()).isEqualTo("SUCCESS");
        assertThat(terminated.has("driver")).isFalse();
        assertThat(post("delete", id, "").status()).isEqualTo(200);

        assertThat(post("start", id, "").status()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("PENDING");
        JsonNode again = get(id);
        assertThat(again.get("state").asText()).isEqualTo("RUNNING");
        assertThat(again.has("termination_reason")).isFalse();
        assertThat(eventTypes(id)).containsExactly("CREATING", "RUNNING", "TERMINATING", "STARTING", "RUNNING");
    }

    @Test
    void operationsInTheWrongStateAnswerInvalidState() {
        Reply start = post("start", EmulatedClusters.SHARED_CLUSTER_ID, "");
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(start.message()).isEqualTo("Cluster " + EmulatedClusters.SHARED_CLUSTER_ID
                + " is in unexpected state Running.");
        assertThat(post("restart", EmulatedClusters.JOBS_CLUSTER_ID, "").message()).endsWith("unexpected state Terminated.");
        assertThat(post("resize", EmulatedClusters.JOBS_CLUSTER_ID, ",\"num_workers\":3").errorCode())
                .isEqualTo("INVALID_STATE");
        String pending = create("");
        assertThat(post("edit", pending, ",\"cluster_name\":\"x\"," + SPEC).message())
                .endsWith("unexpected state Pending.");
        assertThat(post("start", "nope", "").message()).isEqualTo("Cluster nope does not exist");
    }

    @Test
    void restartAndResizePassThroughTheirStates() {
        String id = EmulatedClusters.SHARED_CLUSTER_ID;
        long context = get(id).get("spark_context_id").asLong();
        post("restart", id, "");
        assertThat(state(id)).isEqualTo("RESTARTING");
        JsonNode restarted = get(id);
        assertThat(restarted.get("state").asText()).isEqualTo("RUNNING");
        assertThat(restarted.get("spark_context_id").asLong()).isNotEqualTo(context);

        assertThat(post("resize", id, ",\"num_workers\":5").status()).isEqualTo(200);
        JsonNode resizing = get(id);
        assertThat(resizing.get("state").asText()).isEqualTo("RESIZING");
        assertThat(resizing.get("num_workers").asInt()).isEqualTo(5);
        JsonNode resized = get(id);
        assertThat(resized.get("state").asText()).isEqualTo("RUNNING");
        assertThat(resized.get("executors")).hasSize(5);
        assertThat(eventTypes(id)).containsExactly("RESTARTING", "RUNNING", "RESIZING", "UPSIZE_COMPLETED");

        post("resize", id, ",\"autoscale\":{\"min_workers\":1,\"max_workers\":4}");
        get(id);
        assertThat(get(id).at("/autoscale/max_workers").asInt()).isEqualTo(4);
        assertThat(get(id).has("num_workers")).isFalse();
        assertThat(post("resize", id, "").status()).isEqualTo(400);
    }

    @Test
    void editOfARunningClusterRestartsItAndOfATerminatedOneKeepsItTerminated() {
        String id = EmulatedClusters.SHARED_CLUSTER_ID;
        assertThat(post("edit", id, ",\"cluster_name\":\"renamed\",\"num_workers\":1," + SPEC).status()).isEqualTo(200);
        JsonNode edited = get(id);
        assertThat(edited.get("state").asText()).isEqualTo("RESTARTING");
        assertThat(edited.get("cluster_name").asText()).isEqualTo("renamed");
        assertThat(edited.get("cluster_id").asText()).isEqualTo(id);
        assertThat(edited.at("/default_tags/ClusterName").asText()).isEqualTo("renamed");
        assertThat(eventTypes(id)).containsExactly("EDITED", "RESTARTING");

        String stopped = EmulatedClusters.JOBS_CLUSTER_ID;
        post("edit", stopped, ",\"cluster_name\":\"nightly-2\"," + SPEC);
        assertThat(state(stopped)).isEqualTo("TERMINATED");
        assertThat(get(stopped).get("cluster_name").asText()).isEqualTo("nightly-2");
    }

    @Test
    void updateChangesOnlyTheMaskedFields() {
        String id = create(",\"num_workers\":2,\"autotermination_minutes\":30");
        get(id);
        get(id);
        Reply r = client.post("/api/2.1/clusters/update", "{\"cluster_id\":\"" + id + "\",\"update_mask\":"
                + "\"num_workers,cluster_name\",\"cluster\":{\"num_workers\":4,\"cluster_name\":\"etl-4\","
                + "\"autotermination_minutes\":99}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode updated = get(id);
        assertThat(updated.get("num_workers").asInt()).isEqualTo(4);
        assertThat(updated.get("cluster_name").asText()).isEqualTo("etl-4");
        assertThat(updated.get("autotermination_minutes").asInt()).isEqualTo(30);
        assertThat(updated.get("state").asText()).isEqualTo("RESTARTING");
    }

    @Test
    void permanentDeleteRemovesTheCluster() {
        String id = create("");
        assertThat(post("permanent-delete", id, "").status()).isEqualTo(200);
        assertThat(client.get("/api/2.1/clusters/get?cluster_id=" + id).message())
                .isEqualTo("Cluster " + id + " does not exist");
        assertThat(emu.clusters().clusterIds()).doesNotContain(id);
    }

    @Test
    void createValidatesTheSpecification() {
        Reply noVersion = client.post("/api/2.1/clusters/create", "{\"node_type_id\":\"i3.xlarge\"}");
        assertThat(noVersion.message()).isEqualTo("Missing required field: spark_version");
        assertThat(client.post("/api/2.1/clusters/create", "{\"spark_version\":\"1.0\",\"node_type_id\":\"i3.xlarge\"}")
                .message()).contains("Invalid spark version");
        assertThat(client.post("/api/2.1/clusters/create", "{\"spark_version\":\"15.4.x-scala2.12\"}").message())
                .isEqualTo("Missing required field: node_type_id");
        assertThat(client.post("/api/2.1/clusters/create", "{\"spark_version\":\"15.4.x-scala2.12\","
                + "\"node_type_id\":\"z9.huge\"}").message()).contains("z9.huge");
        assertThat(client.post("/api/2.1/clusters/create", "{" + SPEC + ",\"instance_pool_id\":\"p-1\"}").message())
                .contains("Can't find an instance pool with id: p-1");
        assertThat(client.post("/api/2.1/clusters/create", "{" + SPEC + ",\"autoscale\":{\"min_workers\":3,"
                + "\"max_workers\":1}}").status()).isEqualTo(400);
        assertThat(client.post("/api/2.1/clusters/create", "{" + SPEC + ",\"autotermination_minutes\":5}").status())
                .isEqualTo(400);
    }

    @Test
    void clockTimedTransitionsEndExactlyOnTheClock() {
        emu.clusters().script(ClusterScript.timed(Duration.ofMinutes(4)));
        String id = create("");
        assertThat(state(id)).isEqualTo("PENDING");
        assertThat(state(id)).isEqualTo("PENDING");
        CLOCK.advance(Duration.ofMinutes(5));
        JsonNode running = get(id);
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("last_restarted_time").asLong()).isEqualTo(T0.plusSeconds(240).toEpochMilli());
    }

    @Test
    void aScriptedStartFailureEndsTerminatedWithTheReason() {
        emu.clusters().failNextStart("Insufficient capacity for i3.xlarge");
        String id = create("");
        assertThat(state(id)).isEqualTo("PENDING");
        JsonNode failed = get(id);
        assertThat(failed.get("state").asText()).isEqualTo("TERMINATED");
        assertThat(failed.get("state_message").asText()).isEqualTo("Insufficient capacity for i3.xlarge");
        assertThat(failed.at("/termination_reason/code").asText()).isEqualTo("CLOUD_PROVIDER_LAUNCH_FAILURE");
        assertThat(failed.at("/termination_reason/type").asText()).isEqualTo("CLOUD_FAILURE");
        assertThat(eventTypes(id)).containsExactly("CREATING", "TERMINATING");
        // the next one is fine
        post("start", id, "");
        get(id);
        assertThat(state(id)).isEqualTo("RUNNING");
    }

    @Test
    void listFiltersByStateSourceAndPinnedAndSortsByName() {
        String api = create("");
        post("pin", EmulatedClusters.JOBS_CLUSTER_ID, "");
        JsonNode terminated = client.get("/api/2.1/clusters/list?filter_by.cluster_states=TERMINATED").json();
        assertThat(terminated.get("clusters")).hasSize(1);
        assertThat(terminated.at("/clusters/0/cluster_id").asText()).isEqualTo(EmulatedClusters.JOBS_CLUSTER_ID);
        JsonNode two = client.get("/api/2.1/clusters/list?filter_by.cluster_states=RUNNING"
                + "&filter_by.cluster_states=PENDING").json();
        assertThat(two.get("clusters")).hasSize(2);
        JsonNode fromApi = client.get("/api/2.1/clusters/list?filter_by.cluster_sources=API").json();
        assertThat(fromApi.at("/clusters/0/cluster_id").asText()).isEqualTo(api);
        JsonNode pinned = client.get("/api/2.1/clusters/list?filter_by.is_pinned=true").json();
        assertThat(pinned.get("clusters")).hasSize(1);

        List<String> names = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = client.get("/api/2.1/clusters/list?page_size=2&sort_by.field=CLUSTER_NAME"
                    + "&sort_by.direction=DESC" + (token == null ? "" : "&page_token=" + token)).json();
            page.path("clusters").forEach(c -> names.add(c.get("cluster_name").asText()));
            token = page.path("next_page_token").asText(null);
        } while (token != null);
        assertThat(names).containsExactly("Shared Autoscaling Emulator", "Nightly ETL", "etl");
    }

    @Test
    void runtimeVersionsAndNodeTypesAreListed() {
        JsonNode versions = client.get("/api/2.1/clusters/spark-versions").json().get("versions");
        assertThat(versions.findValuesAsText("key")).contains("15.4.x-scala2.12", "16.4.x-photon-scala2.12");
        assertThat(versions.findValuesAsText("name")).anyMatch(n -> n.contains("LTS"));
        JsonNode nodes = client.get("/api/2.1/clusters/list-node-types").json().get("node_types");
        assertThat(nodes.findValuesAsText("node_type_id")).contains("i3.xlarge", "Standard_DS3_v2", "n2-highmem-4");
        assertThat(nodes.get(0).has("memory_mb")).isTrue();
        assertThat(client.get("/api/2.0/clusters/spark-versions").status()).isEqualTo(200);
    }
}
