package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.OperationPlan;
import io.camelbricks.codegen.plan.OperationPlanner;
import io.camelbricks.codegen.plan.ServicePlan;
import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes {@code <Service>Service}: per operation a blocking method and an {@code …Async} method. List operations
 * return a lazy {@code Paginated<T>} (their async form returns the first raw page), long-running ones a
 * {@code Wait<T, R>} (their async form returns the raw response without waiting). The class is public and not final
 * so that hand-written extensions can subclass it.
 */
public final class ServiceWriter {

    private final ClassNames classNames;

    public ServiceWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaSourceFile write(ServicePlan service) {
        JavaType type = service.serviceClass();
        JavaSourceFile f = new JavaSourceFile(type.packageName(), type.simpleName(),
                classNames.classesIn(type.packageName()));
        StringBuilder out = f.body();
        String apiClient = f.name("io.camelbricks.api", "ApiClient");
        String ops = f.ref(service.operationsClass());
        String future = f.name("java.util.concurrent", "CompletableFuture");
        out.append("/**\n * {@code ").append(service.def().key()).append("}: {@code ")
                .append(service.def().scope() == Scope.ACCOUNT ? "AccountClient" : "WorkspaceClient").append('.')
                .append(service.accessor()).append("()}. Generated; subclass it for hand-written conveniences.\n */\n")
                .append("public class ").append(type.simpleName()).append(" {\n")
                .append("    protected final ").append(apiClient).append(" api;\n\n")
                .append("    public ").append(type.simpleName()).append('(').append(apiClient).append(" api) {\n")
                .append("        this.api = ").append(f.name("java.util", "Objects")).append(".requireNonNull(api, \"api\");\n")
                .append("    }\n");
        for (OperationPlan op : service.operations()) {
            String constant = ops + "." + op.constantName();
            boolean takesRequest = !op.requestType().isVoid();
            String params = takesRequest ? f.ref(op.requestType()) + " request" : "";
            String arg = takesRequest ? "request" : "null";
            String r = f.ref(op.responseType());
            String doc = JavaStrings.javadoc(OperationPlanner.verbAndPath(op.def()));
            out.append('\n');
            if (op.pagination() != null) {
                out.append("    /** {@code ").append(doc).append("}: every item, fetched page by page as iterated. */\n")
                        .append("    public ").append(f.name("io.camelbricks.api.paging", "Paginated")).append('<')
                        .append(f.ref(op.pagination().itemType())).append("> ").append(op.methodName()).append('(')
                        .append(params).append(") {\n")
                        .append("        return api.paginate(").append(constant).append(", ").append(arg).append(");\n")
                        .append("    }\n\n");
                async(out, future, r, op, params, constant, arg, "one page, as the server answered it");
            } else if (op.waiter() != null) {
                String wait = f.name("io.camelbricks.api.wait", "Wait") + "<" + f.ref(op.waiter().pollResponseType())
                        + ", " + r + ">";
                out.append("    /**\n     * {@code ").append(doc).append("}; the returned {@code Wait} polls {@code ")
                        .append(op.waiter().pollOperationId()).append("}\n     * until {@code ")
                        .append(op.waiter().statusPath()).append("} is one of ")
                        .append(JavaStrings.javadoc(String.join(", ", op.waiter().targetStates()))).append(".\n     */\n")
                        .append("    public ").append(wait).append(' ').append(op.methodName()).append('(').append(params)
                        .append(") {\n")
                        .append("        ").append(r).append(" response = api.execute(").append(constant).append(", ")
                        .append(arg).append(");\n")
                        .append("        return api.waitFor(").append(constant).append(", ").append(arg)
                        .append(", response);\n    }\n\n");
                async(out, future, r, op, params, constant, arg, "without waiting");
            } else {
                out.append("    /** {@code ").append(doc).append("} */\n");
                if (op.responseType().isVoid()) {
                    out.append("    public void ").append(op.methodName()).append('(').append(params).append(") {\n")
                            .append("        api.execute(").append(constant).append(", ").append(arg).append(");\n");
                } else {
                    out.append("    public ").append(r).append(' ').append(op.methodName()).append('(').append(params)
                            .append(") {\n")
                            .append("        return api.execute(").append(constant).append(", ").append(arg).append(");\n");
                }
                out.append("    }\n\n");
                async(out, future, r, op, params, constant, arg, "without blocking");
            }
        }
        out.append("}\n");
        return f;
    }

    private static void async(StringBuilder out, String future, String r, OperationPlan op, String params,
                              String constant, String arg, String how) {
        out.append("    /** {@code ").append(JavaStrings.javadoc(OperationPlanner.verbAndPath(op.def()))).append("}, ")
                .append(how).append(". */\n")
                .append("    public ").append(future).append('<').append(r).append("> ").append(op.methodName())
                .append("Async(").append(params).append(") {\n")
                .append("        return api.executeAsync(").append(constant).append(", ").append(arg).append(");\n")
                .append("    }\n");
    }
}
