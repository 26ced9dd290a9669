package io.camelbricks.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.codegen.emit.NativeImageConfigWriter;
import io.camelbricks.codegen.plan.OperationPlan;
import io.camelbricks.codegen.spec.Scope;

/** Runs the generator on the real spec (codegen/spec). */
class GeneratorTest {

    static final Path SPEC = Path.of("spec");
    static Generator.Result result;

    @BeforeAll
    static void generate() throws IOException {
        result = new Generator().generate(SPEC);
    }

    private static OperationPlan op(String id) {
        return result.plan().operations().stream().filter(o -> o.def().id().equals(id)).findFirst().orElseThrow();
    }

    private static String file(String path) {
        String content = result.sources().files().get(path);
        assertThat(content).as(path).isNotNull();
        return content;
    }

    @Test
    void generatingTwiceGivesByteIdenticalOutput() throws IOException {
        Generator.Result second = new Generator().generate(SPEC);
        Map<String, String> again = second.sources().files();
        assertThat(again.keySet()).containsExactlyElementsOf(result.sources().files().keySet());
        assertThat(again).isEqualTo(result.sources().files());
        assertThat(second.resources().files().keySet()).containsExactly(NativeImageConfigWriter.PATH);
        assertThat(second.resources().files()).isEqualTo(result.resources().files());
    }

    @Test
    void nativeImageConfigRegistersEveryJacksonBoundClassOnceSortedWithItsMembers() throws IOException {
        String config = result.resources().files().get(NativeImageConfigWriter.PATH);
        JsonNode entries = new ObjectMapper().readTree(config);
        var plan = result.plan();
        int withReaders = plan.models().size() + plan.enums().size() + plan.requests().size()
                + plan.binaryResponses().size();
        int withWriters = withReaders - plan.enums().size();
        // each class and its nested FromJson reader, each bean's nested ToJson writer
        int expected = 2 * withReaders + withWriters + plan.arrayResponses().size();

        assertThat(entries.size()).isEqualTo(expected).isGreaterThan(2500);
        List<String> names = new ArrayList<>();
        for (JsonNode entry : entries) {
            names.add(entry.get("name").asText());
            for (String member : List.of("allDeclaredConstructors", "allDeclaredFields", "allDeclaredMethods")) {
                assertThat(entry.get(member).asBoolean()).as("%s of %s", member, entry.get("name")).isTrue();
            }
        }
        assertThat(names).isSorted().doesNotHaveDuplicates()
                .contains("io.camelbricks.api.service.jobs.Run", "io.camelbricks.api.service.jobs.RunLifeCycleState",
                        "io.camelbricks.api.service.jobs.JobsGetRunRequest", "io.camelbricks.api.service.jobs.SubmitRun",
                        "io.camelbricks.api.service.jobs.Run$FromJson",
                        "io.camelbricks.api.service.jobs.RunLifeCycleState$FromJson",
                        "io.camelbricks.api.service.jobs.Run$ToJson", "io.camelbricks.api.service.jobs.SubmitRun$ToJson")
                .doesNotContain("io.camelbricks.api.service.jobs.JobsService",
                        "io.camelbricks.api.service.jobs.RunLifeCycleState$ToJson",
                        "io.camelbricks.api.service.jobs.JobsOperations");
        for (var service : plan.services()) { // services and operation tables are not Jackson's business
            assertThat(names).doesNotContain(service.serviceClass().fqn(), service.operationsClass().fqn());
        }
        assertThat(config).endsWith("]\n");
    }

    @Test
    void theResourcesAreWrittenOnceAndLeftAloneTheSecondTime(@TempDir Path out) throws IOException {
        assertThat(result.resources().writeTo(out)).isEqualTo(1);
        Path config = out.resolve(NativeImageConfigWriter.PATH);
        byte[] first = Files.readAllBytes(config);
        assertThat(result.resources().writeTo(out)).isZero();
        assertThat(Files.readAllBytes(config)).isEqualTo(first);
    }

    @Test
    void writingTwiceChangesNothingTheSecondTimeAndRemovesStaleFiles(@TempDir Path out) throws IOException {
        assertThat(result.sources().writeTo(out)).isEqualTo(result.sources().files().size());
        Path stale = out.resolve("io/camelbricks/api/service/jobs/Gone.java");
        Files.writeString(stale, "class Gone {}");
        Path foreign = out.resolve("io/camelbricks/other/Kept.java");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "class Kept {}");
        assertThat(result.sources().writeTo(out)).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(foreign).exists();
        assertThat(result.sources().writeTo(out)).isZero();
    }

    @Test
    void everyOperationOfBothDocumentsIsPlannedWorkspaceFirst() {
        Map<Scope, Long> byScope = result.plan().operations().stream()
                .collect(Collectors.groupingBy(o -> o.def().scope(), Collectors.counting()));
        assertThat(byScope).containsEntry(Scope.WORKSPACE, 812L).containsEntry(Scope.ACCOUNT, 175L);
        assertThat(result.plan().operations().get(0).def().scope()).isEqualTo(Scope.WORKSPACE);
        assertThat(result.plan().operations().get(986).def().scope()).isEqualTo(Scope.ACCOUNT);
        assertThat(result.plan().operations().stream().filter(o -> o.def().sharedPath()).count()).isEqualTo(40);
        assertThat(file("io/camelbricks/api/generated/GeneratedOperations.java"))
                .contains("WORKSPACE_OPERATIONS = 812;")
                .contains("ACCOUNT_OPERATIONS = 175;");
    }

    @Test
    void requestTypesFollowTheRules() {
        assertThat(op("jobs.Jobs.submit").requestType().simpleName()).isEqualTo("SubmitRun");
        assertThat(op("jobs.Jobs.getRun").requestType().simpleName()).isEqualTo("JobsGetRunRequest");
        assertThat(op("apps.Apps.start").requestType().simpleName()).isEqualTo("AppsStartRequest");
        assertThat(op("apps.Apps.start").requestBean().superclass().simpleName()).isEqualTo("StartAppRequest");
        assertThat(op("files.Files.upload").requestType().simpleName()).isEqualTo("FilesUploadRequest");
        assertThat(op("files.Files.upload").body().field().wireName()).isEqualTo("contents");
        assertThat(op("sql.AlertsV2.createAlert").body().field().wireName()).isEqualTo("alert");
        assertThat(op("provisioning.Credentials.list").requestType().simpleName()).isEqualTo("Void");
        assertThat(op("iam.Users.update").params()).anySatisfy(p -> {
            assertThat(p.def().name()).isEqualTo("id");
            assertThat(p.alsoInBody()).isTrue();
        });
        assertThat(file("io/camelbricks/api/service/iam/UsersUpdateRequest.java"))
                .contains("public class UsersUpdateRequest extends User {")
                .contains("public UsersUpdateRequest setUserName(String userName) {");
    }

    @Test
    void responseTypesFollowTheRules() {
        assertThat(op("jobs.Jobs.submit").responseType().simpleName()).isEqualTo("SubmitRunResponse");
        assertThat(op("jobs.Jobs.delete").responseType().simpleName()).isEqualTo("Void");
        assertThat(file("io/camelbricks/api/service/files/FilesOperations.java"))
                .contains(".binaryResponse((in, h) -> new FilesDownloadResponse().setContents(in)")
                .contains(".setContentLength(h.longValue(\"content-length\"))")
                .contains(".binaryResponse((in, h) -> new FilesGetMetadataResponse().setContents(in)");
        assertThat(file("io/camelbricks/api/service/provisioning/CredentialsListResponse.java"))
                .contains("public class CredentialsListResponse extends ArrayList<Credential> {");
    }

    @Test
    void paginationFieldsAreResolvedToWireNames() {
        assertThat(op("iam.Users.list").pagination().requestCursor().wireName()).isEqualTo("startIndex");
        assertThat(op("iam.Users.list").pagination().items().wireName()).isEqualTo("Resources");
        assertThat(op("iam.Users.list").pagination().dedupe().wireName()).isEqualTo("id");
        assertThat(op("ml.ModelRegistry.getLatestVersions").pagination().items().wireName())
                .isEqualTo("model_versions");
        assertThat(result.plan().operations().stream().filter(o -> o.pagination() != null).count()).isEqualTo(144);
        assertThat(file("io/camelbricks/api/service/jobs/JobsOperations.java"))
                .contains(".requestCursor(\"page_token\", (JobsListRequest r, Object v) -> r.setPageToken(")
                .contains(".responseCursor(\"next_page_token\", ListJobsResponse::getNextPageToken)");
        assertThat(file("io/camelbricks/api/service/sql/DashboardsOperations.java"))
                .contains(".requestCursor(\"page\", (DashboardsListRequest r, Object v) -> r.setPage(v == null ? null : ((Number) v).longValue()))")
                .contains(".firstPage(1)");
        assertThat(file("io/camelbricks/api/service/compute/ClustersOperations.java"))
                .contains(".nextRequest(\"next_page\", GetEventsResponse::getNextPage)");
    }

    @Test
    void waitersHaveWireNamesAndTheirPollTargets() {
        var execute = op("compute.CommandExecution.execute").waiter();
        assertThat(execute.pollArguments()).containsExactly("request.clusterId", "response.id", "request.contextId");
        assertThat(execute.pollFields()).containsExactly("clusterId", "commandId", "contextId");
        assertThat(op("jobs.Jobs.submit").waiter().pollResponseType().simpleName()).isEqualTo("Run");
        assertThat(op("provisioning.Workspaces.create").waiter().defaultTimeout()).hasMinutes(20);
        assertThat(file("io/camelbricks/api/service/jobs/JobsService.java"))
                .contains("public Wait<Run, SubmitRunResponse> submit(SubmitRun request) {")
                .contains("public CompletableFuture<SubmitRunResponse> submitAsync(SubmitRun request) {")
                .contains("public Paginated<BaseJob> list(JobsListRequest request) {")
                .contains("public void delete(DeleteJob request) {");
    }

    @Test
    void accountOperationsTakeTheAccountIdFromConfiguration() {
        assertThat(file("io/camelbricks/api/service/iam/AccountGroupsOperations.java"))
                .contains(".account()")
                .contains(".param(Param.pathFromConfig(\"account_id\", \"account_id\"))")
                .contains(".accessor(\"groups\")");
        assertThat(file("io/camelbricks/api/generated/AccountServices.java"))
                .contains("public AccountGroupsService groups() {");
        assertThat(file("io/camelbricks/api/generated/WorkspaceServices.java"))
                .contains("protected abstract ApiClient apiClient();")
                .contains("private volatile JobsService jobs;")
                .contains("public JobsService jobs() {");
    }

    @Test
    void sensitiveFieldsAreMaskedAndListed() {
        assertThat(file("io/camelbricks/api/service/workspace/PutSecret.java"))
                .contains(".masked(\"stringValue\", this.stringValue)")
                .contains(".add(\"scope\", this.scope)");
        String names = file("io/camelbricks/api/generated/SensitiveFieldNames.java");
        String wireNames = names.substring(names.indexOf("WIRE_NAMES"), names.indexOf(");", names.indexOf("WIRE_NAMES")));
        assertThat(wireNames).contains("\"string_value\"", "\"bearerToken\"", "\"client_secret\"")
                .doesNotContain("page_token", "idempotency_token", "rotate_token");
        assertThat(result.plan().sensitiveWireNames()).contains("string_value", "bearerToken", "password");
    }

    @Test
    void autoIdempotencyOnlyForBodyFields() {
        assertThat(op("database.Database.generateDatabaseCredential").idempotency().wireName()).isEqualTo("request_id");
        assertThat(op("billing.BudgetPolicy.create").idempotency().wireName()).isEqualTo("request_id");
        assertThat(op("marketplace.ProviderPersonalizationRequests.update").idempotency()).isNull();
    }

    @Test
    void correctionsApply() {
        assertThat(op("sql.DbsqlPermissions.transferOwnership").params())
                .filteredOn(p -> p.def().name().equals("object_id"))
                .singleElement()
                .satisfies(p -> assertThat(p.field().type().simpleName()).isEqualTo("String"));
    }

    @Test
    void keywordsAreEscapedInGeneratedFields() {
        assertThat(file("io/camelbricks/api/service/compute/PythonPyPiLibrary.java"))
                .contains("private String package_;")
                .contains("@JsonProperty(\"package\")\n    public String getPackage()");
    }
}
