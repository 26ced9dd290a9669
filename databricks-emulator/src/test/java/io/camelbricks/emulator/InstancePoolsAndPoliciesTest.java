package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** instance-pools and policies/clusters: CRUD, validation, the link to clusters. */
@ExtendWith(DatabricksEmulatorExtension.class)
class InstancePoolsAndPoliciesTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    InstancePoolsAndPoliciesTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void poolLifecycleWithStatsFromTheClustersThatUseIt() {
        Reply created = client.post("/api/2.0/instance-pools/create", "{\"instance_pool_name\":\"warm\","
                + "\"node_type_id\":\"m5d.large\",\"min_idle_instances\":2,\"max_capacity\":10}");
        assertThat(created.status()).isEqualTo(200);
        String poolId = created.json().get("instance_pool_id").asText();

        JsonNode pool = client.get("/api/2.0/instance-pools/get?instance_pool_id=" + poolId).json();
        assertThat(pool.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(pool.get("idle_instance_autotermination_minutes").asInt()).isEqualTo(60);
        assertThat(pool.at("/default_tags/DatabricksInstancePoolId").asText()).isEqualTo(poolId);
        assertThat(pool.at("/stats/idle_count").asInt()).isEqualTo(2);
        assertThat(pool.at("/stats/used_count").asInt()).isZero();

        String clusterId = client.post("/api/2.1/clusters/create", "{\"spark_version\":\"15.4.x-scala2.12\","
                + "\"instance_pool_id\":\"" + poolId + "\",\"num_workers\":3}").json().get("cluster_id").asText();
        assertThat(client.get("/api/2.0/instance-pools/get?instance_pool_id=" + poolId).json()
                .at("/stats/pending_used_count").asInt()).isEqualTo(4);
        client.get("/api/2.1/clusters/get?cluster_id=" + clusterId);
        JsonNode cluster = client.get("/api/2.1/clusters/get?cluster_id=" + clusterId).json();
        assertThat(cluster.get("node_type_id").asText()).isEqualTo("m5d.large");
        assertThat(client.get("/api/2.0/instance-pools/get?instance_pool_id=" + poolId).json()
                .at("/stats/used_count").asInt()).isEqualTo(4);

        assertThat(client.post("/api/2.0/instance-pools/edit", "{\"instance_pool_id\":\"" + poolId + "\","
                + "\"instance_pool_name\":\"warmer\",\"node_type_id\":\"m5d.large\",\"min_idle_instances\":4}").status())
                .isEqualTo(200);
        JsonNode list = client.get("/api/2.0/instance-pools/list").json();
        assertThat(list.get("instance_pools")).hasSize(1);
        assertThat(list.at("/instance_pools/0/instance_pool_name").asText()).isEqualTo("warmer");
        assertThat(list.at("/instance_pools/0/min_idle_instances").asInt()).isEqualTo(4);

        assertThat(client.post("/api/2.0/instance-pools/delete", "{\"instance_pool_id\":\"" + poolId + "\"}").status())
                .isEqualTo(200);
        Reply gone = client.get("/api/2.0/instance-pools/get?instance_pool_id=" + poolId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(gone.message()).isEqualTo("Can't find an instance pool with id: " + poolId + ".");
        assertThat(client.get("/api/2.0/instance-pools/list").json().has("instance_pools")).isFalse();
    }

    @Test
    void poolRequestsAreValidated() {
        assertThat(client.post("/api/2.0/instance-pools/create", "{\"node_type_id\":\"m5d.large\"}").message())
                .isEqualTo("Missing required field: instance_pool_name");
        assertThat(client.post("/api/2.0/instance-pools/create", "{\"instance_pool_name\":\"p\",\"node_type_id\":"
                + "\"m5d.large\",\"min_idle_instances\":5,\"max_capacity\":2}").status()).isEqualTo(400);
        String id = emu.clusters().addInstancePool("p", "m5d.large");
        assertThat(client.post("/api/2.0/instance-pools/edit", "{\"instance_pool_id\":\"" + id + "\","
                + "\"instance_pool_name\":\"p\",\"node_type_id\":\"i3.xlarge\"}").message()).contains("cannot be changed");
    }

    @Test
    void policyLifecycleWithUniqueNamesAndJsonDefinitions() {
        String definition = "{\"spark_version\":{\"type\":\"fixed\",\"value\":\"15.4.x-scala2.12\"}}";
        Reply created = client.post("/api/2.0/policies/clusters/create", "{\"name\":\"small\",\"definition\":"
                + EmulatorClient.JSON.getNodeFactory().textNode(definition) + ",\"max_clusters_per_user\":2}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("policy_id").asText();
        assertThat(id).matches("[0-9A-F]{16}");

        JsonNode policy = client.get("/api/2.0/policies/clusters/get?policy_id=" + id).json();
        assertThat(policy.get("name").asText()).isEqualTo("small");
        assertThat(policy.get("definition").asText()).isEqualTo(definition);
        assertThat(policy.get("creator_user_name").asText()).isEqualTo(emu.options().userName());
        assertThat(policy.get("is_default").asBoolean()).isFalse();

        Reply duplicate = client.post("/api/2.0/policies/clusters/create", "{\"name\":\"small\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.message()).isEqualTo("Cluster Policy with name `small` already exists");
        assertThat(client.post("/api/2.0/policies/clusters/create", "{\"name\":\"bad\",\"definition\":\"{nope\"}")
                .status()).isEqualTo(400);

        client.post("/api/2.0/policies/clusters/create", "{\"name\":\"alpha\"}");
        JsonNode byName = client.get("/api/2.0/policies/clusters/list?sort_column=POLICY_NAME&sort_order=ASC").json();
        assertThat(byName.get("policies")).hasSize(2);
        assertThat(byName.at("/policies/0/name").asText()).isEqualTo("alpha");

        assertThat(client.post("/api/2.0/policies/clusters/edit", "{\"policy_id\":\"" + id + "\",\"name\":\"small-2\"}")
                .status()).isEqualTo(200);
        assertThat(client.get("/api/2.0/policies/clusters/get?policy_id=" + id).json().get("name").asText())
                .isEqualTo("small-2");

        String clusterId = client.post("/api/2.1/clusters/create", "{\"policy_id\":\"" + id + "\","
                + "\"spark_version\":\"15.4.x-scala2.12\",\"node_type_id\":\"i3.xlarge\"}").json()
                .get("cluster_id").asText();
        assertThat(client.get("/api/2.1/clusters/list?filter_by.policy_id=" + id).json().at("/clusters/0/cluster_id")
                .asText()).isEqualTo(clusterId);

        assertThat(client.post("/api/2.0/policies/clusters/delete", "{\"policy_id\":\"" + id + "\"}").status())
                .isEqualTo(200);
        Reply gone = client.get("/api/2.0/policies/clusters/get?policy_id=" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(client.post("/api/2.1/clusters/create", "{\"policy_id\":\"" + id + "\","
                + "\"spark_version\":\"15.4.x-scala2.12\",\"node_type_id\":\"i3.xlarge\"}").status()).isEqualTo(400);
    }
}
