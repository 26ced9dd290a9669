package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** emu.pageSizes() forces small pages on the Jobs and Clusters lists too, whatever the client asks for. */
@ExtendWith(DatabricksEmulatorExtension.class)
class JobsAndClustersPageSizesTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    JobsAndClustersPageSizesTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    private int pages(String path, String arrayField) {
        int pages = 0;
        int items = 0;
        String token = null;
        do {
            JsonNode page = client.get(path + (path.contains("?") ? "&" : "?")
                    + (token == null ? "" : "page_token=" + token)).json();
            items += page.path(arrayField).size();
            token = page.path("next_page_token").asText(null);
            pages++;
        } while (token != null && pages < 50);
        return pages * 1000 + items;
    }

    @Test
    void jobsRunsAndClustersListsAnswerAtMostTheForcedSize() {
        emu.jobs().createJobs(5);
        for (int i = 0; i < 3; i++) {
            client.submitNotebook("r" + i, "/x");
        }
        emu.clusters().addCluster("third", "RUNNING");
        emu.pageSizes().max(2);

        assertThat(pages("/api/2.2/jobs/list?limit=25", "jobs")).isEqualTo(3005);
        assertThat(pages("/api/2.2/jobs/runs/list?limit=25", "runs")).isEqualTo(2003);
        assertThat(pages("/api/2.1/clusters/list", "clusters")).isEqualTo(2003);

        emu.pageSizes().max(0).max("/jobs/list", 4);
        assertThat(pages("/api/2.2/jobs/list", "jobs")).isEqualTo(2005);
        assertThat(pages("/api/2.2/jobs/runs/list", "runs")).isEqualTo(1003);
    }

    @Test
    void clusterEventsPagesHonourTheForcedSize() {
        emu.pageSizes().max("compute.Clusters.events", 1);
        client.post("/api/2.1/clusters/restart", "{\"cluster_id\":\"0101-000000-emu00001\"}");
        emu.clusters().advanceCluster("0101-000000-emu00001");
        JsonNode page = client.post("/api/2.1/clusters/events", "{\"cluster_id\":\"0101-000000-emu00001\"}").json();
        assertThat(page.get("events")).hasSize(1);
        assertThat(page.at("/next_page/limit").asInt()).isEqualTo(1);
        assertThat(page.at("/next_page/offset").asInt()).isEqualTo(1);
    }
}
