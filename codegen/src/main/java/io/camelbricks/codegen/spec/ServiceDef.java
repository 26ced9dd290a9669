package io.camelbricks.codegen.spec;

import java.util.List;

/** One tag ({@code <package>.<Service>}) with its operations in spec order. */
public record ServiceDef(String specPackage, String name, Scope scope, List<OperationDef> operations) {

    public String key() {
        return specPackage + "." + name;
    }
}
