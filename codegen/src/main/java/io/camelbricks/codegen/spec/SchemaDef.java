package io.camelbricks.codegen.spec;

import java.util.List;

/**
 * One {@code components.schemas} entry: an object with properties, or a string enum.
 *
 * @param name        the full spec name, e.g. {@code jobs.SubmitRun}
 * @param specPackage the part before the dot ({@code jobs}), or null for names without a package ({@code Error})
 * @param simpleName  the part after the dot ({@code SubmitRun})
 * @param properties  object properties in spec order (empty for enums)
 * @param enumValues  the wire values of an enum in spec order, or null for objects
 */
public record SchemaDef(String name, String specPackage, String simpleName, List<PropertyDef> properties,
                        List<String> enumValues) {

    public boolean isEnum() {
        return enumValues != null;
    }

    public PropertyDef property(String wireName) {
        for (PropertyDef p : properties) {
            if (p.wireName().equals(wireName)) {
                return p;
            }
        }
        return null;
    }
}
