package io.camelbricks.codegen.spec;

import java.util.List;

/** {@code x-databricks-wait}, as written in the spec. */
public record WaitDef(String pollOperation, List<String> pollArgumentsFrom, String statusPath,
                      List<String> targetStates, List<String> failureStates, String messagePath,
                      String defaultTimeout) {
}
