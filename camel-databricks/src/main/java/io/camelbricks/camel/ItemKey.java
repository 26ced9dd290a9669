package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The identity of a listed item, under which the consumer remembers it has emitted the item: the configured field,
 * else the spec's de-duplication field, else the first of the usual id fields present ({@code run_id},
 * {@code job_id}, {@code cluster_id}, ..., {@code id}, {@code name}, {@code path}), else the first top-level
 * {@code *_id} field, else a hash of the whole item (then every changed version of an item is new).
 */
final class ItemKey {
    /** In order: a run carries its job's job_id too, so run_id comes first (a job has no run_id). */
    private static final List<String> USUAL_IDS = List.of("run_id", "job_id", "cluster_id", "pipeline_id",
            "warehouse_id", "statement_id", "instance_pool_id", "policy_id", "endpoint_id", "experiment_id",
            "model_id", "app_id", "dashboard_id", "query_id", "alert_id", "id", "full_name", "name", "path",
            "key", "scope");

    private final String configuredField;
    private final String specField;

    ItemKey(String configuredField, String specField) {
        this.configuredField = configuredField == null || configuredField.isBlank() ? null : configuredField.strip();
        this.specField = specField;
    }

    /** {@code field=value}, or {@code sha256=...} when the item has no identifying field. */
    String of(JsonNode item) {
        if (configuredField != null) {
            JsonNode value = ResultHeaders.at(item, configuredField);
            if (value != null) {
                return configuredField + "=" + value.asText();
            }
        }
        if (specField != null) {
            JsonNode value = ResultHeaders.at(item, specField);
            if (value != null) {
                return specField + "=" + value.asText();
            }
        }
        for (String field : USUAL_IDS) {
            JsonNode value = ResultHeaders.at(item, field);
            if (value != null) {
                return field + "=" + value.asText();
            }
        }
        if (item != null && item.isObject()) {
            for (Map.Entry<String, JsonNode> f : item.properties()) {
                if (f.getKey().endsWith("_id") && f.getValue().isValueNode() && !f.getValue().isNull()) {
                    return f.getKey() + "=" + f.getValue().asText();
                }
            }
        }
        return "sha256=" + sha256(String.valueOf(item));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
