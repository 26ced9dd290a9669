package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** clusters/events: filters, order, legacy next_page paging and token paging. */
@ExtendWith(DatabricksEmulatorExtension.class)
class ClusterEventsTest {

    private static final String ID = EmulatedClusters.SHARED_CLUSTER_ID;

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    ClusterEventsTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    /** 2 events per restart: RESTARTING, RUNNING. */
    @BeforeEach
    void sevenRestarts() {
        emu.reset();
        for (int i = 0; i < 7; i++) {
            client.post("/api/2.1/clusters/restart", "{\"cluster_id\":\"" + ID + "\"}");
            emu.clusters().advanceCluster(ID);
        }
    }

    private JsonNode events(String body) {
        return client.post("/api/2.1/clusters/events", body).json();
    }

    @Test
    void legacyPagesFollowNextPageUntilItIsGone() {
        List<JsonNode> all = new ArrayList<>();
        JsonNode request = events("{}");
        ObjectNode body = EmulatorClient.JSON.createObjectNode().put("cluster_id", ID).put("limit", 4);
        int pages = 0;
        while (body != null) {
            JsonNode page = events(body.toString());
            page.path("events").forEach(all::add);
            assertThat(page.get("total_count").asInt()).isEqualTo(14);
            body = page.has("next_page") ? (ObjectNode) page.get("next_page") : null;
            pages++;
        }
        assertThat(request.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(pages).isEqualTo(4);
        assertThat(all).hasSize(14);
        // newest first by default
        assertThat(all.get(0).get("type").asText()).isEqualTo("RUNNING");
        assertThat(all.get(13).get("type").asText()).isEqualTo("RESTARTING");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("timestamp").asLong()).isLessThanOrEqualTo(all.get(i - 1).get("timestamp").asLong());
        }
    }

    @Test
    void eventTypesAndOrderFilterAndSort() {
        JsonNode page = events("{\"cluster_id\":\"" + ID + "\",\"event_types\":[\"RESTARTING\"],\"order\":\"ASC\"}");
        assertThat(page.get("events")).hasSize(7);
        assertThat(page.get("total_count").asInt()).isEqualTo(7);
        assertThat(page.has("next_page")).isFalse();
        assertThat(page.at("/events/0/details/user").asText()).isEqualTo(emu.options().userName());
        assertThat(page.at("/events/0/cluster_id").asText()).isEqualTo(ID);
        long first = page.at("/events/0/timestamp").asLong();
        assertThat(events("{\"cluster_id\":\"" + ID + "\",\"end_time\":" + (first - 1) + "}").get("total_count")
                .asInt()).isZero();
        assertThat(events("{\"cluster_id\":\"" + ID + "\",\"start_time\":" + first + "}").get("total_count")
                .asInt()).isEqualTo(14);
    }

    @Test
    void tokenPagesWhenPageSizeIsGiven() {
        List<String> types = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = events("{\"cluster_id\":\"" + ID + "\",\"page_size\":5"
                    + (token == null ? "" : ",\"page_token\":\"" + token + "\"") + "}");
            page.path("events").forEach(e -> types.add(e.get("type").asText()));
            assertThat(page.has("next_page")).isFalse();
            token = page.path("next_page_token").asText(null);
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(types).hasSize(14);
    }

    @Test
    void limitIsAtMost500AndTheClusterMustExist() {
        assertThat(client.post("/api/2.1/clusters/events", "{\"cluster_id\":\"" + ID + "\",\"limit\":501}").status())
                .isEqualTo(400);
        assertThat(client.post("/api/2.1/clusters/events", "{\"cluster_id\":\"x\"}").message())
                .isEqualTo("Cluster x does not exist");
    }
}
