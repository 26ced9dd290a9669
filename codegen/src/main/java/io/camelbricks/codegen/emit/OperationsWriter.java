package io.camelbricks.codegen.emit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanField;
import io.camelbricks.codegen.plan.BinaryResponseClass;
import io.camelbricks.codegen.plan.OperationPlan;
import io.camelbricks.codegen.plan.OperationPlanner;
import io.camelbricks.codegen.plan.PaginationPlan;
import io.camelbricks.codegen.plan.ParamPlan;
import io.camelbricks.codegen.plan.ServicePlan;
import io.camelbricks.codegen.plan.WaitPlan;
import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes {@code <Service>Operations}: one {@code public static final Operation<Q, R>} per operation, built with the
 * registry's builders, and {@code all()} listing them in spec order.
 */
public final class OperationsWriter {

    private static final String REGISTRY = "io.camelbricks.api.registry";
    private static final String INDENT = "                    ";

    private final ClassNames classNames;

    public OperationsWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaSourceFile write(ServicePlan service) {
        JavaType type = service.operationsClass();
        JavaSourceFile f = new JavaSourceFile(type.packageName(), type.simpleName(),
                classNames.classesIn(type.packageName()));
        StringBuilder out = f.body();
        String operation = f.name(REGISTRY, "Operation");
        out.append("/**\n * The operations of {@code ").append(service.def().key()).append("} (")
                .append(service.def().scope() == Scope.ACCOUNT ? "account" : "workspace").append(" accessor {@code ")
                .append(service.accessor()).append("()}), in spec order.\n */\n")
                .append("public final class ").append(type.simpleName()).append(" {\n");
        for (OperationPlan op : service.operations()) {
            String q = f.ref(op.requestType());
            String r = f.ref(op.responseType());
            out.append("    /** {@code ").append(JavaStrings.javadoc(OperationPlanner.verbAndPath(op.def())))
                    .append("} */\n")
                    .append("    public static final ").append(operation).append('<').append(q).append(", ").append(r)
                    .append("> ").append(op.constantName()).append(" =\n")
                    .append("            ").append(operation).append(".builder(")
                    .append(JavaStrings.literal(op.def().id())).append(", ")
                    .append(f.name(REGISTRY, "HttpMethod")).append('.').append(op.def().verb().toUpperCase(Locale.ROOT))
                    .append(", ").append(JavaStrings.literal(op.def().path())).append(",\n")
                    .append(INDENT).append("        ").append(f.ref(op.requestType().raw())).append(".class, ")
                    .append(f.ref(op.responseType().raw())).append(".class)\n");
            line(out, ".accessor(" + JavaStrings.literal(op.accessor()) + ")");
            if (op.def().scope() == Scope.ACCOUNT) {
                line(out, ".account()");
            }
            for (ParamPlan p : op.params()) {
                line(out, ".param(" + param(f, op, p) + ")");
            }
            body(f, out, op);
            response(f, out, op);
            if (op.pagination() != null) {
                line(out, ".pagination(" + pagination(f, op, op.pagination()) + ")");
            }
            if (op.waiter() != null) {
                line(out, ".waiter(" + waiter(f, op.waiter()) + ")");
            }
            if (op.idempotency() != null) {
                BeanField id = op.idempotency();
                line(out, ".autoIdempotency(" + JavaStrings.literal(id.wireName()) + ", " + q + "::" + id.getter()
                        + ", " + q + "::" + id.setter() + ")");
            }
            line(out, ".build();");
            out.append('\n');
        }
        out.append("    private ").append(type.simpleName()).append("() {\n    }\n\n")
                .append("    /** Every operation of the service, in spec order. */\n")
                .append("    public static ").append(f.name("java.util", "List")).append('<').append(operation)
                .append("<?, ?>> all() {\n        return ").append(f.name("java.util", "List")).append(".of(");
        List<String> constants = service.operations().stream().map(OperationPlan::constantName).toList();
        out.append(JavaStrings.joinWrapped(constants, 24, "                "));
        out.append(");\n    }\n}\n");
        return f;
    }

    private static void line(StringBuilder out, String text) {
        out.append(INDENT).append(text).append('\n');
    }

    private String param(JavaSourceFile f, OperationPlan op, ParamPlan p) {
        String param = f.name(REGISTRY, "Param");
        String name = JavaStrings.literal(p.def().name());
        if (p.field() == null) {
            return param + ".pathFromConfig(" + name + ", " + JavaStrings.literal(p.def().fromConfig()) + ")";
        }
        String q = f.ref(op.requestType());
        String factory = switch (p.def().in()) {
            case "path" -> "path";
            case "query" -> "query";
            default -> "header";
        };
        boolean chained = p.def().multiSegment() || p.alsoInBody();
        StringBuilder sb = new StringBuilder(param).append('.');
        if (chained) {
            sb.append('<').append(q).append('>'); // the receiver of a chained call gets no target type
        }
        sb.append(factory).append('(').append(name).append(", ").append(JavaStrings.literal(p.field().camel()))
                .append(", ").append(f.ref(p.field().type().raw())).append(".class, ").append(q).append("::")
                .append(p.field().getter()).append(')');
        if (p.def().multiSegment()) {
            sb.append(".multiSegment()");
        }
        if (p.alsoInBody()) {
            sb.append(".alsoInBody()");
        }
        return sb.toString();
    }

    private void body(JavaSourceFile f, StringBuilder out, OperationPlan op) {
        String q = f.ref(op.requestType());
        switch (op.body().kind()) {
            case JSON -> line(out, ".jsonBody()");
            case BODY_FIELD -> line(out, ".bodyField(" + JavaStrings.literal(op.body().field().wireName()) + ", " + q
                    + "::" + op.body().field().getter() + ")");
            case BINARY -> line(out, ".binaryBody(" + q + "::" + op.body().field().getter() + ")");
            default -> {
            }
        }
    }

    private void response(JavaSourceFile f, StringBuilder out, OperationPlan op) {
        switch (op.response().kind()) {
            case JSON -> line(out, ".jsonResponse()");
            case BINARY -> {
                BinaryResponseClass holder = op.response().binary();
                String r = f.ref(holder.bean().type());
                line(out, ".binaryResponse((in, h) -> new " + r + "()." + holder.contents().setter() + "(in)"
                        + ResponseClassWriter.headerSetters(holder, "h").replace(").set", ")\n" + INDENT
                        + "        .set") + ")");
            }
            default -> {
            }
        }
    }

    private String pagination(JavaSourceFile f, OperationPlan op, PaginationPlan pg) {
        String q = f.ref(op.requestType());
        String r = f.ref(op.responseType());
        String t = f.ref(pg.itemType());
        String inner = "\n" + INDENT + "        ";
        StringBuilder sb = new StringBuilder(f.name(REGISTRY, "PaginationSpec")).append(".<").append(q).append(", ")
                .append(r).append(", ").append(t).append(">builder(").append(f.name(REGISTRY, "PaginationKind"))
                .append('.').append(pg.kind()).append(", ").append(t).append(".class, ").append(r).append("::")
                .append(pg.items().getter()).append(')');
        sb.append(inner).append(".itemsField(").append(JavaStrings.literal(pg.items().wireName())).append(')');
        if (pg.requestCursor() != null) {
            BeanField c = pg.requestCursor();
            sb.append(inner).append(".requestCursor(").append(JavaStrings.literal(c.wireName())).append(", (")
                    .append(q).append(" r, Object v) -> r.").append(c.setter()).append('(').append(convert(c.type()))
                    .append("))");
        }
        if (pg.responseCursor() != null) {
            BeanField c = pg.responseCursor();
            String method = pg.kind().equals("NEXT_PAGE_REQUEST") ? "nextRequest" : "responseCursor";
            sb.append(inner).append('.').append(method).append('(').append(JavaStrings.literal(c.wireName()))
                    .append(", ").append(r).append("::").append(c.getter()).append(')');
        }
        if (pg.dedupe() != null) {
            sb.append(inner).append(".dedupeBy(").append(JavaStrings.literal(pg.dedupe().wireName())).append(", ")
                    .append(t).append("::").append(pg.dedupe().getter()).append(')');
        }
        if (pg.firstPage() != null) {
            sb.append(inner).append(".firstPage(").append(pg.firstPage()).append(')');
        }
        return sb.append(inner).append(".build()").toString();
    }

    /** The cursor value {@code v} converted to the cursor field's type. */
    private static String convert(JavaType type) {
        if (type.equals(JavaType.LONG)) {
            return "v == null ? null : ((Number) v).longValue()";
        }
        if (type.equals(JavaType.INTEGER)) {
            return "v == null ? null : ((Number) v).intValue()";
        }
        return "v == null ? null : v.toString()";
    }

    private String waiter(JavaSourceFile f, WaitPlan w) {
        String list = f.name("java.util", "List");
        String inner = "\n" + INDENT + "        ";
        return "new " + f.name(REGISTRY, "WaitSpec") + "(" + JavaStrings.literal(w.pollOperationId()) + ", "
                + strings(list, w.pollArguments()) + ", " + JavaStrings.literal(w.statusPath()) + ","
                + inner + strings(list, w.targetStates()) + ", " + strings(list, w.failureStates()) + ", "
                + JavaStrings.literal(w.messagePath()) + "," + inner + duration(f, w.defaultTimeout()) + ", "
                + strings(list, w.pollFields()) + ")";
    }

    private static String strings(String list, List<String> values) {
        StringBuilder sb = new StringBuilder(list).append(".of(");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(JavaStrings.literal(values.get(i)));
        }
        return sb.append(')').toString();
    }

    private static String duration(JavaSourceFile f, Duration d) {
        String duration = f.name("java.time", "Duration");
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return duration + ".ofHours(" + s / 3600 + ")";
        }
        if (s % 60 == 0) {
            return duration + ".ofMinutes(" + s / 60 + ")";
        }
        return duration + ".ofSeconds(" + s + ")";
    }
}
