package io.camelbricks.emulator.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.KeysetPager;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Router;
import io.camelbricks.emulator.server.ServiceHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Unity Catalog ({@code /api/2.1/unity-catalog/...}): catalogs, schemas, tables (also {@code exists} and
 * {@code table-summaries}) and volumes: create, get, list, update, delete. Lists return everything without
 * {@code max_results}, pages of that size with it ({@code 0}: the default of 50, at most 1000), with an opaque
 * {@code next_page_token}. Missing objects: {@code 404} with {@code CATALOG_DOES_NOT_EXIST},
 * {@code SCHEMA_DOES_NOT_EXIST}, {@code TABLE_DOES_NOT_EXIST} or {@code RESOURCE_DOES_NOT_EXIST} (volumes).
 */
public final class UnityCatalogHandler implements ServiceHandler {

    private static final Set<String> V = Set.of("2.1");
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 1000;

    private final EmulatedCatalog catalog;
    private final PageSizes pageSizes;
    private final KeysetPager<EmulatedCatalog.Entry> catalogPager =
            new KeysetPager<>("catalogs", EmulatedCatalog.Entry::sequence, false);
    private final KeysetPager<EmulatedCatalog.Entry> schemaPager =
            new KeysetPager<>("schemas", EmulatedCatalog.Entry::sequence, false);
    private final KeysetPager<EmulatedCatalog.Entry> volumePager =
            new KeysetPager<>("volumes", EmulatedCatalog.Entry::sequence, false);
    private final KeysetPager<Map.Entry<Long, ObjectNode>> tablePager =
            new KeysetPager<>("tables", Map.Entry::getKey, false);

    public UnityCatalogHandler(EmulatedCatalog catalog) {
        this(catalog, new PageSizes(0));
    }

    /** @param pageSizes forced page sizes ({@code emu.pageSizes()}), keyed by operationId or versionless path */
    public UnityCatalogHandler(EmulatedCatalog catalog, PageSizes pageSizes) {
        this.catalog = catalog;
        this.pageSizes = pageSizes;
    }

    @Override
    public void register(Router router) {
        String base = "/unity-catalog";
        router.post(V, base + "/catalogs", r -> ApiResponse.ok(catalog.apiCreateCatalog(r.body(), r.principal())))
              .get(V, base + "/catalogs", this::listCatalogs)
              .get(V, base + "/catalogs/{name}", r -> ApiResponse.ok(catalog.apiGetCatalog(r.pathParameter("name"))))
              .add("PATCH", V, base + "/catalogs/{name}", r -> ApiResponse.ok(catalog.apiUpdateCatalog(
                      r.pathParameter("name"), r.body(), r.principal())))
              .add("DELETE", V, base + "/catalogs/{name}", r -> {
                  catalog.apiDeleteCatalog(r.pathParameter("name"), r.optionalBoolean("force"));
                  return ApiResponse.ok(Json.object());
              })
              .post(V, base + "/schemas", r -> ApiResponse.ok(catalog.apiCreateSchema(r.body(), r.principal())))
              .get(V, base + "/schemas", this::listSchemas)
              .get(V, base + "/schemas/{full_name}", r -> ApiResponse.ok(catalog.apiGetSchema(r.pathParameter("full_name"))))
              .add("PATCH", V, base + "/schemas/{full_name}", r -> ApiResponse.ok(catalog.apiUpdateSchema(
                      r.pathParameter("full_name"), r.body(), r.principal())))
              .add("DELETE", V, base + "/schemas/{full_name}", r -> {
                  catalog.apiDeleteSchema(r.pathParameter("full_name"), r.optionalBoolean("force"));
                  return ApiResponse.ok(Json.object());
              })
              .post(V, base + "/tables", r -> ApiResponse.ok(catalog.apiCreateTable(r.body(), r.principal())))
              .get(V, base + "/tables", this::listTables)
              .get(V, base + "/table-summaries", this::listSummaries)
              .get(V, base + "/tables/{full_name}", this::getTable)
              .get(V, base + "/tables/{full_name}/exists", this::tableExists)
              .add("PATCH", V, base + "/tables/{full_name}", r -> ApiResponse.ok(catalog.apiUpdateTable(
                      r.pathParameter("full_name"), r.body(), r.principal())))
              .add("DELETE", V, base + "/tables/{full_name}", r -> {
                  catalog.apiDeleteTable(r.pathParameter("full_name"));
                  return ApiResponse.ok(Json.object());
              })
              .post(V, base + "/volumes", r -> ApiResponse.ok(catalog.apiCreateVolume(r.body(), r.principal())))
              .get(V, base + "/volumes", this::listVolumes)
              .get(V, base + "/volumes/{name}", r -> ApiResponse.ok(catalog.apiGetVolume(r.pathParameter("name"))))
              .add("PATCH", V, base + "/volumes/{name}", r -> ApiResponse.ok(catalog.apiUpdateVolume(
                      r.pathParameter("name"), r.body(), r.principal())))
              .add("DELETE", V, base + "/volumes/{name}", r -> {
                  catalog.apiDeleteVolume(r.pathParameter("name"));
                  return ApiResponse.ok(Json.object());
              });
    }

    private ApiResponse listCatalogs(ApiRequest request) {
        return page(request, catalog.catalogEntries(), catalogPager, "catalogs", e -> e.info.deepCopy(),
                "catalog.Catalogs.list");
    }

    private ApiResponse listSchemas(ApiRequest request) {
        String c = required(request, "catalog_name");
        return page(request, catalog.schemaEntries(c), schemaPager, "schemas", e -> e.info.deepCopy(),
                "catalog.Schemas.list");
    }

    private ApiResponse listVolumes(ApiRequest request) {
        String c = required(request, "catalog_name");
        String s = required(request, "schema_name");
        return page(request, catalog.volumeEntries(c, s), volumePager, "volumes", e -> e.info.deepCopy(),
                "catalog.Volumes.list");
    }

    private ApiResponse listTables(ApiRequest request) {
        String c = required(request, "catalog_name");
        String s = required(request, "schema_name");
        catalog.apiGetSchema(c + "." + s);
        boolean omitColumns = request.optionalBoolean("omit_columns");
        boolean omitProperties = request.optionalBoolean("omit_properties");
        return page(request, catalog.tableInfos(c, s, omitColumns), tablePager, "tables", e -> {
            ObjectNode t = e.getValue();
            if (omitProperties) {
                t.remove("properties");
            }
            return t;
        }, "catalog.Tables.list");
    }

    private ApiResponse listSummaries(ApiRequest request) {
        String c = required(request, "catalog_name");
        Pattern schemaPattern = like(request.optionalString("schema_name_pattern").orElse("*"));
        Pattern tablePattern = like(request.optionalString("table_name_pattern").orElse("*"));
        List<Map.Entry<Long, ObjectNode>> all = new java.util.ArrayList<>();
        for (String s : catalog.schemaNames(c.toLowerCase(Locale.ROOT))) {
            if (schemaPattern.matcher(s).matches()) {
                for (Map.Entry<Long, ObjectNode> t : catalog.tableInfos(c.toLowerCase(Locale.ROOT), s, true)) {
                    if (tablePattern.matcher(t.getValue().path("name").asText()).matches()) {
                        all.add(t);
                    }
                }
            }
        }
        catalog.apiGetCatalog(c);
        all.sort(Map.Entry.comparingByKey());
        return page(request, all, tablePager, "tables", e -> {
            ObjectNode summary = Json.object();
            summary.put("full_name", e.getValue().path("full_name").asText());
            summary.put("table_type", e.getValue().path("table_type").asText());
            return summary;
        }, "catalog.Tables.listSummaries");
    }

    private ApiResponse getTable(ApiRequest request) {
        String fullName = request.pathParameter("full_name");
        String[] p = fullName.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (p.length != 3) {
            throw ApiException.invalidParameter("Invalid table full name '" + fullName + "': expected catalog.schema.name.");
        }
        catalog.apiGetSchema(p[0] + "." + p[1]);
        return ApiResponse.ok(catalog.tableInfo(p[0], p[1], p[2], false).orElseThrow(() -> new ApiException(404,
                "TABLE_DOES_NOT_EXIST", "Table '" + fullName.toLowerCase(Locale.ROOT) + "' does not exist.")));
    }

    private ApiResponse tableExists(ApiRequest request) {
        String fullName = request.pathParameter("full_name");
        String[] p = fullName.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (p.length != 3) {
            throw ApiException.invalidParameter("Invalid table full name '" + fullName + "': expected catalog.schema.name.");
        }
        catalog.apiGetSchema(p[0] + "." + p[1]);
        ObjectNode json = Json.object();
        json.put("table_exists", catalog.tableInfo(p[0], p[1], p[2], true).isPresent());
        return ApiResponse.ok(json);
    }

    private <T> ApiResponse page(ApiRequest request, List<T> all, KeysetPager<T> pager, String field,
                                 Function<T, ObjectNode> render, String operationId) {
        OptionalLong max = request.optionalLong("max_results");
        String token = request.optionalString("page_token").filter(t -> !t.isEmpty()).orElse(null);
        if (max.isPresent() && max.getAsLong() < 0) {
            throw ApiException.invalidParameter("max_results must not be negative.");
        }
        int size;
        if (max.isPresent()) {
            size = max.getAsLong() == 0 ? DEFAULT_PAGE : (int) Math.min(max.getAsLong(), MAX_PAGE);
        } else {
            size = token == null ? Math.max(1, all.size()) : MAX_PAGE;
        }
        int forced = pageSizes.forcedMax(operationId, request.apiPath());
        if (forced > 0) {
            size = Math.min(size, forced);
        }
        KeysetPager.Page<T> page = pager.page(all, size, token, 0);
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray(field);
        page.items().forEach(i -> items.add(render.apply(i)));
        if (page.nextPageToken() != null) {
            json.put("next_page_token", page.nextPageToken());
        }
        return ApiResponse.ok(json);
    }

    private static String required(ApiRequest request, String name) {
        return request.optionalString(name).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.missingField(name));
    }

    /** SQL LIKE-ish patterns of table-summaries: {@code *} and {@code %} any run, {@code _} one character. */
    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '*', '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
