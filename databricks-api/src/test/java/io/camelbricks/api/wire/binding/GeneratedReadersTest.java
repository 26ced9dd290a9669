package io.camelbricks.api.wire.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.Results;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobPermissionsRequest;
import io.camelbricks.api.service.jobs.JobsSetPermissionsRequest;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.wire.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code FromJson} readers give what Jackson's reflective bean binding gave for the same JSON: the
 * reference here is a mapper told to ignore {@code @JsonDeserialize}, so it binds the same classes by reflection.
 */
class GeneratedReadersTest {

    private static final ObjectMapper GENERATED = JsonMapper.create();
    private static final ObjectMapper REFLECTIVE = JsonMapper.create()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Object findDeserializer(Annotated a) {
                    return null;
                }
            });

    /** A terminated run with nested beans, lists, maps, open enums (known and not), unknown fields and nulls. */
    private static final String RUN = """
            {"run_id": 42, "job_id": "7", "run_name": "nightly", "number_in_job": 3,
             "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "state_message": "",
                       "user_cancelled_or_timedout": false, "queue_reason": null, "brand_new_state_field": {"a": [1, 2.5]}},
             "status": {"state": "NOT_YET_KNOWN_STATE"},
             "tasks": [
               {"task_key": "a", "run_id": 43, "state": {"life_cycle_state": "RUNNING"},
                "notebook_task": {"notebook_path": "/x", "base_parameters": {"p": "1", "q": null}},
                "depends_on": [], "libraries": [{"pypi": {"package": "requests==2"}}]},
               null,
               {"task_key": "b", "depends_on": [{"task_key": "a"}], "extra": [true, null, "s", 12345678901]}
             ],
             "overriding_parameters": {"jar_params": ["x", null], "notebook_params": {"k": "v"}},
             "job_parameters": [{"name": "n", "default": "d", "value": "v"}],
             "cluster_spec": {"new_cluster": {"spark_version": "15.4.x", "num_workers": 2, "custom_tags": {"team": "t"}}},
             "trigger": "ONE_TIME", "top_level_unknown": {"nested": {"deep": [{"x": 1}]}}, "end_time": null}
            """;

    @Test
    void readsARunAsJacksonsBeanBindingDoes() throws Exception {
        Run generated = GENERATED.readValue(RUN, Run.class);
        Run reflective = REFLECTIVE.readValue(RUN, Run.class);

        assertThat(generated).isEqualTo(reflective);
        assertThat(generated.getJobId()).isEqualTo(7L); // "7": Jackson's coercion, through the fallback
        assertThat(generated.getState().getLifeCycleState()).isSameAs(RunLifeCycleState.TERMINATED);
        assertThat(generated.getStatus().getState().isKnown()).isFalse();
        assertThat(generated.getStatus().getState().value()).isEqualTo("NOT_YET_KNOWN_STATE");
        assertThat(generated.getTasks()).hasSize(3).element(1).isNull();
        assertThat(generated.getTasks().get(0).getNotebookTask().getBaseParameters())
                .containsEntry("p", "1").containsEntry("q", null).hasSize(2);
        assertThat(generated.getTasks().get(2).additionalProperties().get("extra"))
                .isEqualTo(java.util.Arrays.asList(true, null, "s", 12345678901L));
        assertThat(generated.additionalProperties()).containsKey("top_level_unknown");
        assertThat(generated.getEndTime()).isNull();
        assertThat(GENERATED.writeValueAsString(generated)).isEqualTo(REFLECTIVE.writeValueAsString(reflective));
    }

    @Test
    void readsDoublesMapsAndFreeFormValuesAsJacksonDoes() throws Exception {
        String cluster = """
                {"cluster_id": "c1", "cluster_cores": 4, "cluster_memory_mb": 16384.0, "spark_conf": {"a": "b"},
                 "executors": [{"host_private_ip": "10.0.0.1"}], "state": "RUNNING", "ssh_public_keys": ["k1"],
                 "enable_elastic_disk": "true"}
                """;
        String results = """
                {"result_type": "table", "data": [[1, "a", null], [2.5, "b", {"x": []}]],
                 "schema": [{"name": "id", "type": "int"}], "truncated": false, "pos": 0}
                """;

        assertThat(GENERATED.readValue(cluster, ClusterDetails.class))
                .isEqualTo(REFLECTIVE.readValue(cluster, ClusterDetails.class))
                .satisfies(c -> assertThat(c.getClusterCores()).isEqualTo(4.0))
                .satisfies(c -> assertThat(c.getEnableElasticDisk()).isTrue());
        assertThat(GENERATED.readValue(results, Results.class)).isEqualTo(REFLECTIVE.readValue(results, Results.class));
    }

    @Test
    void aRequestReadsItsInheritedBodyFieldsAndItsOwn() throws Exception {
        String json = """
                {"job_id": "12", "access_control_list": [{"user_name": "u", "permission_level": "CAN_VIEW"}], "z": 1}
                """;

        JobsSetPermissionsRequest request = GENERATED.readValue(json, JobsSetPermissionsRequest.class);

        assertThat(request).isEqualTo(REFLECTIVE.readValue(json, JobsSetPermissionsRequest.class));
        assertThat(request.getJobId()).isEqualTo("12");
        assertThat(request.getAccessControlList()).singleElement()
                .satisfies(acl -> assertThat(acl.getUserName()).isEqualTo("u"));
        assertThat(GENERATED.readValue(json, JobPermissionsRequest.class))
                .isExactlyInstanceOf(JobPermissionsRequest.class);
    }

    @Test
    void aFailureNamesThePathToTheField() {
        String json = "{\"settings\": {\"tasks\": [{\"task_key\": \"a\"}, {\"timeout_seconds\": {\"no\": 1}}]}}";

        assertThatThrownBy(() -> GENERATED.readValue(json, Job.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("java.lang.Long")
                .hasMessageContaining("Job[\"settings\"]->io.camelbricks.api.service.jobs.JobSettings[\"tasks\"]"
                        + "->java.util.ArrayList[1]->io.camelbricks.api.service.jobs.Task[\"timeout_seconds\"]")
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath()).hasSize(4));
    }

    @Test
    void aWrongTokenForABeanOrAListIsJacksonsError() {
        assertThatThrownBy(() -> GENERATED.readValue("[1]", Job.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Cannot deserialize value of type `io.camelbricks.api.service.jobs.Job`");
        assertThatThrownBy(() -> GENERATED.readValue("{\"tasks\": \"a\"}", Run.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("java.util.List")
                .hasMessageContaining("Run[\"tasks\"]");
    }

    @Test
    void aSingleValueIsAListWhereTheMapperAcceptsThat() throws Exception {
        ObjectMapper lenient = JsonMapper.create().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

        Run run = lenient.readValue("{\"tasks\": {\"task_key\": \"a\"}}", Run.class);

        assertThat(run.getTasks()).singleElement().satisfies(t -> assertThat(t.getTaskKey()).isEqualTo("a"));
    }

    @Test
    void unknownFieldsOfABeanThatDoesNotKeepThemFollowTheMapper() throws Exception {
        ObjectMapper strict = JsonMapper.create().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String json = "{\"job_id\": 1, \"whatever\": {\"a\": 1}}";

        assertThat(strict.readValue(json, Job.class).additionalProperties()).containsKey("whatever");
        assertThat(JsonMapper.create().readValue(json, io.camelbricks.api.service.files.FilesDownloadResponse.class))
                .isNotNull();
        assertThatThrownBy(() -> strict.readValue(json, io.camelbricks.api.service.files.FilesDownloadResponse.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class)
                .hasMessageContaining("\"job_id\"");
    }

    @Test
    void updateValueSetsOnlyTheFieldsPresent() throws Exception {
        Job job = new Job().setJobId(1L).setCreatorUserName("me");

        Job updated = GENERATED.readerForUpdating(job).readValue("{\"run_as_user_name\": \"sp\", \"job_id\": 2}");

        assertThat(updated).isSameAs(job);
        assertThat(job.getJobId()).isEqualTo(2L);
        assertThat(job.getCreatorUserName()).isEqualTo("me");
        assertThat(job.getRunAsUserName()).isEqualTo("sp");
    }

    @Test
    void convertValueAndTreesGoThroughTheSameReaders() throws Exception {
        Map<?, ?> map = GENERATED.readValue(RUN, Map.class);

        assertThat(GENERATED.treeToValue(GENERATED.readTree(RUN), Run.class))
                .isEqualTo(REFLECTIVE.readValue(RUN, Run.class));
        // (converting a map writes it first, and the wire configuration leaves null map values out)
        assertThat(GENERATED.convertValue(map, Run.class)).isEqualTo(REFLECTIVE.convertValue(map, Run.class));
    }

    @Test
    void jsonNullIsNullEverywhere() throws Exception {
        assertThat(GENERATED.readValue("null", Run.class)).isNull();
        assertThat(GENERATED.readValue("null", RunLifeCycleState.class)).isNull();
        assertThat(GENERATED.readValue("{\"state\": null, \"tasks\": null}", Run.class))
                .isEqualTo(new Run());
    }
}
