package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UserAgentTest {

    @Test
    void namesClientJavaOsProductPartnerCiAndAuth() {
        String ua = new UserAgent().with("my-app", "1.2.3").withPartner("acme")
                .render("pat", Map.of("GITHUB_ACTIONS", "true"));
        assertThat(ua).matches("camelbricks/\\S+ java/\\S+ os/(linux|darwin|windows|unknown) my-app/1\\.2\\.3 "
                + "partner/acme cicd/github auth/pat");
    }

    @Test
    void leavesOutWhatIsUnknown() {
        assertThat(new UserAgent().render(null, Map.of())).matches("camelbricks/\\S+ java/\\S+ os/\\S+");
    }

    @Test
    void rejectsEntriesThatWouldBreakTheHeader() {
        assertThatThrownBy(() -> new UserAgent().with("my app", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("my app/1");
    }
}
