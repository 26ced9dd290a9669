package io.camelbricks.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void wireNamesBecomeLowerCamel() {
        assertThat(JavaNames.camel("run_name")).isEqualTo("runName");
        assertThat(JavaNames.camel("displayName")).isEqualTo("displayName");
        assertThat(JavaNames.camel("Resources")).isEqualTo("resources");
        assertThat(JavaNames.camel("$ref")).isEqualTo("ref");
        assertThat(JavaNames.camel("content-length")).isEqualTo("contentLength");
        assertThat(JavaNames.camel("ID")).isEqualTo("id");
        assertThat(JavaNames.camel("size_x")).isEqualTo("sizeX");
    }

    @Test
    void reservedWordsAndLeadingDigitsAreEscapedInFieldNames() {
        assertThat(JavaNames.fieldName("package")).isEqualTo("package_");
        assertThat(JavaNames.fieldName("default")).isEqualTo("default_");
        assertThat(JavaNames.fieldName("class")).isEqualTo("class_");
        assertThat(JavaNames.fieldName("io")).isEqualTo("io_");
        assertThat(JavaNames.fieldName("additionalProperties")).isEqualTo("additionalProperties_");
        assertThat(JavaNames.fieldName("2faEnabled")).isEqualTo("_2faEnabled");
        assertThat(JavaNames.fieldName("runName")).isEqualTo("runName");
    }

    @Test
    void constantsAreUpperSnake() {
        assertThat(JavaNames.upperSnake("getRun")).isEqualTo("GET_RUN");
        assertThat(JavaNames.upperSnake("listSpaces")).isEqualTo("LIST_SPACES");
        assertThat(JavaNames.upperSnake("getOpenApi")).isEqualTo("GET_OPEN_API");
        assertThat(JavaNames.upperSnake("TERMINATED")).isEqualTo("TERMINATED");
        assertThat(JavaNames.upperSnake("gitHubEnterprise")).isEqualTo("GIT_HUB_ENTERPRISE");
        assertThat(JavaNames.upperSnake("NotAvailableInRegion")).isEqualTo("NOT_AVAILABLE_IN_REGION");
        assertThat(JavaNames.upperSnake("chat.completion")).isEqualTo("CHAT_COMPLETION");
        assertThat(JavaNames.upperSnake("amazon-bedrock")).isEqualTo("AMAZON_BEDROCK");
        assertThat(JavaNames.upperSnake("urn:ietf:params:scim:schemas:core:2.0:Group"))
                .isEqualTo("URN_IETF_PARAMS_SCIM_SCHEMAS_CORE_2_0_GROUP");
        assertThat(JavaNames.upperSnake("2xlarge")).isEqualTo("_2XLARGE");
        assertThat(JavaNames.upperSnake("--")).isEqualTo("EMPTY");
    }

    @Test
    void classAndPackageNames() {
        assertThat(JavaNames.className("SubmitRun")).isEqualTo("SubmitRun");
        assertThat(JavaNames.className("DBFS")).isEqualTo("DBFS");
        assertThat(JavaNames.className("Error")).isEqualTo("ErrorModel");
        assertThat(JavaNames.className("String")).isEqualTo("StringModel");
        assertThat(JavaNames.className("State")).isEqualTo("State");
        assertThat(JavaNames.servicePackage("jobs")).isEqualTo("io.camelbricks.api.service.jobs");
        assertThat(JavaNames.servicePackage(null)).isEqualTo("io.camelbricks.api.service.common");
        assertThat(JavaNames.servicePackage("native")).isEqualTo("io.camelbricks.api.service.native_");
    }

    @Test
    void methodNamesEscapeKeywords() {
        assertThat(JavaNames.methodName("getRun")).isEqualTo("getRun");
        assertThat(JavaNames.methodName("import")).isEqualTo("import_");
    }
}
