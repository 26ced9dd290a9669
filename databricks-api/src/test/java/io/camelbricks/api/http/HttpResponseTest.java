package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class HttpResponseTest {

    private static final byte[] BODY = "{\"run_id\":5000000001}".getBytes(StandardCharsets.UTF_8);

    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpResponse answer(byte[] body, String contentLength) {
        List<Map.Entry<String, String>> headers = contentLength == null
                ? List.of(Map.entry("Content-Type", "application/json"))
                : List.of(Map.entry("Content-Type", "application/json"), Map.entry("content-length", contentLength));
        return new HttpResponse(200, "OK", headers, new ByteArrayInputStream(body), () -> closed.set(true));
    }

    @Test
    void readsABodyOfTheAnnouncedLengthAndReleasesTheConnection() throws IOException {
        assertThat(answer(BODY, Integer.toString(BODY.length)).readAllAndClose()).isEqualTo(BODY);
        assertThat(closed).isTrue();
    }

    @Test
    void readsABodyWithoutALengthToItsEnd() throws IOException {
        assertThat(answer(BODY, null).readAllAndClose()).isEqualTo(BODY);
        assertThat(answer(new byte[100_000], null).readAllAndClose()).hasSize(100_000);
    }

    @Test
    void aBodyShorterThanAnnouncedGivesWhatCame() throws IOException {
        assertThat(answer(BODY, Integer.toString(BODY.length + 50)).readAllAndClose()).isEqualTo(BODY);
    }

    @Test
    void aBodyLongerThanAnnouncedIsReadToItsEnd() throws IOException {
        // a transport that decompressed the body may pass on the compressed length
        assertThat(answer(BODY, "5").readAllAndClose()).isEqualTo(BODY);
        assertThat(answer(BODY, "0").readAllAndClose()).isEqualTo(BODY);
    }

    @Test
    void anEmptyBodyIsAnEmptyArray() throws IOException {
        assertThat(answer(new byte[0], "0").readAllAndClose()).isEmpty();
        assertThat(answer(new byte[0], null).readAllAndClose()).isEmpty();
    }

    @Test
    void aLengthThatIsNotANumberOrHugeIsNotTrustedForTheBuffer() throws IOException {
        assertThat(answer(BODY, "twenty").readAllAndClose()).isEqualTo(BODY);
        assertThat(answer(BODY, "-3").readAllAndClose()).isEqualTo(BODY);
        // no 4 GB array for a length the server merely announced
        assertThat(answer(BODY, Long.toString(4L << 30)).readAllAndClose()).isEqualTo(BODY);
    }
}
