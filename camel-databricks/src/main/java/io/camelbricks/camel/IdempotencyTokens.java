package io.camelbricks.camel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;

/**
 * The idempotency tokens the producer puts into requests that take one ({@code jobs/submit}, {@code jobs/runNow},
 * ...), derived from three things:
 * <ul>
 * <li>a base: the header {@code CamelDatabricksIdempotencyKey} when set (a business key, stable across exchanges
 * and processes), else a random value kept on the exchange (stable across Camel's redeliveries of it);</li>
 * <li>a generation, kept on the exchange: after the awaited run ended in a failure state, the next attempt of the
 * same exchange moves to the next generation, so that a real retry starts a fresh run instead of being handed the
 * failed one again (Kestra's "generation walk");</li>
 * <li>the request, in canonical JSON (keys sorted), so that another request from the same exchange is another
 * run.</li>
 * </ul>
 * So a redelivery after a lost answer or a wait timeout reattaches to the run already started, and a redelivery
 * after a failed run starts a new one.
 */
final class IdempotencyTokens {
    /** Exchange property: the random base of the exchange's tokens. */
    static final String BASE_PROPERTY = DatabricksConstants.IDEMPOTENCY_TOKEN_PROPERTY;
    /** Exchange property: the generation of the exchange's tokens. */
    static final String GENERATION_PROPERTY = "CamelDatabricksIdempotencyGeneration";

    private IdempotencyTokens() {
    }

    static String tokenFor(Exchange exchange, ObjectNode request, ObjectMapper mapper) {
        String base = exchange.getMessage().getHeader(DatabricksConstants.IDEMPOTENCY_KEY, String.class);
        if (base == null || base.isBlank()) {
            base = exchange.getProperty(BASE_PROPERTY, String.class);
            if (base == null) {
                base = UUID.randomUUID().toString();
                exchange.setProperty(BASE_PROPERTY, base);
            }
        } else {
            base = "key:" + base;
        }
        int generation = generation(exchange);
        String canonical = canonical(request, mapper).toString();
        return UUID.nameUUIDFromBytes((base + "|" + generation + "|" + canonical).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static int generation(Exchange exchange) {
        Integer generation = exchange.getProperty(GENERATION_PROPERTY, Integer.class);
        return generation == null ? 0 : generation;
    }

    /** The awaited entity failed: the next attempt of this exchange gets fresh tokens. */
    static void nextGeneration(Exchange exchange) {
        exchange.setProperty(GENERATION_PROPERTY, generation(exchange) + 1);
    }

    /** A copy with every object's keys in order, so that equal requests give equal text whatever the key order. */
    static JsonNode canonical(JsonNode node, ObjectMapper mapper) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            object.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue(), mapper)));
            ObjectNode copy = mapper.createObjectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = mapper.createArrayNode();
            array.forEach(item -> copy.add(canonical(item, mapper)));
            return copy;
        }
        return node;
    }
}
