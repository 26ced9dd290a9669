package io.camelbricks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.EmulatorClient.Reply;
import io.camelbricks.emulator.clusters.EmulatedClusters;
import io.camelbricks.emulator.jobs.RunOutcome;
import io.camelbricks.emulator.jobs.RunScript;
import io.camelbricks.emulator.jobs.TaskOutput;
import io.camelbricks.emulator.spec.SchemaValidator;
import io.camelbricks.emulator.spec.SpecOperation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jobs, Clusters, Instance Pools and Cluster Policies answers fit the response schemas of the OpenAPI documents,
 * in realistic states (a repaired multi-task job run, task runs, outputs, a cluster through its lifecycle, events).
 * Fields the schema does not declare are reported too.
 */
@ExtendWith(DatabricksEmulatorExtension.class)
class JobsAndClustersSchemaTest {

    private final DatabricksEmulator emu;
    private final EmulatorClient client;
    private final SchemaValidator strict;
    private final Map<String, List<String>> problems = new TreeMap<>();

    JobsAndClustersSchemaTest(DatabricksEmulator emu) {
        this.emu = emu;
        this.client = new EmulatorClient(emu);
        this.strict = new SchemaValidator(emu.spec(), false);
    }

    private JsonNode check(String method, String pathAndQuery, String body) {
        Reply reply = "GET".equals(method) ? client.get(pathAndQuery) : client.post(pathAndQuery, body);
        assertThat(reply.status()).as(method + " " + pathAndQuery + " " + reply.json()).isEqualTo(200);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SpecOperation op = emu.spec().find(method, path).orElseThrow().operation();
        List<String> errors = strict.validate(reply.json(), op.responseSchema());
        if (!errors.isEmpty()) {
            problems.put(method + " " + pathAndQuery, errors);
        }
        return reply.json();
    }

    @Test
    void jobsAnswersFitTheSpec() {
        long jobId = check("POST", "/api/2.2/jobs/create", "{\"name\":\"etl\",\"parameters\":[{\"name\":\"d\","
                + "\"default\":\"1\"}],\"job_clusters\":[{\"job_cluster_key\":\"c\",\"new_cluster\":{\"spark_version\":"
                + "\"15.4.x-scala2.12\",\"num_workers\":1}}],\"tasks\":[{\"task_key\":\"a\",\"job_cluster_key\":\"c\","
                + "\"notebook_task\":{\"notebook_path\":\"/a\"}},{\"task_key\":\"b\",\"depends_on\":[{\"task_key\":\"a\"}],"
                + "\"spark_python_task\":{\"python_file\":\"/b.py\"}}]}").get("job_id").asLong();
        check("GET", "/api/2.2/jobs/get?job_id=" + jobId, null);
        check("GET", "/api/2.2/jobs/list?expand_tasks=true", null);
        emu.jobs().taskOutput("a", TaskOutput.notebookResult("42"));
        emu.jobs().scriptNextRun(RunScript.succeeds().endingWith(RunOutcome.failedTask("b", "boom")));
        long runId = check("POST", "/api/2.2/jobs/run-now", "{\"job_id\":" + jobId + ",\"job_parameters\":{\"d\":\"2\"}}")
                .get("run_id").asLong();
        for (int i = 0; i < 3; i++) {
            check("GET", "/api/2.2/jobs/runs/get?run_id=" + runId, null);
        }
        check("POST", "/api/2.2/jobs/runs/repair", "{\"run_id\":" + runId + ",\"rerun_all_failed_tasks\":true}");
        JsonNode run = check("GET", "/api/2.2/jobs/runs/get?run_id=" + runId + "&include_history=true", null);
        for (int i = 0; i < 3; i++) {
            check("GET", "/api/2.2/jobs/runs/get?run_id=" + runId + "&include_history=true", null);
        }
        long taskA = run.at("/tasks/0/run_id").asLong();
        long taskB = run.at("/tasks/1/run_id").asLong();
        check("GET", "/api/2.2/jobs/runs/get?run_id=" + taskA, null);
        check("GET", "/api/2.2/jobs/runs/get-output?run_id=" + taskA, null);
        check("GET", "/api/2.2/jobs/runs/get-output?run_id=" + taskB, null);
        check("GET", "/api/2.2/jobs/runs/export?run_id=" + taskA, null);
        check("GET", "/api/2.2/jobs/runs/list?expand_tasks=true", null);
        client.submitNotebook("s", "/s");
        check("GET", "/api/2.2/jobs/runs/list", null);
        assertThat(problems).isEmpty();
    }

    @Test
    void computeAnswersFitTheSpec() {
        String poolId = check("POST", "/api/2.0/instance-pools/create", "{\"instance_pool_name\":\"p\","
                + "\"node_type_id\":\"m5d.large\"}").get("instance_pool_id").asText();
        String policyId = check("POST", "/api/2.0/policies/clusters/create", "{\"name\":\"p\"}").get("policy_id").asText();
        String id = check("POST", "/api/2.1/clusters/create", "{\"cluster_name\":\"c\",\"spark_version\":"
                + "\"15.4.x-scala2.12\",\"instance_pool_id\":\"" + poolId + "\",\"policy_id\":\"" + policyId + "\","
                + "\"autoscale\":{\"min_workers\":1,\"max_workers\":3}}").get("cluster_id").asText();
        check("GET", "/api/2.1/clusters/get?cluster_id=" + id, null);
        check("GET", "/api/2.1/clusters/get?cluster_id=" + id, null);
        check("POST", "/api/2.1/clusters/resize", "{\"cluster_id\":\"" + id + "\",\"num_workers\":4}");
        check("GET", "/api/2.1/clusters/get?cluster_id=" + id, null);
        check("POST", "/api/2.1/clusters/delete", "{\"cluster_id\":\"" + id + "\"}");
        check("GET", "/api/2.1/clusters/get?cluster_id=" + id, null);
        check("GET", "/api/2.1/clusters/get?cluster_id=" + id, null);
        check("GET", "/api/2.1/clusters/list", null);
        check("GET", "/api/2.1/clusters/get?cluster_id=" + EmulatedClusters.SHARED_CLUSTER_ID, null);
        check("POST", "/api/2.1/clusters/events", "{\"cluster_id\":\"" + id + "\",\"limit\":2}");
        check("GET", "/api/2.1/clusters/spark-versions", null);
        check("GET", "/api/2.1/clusters/list-node-types", null);
        check("GET", "/api/2.0/instance-pools/get?instance_pool_id=" + poolId, null);
        check("GET", "/api/2.0/instance-pools/list", null);
        check("GET", "/api/2.0/policies/clusters/get?policy_id=" + policyId, null);
        check("GET", "/api/2.0/policies/clusters/list", null);
        assertThat(problems).isEmpty();
    }
}
