package io.camelbricks.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/** Jobs API 2.2 pages a run's tasks and a job's settings at 100 per call: the client merges every page. */
class PagedJobEntitiesTest {
    private final LoopbackServer server = new LoopbackServer();
    private final WorkspaceClient w = new WorkspaceClient(TestClients.fast(server));

    @AfterEach
    void stop() {
        w.close();
        server.close();
    }

    private static final Reply RUN_PAGE_1 = Reply.ok("{\"run_id\":9,\"state\":{\"life_cycle_state\":\"TERMINATED\"},"
            + "\"tasks\":[{\"task_key\":\"a\"},{\"task_key\":\"b\"}],\"job_clusters\":[{\"job_cluster_key\":\"c1\"}],"
            + "\"has_more\":true,\"next_page_token\":\"p2\"}");
    private static final Reply RUN_PAGE_2 = Reply.ok("{\"run_id\":9,\"tasks\":[{\"task_key\":\"c\"}],"
            + "\"job_clusters\":[{\"job_cluster_key\":\"c2\"}],\"repair_history\":[{\"id\":1}],\"has_more\":false}");

    @Test
    void getRunMergesTaskPagesIntoOneRun() {
        server.enqueue(RUN_PAGE_1, RUN_PAGE_2);
        Run run = w.jobs().getRun(new JobsGetRunRequest().setRunId(9L));
        assertThat(run.getTasks()).extracting(RunTask::getTaskKey).containsExactly("a", "b", "c");
        assertThat(run.getJobClusters()).hasSize(2);
        assertThat(run.getRepairHistory()).hasSize(1);
        assertThat(run.getNextPageToken()).isNull();
        assertThat(run.getHasMore()).isFalse();
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri)
                .containsExactly("/api/2.2/jobs/runs/get?run_id=9", "/api/2.2/jobs/runs/get?page_token=p2&run_id=9");
    }

    @Test
    void asyncGetRunAndWaitersSeeTheWholeRunToo() throws Exception {
        server.enqueue(RUN_PAGE_1, RUN_PAGE_2);
        assertThat(w.jobs().getRunAsync(new JobsGetRunRequest().setRunId(9L)).get(10, TimeUnit.SECONDS).getTasks())
                .hasSize(3);
        server.enqueue(Reply.ok("{\"run_id\":9}"), RUN_PAGE_1, RUN_PAGE_2);
        Run awaited = w.jobs().submit(new SubmitRun()).get(Duration.ofSeconds(10));
        assertThat(awaited.getTasks()).hasSize(3);
    }

    @Test
    void forEachIterationsArePagedInsteadOfTasks() {
        server.enqueue(Reply.ok("{\"run_id\":9,\"iterations\":[{\"task_key\":\"i1\"}],\"tasks\":[{\"task_key\":\"loop\"}],"
                + "\"next_page_token\":\"p2\"}"), Reply.ok("{\"run_id\":9,\"iterations\":[{\"task_key\":\"i2\"}]}"));
        Run run = w.jobs().getRun(new JobsGetRunRequest().setRunId(9L));
        assertThat(run.getIterations()).extracting(RunTask::getTaskKey).containsExactly("i1", "i2");
        assertThat(run.getTasks()).extracting(RunTask::getTaskKey).containsExactly("loop");
    }

    @Test
    void getJobMergesSettingsPages() {
        server.enqueue(Reply.ok("{\"job_id\":3,\"settings\":{\"name\":\"j\",\"tasks\":[{\"task_key\":\"a\"}]},"
                        + "\"next_page_token\":\"p2\"}"),
                Reply.ok("{\"job_id\":3,\"settings\":{\"tasks\":[{\"task_key\":\"b\"}],\"parameters\":[{\"name\":\"x\",\"default\":\"1\"}]}}"));
        Job job = w.jobs().get(new JobsGetRequest().setJobId(3L));
        assertThat(job.getSettings().getName()).isEqualTo("j");
        assertThat(job.getSettings().getTasks()).hasSize(2);
        assertThat(job.getSettings().getParameters()).hasSize(1);
    }

    @Test
    void aRepeatedPageTokenStopsWithAnError() {
        server.enqueue(RUN_PAGE_1);
        server.respondWith(r -> Reply.ok("{\"run_id\":9,\"tasks\":[{\"task_key\":\"x\"}],\"next_page_token\":\"p2\"}"));
        assertThatThrownBy(() -> w.jobs().getRun(new JobsGetRunRequest().setRunId(9L)))
                .hasMessageContaining("page token 'p2' a second time");
    }
}
