package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** jobs/reset replaces the settings; jobs/update merges them; Jobs 2.2 pages every array of a big job. */
@ExtendWith(DatabricksEmulatorExtension.class)
class JobSettingsChangesTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    JobSettingsChangesTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    private long job() {
        return client.post("/api/2.2/jobs/create", "{\"name\":\"etl\",\"max_concurrent_runs\":3,\"schedule\":"
                + "{\"quartz_cron_expression\":\"0 0 1 * * ?\",\"timezone_id\":\"UTC\"},\"tasks\":["
                + "{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"}},"
                + "{\"task_key\":\"b\",\"depends_on\":[{\"task_key\":\"a\"}],\"notebook_task\":{\"notebook_path\":\"/b\"}}]}")
                .json().get("job_id").asLong();
    }

    private JsonNode settings(long jobId) {
        return client.get("/api/2.2/jobs/get?job_id=" + jobId).json().get("settings");
    }

    @Test
    void resetReplacesEverySetting() {
        long jobId = job();
        Reply r = client.post("/api/2.2/jobs/reset", "{\"job_id\":" + jobId + ",\"new_settings\":{\"name\":\"etl2\","
                + "\"tasks\":[{\"task_key\":\"z\",\"spark_python_task\":{\"python_file\":\"/z.py\"}}]}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = settings(jobId);
        assertThat(s.get("name").asText()).isEqualTo("etl2");
        assertThat(s.get("tasks")).hasSize(1);
        assertThat(s.has("schedule")).isFalse();
        assertThat(s.get("max_concurrent_runs").asInt()).isEqualTo(1);
    }

    @Test
    void resetNeedsNewSettingsAndAnExistingJob() {
        long jobId = job();
        assertThat(client.post("/api/2.2/jobs/reset", "{\"job_id\":" + jobId + "}").message()).contains("new_settings");
        assertThat(client.post("/api/2.2/jobs/reset", "{\"job_id\":7,\"new_settings\":{}}").message())
                .isEqualTo("Job 7 does not exist.");
    }

    @Test
    void updateReplacesTopLevelFieldsAndMergesTasksByKey() {
        long jobId = job();
        Reply r = client.post("/api/2.2/jobs/update", "{\"job_id\":" + jobId + ",\"new_settings\":{"
                + "\"max_concurrent_runs\":5,\"tasks\":[{\"task_key\":\"b\",\"notebook_task\":{\"notebook_path\":\"/b2\"}},"
                + "{\"task_key\":\"c\",\"notebook_task\":{\"notebook_path\":\"/c\"}}]},"
                + "\"fields_to_remove\":[\"schedule\",\"tasks/a\"]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = settings(jobId);
        assertThat(s.get("name").asText()).isEqualTo("etl");
        assertThat(s.get("max_concurrent_runs").asInt()).isEqualTo(5);
        assertThat(s.has("schedule")).isFalse();
        assertThat(s.get("tasks")).hasSize(2);
        assertThat(s.at("/tasks/0/task_key").asText()).isEqualTo("b");
        assertThat(s.at("/tasks/0/notebook_task/notebook_path").asText()).isEqualTo("/b2");
        assertThat(s.at("/tasks/0/depends_on").isMissingNode()).isTrue();
        assertThat(s.at("/tasks/1/task_key").asText()).isEqualTo("c");
    }

    @Test
    void updateIsValidatedLikeCreate() {
        long jobId = job();
        Reply r = client.post("/api/2.2/jobs/update", "{\"job_id\":" + jobId + ",\"fields_to_remove\":[\"tasks/a\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("depends on a");
        assertThat(client.post("/api/2.2/jobs/update", "{\"job_id\":" + jobId + ",\"fields_to_remove\":[\"x/y\"]}")
                .status()).isEqualTo(400);
        assertThat(settings(jobId).get("tasks")).hasSize(2);
    }

    @Test
    void laterPagesOfABigJobCarryOnlyTheirSliceOfEachArray() {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            tasks.append(i == 0 ? "" : ",").append("{\"task_key\":\"t").append(i)
                    .append("\",\"notebook_task\":{\"notebook_path\":\"/n\"}}");
        }
        long jobId = client.post("/api/2.2/jobs/create", "{\"name\":\"big\",\"job_clusters\":[{\"job_cluster_key\":"
                + "\"c\",\"new_cluster\":{\"spark_version\":\"15.4.x-scala2.12\"}}],\"parameters\":[{\"name\":\"p\","
                + "\"default\":\"1\"}],\"tasks\":[" + tasks + "]}").json().get("job_id").asLong();
        JsonNode first = client.get("/api/2.2/jobs/get?job_id=" + jobId).json();
        assertThat(first.at("/settings/tasks")).hasSize(100);
        assertThat(first.at("/settings/job_clusters")).hasSize(1);
        JsonNode second = client.get("/api/2.2/jobs/get?job_id=" + jobId + "&page_token="
                + first.get("next_page_token").asText()).json();
        assertThat(second.at("/settings/tasks")).hasSize(50);
        assertThat(second.at("/settings/job_clusters").isMissingNode()).isTrue();
        assertThat(second.at("/settings/parameters").isMissingNode()).isTrue();
        assertThat(second.has("next_page_token")).isFalse();
        assertThat(client.get("/api/2.1/jobs/get?job_id=" + jobId).json().at("/settings/tasks")).hasSize(150);
    }
}
