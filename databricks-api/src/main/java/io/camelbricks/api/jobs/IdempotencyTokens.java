package io.camelbricks.api.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deterministic idempotency tokens: {@code token(kind, key, request, g)} is the SHA-256 (64 hex characters, the
 * API's maximum length) of the kind ({@code submit}, {@code run-now}), the business key, the request as canonical
 * JSON (keys sorted at every level, {@code idempotency_token} left out) and the generation. The same inputs give the
 * same token in any process, so a restarted process finds the runs its predecessor started.
 */
final class IdempotencyTokens {
    private static final String VERSION = "camelbricks-idempotent-run/v1";

    private IdempotencyTokens() {
    }

    static String token(String kind, String key, String canonicalRequest, int generation) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(VERSION, kind, key, canonicalRequest, Integer.toString(generation))) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The request as JSON with object keys sorted at every level and without {@code idempotency_token}. */
    static String canonicalJson(ObjectMapper mapper, Object request) {
        JsonNode tree = mapper.valueToTree(request);
        if (tree instanceof ObjectNode object) {
            object.remove("idempotency_token");
        }
        try {
            return mapper.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
