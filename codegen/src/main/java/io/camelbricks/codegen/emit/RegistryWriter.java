package io.camelbricks.codegen.emit;

import java.util.List;

import io.camelbricks.codegen.plan.OperationPlan;
import io.camelbricks.codegen.plan.ServicePlan;
import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes {@code GeneratedOperations}: every operation in spec order, workspace first. The list is filled from the
 * per-service constants by one method per scope (a few bytes of bytecode per operation, far below the 64 KB method
 * limit).
 */
public final class RegistryWriter {

    public JavaSourceFile write(List<OperationPlan> operations, List<ServicePlan> services) {
        JavaSourceFile f = GeneratedPackage.file("GeneratedOperations");
        String operation = f.name("io.camelbricks.api.registry", "Operation");
        String list = f.name("java.util", "List");
        long workspace = operations.stream().filter(op -> op.def().scope() == Scope.WORKSPACE).count();
        long account = operations.size() - workspace;
        StringBuilder out = f.body();
        out.append("/** Every operation of the Databricks REST API, as generated from the spec. */\n")
                .append("public final class GeneratedOperations {\n")
                .append("    /** Number of workspace operations. */\n")
                .append("    public static final int WORKSPACE_OPERATIONS = ").append(workspace).append(";\n")
                .append("    /** Number of account operations. */\n")
                .append("    public static final int ACCOUNT_OPERATIONS = ").append(account).append(";\n\n")
                .append("    private GeneratedOperations() {\n    }\n\n")
                .append("    /** Every operation: workspace ones first, each scope in spec order. */\n")
                .append("    public static ").append(list).append('<').append(operation).append("<?, ?>> all() {\n")
                .append("        ").append(list).append('<').append(operation).append("<?, ?>> all = new ")
                .append(f.name("java.util", "ArrayList")).append("<>(").append(operations.size()).append(");\n")
                .append("        workspace(all);\n        account(all);\n        return all;\n    }\n");
        for (Scope scope : Scope.values()) {
            out.append("\n    private static void ").append(scope == Scope.WORKSPACE ? "workspace" : "account")
                    .append('(').append(list).append('<').append(operation).append("<?, ?>> all) {\n");
            for (OperationPlan op : operations) {
                if (op.def().scope() == scope) {
                    out.append("        all.add(").append(f.ref(operationsClass(services, op))).append('.')
                            .append(op.constantName()).append(");\n");
                }
            }
            out.append("    }\n");
        }
        out.append("}\n");
        return f;
    }

    private static JavaType operationsClass(List<ServicePlan> services, OperationPlan op) {
        for (ServicePlan s : services) {
            if (s.def().key().equals(op.def().serviceKey()) && s.def().scope() == op.def().scope()) {
                return s.operationsClass();
            }
        }
        throw new IllegalStateException("no service for " + op.def().id());
    }
}
