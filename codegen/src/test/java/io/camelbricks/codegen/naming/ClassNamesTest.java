package io.camelbricks.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.codegen.spec.OperationDef;
import io.camelbricks.codegen.spec.ResponseDef;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.spec.SpecException;

class ClassNamesTest {

    private static SchemaDef schema(String name) {
        int dot = name.indexOf('.');
        return new SchemaDef(name, dot < 0 ? null : name.substring(0, dot), name.substring(dot + 1), List.of(), null);
    }

    private static OperationDef op(String pkg, String service, String method) {
        return new OperationDef(pkg + "." + service + "." + method, pkg, service, method, Scope.WORKSPACE, "get",
                "/x", List.of(), null, null, new ResponseDef(ResponseDef.Kind.NONE, null, java.util.Map.of()), null,
                null, null, false);
    }

    @Test
    void requestClassesAreServicePlusMethodPlusRequest() {
        ClassNames names = new ClassNames(List.of(schema("jobs.Run")));
        assertThat(names.requestClass(op("jobs", "Jobs", "getRun")).fqn())
                .isEqualTo("io.camelbricks.api.service.jobs.JobsGetRunRequest");
        assertThat(names.requestClass(op("files", "Files", "upload")).simpleName()).isEqualTo("FilesUploadRequest");
        assertThat(names.responseClass(op("files", "Files", "download")).simpleName())
                .isEqualTo("FilesDownloadResponse");
    }

    @Test
    void aRequestClassNamedLikeASchemaGetsParams() {
        ClassNames names = new ClassNames(List.of(schema("dashboards.GenieSendMessageFeedbackRequest")));
        assertThat(names.requestClass(op("dashboards", "Genie", "sendMessageFeedback")).simpleName())
                .isEqualTo("GenieSendMessageFeedbackRequestParams");
    }

    @Test
    void schemasWithoutPackageGoToCommonAndJavaLangNamesAreSuffixed() {
        ClassNames names = new ClassNames(List.of(schema("Error")));
        assertThat(names.schemaType("Error").fqn()).isEqualTo("io.camelbricks.api.service.common.ErrorModel");
    }

    @Test
    void twoClassesWithOneNameFail() {
        ClassNames names = new ClassNames(List.of(schema("jobs.JobsService")));
        assertThatThrownBy(() -> names.serviceClass(new io.camelbricks.codegen.spec.ServiceDef("jobs", "Jobs",
                Scope.WORKSPACE, List.of()))).isInstanceOf(SpecException.class).hasMessageContaining("JobsService");
    }
}
