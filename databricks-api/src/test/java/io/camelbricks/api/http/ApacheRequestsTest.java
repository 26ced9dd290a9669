package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

class ApacheRequestsTest {
    private final ApacheRequests requests = new ApacheRequests();

    @Test
    void splitsAnAbsoluteUrlIntoSchemeAuthorityAndTheEncodedPathAndQuery() {
        ApacheRequests.CancellableRequest r = requests.create("GET",
                "https://adb-1.azuredatabricks.net:8443/api/2.2/jobs/get?job_id=1&x=a%20b");
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getScheme()).isEqualTo("https");
        assertThat(r.getAuthority().getHostName()).isEqualTo("adb-1.azuredatabricks.net");
        assertThat(r.getAuthority().getPort()).isEqualTo(8443);
        assertThat(r.getPath()).isEqualTo("/api/2.2/jobs/get?job_id=1&x=a%20b");
    }

    @Test
    void readsTheOriginAsApacheReadsAUri() {
        ApacheRequests.CancellableRequest ipv6 = requests.create("POST", "http://[::1]:8080/api/2.0/x");
        assertThat(ipv6.getScheme()).isEqualTo("http");
        assertThat(ipv6.getAuthority().getPort()).isEqualTo(8080);
        assertThat(ipv6.getAuthority().getHostName()).contains("::1");
        ApacheRequests.CancellableRequest defaultPort = requests.create("GET", "https://example.com/a");
        assertThat(defaultPort.getAuthority().getHostName()).isEqualTo("example.com");
        assertThat(defaultPort.getAuthority().getPort()).isEqualTo(-1);
    }

    @Test
    void aUrlWithoutPathIsSentToSlashAndAFragmentIsNeverSent() {
        assertThat(requests.create("GET", "http://localhost:1").getPath()).isEqualTo("/");
        assertThat(requests.create("GET", "http://localhost:1?a=1").getPath()).isEqualTo("/?a=1");
        assertThat(requests.create("GET", "http://localhost:1/p?a=1#part").getPath()).isEqualTo("/p?a=1");
    }

    @Test
    void anotherOriginIsParsedAgainAndNotMixedWithTheLastOne() {
        assertThat(requests.create("GET", "http://one.example:1/a").getAuthority().getHostName()).isEqualTo("one.example");
        assertThat(requests.create("GET", "http://one.example:12/a").getAuthority().getPort()).isEqualTo(12);
        assertThat(requests.create("GET", "https://two.example/b").getScheme()).isEqualTo("https");
        ApacheRequests.CancellableRequest back = requests.create("GET", "http://one.example:1/c");
        assertThat(back.getAuthority().getPort()).isEqualTo(1);
        assertThat(back.getScheme()).isEqualTo("http");
    }

    @Test
    void refusesAUrlThatIsNotAbsolute() {
        assertThatThrownBy(() -> requests.create("GET", "/api/2.0/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/api/2.0/x");
    }

    @Test
    void cancellingCancelsWhatTheRequestDependsOnNowAndLater() {
        ApacheRequests.CancellableRequest r = requests.create("GET", "http://localhost:1/a");
        AtomicInteger lease = new AtomicInteger();
        AtomicInteger connection = new AtomicInteger();
        r.setDependency(counting(lease));
        assertThat(r.isCancelled()).isFalse();

        assertThat(r.cancel()).isTrue();
        assertThat(lease).hasValue(1);
        assertThat(r.isCancelled()).isTrue();
        assertThat(r.cancel()).as("a second cancel changes nothing").isFalse();
        assertThat(lease).hasValue(1);

        r.setDependency(counting(connection));
        assertThat(connection).as("what comes after the cancel is cancelled at once").hasValue(1);
    }

    @Test
    void aDependencyReplacedBeforeACancelIsNotCancelled() {
        ApacheRequests.CancellableRequest r = requests.create("GET", "http://localhost:1/a");
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        r.setDependency(counting(first));
        r.setDependency(counting(second));
        r.cancel();
        assertThat(first).hasValue(0);
        assertThat(second).hasValue(1);
    }

    private static Cancellable counting(AtomicInteger cancels) {
        return () -> {
            cancels.incrementAndGet();
            return true;
        };
    }
}
