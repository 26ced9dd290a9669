package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabricksEmulatorExtension.class)
class JobsApiTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;

    JobsApiTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
    }

    @BeforeEach
    void freshWorkspace() {
        emu.reset();
    }

    @Test
    void createdJobCanBeReadBackWithDefaults() {
        Reply created = client.post("/api/2.2/jobs/create", "{\"name\":\"etl\",\"tasks\":[{\"task_key\":\"a\","
                + "\"notebook_task\":{\"notebook_path\":\"/etl\"}}],\"access_control_list\":[]}");
        assertThat(created.status()).isEqualTo(200);
        long jobId = created.json().get("job_id").asLong();
        assertThat(jobId).isGreaterThan(Integer.MAX_VALUE);

        JsonNode job = client.get("/api/2.2/jobs/get?job_id=" + jobId).json();
        assertThat(job.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(job.get("creator_user_name").asText()).isNotBlank();
        assertThat(job.get("created_time").asLong()).isPositive();
        assertThat(job.at("/settings/name").asText()).isEqualTo("etl");
        assertThat(job.at("/settings/max_concurrent_runs").asInt()).isEqualTo(1);
        assertThat(job.at("/settings/format").asText()).isEqualTo("MULTI_TASK");
        assertThat(job.at("/settings/tasks/0/notebook_task/notebook_path").asText()).isEqualTo("/etl");
        assertThat(job.at("/settings/access_control_list").isMissingNode()).isTrue();
    }

    @Test
    void createRejectsDuplicateTaskKeys() {
        Reply r = client.post("/api/2.2/jobs/create", "{\"tasks\":[{\"task_key\":\"a\",\"notebook_task\":{}},"
                + "{\"task_key\":\"a\",\"notebook_task\":{}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(r.message()).contains("a");
    }

    @Test
    void createRejectsDependencyOnUnknownTask() {
        Reply r = client.post("/api/2.2/jobs/create", "{\"tasks\":[{\"task_key\":\"a\",\"notebook_task\":{},"
                + "\"depends_on\":[{\"task_key\":\"zzz\"}]}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("zzz");
    }

    @Test
    void listsJobsInPagesUntilNoNextToken() {
        List<Long> created = emu.jobs().createJobs(45);

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            Reply r = client.get("/api/2.2/jobs/list?limit=20" + (token == null ? "" : "&page_token=" + token));
            assertThat(r.status()).isEqualTo(200);
            JsonNode jobs = r.json().path("jobs");
            pageSizes.add(jobs.size());
            jobs.forEach(j -> seen.add(j.get("job_id").asLong()));
            token = r.json().path("next_page_token").asText(null);
            assertThat(r.json().get("has_more").asBoolean()).isEqualTo(token != null);
            calls++;
        } while (token != null && calls < 10);

        assertThat(pageSizes).containsExactly(20, 20, 5);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void listUsesDefaultLimitOf20AndLeavesOutTasksUnlessExpanded() {
        emu.jobs().createJobs(25);
        JsonNode page = client.get("/api/2.2/jobs/list").json();
        assertThat(page.get("jobs")).hasSize(20);
        assertThat(page.at("/jobs/0/settings/name").asText()).startsWith("emulated-job-");
        assertThat(page.at("/jobs/0/settings/tasks").isMissingNode()).isTrue();

        JsonNode expanded = client.get("/api/2.2/jobs/list?expand_tasks=true&limit=1").json();
        assertThat(expanded.at("/jobs/0/settings/tasks/0/task_key").asText()).isEqualTo("main");
    }

    @Test
    void listRejectsLimitAbove100() {
        Reply r = client.get("/api/2.2/jobs/list?limit=101");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(client.get("/api/2.2/jobs/list?limit=100").status()).isEqualTo(200);
    }

    @Test
    void listRejectsAGarbledPageToken() {
        Reply r = client.get("/api/2.2/jobs/list?page_token=not-a-token");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void emptyListHasNoJobsArrayAndNoToken() {
        JsonNode page = client.get("/api/2.2/jobs/list").json();
        assertThat(page.has("jobs")).isFalse();
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.has("next_page_token")).isFalse();
    }

    @Test
    void previousPageTokenLeadsBack() {
        List<Long> ids = emu.jobs().createJobs(5);
        JsonNode first = client.get("/api/2.2/jobs/list?limit=2").json();
        assertThat(first.has("prev_page_token")).isFalse();
        JsonNode second = client.get("/api/2.2/jobs/list?limit=2&page_token=" + first.get("next_page_token").asText()).json();
        assertThat(second.at("/jobs/0/job_id").asLong()).isEqualTo(ids.get(2));
        JsonNode back = client.get("/api/2.2/jobs/list?limit=2&page_token=" + second.get("prev_page_token").asText()).json();
        assertThat(back.at("/jobs/0/job_id").asLong()).isEqualTo(ids.get(0));
        assertThat(back.at("/jobs/1/job_id").asLong()).isEqualTo(ids.get(1));
    }

    @Test
    void pagesStayConsistentWhenJobsAreDeletedBetweenCalls() {
        List<Long> ids = emu.jobs().createJobs(4);
        JsonNode first = client.get("/api/2.2/jobs/list?limit=2").json();
        emu.jobs().deleteJob(ids.get(1));
        JsonNode second = client.get("/api/2.2/jobs/list?limit=2&page_token=" + first.get("next_page_token").asText()).json();
        assertThat(second.at("/jobs/0/job_id").asLong()).isEqualTo(ids.get(2));
        assertThat(second.at("/jobs/1/job_id").asLong()).isEqualTo(ids.get(3));
    }

    @Test
    void listFiltersByExactNameIgnoringCase() {
        emu.jobs().createJob("Nightly");
        emu.jobs().createJob("Nightly ETL");
        JsonNode page = client.get("/api/2.2/jobs/list?name=nightly").json();
        assertThat(page.get("jobs")).hasSize(1);
        assertThat(page.at("/jobs/0/settings/name").asText()).isEqualTo("Nightly");
    }

    @Test
    void deletedJobIsGone() {
        long jobId = emu.jobs().createJob("tmp");
        assertThat(client.post("/api/2.2/jobs/delete", "{\"job_id\":" + jobId + "}").status()).isEqualTo(200);
        assertThat(client.get("/api/2.2/jobs/get?job_id=" + jobId).status()).isEqualTo(400);
        assertThat(emu.jobs().jobCount()).isZero();
    }

    @Test
    void runsListShowsNewestFirstAndFiltersByJobAndActivity() {
        emu.jobs().scriptRunsNamed("etl", RunScript.builder().pending(1).running(100).thenSucceed());
        long jobId = emu.jobs().createJob("etl");
        long jobRun = client.post("/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + "}").json().get("run_id").asLong();
        long submitted = client.submitNotebook("one-off", "/x");

        JsonNode all = client.get("/api/2.2/jobs/runs/list").json();
        assertThat(all.get("runs")).hasSize(2);
        assertThat(all.at("/runs/0/run_id").asLong()).isEqualTo(submitted);
        assertThat(all.at("/runs/1/run_id").asLong()).isEqualTo(jobRun);
        assertThat(all.at("/runs/0/state/life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(all.at("/runs/0/tasks").isMissingNode()).isTrue();

        JsonNode forJob = client.get("/api/2.2/jobs/runs/list?job_id=" + jobId + "&expand_tasks=true").json();
        assertThat(forJob.get("runs")).hasSize(1);
        assertThat(forJob.at("/runs/0/tasks/0/task_key").asText()).isEqualTo("main");

        emu.jobs().finishRun(submitted, RunOutcome.success());
        JsonNode active = client.get("/api/2.2/jobs/runs/list?active_only=true").json();
        assertThat(active.get("runs")).hasSize(1);
        assertThat(active.at("/runs/0/run_id").asLong()).isEqualTo(jobRun);
        assertThat(active.at("/runs/0/state/life_cycle_state").asText()).isEqualTo("RUNNING");
        JsonNode completed = client.get("/api/2.2/jobs/runs/list?completed_only=true").json();
        assertThat(completed.get("runs")).hasSize(1);
        assertThat(completed.at("/runs/0/run_id").asLong()).isEqualTo(submitted);
        assertThat(client.get("/api/2.2/jobs/runs/list?completed_only=true&active_only=true").status()).isEqualTo(400);
    }

    @Test
    void runsListPagesWithTokens() {
        for (int i = 0; i < 7; i++) {
            client.submitNotebook("r" + i, "/x");
        }
        JsonNode first = client.get("/api/2.2/jobs/runs/list?limit=5").json();
        assertThat(first.get("runs")).hasSize(5);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode second = client.get("/api/2.2/jobs/runs/list?limit=5&page_token="
                + first.get("next_page_token").asText()).json();
        assertThat(second.get("runs")).hasSize(2);
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(client.get("/api/2.2/jobs/runs/list?limit=26").status()).isEqualTo(400);
    }
}
