package io.camelbricks.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.EnumClass;
import io.camelbricks.codegen.plan.ModelPlanner;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.types.JavaType;

class EnumWriterTest {

    private static String emit(String name, List<String> values) {
        SchemaDef schema = new SchemaDef("jobs." + name, "jobs", name, List.of(), values);
        ClassNames names = new ClassNames(List.of(schema));
        JavaType type = names.schemaType(schema.name());
        return new EnumWriter(names).write(new EnumClass(type, schema.name(), ModelPlanner.constants(values)))
                .render();
    }

    @Test
    void anOpenEnumIsAFinalClassWithAConstantPerKnownValue() {
        String src = emit("RunLifeCycleState", List.of("PENDING", "TERMINATED"));
        assertThat(src)
                .startsWith(JavaSourceFile.HEADER)
                .contains("package io.camelbricks.api.service.jobs;")
                .contains("import io.camelbricks.api.wire.OpenEnum;")
                .contains("public final class RunLifeCycleState implements OpenEnum {")
                .contains("public static final RunLifeCycleState PENDING = new RunLifeCycleState(\"PENDING\");")
                .contains("public static final RunLifeCycleState TERMINATED = new RunLifeCycleState(\"TERMINATED\");")
                .contains("@JsonCreator(mode = JsonCreator.Mode.DELEGATING)")
                .contains("@JsonDeserialize(using = RunLifeCycleState.FromJson.class)")
                .contains("public static final class FromJson extends OpenEnumReader<RunLifeCycleState> {")
                .contains("return RunLifeCycleState.of(value);")
                .contains("public static RunLifeCycleState of(String value)")
                .contains("return known != null ? known : new RunLifeCycleState(value);")
                .contains("@JsonValue")
                .contains("public String value()")
                .contains("public boolean isKnown()")
                .contains("public static List<RunLifeCycleState> knownValues()")
                .contains("public boolean equals(Object o)")
                .contains("public int hashCode()")
                .contains("public String toString() {\n        return value;")
                .doesNotContain("enum RunLifeCycleState");
    }

    @Test
    void wireValuesThatAreNotIdentifiersGetSafeConstantNames() {
        String src = emit("ScimSchema", List.of("urn:ietf:params:scim:schemas:core:2.0:Group", "gitHub", "git-hub",
                "KNOWN", "2xl"));
        assertThat(src)
                .contains("URN_IETF_PARAMS_SCIM_SCHEMAS_CORE_2_0_GROUP = new ScimSchema(\"urn:ietf:params:scim:schemas:core:2.0:Group\")")
                .contains("GIT_HUB = new ScimSchema(\"gitHub\")")
                .contains("GIT_HUB_2 = new ScimSchema(\"git-hub\")")
                .contains("KNOWN_2 = new ScimSchema(\"KNOWN\")")
                .contains("_2XL = new ScimSchema(\"2xl\")");
    }

    @Test
    void constantNamesStayUniqueAndRepeatedValuesCollapse() {
        assertThat(ModelPlanner.constants(List.of("a.b", "a_b", "A_B", "a.b")))
                .extracting(EnumClass.Constant::name)
                .containsExactly("A_B", "A_B_2", "A_B_3");
    }
}
