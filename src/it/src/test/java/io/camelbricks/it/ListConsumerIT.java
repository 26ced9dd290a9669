package io.camelbricks.it;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code from("databricks:jobs/list")} over real pages of the emulator: every job once, however many polls. An
 * idle poll sends an empty message ({@code sendEmptyMessageWhenIdle}), which the test counts with a semaphore to
 * know that a whole poll has run since some point, without sleeping.
 */
class ListConsumerIT extends CamelContextSupport {
    private static final int SEEDED = 250;

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private final Semaphore idlePolls = new Semaphore(0);
    private DatabricksEmulator emulator;
    private List<Long> seeded;

    @BeforeEach
    void seed() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
        seeded = emulator.jobs().createJobs(SEEDED);
    }

    @Test
    void listConsumerEmitsEveryJobExactlyOnceAcrossPages() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                // the emulator's default page size (20): 250 jobs come in 13 pages per poll
                from("databricks:jobs/list?delay=25&initialDelay=0&sendEmptyMessageWhenIdle=true&"
                        + Workspace.connection(emulator))
                        .choice()
                        .when(body().isNull()).process(exchange -> idlePolls.release())
                        .otherwise().to("mock:jobs");
            }
        });
        MockEndpoint jobs = context.getEndpoint("mock:jobs", MockEndpoint.class);
        jobs.expectedMessageCount(SEEDED);

        jobs.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        awaitIdlePolls(2); // two whole polls that found nothing new

        assertThat(jobs.getReceivedCounter()).as("each job once over several polls").isEqualTo(SEEDED);
        assertThat(jobIds(jobs)).hasSize(SEEDED).containsExactlyInAnyOrderElementsOf(seeded);
        Exchange first = jobs.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getBody()).isInstanceOf(BaseJob.class);
        assertThat(first.getMessage().getBody(BaseJob.class).getJobId())
                .isEqualTo(first.getMessage().getHeader(DatabricksConstants.JOB_ID));
        assertThat(first.getMessage().getHeader(DatabricksConstants.OPERATION)).isEqualTo("jobs/list");
        assertThat(first.getProperty(Exchange.BATCH_SIZE, Integer.class)).isEqualTo(SEEDED);
        // pages really were walked: a poll needs 13 listing calls, the later ones with a page token
        assertThat(emulator.requests().matching("GET", "/jobs/list"))
                .filteredOn(r -> r.queryParameter("page_token") != null).hasSizeGreaterThanOrEqualTo(12);

        // a job created later comes alone, on a later poll
        jobs.reset();
        jobs.expectedMessageCount(1);
        long late = emulator.jobs().createJob("it-created-later");

        jobs.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        idlePolls.drainPermits();
        awaitIdlePolls(2);

        assertThat(jobs.getReceivedCounter()).isEqualTo(1);
        assertThat(jobIds(jobs)).containsExactly(late);
        assertThat(jobs.getReceivedExchanges().get(0).getMessage().getBody(BaseJob.class).getSettings().getName())
                .isEqualTo("it-created-later");
        assertThat(jobs.getReceivedExchanges().get(0).getProperty(Exchange.BATCH_SIZE, Integer.class)).isEqualTo(1);
    }

    private void awaitIdlePolls(int polls) throws InterruptedException {
        assertThat(idlePolls.tryAcquire(polls, 30, TimeUnit.SECONDS)).as("%d idle polls", polls).isTrue();
    }

    private static Set<Long> jobIds(MockEndpoint mock) {
        Set<Long> ids = new HashSet<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            ids.add(exchange.getMessage().getHeader(DatabricksConstants.JOB_ID, Long.class));
        }
        return ids;
    }
}
