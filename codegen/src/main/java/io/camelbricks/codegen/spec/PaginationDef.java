package io.camelbricks.codegen.spec;

/** {@code x-databricks-pagination}, as written in the spec (field names not yet resolved). */
public record PaginationDef(String kind, String requestField, String responseField, String itemsField,
                            String dedupeBy, Long firstPage) {
}
