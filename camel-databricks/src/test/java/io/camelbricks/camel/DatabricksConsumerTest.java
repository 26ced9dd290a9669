package io.camelbricks.camel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabricksConsumerTest extends EmulatorTestSupport {
    private List<Long> seeded;

    @Override
    protected void setupResources() throws Exception {
        super.setupResources();
        emulator().reset();
        seeded = emulator().jobs().createJobs(5);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // limit=2: five jobs come in three pages; idle polls send an empty message, so a test can tell
                // that the consumer has polled again without waiting for a clock
                from("databricks:jobs/list?limit=2&delay=20&initialDelay=0&sendEmptyMessageWhenIdle=true&"
                        + connection())
                        .choice()
                        .when(body().isNull()).to("mock:idle")
                        .otherwise().to("mock:jobs");
            }
        };
    }

    @Test
    void listConsumerEmitsEachJobOnce() throws Exception {
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        MockEndpoint idle = getMockEndpoint("mock:idle");
        jobs.expectedMessageCount(5);
        idle.expectedMinimumMessageCount(2);

        MockEndpoint.assertIsSatisfied(context);

        assertThat(jobs.getReceivedCounter()).as("no job emitted twice over several polls").isEqualTo(5);
        assertThat(jobIds(jobs)).containsExactlyInAnyOrderElementsOf(seeded);
        Exchange first = jobs.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getBody().getClass().getSimpleName()).isEqualTo("BaseJob");
        assertThat(first.getMessage().getHeader(DatabricksConstants.OPERATION)).isEqualTo("jobs/list");

        // a job created later is emitted on a later poll, alone
        jobs.reset();
        idle.reset();
        jobs.expectedMessageCount(1);
        idle.expectedMinimumMessageCount(2);
        long late = emulator().jobs().createJob("late-job");

        MockEndpoint.assertIsSatisfied(context);

        assertThat(jobs.getReceivedCounter()).isEqualTo(1);
        assertThat(jobIds(jobs)).containsExactly(late);
    }

    private static Set<Long> jobIds(MockEndpoint mock) {
        Set<Long> ids = new HashSet<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            ids.add(exchange.getMessage().getHeader(DatabricksConstants.JOB_ID, Long.class));
        }
        return ids;
    }
}
