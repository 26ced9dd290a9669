package io.camelbricks.codegen.emit;

import java.util.Set;

/** The classes the generator writes into {@code io.camelbricks.api.generated}. */
final class GeneratedPackage {

    static final String NAME = "io.camelbricks.api.generated";

    static final Set<String> CLASSES = Set.of("GeneratedOperations", "WorkspaceServices", "AccountServices",
            "SensitiveFieldNames", "ModelToString");

    private GeneratedPackage() {
    }

    static JavaSourceFile file(String simpleName) {
        if (!CLASSES.contains(simpleName)) {
            throw new IllegalArgumentException(simpleName);
        }
        return new JavaSourceFile(NAME, simpleName, CLASSES);
    }
}
