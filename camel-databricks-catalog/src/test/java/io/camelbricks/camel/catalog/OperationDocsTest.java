package io.camelbricks.camel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.camel.catalog.OperationDoc.FieldDoc;

class OperationDocsTest {

    @Test
    void everyOperationOfTheRegistryIsDocumented() {
        List<OperationDoc> ops = DatabricksCatalog.operations();

        assertThat(ops).hasSize(987).hasSize(OperationRegistry.all().size());
        assertThat(ops.stream().filter(op -> !op.isAccount())).hasSize(812);
        assertThat(ops.stream().filter(OperationDoc::isAccount)).hasSize(175)
                .allSatisfy(op -> assertThat(op.uri()).startsWith("databricks:account/"));
        Set<String> uris = ops.stream().map(OperationDoc::uri).collect(Collectors.toSet());
        assertThat(uris).hasSize(987);
    }

    @Test
    void theShippedDocumentationComesFromTheBuildAndMatchesTheRegistry() {
        assertThat(DatabricksCatalog.class.getClassLoader().getResource(DatabricksCatalog.OPERATIONS_RESOURCE))
                .isNotNull();
        assertThat(DatabricksCatalog.operations()).isEqualTo(DatabricksCatalog.operationsFromRegistry());
    }

    @Test
    void jobsSubmitListsItsRequestFieldsAndItsWaiter() {
        OperationDoc submit = DatabricksCatalog.operation("databricks:jobs/submit?wait=true").orElseThrow();

        assertThat(submit.id()).isEqualTo("jobs.Jobs.submit");
        assertThat(submit.httpMethod()).isEqualTo("POST");
        assertThat(submit.path()).isEqualTo("/api/2.2/jobs/runs/submit");
        assertThat(submit.responseType()).isEqualTo("io.camelbricks.api.service.jobs.SubmitRunResponse");
        assertThat(submit.idempotencyField()).isEqualTo("idempotency_token");
        assertThat(submit.field("runName")).hasValue(
                new FieldDoc("runName", "run_name", "String", "java.lang.String", "body", false));
        assertThat(submit.field("run_name")).isEqualTo(submit.field("runName"));
        assertThat(submit.field("tasks").orElseThrow().type()).isEqualTo("List<SubmitTask>");

        OperationDoc.WaiterDoc waiter = submit.waiter();
        assertThat(waiter.pollOperation()).isEqualTo("jobs.Jobs.getRun");
        assertThat(waiter.pollUri()).isEqualTo("databricks:jobs/getRun");
        assertThat(waiter.statusPath()).isEqualTo("state.life_cycle_state");
        assertThat(waiter.targetStates()).containsExactly("TERMINATED", "SKIPPED");
        assertThat(waiter.failureStates()).containsExactly("INTERNAL_ERROR");
        assertThat(waiter.defaultTimeout()).isEqualTo("PT20M");
        assertThat(waiter.entityType()).isEqualTo("io.camelbricks.api.service.jobs.Run");
        assertThat(waiter.failOnResultState()).contains("FAILED", "TIMEDOUT", "CANCELED", "SKIPPED");
        assertThat(waiter.cancelUri()).isEqualTo("databricks:jobs/cancelRun");
        assertThat(submit.pagination()).isNull();
        assertThat(submit.consumer()).isNull();
    }

    @Test
    void consumerBehaviourIsDocumentedPerOperation() {
        OperationDoc.ConsumerDoc runs = DatabricksCatalog.operation("jobs/listRuns").orElseThrow().consumer();
        OperationDoc.ConsumerDoc jobs = DatabricksCatalog.operation("jobs/list").orElseThrow().consumer();
        OperationDoc.ConsumerDoc run = DatabricksCatalog.operation("jobs/getRun").orElseThrow().consumer();

        assertThat(runs.mode()).isEqualTo("items");
        assertThat(runs.stateField()).isEqualTo("state.life_cycle_state");
        assertThat(jobs.stateField()).as("jobs have no state: emit=changes needs stateField").isNull();
        assertThat(run.mode()).isEqualTo("follow");
        assertThat(run.terminalStates()).containsExactlyInAnyOrder("TERMINATED", "SKIPPED", "INTERNAL_ERROR");
        assertThat(DatabricksCatalog.operation("jobs/cancelRun").orElseThrow().waiter().failOnResultState())
                .as("cancelling expects CANCELED").isEmpty();
    }

    @Test
    void fieldsArePlacedInPathQueryOrBody() {
        OperationDoc getRun = DatabricksCatalog.operation("jobs/getRun").orElseThrow();
        assertThat(getRun.httpMethod()).isEqualTo("GET");
        assertThat(getRun.field("runId").orElseThrow().in()).isEqualTo("query");

        OperationDoc upload = DatabricksCatalog.operation("files/upload").orElseThrow();
        assertThat(upload.field("filePath").orElseThrow().in()).isEqualTo("path");
        assertThat(upload.field("contents").orElseThrow().type()).isEqualTo("InputStream");
        assertThat(upload.field("path").orElseThrow().name()).as("the component's path alias").isEqualTo("file_path");
        assertThat(DatabricksCatalog.operation("jobs/submit").orElseThrow().field("path")).isEmpty();

        OperationDoc statement = DatabricksCatalog.operation("statementExecution/executeStatement").orElseThrow();
        assertThat(statement.field("wait_timeout").orElseThrow().option()).isEqualTo("wait_timeout");
        assertThat(statement.field("warehouse_id").orElseThrow().option()).isEqualTo("warehouseId");
    }

    @Test
    void listAndAccountOperationsCarryPaginationAndConfigParameters() {
        OperationDoc jobsList = DatabricksCatalog.operation("jobs/list").orElseThrow();
        assertThat(jobsList.pagination().kind()).isEqualTo("TOKEN");
        assertThat(jobsList.pagination().itemType()).isEqualTo("io.camelbricks.api.service.jobs.BaseJob");

        OperationDoc groups = DatabricksCatalog.operation("databricks:account/groups/list").orElseThrow();
        assertThat(groups.scope()).isEqualTo("account");
        assertThat(groups.service()).isEqualTo("account/groups");
        assertThat(groups.pagination().kind()).isEqualTo("OFFSET");
        FieldDoc accountId = groups.field("account_id").orElseThrow();
        assertThat(accountId.fromConfig()).isTrue();
        assertThat(accountId.option()).isEqualTo("accountId");
        assertThat(accountId.in()).isEqualTo("path");
    }

    @Test
    void markdownTableHasARowPerOperation() throws Exception {
        Path built = Path.of("target/generated-docs/operations.md");
        String md = Files.exists(built) ? Files.readString(built, StandardCharsets.UTF_8)
                : OperationDocsWriter.markdown(DatabricksCatalog.operations());

        long rows = md.lines().filter(l -> l.startsWith("| `databricks:")).count();
        assertThat(rows).isEqualTo(987);
        String submitRow = md.lines().filter(l -> l.startsWith("| `databricks:jobs/submit` |")).findFirst().orElseThrow();
        assertThat(submitRow).contains("POST `/api/2.2/jobs/runs/submit`")
                .contains("`runName` (`run_name`) `String`, body")
                .contains("polls `databricks:jobs/getRun` until `state.life_cycle_state` in TERMINATED, SKIPPED")
                .contains("fails on INTERNAL_ERROR");
    }
}
