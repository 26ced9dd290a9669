package io.camelbricks.codegen.spec;

/**
 * A path or query parameter.
 *
 * @param name         wire name
 * @param in           {@code path}, {@code query} or {@code header}
 * @param fromConfig   the configuration attribute that supplies the value ({@code x-databricks-from-config}), or null
 */
public record ParamDef(String name, String in, TypeShape type, boolean required, boolean multiSegment,
                       String fromConfig) {

    public boolean isFromConfig() {
        return fromConfig != null;
    }
}
