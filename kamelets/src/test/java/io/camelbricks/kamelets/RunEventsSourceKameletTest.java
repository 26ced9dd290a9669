package io.camelbricks.kamelets;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbricks.camel.DatabricksConstants;

import static org.assertj.core.api.Assertions.assertThat;

class RunEventsSourceKameletTest extends KameletTestSupport {

    @TempDir
    Path dir;

    private static ObjectNode notebookRun(String name) {
        ObjectNode request = JSON.createObjectNode();
        request.put("run_name", name);
        request.putArray("tasks").addObject().put("task_key", "main").putObject("notebook_task")
                .put("notebook_path", "/Workspace/Shared/" + name);
        return request;
    }

    @Test
    void eachStateChangeOfARunIsDeliveredOnceInOrderWithItsJson() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:databricks-run-events-source?" + CONNECTION + "&period=20").routeId("events")
                        .to("mock:events");
            }
        });
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedHeaderValuesReceivedInAnyOrder(DatabricksConstants.OBSERVED_STATE,
                "PENDING", "RUNNING", "TERMINATED");

        long runId = emulator().jobs().submitRun(notebookRun("watched"));

        events.assertIsSatisfied(20_000);
        List<Exchange> received = events.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE))
                .containsExactly("PENDING", "RUNNING", "TERMINATED");
        assertThat(received).allSatisfy(e -> assertThat(e.getMessage().getHeader(DatabricksConstants.RUN_ID))
                .isEqualTo(runId));
        Exchange terminated = received.get(2);
        assertThat(terminated.getMessage().getHeader(DatabricksConstants.RESULT_STATE)).isEqualTo("SUCCESS");
        assertThat(terminated.getMessage().getHeader(DatabricksConstants.PREVIOUS_STATE)).isEqualTo("RUNNING");
        assertThat(json(terminated.getMessage().getBody(String.class)).get("run_name").asText()).isEqualTo("watched");
    }

    @Test
    void persistentRepositoriesKeepTheCursorAndTheSentEventsAcrossARestart() throws Exception {
        File seenFile = dir.resolve("seen.dat").toFile();
        File cursorFile = dir.resolve("cursor.dat").toFile();
        String route = "kamelet:databricks-run-events-source?" + CONNECTION
                + "&period=20&stateRepository=#bean:cursor&idempotentRepository=#bean:seen";
        bindRepositories(seenFile, cursorFile);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(route).to("mock:events");
            }
        });
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(3);
        long runId = emulator().jobs().submitRun(notebookRun("first"));
        events.assertIsSatisfied(20_000);
        context.stop();
        assertThat(cursorFile).as("the cursor was stored").isNotEmpty();

        createContext();
        bindRepositories(seenFile, cursorFile);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(route).to("mock:events");
            }
        });
        MockEndpoint afterRestart = context.getEndpoint("mock:events", MockEndpoint.class);
        afterRestart.expectedHeaderValuesReceivedInAnyOrder(DatabricksConstants.OBSERVED_STATE,
                "PENDING", "RUNNING", "TERMINATED");
        long second = emulator().jobs().submitRun(notebookRun("second"));

        afterRestart.assertIsSatisfied(20_000);
        assertThat(afterRestart.getReceivedExchanges())
                .as("only the new run: the first one's events were already sent before the restart")
                .allSatisfy(e -> assertThat(e.getMessage().getHeader(DatabricksConstants.RUN_ID)).isEqualTo(second));
        assertThat(second).isNotEqualTo(runId);
    }

    private void bindRepositories(File seenFile, File cursorFile) {
        context.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(seenFile));
        context.getRegistry().bind("cursor", FileStateRepository.fileStateRepository(cursorFile));
    }
}
