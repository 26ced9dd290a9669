package io.camelbricks.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobsGetRequest;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.api.service.jobs.ListJobsResponse;
import io.camelbricks.api.service.jobs.NotebookTask;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.wait.WaitPolicy;

/** The five ways of calling Databricks that {@link SideBySide} compares, one workload method each. */
final class Clients {
    private Clients() {
    }

    static final String PLAIN = "plain Apache+Jackson";
    static final String SDK = "official SDK 0.69.0";
    static final String OURS = "ours blocking";
    static final String ASYNC = "ours async";
    static final String CAMEL = "Camel route";

    static final int THREADS = 8;
    /**
     * The plain loop's {@code runs/submit} request: a JSON tree built once, written by the loop's Jackson on every
     * submit, as ours writes {@link #OUR_SUBMIT} (built once too) on every submit. Its bytes are byte for byte what
     * our client sends (checked before the workload runs; a captured request shows no idempotency token, as the Jobs
     * spec does not ask for one to be filled in; our client then retries a submit only on answers that prove nothing
     * was started, 429 and 503).
     */
    static final ObjectNode SUBMIT_TREE = submitTree();

    private static ObjectNode submitTree() {
        ObjectNode submit = JsonNodeFactory.instance.objectNode().put("run_name", "bench");
        ObjectNode task = submit.putArray("tasks").addObject();
        task.putObject("notebook_task").put("notebook_path", "/Workspace/Shared/bench");
        task.put("task_key", "main");
        return submit;
    }

    /** One way of calling. Unsupported workloads throw {@link UnsupportedOperationException}. */
    interface Client extends AutoCloseable {
        String name();

        void get(long jobId) throws Exception;

        /** {@code n} gets with {@link #THREADS} in flight. */
        default void get8(long jobId, int n) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int share = n / THREADS + (t < n % THREADS ? 1 : 0);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < share; i++) {
                            get(jobId);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }

        /** Lists jobs 100 a page, stopping after {@code max}; calls {@code each} with every job id. */
        long list(long max, LongConsumer each) throws Exception;

        /** Submits one run and polls it to TERMINATED without pausing between polls. */
        void submitAndWait() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    static void check(long expected, Long actual) {
        if (actual == null || actual != expected) {
            throw new IllegalStateException("expected job " + expected + ", got " + actual);
        }
    }

    // ------------------------------------------------------------------------------------------------ plain

    static Client plain(String url, String token) {
        PlainLoop http = new PlainLoop(url, token, 20);
        return new Client() {
            @Override
            public String name() {
                return PLAIN;
            }

            @Override
            public void get(long jobId) throws Exception {
                check(jobId, http.get("/api/2.2/jobs/get?job_id=" + jobId).path("job_id").asLong());
            }

            @Override
            public long list(long max, LongConsumer each) throws Exception {
                long n = 0;
                String token = null;
                do {
                    JsonNode page = http.get("/api/2.2/jobs/list?limit=100"
                            + (token == null ? "" : "&page_token=" + token));
                    for (JsonNode job : page.path("jobs")) {
                        each.accept(job.path("job_id").asLong());
                        if (++n >= max) {
                            return n;
                        }
                    }
                    token = page.path("next_page_token").asText(null);
                } while (token != null);
                return n;
            }

            @Override
            public void submitAndWait() throws Exception {
                long runId = http.post("/api/2.2/jobs/runs/submit", SUBMIT_TREE).path("run_id").asLong();
                while (true) {
                    String state = http.get("/api/2.2/jobs/runs/get?run_id=" + runId).path("state")
                            .path("life_cycle_state").asText();
                    if (state.equals("TERMINATED") || state.equals("SKIPPED") || state.equals("INTERNAL_ERROR")) {
                        return;
                    }
                }
            }

            @Override
            public void close() throws Exception {
                http.close();
            }

            @Override
            public String toString() {
                return "slept " + http.sleptMillis + " ms";
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ official SDK

    static Client sdk(String url, String token) {
        com.databricks.sdk.WorkspaceClient w = new com.databricks.sdk.WorkspaceClient(
                new com.databricks.sdk.core.DatabricksConfig().setHost(url).setToken(token));
        com.databricks.sdk.service.jobs.SubmitRun submit = new com.databricks.sdk.service.jobs.SubmitRun()
                .setRunName("bench").setTasks(List.of(new com.databricks.sdk.service.jobs.SubmitTask()
                        .setTaskKey("main").setNotebookTask(new com.databricks.sdk.service.jobs.NotebookTask()
                                .setNotebookPath("/Workspace/Shared/bench"))));
        return new Client() {
            @Override
            public String name() {
                return SDK;
            }

            @Override
            public void get(long jobId) {
                check(jobId, w.jobs().get(new com.databricks.sdk.service.jobs.GetJobRequest().setJobId(jobId)).getJobId());
            }

            @Override
            public long list(long max, LongConsumer each) {
                long n = 0;
                for (com.databricks.sdk.service.jobs.BaseJob job
                        : w.jobs().list(new com.databricks.sdk.service.jobs.ListJobsRequest().setLimit(100L))) {
                    each.accept(job.getJobId());
                    if (++n >= max) {
                        break;
                    }
                }
                return n;
            }

            /** The SDK's own waiter sleeps 1 s and more between polls: polled here by hand, without pauses. */
            @Override
            public void submitAndWait() {
                long runId = w.jobs().submit(submit).getResponse().getRunId();
                while (true) {
                    com.databricks.sdk.service.jobs.RunLifeCycleState state = w.jobs().getRun(
                            new com.databricks.sdk.service.jobs.GetRunRequest().setRunId(runId)).getState()
                            .getLifeCycleState();
                    if (state == com.databricks.sdk.service.jobs.RunLifeCycleState.TERMINATED
                            || state == com.databricks.sdk.service.jobs.RunLifeCycleState.SKIPPED
                            || state == com.databricks.sdk.service.jobs.RunLifeCycleState.INTERNAL_ERROR) {
                        return;
                    }
                }
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ ours

    static WorkspaceClient ourClient(String url, String token, WaitPolicy policy) {
        DatabricksConfig config = new DatabricksConfig().setHost(url).setToken(token).resolve(Map.of());
        return new WorkspaceClient(ApiClient.builder(config).waitPolicy(policy).build());
    }

    static final SubmitRun OUR_SUBMIT = new SubmitRun().setRunName("bench").setTasks(List.of(new SubmitTask()
            .setTaskKey("main").setNotebookTask(new NotebookTask().setNotebookPath("/Workspace/Shared/bench"))));

    static Client ours(String url, String token) {
        WorkspaceClient w = ourClient(url, token, WaitPolicy.fixed(Duration.ZERO));
        return new Client() {
            @Override
            public String name() {
                return OURS;
            }

            @Override
            public void get(long jobId) {
                check(jobId, w.jobs().get(new JobsGetRequest().setJobId(jobId)).getJobId());
            }

            @Override
            public long list(long max, LongConsumer each) {
                long n = 0;
                for (BaseJob job : w.jobs().list(new JobsListRequest().setLimit(100L))) {
                    each.accept(job.getJobId());
                    if (++n >= max) {
                        break;
                    }
                }
                return n;
            }

            @Override
            public void submitAndWait() {
                Run run = w.jobs().submit(OUR_SUBMIT).get();
                if (run.getState().getLifeCycleState() != RunLifeCycleState.TERMINATED) {
                    throw new IllegalStateException("run " + run.getRunId() + " " + run.getState());
                }
            }

            @Override
            public void close() {
                w.close();
            }
        };
    }

    static Client ourAsync(String url, String token) {
        WorkspaceClient w = ourClient(url, token, WaitPolicy.fixed(Duration.ZERO));
        return new Client() {
            @Override
            public String name() {
                return ASYNC;
            }

            @Override
            public void get(long jobId) {
                check(jobId, w.jobs().getAsync(new JobsGetRequest().setJobId(jobId)).join().getJobId());
            }

            @Override
            public void get8(long jobId, int n) throws Exception {
                Semaphore window = new Semaphore(THREADS);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                JobsGetRequest request = new JobsGetRequest().setJobId(jobId);
                for (int i = 0; i < n; i++) {
                    window.acquire();
                    w.jobs().getAsync(request).whenComplete((job, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else if (job.getJobId() != jobId) {
                            failure.compareAndSet(null, new IllegalStateException("job " + job.getJobId()));
                        }
                        window.release();
                    });
                }
                window.acquire(THREADS);
                if (failure.get() != null) {
                    throw new IllegalStateException(failure.get());
                }
            }

            /** Page by page with {@code listAsync}, each next page requested when the previous one arrived. */
            @Override
            public long list(long max, LongConsumer each) {
                long n = 0;
                String token = null;
                do {
                    ListJobsResponse page = w.jobs().listAsync(new JobsListRequest().setLimit(100L).setPageToken(token))
                            .join();
                    if (page.getJobs() != null) {
                        for (BaseJob job : page.getJobs()) {
                            each.accept(job.getJobId());
                            if (++n >= max) {
                                return n;
                            }
                        }
                    }
                    token = page.getNextPageToken();
                } while (token != null);
                return n;
            }

            @Override
            public void submitAndWait() {
                Run run = w.jobs().submitAsync(OUR_SUBMIT)
                        .thenCompose(r -> w.jobs().waitForRunAsync(r.getRunId(), Duration.ofMinutes(5))).join();
                if (run.getState().getLifeCycleState() != RunLifeCycleState.TERMINATED) {
                    throw new IllegalStateException("run " + run.getRunId() + " " + run.getState());
                }
            }

            @Override
            public void close() {
                w.close();
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ Camel

    static Client camel(String url, String token) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String connection = "host=RAW(" + url + ")&token=RAW(" + token + ")";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("databricks:jobs/get?" + connection);
                from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=0&" + connection);
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        return new Client() {
            @Override
            public String name() {
                return CAMEL;
            }

            @Override
            public void get(long jobId) {
                Job job = template.requestBodyAndHeader("direct:get", null, "CamelDatabricks.jobId", jobId, Job.class);
                check(jobId, job.getJobId());
            }

            @Override
            public long list(long max, LongConsumer each) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void submitAndWait() {
                Run run = template.requestBody("direct:submit", OUR_SUBMIT, Run.class);
                if (run.getState().getLifeCycleState() != RunLifeCycleState.TERMINATED) {
                    throw new IllegalStateException("run " + run.getRunId() + " " + run.getState());
                }
            }

            @Override
            public void close() throws Exception {
                template.close();
                context.close();
            }
        };
    }

    static Client create(String name, String url, String token) throws Exception {
        return switch (name) {
            case "plain" -> plain(url, token);
            case "sdk" -> sdk(url, token);
            case "ours" -> ours(url, token);
            case "async" -> ourAsync(url, token);
            case "camel" -> camel(url, token);
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }

    static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
