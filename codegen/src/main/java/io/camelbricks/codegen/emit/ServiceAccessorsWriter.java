package io.camelbricks.codegen.emit;

import java.util.List;

import io.camelbricks.codegen.plan.ServicePlan;
import io.camelbricks.codegen.spec.Scope;

/**
 * Writes {@code WorkspaceServices} and {@code AccountServices}: abstract bases of the hand-written clients with one
 * lazily created, cached accessor per service ({@code jobs()}). A race creates at most one extra, equivalent
 * service object; the volatile field publishes it safely.
 */
public final class ServiceAccessorsWriter {

    public JavaSourceFile write(Scope scope, List<ServicePlan> services) {
        String self = scope == Scope.WORKSPACE ? "WorkspaceServices" : "AccountServices";
        String client = scope == Scope.WORKSPACE ? "WorkspaceClient" : "AccountClient";
        JavaSourceFile f = GeneratedPackage.file(self);
        StringBuilder out = f.body();
        String apiClient = f.name("io.camelbricks.api", "ApiClient");
        out.append("/** The service accessors of {@code ").append(client).append("}. Generated; {@code ").append(client)
                .append("} extends it. */\n")
                .append("public abstract class ").append(self).append(" {\n");
        for (ServicePlan s : services) {
            if (s.def().scope() == scope) {
                out.append("    private volatile ").append(f.ref(s.serviceClass())).append(' ').append(s.accessor())
                        .append(";\n");
            }
        }
        out.append("\n    /** The client every service calls through. */\n")
                .append("    protected abstract ").append(apiClient).append(" apiClient();\n");
        for (ServicePlan s : services) {
            if (s.def().scope() != scope) {
                continue;
            }
            String type = f.ref(s.serviceClass());
            out.append("\n    /** {@code ").append(s.def().key()).append("} */\n")
                    .append("    public ").append(type).append(' ').append(s.accessor()).append("() {\n")
                    .append("        ").append(type).append(" service = this.").append(s.accessor()).append(";\n")
                    .append("        if (service == null) {\n")
                    .append("            service = new ").append(type).append("(apiClient());\n")
                    .append("            this.").append(s.accessor()).append(" = service;\n")
                    .append("        }\n        return service;\n    }\n");
        }
        out.append("}\n");
        return f;
    }
}
