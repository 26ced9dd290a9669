package io.camelbricks.api.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.retry.RetryPolicy;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;

/**
 * A wait polled at interval 0 goes from one poll to the next on one thread, without the scheduler: the caller that
 * blocks in {@code get}, or an I/O thread for {@code toCompletableFuture}.
 */
class ImmediatePollsTest {
    private final LoopbackServer server = new LoopbackServer();
    private final ExecutorService io = Executors.newFixedThreadPool(4, r -> new Thread(r, "test-io"));
    private final CountingScheduler scheduler = new CountingScheduler();
    private final WorkspaceClient w = new WorkspaceClient(ApiClient.builder(TestClients.config(server))
            .executors(io, scheduler)
            .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMillis(2), Duration.ofMillis(20), false))
            .waitPolicy(WaitPolicy.fixed(Duration.ZERO))
            .build());

    /** Counts what is scheduled on it. */
    static final class CountingScheduler extends ScheduledThreadPoolExecutor {
        final AtomicInteger scheduled = new AtomicInteger();

        CountingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return super.schedule(command, delay, unit);
        }
    }

    @AfterEach
    void stop() {
        w.close();
        io.shutdownNow();
        scheduler.shutdownNow();
        server.close();
    }

    private static Reply run(String lifeCycle) {
        return Reply.ok("{\"run_id\":11,\"state\":{\"life_cycle_state\":\"" + lifeCycle + "\"}}");
    }

    @Test
    void pollsOneAfterAnotherOnTheBlockedCallerWithoutTheScheduler() {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("PENDING"), run("RUNNING"), run("TERMINATED"));
        List<String> threads = new CopyOnWriteArrayList<>();

        Run run = w.jobs().submit(new SubmitRun().setRunName("nightly"))
                .onProgress(r -> threads.add(Thread.currentThread().getName()))
                .get(Duration.ofSeconds(10));

        assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
        String caller = Thread.currentThread().getName();
        assertThat(threads).containsExactly(caller, caller, caller);
        assertThat(scheduler.scheduled).as("tasks scheduled").hasValue(0);
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void aWaitThatHoldsNoCallerPollsOnOneIoThread() {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("PENDING"), run("RUNNING"), run("TERMINATED"));
        List<String> threads = new CopyOnWriteArrayList<>();

        Run run = w.jobs().submit(new SubmitRun().setRunName("nightly"))
                .onProgress(r -> threads.add(Thread.currentThread().getName()))
                .toCompletableFuture(Duration.ofSeconds(10)).join();

        assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
        assertThat(threads).containsExactly("test-io", "test-io", "test-io");
        assertThat(scheduler.scheduled).as("tasks scheduled").hasValue(0);
    }

    @Test
    void aPollAnswered503IsRetriedOnTheSchedulerAndTheWaitGoesOn() {
        server.enqueue(Reply.ok("{\"run_id\":11}"), run("PENDING"),
                Reply.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}"),
                run("RUNNING"), run("TERMINATED"));
        List<String> seen = new CopyOnWriteArrayList<>();

        Run run = w.jobs().submit(new SubmitRun().setRunName("nightly"))
                .onProgress(r -> seen.add(r.getState().getLifeCycleState().value()))
                .get(Duration.ofSeconds(10));

        assertThat(run.getState().getLifeCycleState().value()).isEqualTo("TERMINATED");
        assertThat(seen).containsExactly("PENDING", "RUNNING", "TERMINATED");
        assertThat(scheduler.scheduled).as("the retry of the 503").hasValue(1);
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri).containsExactly(
                "/api/2.2/jobs/runs/submit", "/api/2.2/jobs/runs/get?run_id=11", "/api/2.2/jobs/runs/get?run_id=11",
                "/api/2.2/jobs/runs/get?run_id=11", "/api/2.2/jobs/runs/get?run_id=11");
    }
}
