package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.registry.HttpMethod;

/**
 * Which URLs the JDK transport refuses for proxy credentials in this JVM, where {@code
 * jdk.http.auth.tunneling.disabledSchemes} is not set (the JDK's default: Basic disabled on CONNECT). Sending through
 * a real CONNECT proxy, in this JVM and in one started with the property, is tested in {@code src/it}
 * ({@code HttpsProxyTunnelIT}).
 */
class JdkHttpTransportProxyTest {

    private static JdkHttpTransport through(ProxySettings proxy) {
        return new JdkHttpTransport(new TransportSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, false, null,
                proxy));
    }

    @Test
    void httpsThroughAProxyWithCredentialsIsRefusedNamingTheWaysOut() {
        assertThat(System.getProperty(JdkHttpTransport.TUNNELING_DISABLED_SCHEMES)).isNull();
        JdkHttpTransport jdk = through(new ProxySettings("proxy.internal", 3128, "user", "s3cret", List.of()));

        assertThatThrownBy(() -> jdk.checkCanSend("https://dbc-x.example.test"))
                .isInstanceOf(DatabricksException.class)
                .hasMessage("proxy credentials cannot reach the proxy proxy.internal:3128 for https://dbc-x.example.test"
                        + " with the JDK transport (java.net.http): it does not send Basic credentials on the CONNECT"
                        + " of an https tunnel while the system property jdk.http.auth.tunneling.disabledSchemes names"
                        + " Basic (the JDK's default); use the Apache transport (ApacheHttpTransport, the default), or"
                        + " start the JVM with -Djdk.http.auth.tunneling.disabledSchemes=\"\"")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> jdk.execute(HttpRequest.of(HttpMethod.GET, "https://dbc-x.example.test/api/2.0/clusters/list")))
                .isInstanceOf(DatabricksException.class).hasMessageContaining("-Djdk.http.auth.tunneling");
    }

    @Test
    void plainHttpNonProxyHostsAndProxiesWithoutCredentialsAreAccepted() {
        JdkHttpTransport withCredentials = through(new ProxySettings("proxy.internal", 3128, "user", "s3cret",
                List.of("*.direct.test")));
        assertThatCode(() -> withCredentials.checkCanSend("http://127.0.0.1:8080")).doesNotThrowAnyException();
        assertThatCode(() -> withCredentials.checkCanSend("https://ws.direct.test")).doesNotThrowAnyException();
        assertThatCode(() -> through(new ProxySettings("proxy.internal", 3128, null, null, List.of()))
                .checkCanSend("https://dbc-x.example.test")).doesNotThrowAnyException();
        assertThatCode(() -> through(null).checkCanSend("https://dbc-x.example.test")).doesNotThrowAnyException();
    }
}
