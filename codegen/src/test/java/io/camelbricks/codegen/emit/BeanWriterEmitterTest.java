package io.camelbricks.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BeanField;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.types.JavaType;

class BeanWriterEmitterTest {

    private static final SchemaDef TASK = new SchemaDef("jobs.Task", "jobs", "Task", List.of(), null);
    private static final SchemaDef STATE = new SchemaDef("jobs.RunLifeCycleState", "jobs", "RunLifeCycleState",
            List.of(), List.of("PENDING"));
    private static final SchemaDef BODY = new SchemaDef("jobs.SubmitRun", "jobs", "SubmitRun", List.of(), null);

    private static String emit(BeanClass bean, ClassNames names) {
        JavaSourceFile file = new JavaSourceFile(bean.type().packageName(), bean.type().simpleName(),
                names.classesIn(bean.type().packageName()));
        BeanEmitter.emit(file, bean, names, "doc");
        return file.render();
    }

    @Test
    void aBeanGetsANestedToJsonThatWritesEachFieldThroughTheWriterOfItsType() {
        ClassNames names = new ClassNames(List.of(TASK, STATE, BODY));
        JavaType task = names.schemaType(TASK.name());
        JavaType state = names.schemaType(STATE.name());
        BeanClass bean = new BeanClass(names.schemaType(BODY.name()), null, List.of(), List.of(
                BeanField.of("run_name", JavaType.STRING),
                BeanField.of("timeout_seconds", JavaType.LONG),
                BeanField.of("package", JavaType.BOOLEAN),
                BeanField.of("state", state),
                BeanField.of("tasks", JavaType.listOf(task)),
                BeanField.of("params", JavaType.mapOf(JavaType.listOf(state))),
                BeanField.of("free", JavaType.OBJECT),
                BeanField.of("contents", JavaType.INPUT_STREAM)), true, "doc");

        String src = emit(bean, names);

        assertThat(src)
                .contains("@JsonSerialize(using = SubmitRun.ToJson.class)\npublic class SubmitRun {")
                .contains("import com.fasterxml.jackson.databind.annotation.JsonSerialize;")
                .contains("public static final class ToJson extends BeanWriter<SubmitRun> {")
                .contains("private static final SerializedString F_RUN_NAME = new SerializedString(\"run_name\");")
                .contains("public static final ToJson INSTANCE = new ToJson();")
                .contains("protected void writeFields(SubmitRun bean, JsonGenerator gen, SerializerProvider provider)"
                        + " throws IOException {\n"
                        + "            writeField(gen, F_RUN_NAME, bean.getRunName());\n"
                        + "            writeField(gen, F_TIMEOUT_SECONDS, bean.getTimeoutSeconds());\n"
                        + "            writeField(gen, F_PACKAGE, bean.getPackage());\n"
                        + "            writeField(gen, provider, F_STATE, bean.getState(), ScalarWriter.OPEN_ENUM);\n"
                        + "            writeField(gen, provider, F_TASKS, bean.getTasks(), "
                        + "ValueWriter.listOf(Task.ToJson.INSTANCE));\n"
                        + "            writeField(gen, provider, F_PARAMS, bean.getParams(), "
                        + "ValueWriter.mapOf(ValueWriter.listOf(ScalarWriter.OPEN_ENUM)));\n"
                        + "            writeField(gen, provider, F_FREE, bean.getFree(), ScalarWriter.ANY);\n"
                        + "            writeUnknown(gen, provider, bean.additionalProperties());\n"
                        + "        }\n    }\n}\n")
                .doesNotContain("F_CONTENTS", "getContents(), ");
    }

    @Test
    void aRequestWritesTheInheritedFieldsFirstAndABeanWithoutUnknownFieldsNoUnknowns() {
        ClassNames names = new ClassNames(List.of(BODY));
        JavaType request = JavaType.of("io.camelbricks.api.service.jobs", "JobsSubmitRequest");
        BeanClass bean = new BeanClass(request, names.schemaType(BODY.name()),
                List.of(BeanField.of("run_name", JavaType.STRING)), List.of(BeanField.of("job_id", JavaType.LONG)),
                false, "doc");

        String src = emit(bean, java.util.Set.of("SubmitRun", "JobsSubmitRequest"));

        assertThat(src)
                .contains("            writeField(gen, F_RUN_NAME, bean.getRunName());\n"
                        + "            writeField(gen, F_JOB_ID, bean.getJobId());\n        }\n")
                .doesNotContain("writeUnknown");
    }

    private static String emit(BeanClass bean, java.util.Set<String> packageClasses) {
        JavaSourceFile file = new JavaSourceFile(bean.type().packageName(), bean.type().simpleName(), packageClasses);
        BeanEmitter.emit(file, bean, new ClassNames(List.of(BODY)), "doc");
        return file.render();
    }

    @Test
    void aSchemaNamedLikeTheNestedWriterFailsTheGeneration() {
        assertThatThrownBy(() -> new ClassNames(List.of(new SchemaDef("jobs.ToJson", "jobs", "ToJson", List.of(),
                null)))).isInstanceOf(SpecException.class).hasMessageContaining("ToJson");
    }
}
