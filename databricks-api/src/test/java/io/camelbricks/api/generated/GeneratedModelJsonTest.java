package io.camelbricks.api.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.service.compute.PythonPyPiLibrary;
import io.camelbricks.api.service.files.FilesDownloadResponse;
import io.camelbricks.api.service.files.FilesGetMetadataResponse;
import io.camelbricks.api.service.files.FilesOperations;
import io.camelbricks.api.service.files.FilesUploadRequest;
import io.camelbricks.api.service.iam.UsersUpdateRequest;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.RunState;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.service.provisioning.Credential;
import io.camelbricks.api.service.provisioning.CredentialsListResponse;
import io.camelbricks.api.service.workspace.PutSecret;

/**
 * JSON behaviour of the generated models, with a plain {@code ObjectMapper}: everything comes from the annotations
 * the generator writes, not from the client's mapper configuration.
 */
class GeneratedModelJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode tree(String json) throws Exception {
        return mapper.readTree(json);
    }

    @Test
    void unknownFieldsSurviveReadAndWrite() throws Exception {
        String json = "{\"run_name\":\"nightly\",\"brand_new_field\":{\"a\":[1,2]},"
                + "\"tasks\":[{\"task_key\":\"t1\",\"new_task_option\":true}]}";
        SubmitRun run = mapper.readValue(json, SubmitRun.class);
        assertThat(run.getRunName()).isEqualTo("nightly");
        assertThat(run.additionalProperties()).containsKey("brand_new_field");
        assertThat(run.getTasks().get(0).additionalProperties()).containsEntry("new_task_option", true);
        assertThat(tree(mapper.writeValueAsString(run))).isEqualTo(tree(json));
    }

    @Test
    void nullsAreOmittedAndWireNamesUsed() throws Exception {
        SubmitRun run = new SubmitRun().setRunName("nightly").setTimeoutSeconds(60L)
                .setTasks(List.of(new SubmitTask().setTaskKey("t1")));
        assertThat(tree(mapper.writeValueAsString(run)))
                .isEqualTo(tree("{\"run_name\":\"nightly\",\"timeout_seconds\":60,\"tasks\":[{\"task_key\":\"t1\"}]}"));
        assertThat(mapper.writeValueAsString(new SubmitRun())).isEqualTo("{}");
    }

    @Test
    void anUnknownEnumValueRoundTripsAndAKnownOneIsTheConstant() throws Exception {
        RunState state = mapper.readValue("{\"life_cycle_state\":\"HIBERNATING\",\"state_message\":\"zzz\"}",
                RunState.class);
        RunLifeCycleState unknown = state.getLifeCycleState();
        assertThat(unknown.value()).isEqualTo("HIBERNATING");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.toString()).isEqualTo("HIBERNATING");
        assertThat(RunLifeCycleState.knownValues()).doesNotContain(unknown);
        assertThat(mapper.writeValueAsString(state)).contains("\"life_cycle_state\":\"HIBERNATING\"");
        assertThat(unknown).isEqualTo(RunLifeCycleState.of("HIBERNATING")).hasSameHashCodeAs(RunLifeCycleState.of("HIBERNATING"));

        RunState known = mapper.readValue("{\"life_cycle_state\":\"TERMINATED\"}", RunState.class);
        assertThat(known.getLifeCycleState()).isSameAs(RunLifeCycleState.TERMINATED);
        assertThat(known.getLifeCycleState().isKnown()).isTrue();
        assertThat(mapper.writeValueAsString(RunLifeCycleState.PENDING)).isEqualTo("\"PENDING\"");
        assertThat(RunLifeCycleState.of(null)).isNull();
    }

    @Test
    void toStringPrintsSetFieldsAndMasksSecrets() {
        PutSecret put = new PutSecret().setScope("prod").setKey("db").setStringValue("hunter2")
                .putAdditionalProperty("client_secret", "s3cr3t").putAdditionalProperty("color", "blue");
        String text = put.toString();
        assertThat(text).startsWith("PutSecret{").endsWith("}")
                .contains("key=db", "scope=prod", "stringValue=***", "client_secret=***", "color=blue")
                .doesNotContain("hunter2", "s3cr3t", "bytesValue");
        assertThat(new SubmitRun().setRunName("x").toString()).isEqualTo("SubmitRun{runName=x}");
        assertThat(SensitiveFieldNames.WIRE_NAMES).contains("string_value", "password", "client_secret");
        assertThat(SensitiveFieldNames.isSensitive("some_new_password")).isTrue();
        assertThat(SensitiveFieldNames.isSensitive("next_page_token")).isFalse();
    }

    @Test
    void equalsAndHashCodeCoverAllFieldsIncludingUnknownOnes() {
        SubmitRun a = new SubmitRun().setRunName("x").setTimeoutSeconds(5L);
        SubmitRun b = new SubmitRun().setRunName("x").setTimeoutSeconds(5L);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SubmitRun().setRunName("y").setTimeoutSeconds(5L));
        b.putAdditionalProperty("extra", 1);
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isNotEqualTo(null).isNotEqualTo("x");
    }

    @Test
    void aRequestClassExtendsItsBodyAndAddsTheParameters() throws Exception {
        UsersUpdateRequest request = new UsersUpdateRequest().setUserName("ann").setId("42");
        assertThat(request).isInstanceOf(io.camelbricks.api.service.iam.User.class);
        assertThat(tree(mapper.writeValueAsString(request))).isEqualTo(tree("{\"userName\":\"ann\",\"id\":\"42\"}"));
        assertThat(request.toString()).isEqualTo("UsersUpdateRequest{id=42, userName=ann}");
        assertThat(request).isEqualTo(new UsersUpdateRequest().setId("42").setUserName("ann"));
    }

    @Test
    void streamsNeverTravelAsJson() throws Exception {
        InputStream in = new ByteArrayInputStream(new byte[] {1, 2});
        FilesUploadRequest upload = new FilesUploadRequest().setFilePath("/Volumes/a/b").setOverwrite(true)
                .setContents(in);
        assertThat(tree(mapper.writeValueAsString(upload)))
                .isEqualTo(tree("{\"file_path\":\"/Volumes/a/b\",\"overwrite\":true}"));
        assertThat(upload.getContents()).isSameAs(in);
    }

    @Test
    void keywordFieldsKeepTheirWireName() throws Exception {
        PythonPyPiLibrary lib = mapper.readValue("{\"package\":\"numpy==2.0\",\"repo\":\"r\"}", PythonPyPiLibrary.class);
        assertThat(lib.getPackage()).isEqualTo("numpy==2.0");
        assertThat(lib.additionalProperties()).isEmpty();
        assertThat(tree(mapper.writeValueAsString(lib))).isEqualTo(tree("{\"package\":\"numpy==2.0\",\"repo\":\"r\"}"));
    }

    @Test
    void aBareJsonArrayResponseIsAList() throws Exception {
        CredentialsListResponse list = mapper.readValue("[{\"credentials_id\":\"c1\"},{\"credentials_id\":\"c2\"}]",
                CredentialsListResponse.class);
        assertThat(list).extracting(Credential::getCredentialsId).containsExactly("c1", "c2");
    }

    @Test
    void streamedResponsesAreBuiltFromTheBodyAndTheHeaders() {
        java.util.Map<String, String> headers = java.util.Map.of("content-length", "12", "content-type", "text/csv");
        InputStream body = new ByteArrayInputStream(new byte[12]);
        FilesDownloadResponse download = FilesOperations.DOWNLOAD.binaryReader().read(body, headers::get);
        assertThat(download.getContents()).isSameAs(body);
        assertThat(download.getContentLength()).isEqualTo(12L);
        assertThat(download.getContentType()).isEqualTo("text/csv");
        assertThat(download.getLastModified()).isNull();
        FilesGetMetadataResponse meta = FilesOperations.GET_METADATA.binaryReader()
                .read(InputStream.nullInputStream(), headers::get);
        assertThat(meta.getContentLength()).isEqualTo(12L);
    }
}
