package io.camelbricks.codegen.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which wire names hold secrets, so that their values never appear in a {@code toString()} (or, through the
 * generated {@code SensitiveFieldNames}, in a log line). The rule works on the snake_case form of the name
 * ({@code bearerToken} is checked as {@code bearer_token}):
 * <ol>
 * <li>names in {@link #EXCLUDED} are never sensitive (cursors, idempotency and consistency markers, flags);</li>
 * <li>names in {@link #EXACT} are sensitive;</li>
 * <li>names ending in one of {@link #SUFFIXES} are sensitive.</li>
 * </ol>
 * The lists are documented, with the reason for each exclusion, in codegen/README.md.
 */
public final class SensitiveFieldRule {

    public static final List<String> EXACT = List.of(
            "token", "token_value", "string_value", "bytes_value", "password", "secret", "client_secret",
            "access_token", "refresh_token", "id_token", "private_key", "sas_token",
            // found by inspecting the spec: values that are secrets although their names do not say so
            "authorization", "credential", "integration_key", "log_analytics_primary_key");

    public static final List<String> SUFFIXES = List.of(
            "_secret", "_password", "_access_key", "_private_key", "_token",
            // found by inspecting the spec: external model provider keys and their plaintext variants
            "_api_key", "_plaintext");

    public static final List<String> EXCLUDED = List.of(
            "page_token", "next_page_token", "prev_page_token", "previous_page_token", // pagination cursors
            "idempotency_token",  // client-chosen de-duplication key
            "consistency_token",  // iam.ConsistencyToken, a read-after-write marker
            "rotate_token",       // boolean flag (marketplace.UpdateInstallationRequest)
            "is_secret");         // boolean flag (catalog.OptionSpec)

    /**
     * Fields that hold secrets only in one schema, where their name is too common to mask everywhere ({@code value}):
     * found by inspecting the spec.
     */
    public static final Map<String, Set<String>> BY_SCHEMA = Map.of(
            "workspace.GetSecretResponse", Set.of("value"));

    private static final Set<String> EXACT_SET = Set.copyOf(EXACT);
    private static final Set<String> EXCLUDED_SET = Set.copyOf(EXCLUDED);

    private SensitiveFieldRule() {
    }

    /** {@link #isSensitive(String)}, or a field of {@link #BY_SCHEMA} in schema {@code schemaName}. */
    public static boolean isSensitive(String schemaName, String wireName) {
        return isSensitive(wireName) || BY_SCHEMA.getOrDefault(schemaName, Set.of()).contains(wireName);
    }

    public static boolean isSensitive(String wireName) {
        String n = snake(wireName);
        if (EXCLUDED_SET.contains(n)) {
            return false;
        }
        if (EXACT_SET.contains(n)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (n.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code bearerToken} → {@code bearer_token}, {@code content-length} → {@code content_length}. */
    public static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
