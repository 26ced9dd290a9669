package io.camelbricks.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.OperationRegistry;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.WaitSpec;

/**
 * Fills the generated sections of the component's doc page ({@code src/main/docs/databricks-component.adoc}), the way
 * Camel's own build fills its component pages: the options and headers come from the component JSON that
 * camel-component-maven-plugin generated, the table of waits from the operation registry. Each section sits between
 * {@code // <name>: START} and {@code // <name>: END}; the text around them is hand-written. Run by the build
 * (exec-maven-plugin, {@code process-test-classes}); {@code ComponentDocTest} checks the committed page is current.
 */
public final class ComponentDocWriter {
    static final String JSON = "/META-INF/io/camelbricks/camel/databricks.json";

    private ComponentDocWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ComponentDocWriter <databricks-component.adoc>");
        }
        Path doc = Path.of(args[0]);
        String before = Files.readString(doc, StandardCharsets.UTF_8);
        String after = update(before);
        if (!after.equals(before)) {
            Files.writeString(doc, after, StandardCharsets.UTF_8);
            System.out.println("Updated the generated sections of " + doc);
        }
    }

    /** {@code doc} with every generated section filled afresh. */
    static String update(String doc) throws IOException {
        JsonNode json;
        try (InputStream in = ComponentDocWriter.class.getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IOException(JSON + " is not on the class path: run the build (process-classes) first");
            }
            json = new ObjectMapper().readTree(in);
        }
        String result = doc;
        result = replace(result, "component options", options(json.get("componentProperties"), p -> true));
        result = replace(result, "endpoint path options", options(json.get("properties"),
                p -> "path".equals(p.path("kind").asText())));
        result = replace(result, "endpoint query options", options(json.get("properties"),
                p -> !"path".equals(p.path("kind").asText())));
        result = replace(result, "component headers", headers(json.get("headers")));
        result = replace(result, "waits", waits());
        return result;
    }

    private static String replace(String doc, String section, String content) {
        String start = "// " + section + ": START\n";
        String end = "// " + section + ": END";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("the doc has no section '" + section + "' (" + start.strip() + " ... "
                    + end + ")");
        }
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }

    private static String options(JsonNode properties, Predicate<JsonNode> filter) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        properties.properties().forEach(e -> {
            if (filter.test(e.getValue())) {
                rows.add(e);
            }
        });
        StringBuilder sb = new StringBuilder();
        sb.append("The component supports ").append(rows.size()).append(" options, which are listed below.\n\n");
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode p = row.getValue();
            sb.append("| *").append(row.getKey()).append("* (").append(p.path("group").asText()).append(")");
            if (p.path("required").asBoolean()) {
                sb.append(" *Required*");
            }
            sb.append(" | ").append(cell(p.path("description").asText()));
            if (p.path("secret").asBoolean()) {
                sb.append(" Secret: masked in URIs and logs.");
            }
            if (p.path("autowired").asBoolean()) {
                sb.append(" Autowired.");
            }
            if (p.has("enum")) {
                List<String> values = new ArrayList<>();
                p.get("enum").forEach(v -> values.add(v.asText()));
                sb.append(" Enum values: ").append(String.join(", ", values)).append('.');
            }
            sb.append(" | ").append(cell(p.path("defaultValue").asText("")))
                    .append(" | ").append(cell(shortType(p))).append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder();
        sb.append("The component supports ").append(headers.size()).append(" message headers, which are listed below.\n\n");
        sb.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        headers.properties().forEach(e -> {
            JsonNode h = e.getValue();
            String label = h.path("label").asText("");
            sb.append("| ").append(label.isEmpty() ? "" : "(" + label + ") ").append('`').append(e.getKey())
                    .append("` | ").append(cell(h.path("description").asText()))
                    .append(" | | ").append(cell(h.path("javaType").asText())).append('\n');
        });
        sb.append("|===\n");
        return sb.toString();
    }

    /** Every operation with a waiter: what wait=true polls, and what the component adds to the spec. */
    private static String waits() {
        StringBuilder sb = new StringBuilder();
        List<Operation<?, ?>> ops = new ArrayList<>();
        for (Operation<?, ?> op : OperationRegistry.all()) {
            if (op.hasWaiter()) {
                ops.add(op);
            }
        }
        sb.append(ops.size()).append(" operations have a waiter.\n\n");
        sb.append("[width=\"100%\",cols=\"2,2,3,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Endpoint | Polls | State: target / failure | `failOnResultState` default | ")
                .append("`onWaitTimeout=cancel` calls | Body after the wait\n");
        for (Operation<?, ?> op : ops) {
            WaitSpec w = op.waitSpec();
            Operation<?, ?> poll = OperationRegistry.byId(w.pollOperationId()).orElse(null);
            List<String> failOn = EndpointCapabilities.failOnResultStateDefault(op);
            sb.append("| `databricks:").append(OperationLookup.pathOf(op)).append("` | `")
                    .append(poll == null ? w.pollOperationId() : OperationLookup.pathOf(poll)).append("` | `")
                    .append(w.statusPath()).append("`: ").append(String.join(", ", w.targetStates())).append(" / ")
                    .append(w.failureStates().isEmpty() ? "-" : String.join(", ", w.failureStates())).append(" | ")
                    .append(failOn.isEmpty() ? "-" : String.join(", ", failOn)).append(" | ")
                    .append(EndpointCapabilities.waitCancellation(op).map(c -> "`" + OperationLookup.pathOf(c) + "`")
                            .orElse("-")).append(" | ")
                    .append(poll == null || poll.responseType() == Void.class ? "-"
                            : "`" + poll.responseType().getSimpleName() + "`").append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static String shortType(JsonNode p) {
        String javaType = p.path("javaType").asText();
        int lt = javaType.indexOf('<');
        String raw = lt < 0 ? javaType : javaType.substring(0, lt);
        String simple = raw.substring(raw.lastIndexOf('.') + 1);
        return "duration".equals(p.path("type").asText()) ? "Duration (" + simple + ")" : simple;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
