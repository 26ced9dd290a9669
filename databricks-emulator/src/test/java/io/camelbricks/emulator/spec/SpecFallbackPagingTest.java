package io.camelbricks.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fallback's lists, called directly (no HTTP, no service handlers in the way): five items, pages of two, in each
 * pagination style of the spec.
 */
class SpecFallbackPagingTest {

    private final OpenApiSpec spec = OpenApiSpec.shared();
    private final PageSizes pageSizes = new PageSizes(2);
    private final SpecFallback fallback = new SpecFallback(spec, pageSizes, 5, 6);
    private final SchemaValidator validator = new SchemaValidator(spec, false);

    @Test
    void tokenListsFollowNextPageTokenToTheEnd() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = call("GET", "/api/2.0/apps", token == null ? null : "page_token=" + token, null);
            page.path("apps").forEach(a -> names.add(a.path("name").asText()));
            token = page.path("next_page_token").asText(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("name-1", "name-2", "name-3", "name-4", "name-5");
    }

    @Test
    void theClientsPageSizeAppliesBelowTheForcedMaximum() {
        pageSizes.max(0);
        assertThat(call("GET", "/api/2.0/apps", "page_size=4", null).path("apps")).hasSize(4);
        assertThat(call("GET", "/api/2.0/apps", null, null).path("apps")).hasSize(5);
        pageSizes.max("apps.Apps.list", 1);
        assertThat(call("GET", "/api/2.0/apps", "page_size=4", null).path("apps")).hasSize(1);
    }

    @Test
    void aTokenFromAnotherListIsRejected() {
        String token = call("GET", "/api/2.0/apps", null, null).path("next_page_token").asText();

        assertThatThrownBy(() -> call("GET", "/api/2.1/unity-catalog/catalogs", "page_token=" + token, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("Invalid page token");
    }

    @Test
    void scimListsPageByOneBasedStartIndexAndCount() {
        JsonNode first = call("GET", "/api/2.0/preview/scim/v2/Users", "count=2", null);
        JsonNode last = call("GET", "/api/2.0/preview/scim/v2/Users", "startIndex=5&count=2", null);

        assertThat(first.path("totalResults").asLong()).isEqualTo(5);
        assertThat(first.path("startIndex").asLong()).isEqualTo(1);
        assertThat(first.path("itemsPerPage").asLong()).isEqualTo(2);
        assertThat(first.path("Resources")).hasSize(2);
        assertThat(first.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(last.path("Resources")).hasSize(1);
        assertThat(last.at("/Resources/0/id").asText()).isEqualTo("id-5");
    }

    @Test
    void legacySqlListsPageByPageNumber() {
        JsonNode second = call("GET", "/api/2.0/preview/sql/queries", "page=2&page_size=2", null);
        JsonNode beyond = call("GET", "/api/2.0/preview/sql/queries", "page=4&page_size=2", null);

        assertThat(second.path("count").asLong()).isEqualTo(5);
        assertThat(second.path("page").asLong()).isEqualTo(2);
        assertThat(second.path("page_size").asLong()).isEqualTo(2);
        assertThat(second.path("results")).hasSize(2);
        assertThat(second.at("/results/0/id").asText()).isEqualTo("id-3");
        assertThat(beyond.path("results")).isEmpty();
    }

    @Test
    void clusterEventsHandBackTheNextRequestAsNextPage() {
        List<String> ids = new ArrayList<>();
        String body = "{\"cluster_id\":\"c-1\",\"order\":\"DESC\"}";
        int pages = 0;
        while (body != null) {
            JsonNode page = call("POST", "/api/2.1/clusters/events", null, body);
            page.path("events").forEach(e -> ids.add(e.path("cluster_id").asText()));
            assertThat(page.path("total_count").asLong()).isEqualTo(5);
            body = page.has("next_page") ? page.get("next_page").toString() : null;
            if (body != null) {
                assertThat(page.at("/next_page/cluster_id").asText()).isEqualTo("c-1");
                assertThat(page.at("/next_page/order").asText()).isEqualTo("DESC");
            }
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5);
    }

    @Test
    void topLevelArrayAnswersHoldTheListItems() {
        JsonNode workspaces = call("GET", "/api/2.0/accounts/a/workspaces", null, null);

        assertThat(workspaces.isArray()).isTrue();
        assertThat(workspaces).hasSize(5);
    }

    @Test
    void pagedAnswersStayInTheShapeOfTheSchema() {
        for (String[] c : new String[][] {{"GET", "/api/2.0/apps", null}, {"GET", "/api/2.0/preview/scim/v2/Users", null},
                {"GET", "/api/2.0/preview/sql/queries", null}, {"POST", "/api/2.1/clusters/events", "{}"}}) {
            SpecOperation op = spec.find(c[0], c[1]).orElseThrow().operation();
            assertThat(validator.validate(call(c[0], c[1], null, c[2]), op.responseSchema())).as(op.toString()).isEmpty();
        }
    }

    @Test
    void multiSegmentPathParametersKeepTheirSlashesAndTheMostSpecificTemplateWins() {
        var files = spec.find("GET", "/api/2.0/fs/files/Volumes/main/default/v/a%20b.txt").orElseThrow();
        var summaries = spec.find("GET", "/api/2.1/unity-catalog/table-summaries").orElseThrow();
        var table = spec.find("GET", "/api/2.1/unity-catalog/tables/main.default.t").orElseThrow();
        var exists = spec.find("GET", "/api/2.1/unity-catalog/tables/main.default.t/exists").orElseThrow();

        assertThat(files.operation().operationId()).isEqualTo("files.Files.download");
        assertThat(files.pathParameters()).isEqualTo(Map.of("file_path", "/Volumes/main/default/v/a b.txt"));
        assertThat(summaries.operation().operationId()).isEqualTo("catalog.Tables.listSummaries");
        assertThat(table.operation().operationId()).isEqualTo("catalog.Tables.get");
        assertThat(exists.operation().operationId()).isEqualTo("catalog.Tables.exists");
    }

    @Test
    void operationIdsAreFoundUnderTheVersionsTheServicesAcceptToo() {
        assertThat(spec.operationId("POST", "/api/2.2/jobs/runs/submit")).isEqualTo("jobs.Jobs.submit");
        assertThat(spec.operationId("POST", "/api/2.1/jobs/runs/submit")).isEqualTo("jobs.Jobs.submit");
        assertThat(spec.operationId("GET", "/api/2.0/clusters/get")).isEqualTo("compute.Clusters.get");
        assertThat(spec.operationId("HEAD", "/api/2.0/fs/files/Volumes/a")).isEqualTo("files.Files.getMetadata");
        assertThat(spec.operationId("GET", "/api/2.0/nope")).isNull();
        assertThat(spec.operationId("POST", "/oidc/v1/token")).isNull();
    }

    private JsonNode call(String method, String path, String query, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest("test", method, path, query,
                body == null ? Map.of() : Map.of("Content-Type", List.of("application/json")), bytes);
        Router.Match match = fallback.resolve(request);
        assertThat(match).as(method + " " + path).isNotNull();
        ApiResponse response = match.route().handler().handle(request);
        assertThat(response.status()).isEqualTo(200);
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
