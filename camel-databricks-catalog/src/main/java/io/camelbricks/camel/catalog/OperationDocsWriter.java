package io.camelbricks.camel.catalog;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.camelbricks.camel.catalog.OperationDoc.FieldDoc;
import io.camelbricks.camel.catalog.OperationDoc.PaginationDoc;
import io.camelbricks.camel.catalog.OperationDoc.WaiterDoc;

/**
 * Writes the per-operation documentation, at build time (exec-maven-plugin, {@code process-classes}):
 * {@code <classes>/META-INF/io/camelbricks/camel/databricks-operations.json} (one operation per line; read by
 * {@link DatabricksCatalog#operations()}) and {@code <docs>/operations.md} (a table per service).
 */
public final class OperationDocsWriter {

    private OperationDocsWriter() {
    }

    /**
     * @param args the classes directory (the JSON goes under it) and the docs directory (for {@code operations.md})
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OperationDocsWriter <classes dir> <docs dir>");
        }
        List<OperationDoc> docs = DatabricksCatalog.operationsFromRegistry();
        Path json = Path.of(args[0]).resolve(DatabricksCatalog.OPERATIONS_RESOURCE);
        Path markdown = Path.of(args[1]).resolve("operations.md");
        writeJson(docs, json);
        writeMarkdown(docs, markdown);
        System.out.println("Documented " + docs.size() + " Databricks operations: " + json + ", " + markdown);
    }

    static void writeJson(List<OperationDoc> docs, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ObjectWriter writer = new ObjectMapper().writer();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < docs.size(); i++) {
                out.write(writer.writeValueAsString(docs.get(i)));
                out.write(i < docs.size() - 1 ? ",\n" : "\n");
            }
            out.write("]\n");
        }
    }

    static void writeMarkdown(List<OperationDoc> docs, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(docs), StandardCharsets.UTF_8);
    }

    static String markdown(List<OperationDoc> docs) {
        long account = docs.stream().filter(OperationDoc::isAccount).count();
        long paginated = docs.stream().filter(OperationDoc::isPaginated).count();
        long waiters = docs.stream().filter(OperationDoc::hasWaiter).count();
        StringBuilder md = new StringBuilder();
        md.append("# Databricks operations as `databricks:` endpoints\n\n")
                .append("Generated from the operation registry of `databricks-api` by camel-databricks-catalog; do not edit.\n\n")
                .append(docs.size()).append(" operations: ").append(docs.size() - account).append(" workspace, ")
                .append(account).append(" account (`databricks:account/<service>/<operation>`, need `host` = the")
                .append(" accounts console and `accountId`); ").append(paginated).append(" list operations (the body is")
                .append(" a `List` of every item, or a lazy `Iterator` with `lazyList=true`; a consumer polls them); ")
                .append(waiters).append(" with a waiter (`wait=true`: no default timeout; a failure state fails the")
                .append(" exchange with `DatabricksOperationFailedException`).\n\n")
                .append("Request fields are endpoint options (`?runName=x`, camelCase or snake_case) and")
                .append(" `CamelDatabricks.<field>` headers; headers win over options, options over the body.")
                .append(" *in* says where a field travels: `path`, `query`, `body` (JSON), `none` (not sent).\n\n");

        Map<String, List<OperationDoc>> byService = docs.stream()
                .collect(Collectors.groupingBy(OperationDoc::service, LinkedHashMap::new, Collectors.toList()));
        md.append("## Services\n\n");
        md.append(byService.entrySet().stream()
                .map(e -> "[" + e.getKey() + "](#" + anchor(e.getKey()) + ") (" + e.getValue().size() + ")")
                .collect(Collectors.joining(" · "))).append("\n\n");
        for (Map.Entry<String, List<OperationDoc>> service : byService.entrySet()) {
            md.append("## ").append(service.getKey()).append("\n\n");
            md.append("| URI | HTTP | request fields: option (wire name) type, in | response | paginated | waiter"
                    + " (`wait=true`) | consumer |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (OperationDoc op : service.getValue()) {
                md.append("| `").append(op.uri()).append("` | ")
                        .append(op.httpMethod()).append(" `").append(cell(op.path())).append("` | ")
                        .append(fields(op)).append(" | ")
                        .append(op.responseType() == null ? "none" : code(simple(op.responseType()))).append(" | ")
                        .append(pagination(op.pagination())).append(" | ")
                        .append(waiter(op.waiter())).append(" | ")
                        .append(consumer(op.consumer())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String fields(OperationDoc op) {
        if (op.fields().isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (FieldDoc f : op.fields()) {
            if (sb.length() > 0) {
                sb.append("<br>");
            }
            if (f.fromConfig()) {
                sb.append('`').append(f.name()).append("` from option `").append(f.option()).append("`, ").append(f.in());
                continue;
            }
            sb.append('`').append(f.option()).append('`');
            if (!f.option().equals(f.name())) {
                sb.append(" (`").append(f.name()).append("`)");
            }
            sb.append(' ').append(code(f.type())).append(", ").append(f.in());
            if (f.name().equals(op.idempotencyField())) {
                sb.append(", idempotency token (filled when empty)");
            }
        }
        return sb.toString();
    }

    private static String pagination(PaginationDoc p) {
        if (p == null) {
            return "no";
        }
        StringBuilder sb = new StringBuilder(p.kind());
        if (p.itemType() != null) {
            sb.append(": ").append(code("List<" + simple(p.itemType()) + ">"));
            if (p.itemsField() != null) {
                sb.append(" from `").append(p.itemsField()).append('`');
            }
        }
        return sb.toString();
    }

    private static String waiter(WaiterDoc w) {
        if (w == null) {
            return "no";
        }
        StringBuilder sb = new StringBuilder("polls `")
                .append(w.pollUri() == null ? w.pollOperation() : w.pollUri()).append("` until `")
                .append(w.statusPath()).append("` in ").append(String.join(", ", w.targetStates()));
        if (!w.failureStates().isEmpty()) {
            sb.append("; fails on ").append(String.join(", ", w.failureStates()));
        }
        if (w.failOnResultState() != null && !w.failOnResultState().isEmpty()) {
            sb.append("; `failOnResultState` ").append(String.join(",", w.failOnResultState()));
        }
        if (w.cancelUri() != null) {
            sb.append("; `onWaitTimeout=cancel` calls `").append(w.cancelUri()).append('`');
        }
        if (w.entityType() != null) {
            sb.append("; body ").append(code(simple(w.entityType())));
        }
        return sb.toString();
    }

    private static String consumer(OperationDoc.ConsumerDoc c) {
        if (c == null) {
            return "no";
        }
        if ("follow".equals(c.mode())) {
            return "follows `" + c.stateField() + "` until " + String.join(", ", c.terminalStates());
        }
        return "each item; `emit=changes`" + (c.stateField() == null ? " with `stateField`"
                : " on `" + c.stateField() + "`");
    }

    /** {@code io.camelbricks.api.service.jobs.SubmitRun} → {@code SubmitRun} (nested: {@code Outer.Inner}). */
    private static String simple(String className) {
        String s = className.substring(className.lastIndexOf('.') + 1);
        return s.replace('$', '.');
    }

    private static String code(String text) {
        return "`" + cell(text) + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
