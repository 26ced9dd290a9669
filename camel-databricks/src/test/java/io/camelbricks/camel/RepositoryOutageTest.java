package io.camelbricks.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's idempotent repository is a shared store (a database) that is down when exchanges complete: the keys
 * cannot be stored, the items stay due, and once the store is back they are emitted again (at least once) and then
 * stored. Polls are driven by the test ({@code startScheduler=false}).
 */
class RepositoryOutageTest extends EmulatorTestSupport {

    @Test
    void itemsWhoseKeysCouldNotBeStoredAreEmittedAgainOnceTheStoreIsBack() throws Exception {
        emulator().reset();
        List<Long> jobs = emulator().jobs().createJobs(3);
        AtomicBoolean down = new AtomicBoolean(true);
        context.getRegistry().bind("sharedSeen", new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (down.get()) {
                    throw new IllegalStateException("the idempotent repository's database is down");
                }
                return super.add(key);
            }
        });
        List<Long> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/list?startScheduler=false&idempotentRepository=#sharedSeen&" + connection())
                        .routeId("jobs")
                        .process(e -> received.add(e.getMessage().getHeader(DatabricksConstants.JOB_ID, Long.class)));
            }
        });
        DatabricksConsumer consumer = (DatabricksConsumer) context.getRoute("jobs").getConsumer();

        assertThat(consumer.poll()).isEqualTo(3);
        down.set(false);
        assertThat(consumer.poll()).as("nothing stored: every job is due again").isEqualTo(3);
        assertThat(consumer.poll()).isZero();

        assertThat(received).hasSize(6).containsOnlyElementsOf(jobs);
    }
}
