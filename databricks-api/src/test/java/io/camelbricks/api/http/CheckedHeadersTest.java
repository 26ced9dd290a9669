package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.registry.HttpMethod;

class CheckedHeadersTest {

    @Test
    void addsTheHeadersInTheirOrderThenTheLastOneAfterTheRequestsOwn() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("Authorization", "Bearer t");
        credentials.put("X-Databricks-Azure-SP-Management-Token", "m");
        CheckedHeaders checked = CheckedHeaders.of(credentials, "User-Agent", "camelbricks/1");

        HttpRequest request = HttpRequest.of(HttpMethod.GET, "http://localhost/a").withHeader("Accept", "application/json")
                .withHeaders(checked);

        assertThat(request.headers()).extracting(Map.Entry::getKey).containsExactly("Accept", "Authorization",
                "X-Databricks-Azure-SP-Management-Token", "User-Agent");
        assertThat(request.header("authorization")).isEqualTo("Bearer t");
    }

    @Test
    void refusesALineBreakInAValueNamingTheHeaderButNotTheValue() {
        assertThatThrownBy(() -> CheckedHeaders.of(Map.of("Authorization", "Bearer secret\r\nX-Evil: 1"), "User-Agent", "u"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Authorization'").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> CheckedHeaders.of(Map.of(), "User-Agent", "u\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'User-Agent'");
    }

    @Test
    void theSameCheckedHeadersCanBeAddedToManyRequests() {
        CheckedHeaders checked = CheckedHeaders.of(Map.of("Authorization", "Bearer t"), "User-Agent", "u");
        HttpRequest a = HttpRequest.of(HttpMethod.GET, "http://localhost/a").withHeaders(checked);
        HttpRequest b = HttpRequest.of(HttpMethod.GET, "http://localhost/b").withHeaders(checked).withHeader("X", "1");
        assertThat(a.headers()).hasSize(2);
        assertThat(b.headers()).hasSize(3);
    }
}
