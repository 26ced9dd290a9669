package io.camelbricks.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.service.jobs.RunNow;

/** Tokens are stable for the same key, request and generation, whatever the map order or a token on the request. */
class IdempotencyTokensTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theCanonicalRequestIgnoresMapOrderAndTheRequestsOwnToken() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        String one = IdempotencyTokens.canonicalJson(mapper, new RunNow().setJobId(7L).setJobParameters(ab));
        String two = IdempotencyTokens.canonicalJson(mapper, new RunNow().setJobParameters(ba).setJobId(7L)
                .setIdempotencyToken("whatever"));

        assertThat(one).isEqualTo(two).isEqualTo("{\"job_id\":7,\"job_parameters\":{\"a\":\"1\",\"b\":\"2\"}}");
    }

    @Test
    void aTokenIs64HexCharactersAndDependsOnEveryInput() {
        String token = IdempotencyTokens.token("submit", "key", "{}", 0);

        assertThat(token).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(IdempotencyTokens.token("submit", "key", "{}", 0));
        assertThat(token).isNotEqualTo(IdempotencyTokens.token("submit", "key", "{}", 1))
                .isNotEqualTo(IdempotencyTokens.token("run-now", "key", "{}", 0))
                .isNotEqualTo(IdempotencyTokens.token("submit", "key2", "{}", 0))
                .isNotEqualTo(IdempotencyTokens.token("submit", "key", "{\"a\":1}", 0));
        assertThat(IdempotencyTokens.token("submit", "ab", "c", 0))
                .isNotEqualTo(IdempotencyTokens.token("submit", "a", "bc", 0));
    }
}
