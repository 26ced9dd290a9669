package io.camelbricks.camel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabricksCatalogTest {

    private static CamelCatalog catalog;

    @BeforeAll
    static void registerOnce() {
        catalog = DatabricksCatalog.register(new DefaultCamelCatalog());
    }

    @Test
    void componentJsonComesFromTheCamelDatabricksJar() {
        assertThat(DatabricksCatalog.componentClassName()).isEqualTo("io.camelbricks.camel.DatabricksComponent");
        assertThat(DatabricksCatalog.componentJsonResource()).isEqualTo("META-INF/io/camelbricks/camel/databricks.json");
        assertThat(DatabricksCatalog.componentJson()).contains("\"scheme\": \"databricks\"");
        assertThat(DatabricksCatalog.endpointOptionNames()).contains("wait", "waitTimeout", "token", "host")
                .doesNotContain("service", "operation");
    }

    @Test
    void catalogFindsTheComponent() {
        assertThat(catalog.findComponentNames()).contains("databricks");
        assertThat(catalog.componentJSonSchema("databricks")).isEqualTo(DatabricksCatalog.componentJson());
        assertThat(catalog.componentModel("databricks").getJavaType()).isEqualTo("io.camelbricks.camel.DatabricksComponent");
        assertThat(catalog.findComponentNames("cloud")).contains("databricks");
    }

    @Test
    void catalogReportsTheMisspelledOptionAsUnknownWhenLenientPropertiesAreNotIgnored() {
        // the component is lenientProperties (request fields are options), so the catalog's default call can only
        // call wiat "lenient"; with ignoreLenientProperties it is an unknown option
        EndpointValidationResult lenient = catalog.validateEndpointProperties("databricks:jobs/submit?wiat=true");
        assertThat(lenient.getLenient()).containsExactly("wiat");

        EndpointValidationResult strict = catalog.validateEndpointProperties("databricks:jobs/submit?wiat=true", true);
        assertThat(strict.isSuccess()).isFalse();
        assertThat(strict.getUnknown()).containsExactly("wiat");
    }

    @Test
    void validateReportsUnknownWiatWithSuggestionAndAcceptsRequestFields() {
        EndpointValidationResult result = DatabricksCatalog.validate(catalog,
                "databricks:jobs/submit?wiat=true&runName=nightly&timeout_seconds=60");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("wiat");
        assertThat(result.getUnknownSuggestions().get("wiat")).contains("wait");
        assertThat(result.summaryErrorMessage(false)).contains("wiat");
    }

    @Test
    void validateAcceptsEndpointOptionsAndRequestFieldsOfTheOperation() {
        assertThat(DatabricksCatalog.validate(catalog,
                "databricks:jobs/submit?wait=true&waitTimeout=2h&runName=nightly&token=RAW(a&b)").isSuccess()).isTrue();
        assertThat(DatabricksCatalog.validate(catalog, "databricks:jobs/getRun?runId=42").isSuccess()).isTrue();
        assertThat(DatabricksCatalog.validate(catalog,
                "databricks:account/groups/list?accountId=abc&startIndex=1&count=10").isSuccess()).isTrue();
        // the camelCase name of wait_timeout is the endpoint option waitTimeout; the field is reached by wire name
        assertThat(DatabricksCatalog.validate(catalog,
                "databricks:statementExecution/executeStatement?wait_timeout=10s&warehouseId=w").isSuccess()).isTrue();
    }

    @Test
    void validateChecksValuesOfEndpointOptions() {
        EndpointValidationResult result = DatabricksCatalog.validate(catalog, "databricks:jobs/submit?wait=maybe");
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidBoolean()).containsKey("wait");
        EndpointValidationResult choice = DatabricksCatalog.validate(catalog,
                "databricks:jobs/submit?wait=true&onWaitTimeout=abort&outputType=map&waitTimeout=2h");
        assertThat(choice.getInvalidEnum()).containsOnlyKeys("onWaitTimeout");
    }

    @Test
    void validateReportsAnUnknownOperationOrServiceWithTheClosestNames() {
        EndpointValidationResult operation = DatabricksCatalog.validate(catalog, "databricks:jobs/sumbit");
        assertThat(operation.isSuccess()).isFalse();
        assertThat(operation.getInvalidEnum()).containsEntry("operation", "sumbit");
        assertThat(operation.getInvalidEnumSuggestions().get("operation")).contains("submit");

        EndpointValidationResult service = DatabricksCatalog.validate(catalog, "databricks:jbos/list");
        assertThat(service.getInvalidEnum()).containsEntry("service", "jbos");
        assertThat(service.getInvalidEnumSuggestions().get("service")).contains("jobs");
    }

    @Test
    void asEndpointUriPutsTheTokenInRaw() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("service", "jobs");
        properties.put("operation", "submit");
        properties.put("wait", "true");
        properties.put("token", "dapi+x&y=z");
        String uri = catalog.asEndpointUri("databricks", properties, false);

        assertThat(uri).startsWith("databricks:jobs/submit?").contains("token=RAW(dapi+x&y=z)").contains("wait=true");
        assertThat(DatabricksCatalog.validate(catalog, uri).isSuccess()).isTrue();
    }

    @Test
    void asEndpointUriHelperTakesServiceSlashOperationIncludingAccountOnes() throws Exception {
        String uri = DatabricksCatalog.asEndpointUri(catalog, "account/groups/list",
                Map.of("accountId", "a-1", "clientSecret", "s&cret"));
        assertThat(uri).startsWith("databricks:account/groups/list?").contains("accountId=a-1")
                .contains("clientSecret=RAW(s&cret)");
    }
}
