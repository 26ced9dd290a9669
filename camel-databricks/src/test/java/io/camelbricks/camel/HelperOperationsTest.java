package io.camelbricks.camel;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelbricks.api.clusters.ClusterNotRunningException;
import io.camelbricks.api.jobs.RunOutputs;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camel-only operations built on client helpers: {@code jobs/getRunOutputs} (every task's output, where the REST
 * call answers 400 for a multi-task run) and {@code clusters/ensureRunning}; and warehouses started or stopped twice.
 */
class HelperOperationsTest extends EmulatorTestSupport {

    @BeforeEach
    void fresh() {
        emulator().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outputs").to("databricks:jobs/getRunOutputs?" + connection());
                from("direct:outputsAsMap").to("databricks:jobs/getRunOutputs?outputType=map&" + connection());
                from("direct:restOutput").to("databricks:jobs/getRunOutput?" + connection());
                from("direct:ensureRunning").to("databricks:clusters/ensureRunning?pollInterval=10&" + connection());
                from("direct:startWarehouse").to("databricks:warehouses/start?wait=true&pollInterval=10&"
                        + connection());
                from("direct:stopWarehouse").to("databricks:warehouses/stop?wait=true&pollInterval=10&"
                        + connection());
            }
        };
    }

    private long twoTaskRun() {
        ObjectNode submit = JsonMapper.create().createObjectNode().put("run_name", "two tasks");
        var tasks = submit.putArray("tasks");
        tasks.addObject().put("task_key", "ingest").putObject("notebook_task").put("notebook_path", "/Shared/i");
        ObjectNode report = tasks.addObject().put("task_key", "report");
        report.putObject("notebook_task").put("notebook_path", "/Shared/r");
        emulator().jobs().scriptNextRun(RunScript.immediately(RunOutcome.success()));
        emulator().jobs().taskOutput("ingest", TaskOutput.notebookResult("1200 rows"));
        emulator().jobs().taskOutput("report", TaskOutput.notebookResult("sent"));
        return emulator().jobs().submitRun(submit);
    }

    @Test
    void getRunOutputsGivesEveryTasksOutputWhereTheRestCallAnswers400() {
        long runId = twoTaskRun();

        Exchange rest = template.request("direct:restOutput", e -> e.getMessage().setHeader("CamelDatabricks.runId",
                runId));
        RunOutputs outputs = template.requestBodyAndHeader("direct:outputs", null, "CamelDatabricks.runId", runId,
                RunOutputs.class);
        Map<?, ?> asMap = template.requestBodyAndHeader("direct:outputsAsMap", null, "CamelDatabricks.runId", runId,
                Map.class);

        assertThat(rest.getMessage().getHeader(DatabricksConstants.STATUS_CODE)).isEqualTo(400);
        assertThat(outputs.task("ingest").orElseThrow().notebookResult()).isEqualTo("1200 rows");
        assertThat(outputs.task("report").orElseThrow().notebookResult()).isEqualTo("sent");
        assertThat(asMap.containsKey("tasks")).as("tasks key").isTrue();
    }

    @Test
    void ensureRunningStartsATerminatedClusterAndWaitsForIt() {
        String clusterId = emulator().clusters().addCluster("etl", "TERMINATED");

        Exchange out = template.request("direct:ensureRunning",
                e -> e.getMessage().setHeader("CamelDatabricks.clusterId", clusterId));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(ClusterDetails.class).getState()).hasToString("RUNNING");
        assertThat(out.getMessage().getHeader(DatabricksConstants.STATE)).isEqualTo("RUNNING");
        assertThat(emulator().clusters().state(clusterId)).contains("RUNNING");
    }

    @Test
    void ensureRunningFailsWithTheReasonWhenTheClusterCannotStart() {
        String clusterId = emulator().clusters().addCluster("etl", "TERMINATED");
        emulator().clusters().failNextStart("Insufficient capacity");

        Exchange out = template.request("direct:ensureRunning",
                e -> e.getMessage().setHeader("CamelDatabricks.clusterId", clusterId));

        assertThat(out.getException()).isInstanceOf(ClusterNotRunningException.class)
                .hasMessageContaining("Insufficient capacity");
    }

    @Test
    void startingARunningWarehouseAndStoppingAStoppedOneSucceed() {
        String id = emulator().sql().createWarehouse("bi");

        Exchange first = template.request("direct:startWarehouse", e -> e.getMessage().setHeader("CamelDatabricks.id", id));
        Exchange again = template.request("direct:startWarehouse", e -> e.getMessage().setHeader("CamelDatabricks.id", id));
        Exchange stop = template.request("direct:stopWarehouse", e -> e.getMessage().setHeader("CamelDatabricks.id", id));
        Exchange stopAgain = template.request("direct:stopWarehouse",
                e -> e.getMessage().setHeader("CamelDatabricks.id", id));

        assertThat(first.getException()).isNull();
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(DatabricksConstants.STATE)).isEqualTo("RUNNING");
        assertThat(stop.getException()).isNull();
        assertThat(stopAgain.getException()).isNull();
        assertThat(stopAgain.getMessage().getHeader(DatabricksConstants.STATE)).isEqualTo("STOPPED");
    }
}
