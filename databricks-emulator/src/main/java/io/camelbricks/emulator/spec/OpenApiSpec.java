package io.camelbricks.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbricks.emulator.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The two OpenAPI documents of {@code codegen/spec} (workspace and account APIs), copied into the jar at build time
 * ({@code io/camelbricks/emulator/spec/*.json}), indexed by verb and path.
 *
 * <p>Loaded once per JVM ({@link #shared()}): about 1.6 MB of JSON, a few hundred milliseconds.
 */
public final class OpenApiSpec {

    /** Classpath folder of the documents. */
    public static final String RESOURCE_FOLDER = "/io/camelbricks/emulator/spec/";
    static final String WORKSPACE = "databricks-workspace-openapi.json";
    static final String ACCOUNT = "databricks-account-openapi.json";

    private static final String[] VERBS = {"get", "head", "post", "put", "patch", "delete"};

    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final List<SpecOperation> operations = new ArrayList<>();
    /** Primary operations (one per verb + path) by verb, most specific template first. */
    private final Map<String, List<SpecOperation>> byMethod = new HashMap<>();

    private OpenApiSpec(JsonNode workspace, JsonNode account) {
        add(workspace, false);
        add(account, true);
        Comparator<SpecOperation> specificFirst = Comparator.comparingInt(SpecOperation::literalLength).reversed()
                .thenComparing(SpecOperation::pathTemplate);
        byMethod.values().forEach(list -> list.sort(specificFirst));
    }

    /** The documents of the emulator's jar, parsed once per JVM. */
    public static OpenApiSpec shared() {
        return Holder.SPEC;
    }

    private static final class Holder {
        static final OpenApiSpec SPEC = new OpenApiSpec(read(WORKSPACE), read(ACCOUNT));
    }

    private static JsonNode read(String name) {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + RESOURCE_FOLDER + name + " is not on the classpath:"
                        + " the build copies it from codegen/spec (maven-resources-plugin, see the emulator's pom)");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private void add(JsonNode document, boolean account) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            schemas.putIfAbsent(e.getKey(), e.getValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = e.getKey();
            JsonNode item = e.getValue();
            Map<String, String> primaryByVerb = new LinkedHashMap<>();
            for (String verb : VERBS) {
                JsonNode op = item.get(verb);
                if (op == null) {
                    continue;
                }
                String id = op.path("operationId").asText();
                SpecOperation operation = new SpecOperation(id, verb, path, account, op, id);
                operations.add(operation);
                primaryByVerb.put(verb, id);
                byMethod.computeIfAbsent(operation.method(), k -> new ArrayList<>()).add(operation);
            }
            for (JsonNode shared : item.path("x-databricks-shared-path-operations")) {
                String verb = shared.path("x-databricks-verb").asText().toLowerCase(Locale.ROOT);
                String id = shared.path("operationId").asText();
                operations.add(new SpecOperation(id, verb, path, account, shared, primaryByVerb.getOrDefault(verb, id)));
            }
        }
    }

    /** All operations of both documents, shared-path ones included (987 in the documents of SDK 0.69.0). */
    public List<SpecOperation> operations() {
        return List.copyOf(operations);
    }

    /** A component schema by name ({@code jobs.Run}) or by reference ({@code #/components/schemas/jobs.Run}). */
    public JsonNode schema(String nameOrRef) {
        String name = nameOrRef.startsWith("#/components/schemas/")
                ? nameOrRef.substring("#/components/schemas/".length()) : nameOrRef;
        return schemas.get(name);
    }

    /** Follows {@code $ref}s until a schema with content. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; s != null && s.has("$ref") && i < 32; i++) {
            s = schema(s.get("$ref").asText());
        }
        return s;
    }

    /** A matched operation and the values of its path parameters. */
    public record Match(SpecOperation operation, Map<String, String> pathParameters) {
    }

    /**
     * The operation that owns this verb and full path (percent-encoded, as received), with its path parameters.
     * The most specific template wins ({@code /tables/summaries} over {@code /tables/{full_name}}).
     */
    public Optional<Match> find(String method, String rawPath) {
        for (SpecOperation op : byMethod.getOrDefault(method.toUpperCase(Locale.ROOT), List.of())) {
            Map<String, String> values = op.match(rawPath);
            if (values != null) {
                return Optional.of(new Match(op, values));
            }
        }
        return Optional.empty();
    }

    /** The verbs the spec has for this full path. */
    public Set<String> methods(String rawPath) {
        Set<String> verbs = new TreeSet<>();
        byMethod.forEach((verb, ops) -> {
            if (ops.stream().anyMatch(op -> op.match(rawPath) != null)) {
                verbs.add(verb);
            }
        });
        return verbs;
    }

    /**
     * The operationId of a request: the operation for this verb and path, or, for an {@code /api/<version>/...} path
     * the spec has under another version (the emulator serves Jobs under 2.0, 2.1 and 2.2), the operation with the
     * same versionless path. A HEAD without its own operation counts as the GET. Null when the spec has none.
     */
    public String operationId(String method, String rawPath) {
        String verb = method.toUpperCase(Locale.ROOT);
        Optional<Match> direct = find(verb, rawPath);
        if (direct.isEmpty() && "HEAD".equals(verb)) {
            direct = find("GET", rawPath);
        }
        if (direct.isPresent()) {
            return direct.get().operation().operationId();
        }
        Matcher m = SpecOperation.VERSIONED.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        String versionless = m.group(1);
        for (String candidate : "HEAD".equals(verb) ? List.of(verb, "GET") : List.of(verb)) {
            for (SpecOperation op : byMethod.getOrDefault(candidate, List.of())) {
                String template = op.versionlessTemplate();
                if (template == null) {
                    continue;
                }
                String versionPrefix = op.pathTemplate().substring(0, op.pathTemplate().length() - template.length());
                if (op.match(versionPrefix + versionless) != null) {
                    return op.operationId();
                }
            }
        }
        return null;
    }
}
