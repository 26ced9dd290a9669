package io.camelbricks.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode user() throws Exception {
        return JSON.readTree("{\"userName\":\"Ada@Example.com\",\"active\":true,\"displayName\":\"Ada L\","
                + "\"emails\":[{\"value\":\"ada@work.com\"},{\"value\":\"ada@home.org\"}]}");
    }

    private static boolean matches(String filter) throws Exception {
        Predicate<JsonNode> p = ScimFilter.parse(filter);
        return p.test(user());
    }

    @Test
    void comparisonsAreCaseInsensitive() throws Exception {
        assertThat(matches("userName eq \"ada@example.com\"")).isTrue();
        assertThat(matches("USERNAME Eq \"ADA@EXAMPLE.COM\"")).isTrue();
        assertThat(matches("displayName co \"a l\"")).isTrue();
        assertThat(matches("displayName sw \"b\"")).isFalse();
        assertThat(matches("userName ne \"x\"")).isTrue();
    }

    @Test
    void multiValuedAttributesMatchAnyValue() throws Exception {
        assertThat(matches("emails.value ew \"home.org\"")).isTrue();
        assertThat(matches("emails co \"work\"")).isTrue();
        assertThat(matches("emails eq \"nobody@x\"")).isFalse();
    }

    @Test
    void logicalOperatorsPresenceAndBooleans() throws Exception {
        assertThat(matches("active eq true and (userName sw \"z\" or displayName pr)")).isTrue();
        assertThat(matches("not (active eq true)")).isFalse();
        assertThat(matches("externalId pr")).isFalse();
    }

    @Test
    void malformedFiltersAreRejected() {
        assertThatThrownBy(() -> ScimFilter.parse("userName zz \"a\"")).isInstanceOf(ScimFilter.InvalidFilter.class);
        assertThatThrownBy(() -> ScimFilter.parse("userName eq")).isInstanceOf(ScimFilter.InvalidFilter.class);
        assertThatThrownBy(() -> ScimFilter.parse("(userName eq \"a\"")).isInstanceOf(ScimFilter.InvalidFilter.class);
    }
}
