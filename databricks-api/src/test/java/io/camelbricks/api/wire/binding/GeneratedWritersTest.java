package io.camelbricks.api.wire.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializer;

import io.camelbricks.api.service.files.FilesUploadRequest;
import io.camelbricks.api.service.jobs.JobPermissionsRequest;
import io.camelbricks.api.service.jobs.JobsSetPermissionsRequest;
import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.SubmitRun;
import io.camelbricks.api.service.jobs.SubmitTask;
import io.camelbricks.api.wire.JsonMapper;
import io.camelbricks.api.wire.OpenEnum;

/**
 * The generated {@code ToJson} writers write, byte for byte, what Jackson's reflective bean serializer wrote for the
 * same bean: the reference is a mapper of the same configuration told to ignore the classes' {@code @JsonSerialize},
 * so it serialises the same classes by reflection. Every generated bean is compared, populated from a synthetic
 * document that sets each of its fields (recursively, to a small depth), through its generated reader.
 */
class GeneratedWritersTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEPTH = 2;

    /** Every generated bean class (those with a nested {@code ToJson}), with a populated instance. */
    private static List<Class<?>> beans;
    private static List<Object> populated;

    @BeforeAll
    static void populateEveryGeneratedBean() throws Exception {
        beans = generatedBeans();
        populated = new ArrayList<>();
        ObjectMapper reader = JsonMapper.create();
        for (Class<?> type : beans) {
            populated.add(reader.treeToValue(document(type, 0), type));
        }
    }

    /** {@code mapper} with its classes' {@code @JsonSerialize} ignored: Jackson's reflective bean serializer. */
    private static ObjectMapper reflective(ObjectMapper mapper) {
        return mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object findSerializer(Annotated a) {
                return a instanceof AnnotatedClass ? null : super.findSerializer(a);
            }
        });
    }

    @Test
    void everyGeneratedBeanIsWrittenAsJacksonsReflectiveSerializerWritesIt() throws Exception {
        assertThat(beans).as("generated beans with a ToJson").hasSizeGreaterThan(2300);
        assertThat(JsonMapper.create().getSerializerProviderInstance().findValueSerializer(SubmitRun.class))
                .isInstanceOf(SubmitRun.ToJson.class);
        assertThat(reflective(JsonMapper.create()).getSerializerProviderInstance()
                .findValueSerializer(SubmitRun.class)).isInstanceOf(BeanSerializer.class);
        assertSameOutput(JsonMapper.create(), reflective(JsonMapper.create()));
    }

    @Test
    void theSharedMapperWritesEveryGeneratedBeanAsTheReflectiveSerializer() throws Exception {
        assertSameOutput(JsonMapper.shared(), reflective(JsonMapper.create()));
    }

    @Test
    void aPlainMapperThatKeepsNullMapValuesGetsTheReflectiveOutputToo() throws Exception {
        assertSameOutput(new ObjectMapper(), reflective(new ObjectMapper()));
    }

    @Test
    void sortedMapsUnwrappedSingleElementListsAndIndentationFollowTheMapper() throws Exception {
        assertSameOutput(configured(JsonMapper.create()), reflective(configured(JsonMapper.create())));
    }

    @Test
    void aMapperThatLeavesOutEmptyMapValuesGetsTheReflectiveOutputToo() throws Exception {
        JsonInclude.Value nonEmptyContent = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_EMPTY);
        assertSameOutput(JsonMapper.create().setDefaultPropertyInclusion(nonEmptyContent),
                reflective(JsonMapper.create().setDefaultPropertyInclusion(nonEmptyContent)));
    }

    private static ObjectMapper configured(ObjectMapper mapper) {
        return mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
                SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED, SerializationFeature.INDENT_OUTPUT);
    }

    private static void assertSameOutput(ObjectMapper generated, ObjectMapper reference) throws Exception {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < beans.size(); i++) {
            String ours = generated.writeValueAsString(populated.get(i));
            String jacksons = reference.writeValueAsString(populated.get(i));
            if (!ours.equals(jacksons)) {
                differences.add(beans.get(i).getName() + "\n  ours:    " + ours + "\n  Jackson: " + jacksons);
            }
        }
        assertThat(differences).as("beans written differently (%s of %s)", differences.size(), beans.size())
                .isEmpty();
    }

    @Test
    void theSyntheticDocumentsSetEveryFieldAndUnknownFields() throws Exception {
        SubmitRun run = (SubmitRun) populated.get(beans.indexOf(SubmitRun.class));
        String json = JsonMapper.create().writeValueAsString(run);

        assertThat(run.getTasks()).hasSize(2).element(1).isNull();
        assertThat(run.getTasks().get(0).getNotebookTask().getBaseParameters()).containsKeys("b", "a", "n");
        assertThat(run.additionalProperties()).containsKeys("zz_unknown", "zz_null");
        assertThat(json).contains("\"run_name\":\"run_name-value\"", "\"tasks\":[{", "},null]",
                "\"base_parameters\":{\"b\":\"base_parameters-value\",\"a\":\"base_parameters-value\"}",
                "\"zz_unknown\":{\"a\":1,\"c\":[true,null]}");
        assertThat(json).doesNotContain("zz_null", "\"n\":null");
    }

    @Test
    void anAllNullBeanIsAnEmptyObject() throws Exception {
        for (Class<?> type : List.of(SubmitRun.class, Run.class, JobsSetPermissionsRequest.class)) {
            assertThat(JsonMapper.create().writeValueAsString(type.getDeclaredConstructor().newInstance()))
                    .isEqualTo("{}");
        }
    }

    @Test
    void aBeanWithOnlyUnknownFieldsWritesThemAsJacksonsAnyGetterDoes() throws Exception {
        SubmitTask task = new SubmitTask().putAdditionalProperty("x", 1).putAdditionalProperty("y", null)
                .putAdditionalProperty("z", List.of("a"));

        assertThat(JsonMapper.create().writeValueAsString(task)).isEqualTo("{\"x\":1,\"z\":[\"a\"]}")
                .isEqualTo(reflective(JsonMapper.create()).writeValueAsString(task));
        assertThat(new ObjectMapper().writeValueAsString(task)).isEqualTo("{\"x\":1,\"y\":null,\"z\":[\"a\"]}")
                .isEqualTo(reflective(new ObjectMapper()).writeValueAsString(task));
    }

    @Test
    void aRequestsStreamIsNeverWritten() throws Exception {
        FilesUploadRequest request = new FilesUploadRequest().setFilePath("/Volumes/a/b").setOverwrite(true)
                .setContents(new ByteArrayInputStream(new byte[] {1, 2}));

        assertThat(JsonMapper.create().writeValueAsString(request))
                .isEqualTo("{\"file_path\":\"/Volumes/a/b\",\"overwrite\":true}")
                .isEqualTo(reflective(JsonMapper.create()).writeValueAsString(request));
    }

    @Test
    void aRequestWritesItsInheritedBodyFieldsFirstThenItsOwn() throws Exception {
        JobsSetPermissionsRequest request = new JobsSetPermissionsRequest().setJobId("12")
                .setAccessControlList(List.of());

        assertThat(JsonMapper.create().writeValueAsString(request))
                .isEqualTo("{\"access_control_list\":[],\"job_id\":\"12\"}")
                .isEqualTo(reflective(JsonMapper.create()).writeValueAsString(request));
    }

    @Test
    void aSubclassInAFieldOrAtTheRootIsWrittenWithAllItsFields() throws Exception {
        Holder holder = new Holder();
        holder.request = new JobsSetPermissionsRequest().setJobId("12");
        UserRequest mine = new UserRequest();
        mine.setJobId("7");
        mine.extra = "e";

        assertThat(JsonMapper.create().writeValueAsString(holder))
                .isEqualTo("{\"request\":{\"job_id\":\"12\"}}")
                .isEqualTo(reflective(JsonMapper.create()).writeValueAsString(holder));
        assertThat(JsonMapper.create().writeValueAsString(mine))
                .isEqualTo(reflective(JsonMapper.create()).writeValueAsString(mine))
                .contains("\"job_id\":\"7\"", "\"extra\":\"e\"");
    }

    @Test
    void typeInformationIsWrittenAsTheReflectiveSerializerWritesIt() throws Exception {
        SubmitRun run = (SubmitRun) populated.get(beans.indexOf(SubmitRun.class));
        Holder holder = new Holder();
        holder.any = run;

        assertThat(typed(JsonMapper.create()).writeValueAsString(holder))
                .isEqualTo(typed(reflective(JsonMapper.create())).writeValueAsString(holder))
                .contains("\"io.camelbricks.api.service.jobs.SubmitRun\"");
    }

    @Test
    void typeIdsOfNonFinalFieldsAreWrittenAsTheReflectiveSerializerWritesThem() throws Exception {
        for (Class<?> type : List.of(SubmitRun.class, Run.class, JobsSetPermissionsRequest.class)) {
            Object bean = populated.get(beans.indexOf(type));
            ObjectMapper ours = typed(JsonMapper.create(), ObjectMapper.DefaultTyping.NON_FINAL);
            ObjectMapper jacksons = typed(reflective(JsonMapper.create()), ObjectMapper.DefaultTyping.NON_FINAL);

            assertThat(ours.writeValueAsString(bean)).isEqualTo(jacksons.writeValueAsString(bean))
                    .contains("\"java.util.ArrayList\"");
        }
    }

    private static ObjectMapper typed(ObjectMapper mapper) {
        return typed(mapper, ObjectMapper.DefaultTyping.JAVA_LANG_OBJECT);
    }

    private static ObjectMapper typed(ObjectMapper mapper, ObjectMapper.DefaultTyping typing) {
        return mapper.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class)
                .build(), typing, JsonTypeInfo.As.WRAPPER_ARRAY);
    }

    /** A user's class holding generated beans. */
    static final class Holder {
        @JsonProperty
        JobPermissionsRequest request;
        @JsonProperty
        Object any;
    }

    /** A user's subclass of a generated bean: it inherits {@code @JsonSerialize}, but its own field is written. */
    static final class UserRequest extends JobsSetPermissionsRequest {
        @JsonProperty
        String extra;
    }

    /** The classes of {@code io.camelbricks.api.service} with a nested {@code ToJson} writer, by name. */
    private static List<Class<?>> generatedBeans() throws Exception {
        Path classes = Path.of(Run.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/camelbricks/api/service"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/').replace('/', '.');
                if (name.endsWith("$ToJson.class")) {
                    Class<?> bean = Class.forName(name.substring(0, name.length() - "$ToJson.class".length()));
                    JsonSerialize using = bean.getAnnotation(JsonSerialize.class);
                    assertThat(using).as("@JsonSerialize of %s", bean).isNotNull();
                    assertThat(using.using().getSimpleName()).isEqualTo("ToJson");
                    assertThat(using.using().getEnclosingClass()).isEqualTo(bean);
                    found.add(bean);
                }
            }
        }
        return found;
    }

    /** A JSON object setting every JSON field of {@code type} (nested beans up to {@link #DEPTH}), plus unknowns. */
    private static ObjectNode document(Class<?> type, int depth) throws Exception {
        ObjectNode doc = NODES.objectNode();
        if (depth > DEPTH) {
            return doc;
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property == null || field.isAnnotationPresent(JsonIgnore.class)
                        || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                doc.set(property.value(), value(field.getGenericType(), property.value(), depth));
            }
        }
        ObjectNode unknown = doc.putObject("zz_unknown");
        unknown.put("a", 1);
        unknown.putNull("b");
        unknown.putArray("c").add(true).addNull();
        doc.putNull("zz_null");
        return doc;
    }

    private static JsonNode value(Type type, String name, int depth) throws Exception {
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                ArrayNode list = NODES.arrayNode();
                list.add(value(p.getActualTypeArguments()[0], name, depth));
                Type element = p.getActualTypeArguments()[0];
                if (element instanceof Class && OpenEnum.class.isAssignableFrom((Class<?>) element)) {
                    list.add("NOT_A_KNOWN_VALUE");
                }
                list.addNull();
                return list;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode();
                map.set("b", value(p.getActualTypeArguments()[1], name, depth));
                map.set("a", value(p.getActualTypeArguments()[1], name, depth));
                map.putNull("n");
                return map;
            }
            throw new IllegalStateException("unexpected field type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return NODES.textNode(name + "-value");
        } else if (c == Long.class) {
            return NODES.numberNode(12345678901L);
        } else if (c == Integer.class) {
            return NODES.numberNode(42);
        } else if (c == Double.class) {
            return NODES.numberNode(2.5);
        } else if (c == Boolean.class) {
            return NODES.booleanNode(true);
        } else if (c == Object.class) {
            ObjectNode free = NODES.objectNode();
            free.putArray("k").add(1).addNull().add("x").add(0.1);
            free.putNull("n");
            free.putObject("o").put("p", false);
            return free;
        } else if (OpenEnum.class.isAssignableFrom(c)) {
            List<?> known = (List<?>) c.getMethod("knownValues").invoke(null);
            return NODES.textNode(known.isEmpty() ? "NOT_A_KNOWN_VALUE" : ((OpenEnum) known.get(0)).value());
        } else {
            return document(c, depth + 1);
        }
    }
}
