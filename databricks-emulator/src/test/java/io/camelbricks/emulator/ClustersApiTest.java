package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabricksEmulatorExtension.class)
class ClustersApiTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    ClustersApiTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void listsTheTwoSeededClusters() {
        Reply r = client.get("/api/2.1/clusters/list");
        assertThat(r.status()).isEqualTo(200);
        JsonNode clusters = r.json().get("clusters");
        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).get("cluster_id").asText()).isEqualTo(EmulatedClusters.SHARED_CLUSTER_ID);
        assertThat(clusters.get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(clusters.get(1).get("state").asText()).isEqualTo("TERMINATED");
        assertThat(clusters.get(1).at("/termination_reason/code").asText()).isEqualTo("INACTIVITY");
        assertThat(r.json().has("next_page_token")).isFalse();
    }

    @Test
    void pagesClustersWithPageSizeUntilNoNextToken() {
        emu.clusters().addCluster("extra", "PENDING");
        List<String> seen = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            JsonNode page = client.get("/api/2.1/clusters/list?page_size=2" + (token == null ? "" : "&page_token=" + token)).json();
            page.path("clusters").forEach(c -> seen.add(c.get("cluster_id").asText()));
            token = page.path("next_page_token").asText(null);
            calls++;
        } while (token != null && calls < 5);
        assertThat(calls).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(emu.clusters().clusterIds());
    }

    @Test
    void getsAClusterById() {
        Reply r = client.get("/api/2.1/clusters/get?cluster_id=" + EmulatedClusters.SHARED_CLUSTER_ID);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cluster_name").asText()).isEqualTo("Shared Autoscaling Emulator");
        assertThat(client.get("/api/2.0/clusters/get?cluster_id=" + EmulatedClusters.SHARED_CLUSTER_ID).status())
                .isEqualTo(200);
    }

    @Test
    void unknownClusterAnswers400DoesNotExist() {
        Reply r = client.get("/api/2.1/clusters/get?cluster_id=nope");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).isEqualTo("Cluster nope does not exist");
    }

    @Test
    void missingClusterIdNamesTheParameter() {
        Reply r = client.get("/api/2.1/clusters/get");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("cluster_id");
    }
}
