package io.camelbricks.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

/** When an answer's body gives its connection back to the pool, and when it drops it. */
class ConnectionReleasingEntityTest {
    private final RecordingRuntime runtime = new RecordingRuntime();

    @Test
    void readingToTheEndReleasesTheConnectionOnce() throws IOException {
        ConnectionReleasingEntity body = new ConnectionReleasingEntity(streamOf("{\"a\":1}"), runtime);

        try (InputStream in = body.getContent()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }

        assertThat(runtime.calls).containsExactly("release");
    }

    @Test
    void writingTheBodyOutReleasesTheConnection() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ConnectionReleasingEntity(streamOf("abc"), runtime).writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(runtime.calls).containsExactly("release");
    }

    @Test
    void aFailedReadDropsTheConnectionInsteadOfPoolingIt() {
        ConnectionReleasingEntity body = new ConnectionReleasingEntity(failingOnWrite(), runtime);

        assertThatThrownBy(() -> body.writeTo(OutputStream.nullOutputStream())).hasMessage("connection reset");

        assertThat(runtime.calls).containsExactly("discard");
    }

    @Test
    void anAbortedStreamClosesTheConnection() throws IOException {
        ConnectionReleasingEntity body = new ConnectionReleasingEntity(streamOf("a long body"), runtime);

        try (InputStream in = body.getContent()) {
            in.read();
            ((EofSensorInputStream) in).abort();
        }

        assertThat(runtime.calls).containsExactly("disconnect");
    }

    @Test
    void theBodyCanBeReadOnlyOnce() {
        assertThat(new ConnectionReleasingEntity(streamOf("x"), runtime).isRepeatable()).isFalse();
    }

    private static InputStreamEntity streamOf(String text) {
        return new InputStreamEntity(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                text.length(), ContentType.APPLICATION_JSON);
    }

    private static AbstractHttpEntity failingOnWrite() {
        return new AbstractHttpEntity(ContentType.APPLICATION_JSON, null) {
            @Override
            public InputStream getContent() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public boolean isStreaming() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The exchange's hold on its connection: what the body asked of it, in order. */
    private static final class RecordingRuntime implements ExecRuntime {
        final List<String> calls = new ArrayList<>();
        private boolean held = true;

        @Override
        public void releaseEndpoint() {
            if (held) {
                calls.add("release");
                held = false;
            }
        }

        @Override
        public void discardEndpoint() {
            if (held) {
                calls.add("discard");
                held = false;
            }
        }

        @Override
        public boolean isEndpointConnected() {
            return held;
        }

        @Override
        public void disconnectEndpoint() {
            calls.add("disconnect");
            held = false;
        }

        @Override
        public boolean isEndpointAcquired() {
            return held;
        }

        @Override
        public boolean isExecutionAborted() {
            return false;
        }

        @Override
        public void acquireEndpoint(String id, HttpRoute route, Object state, HttpClientContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void connectEndpoint(HttpClientContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void upgradeTls(HttpClientContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ClassicHttpResponse execute(String id, ClassicHttpRequest request, HttpClientContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConnectionReusable() {
            return true;
        }

        @Override
        public void markConnectionReusable(Object state, TimeValue validDuration) {
        }

        @Override
        public void markConnectionNonReusable() {
        }

        @Override
        public ExecRuntime fork(CancellableDependency cancellable) {
            throw new UnsupportedOperationException();
        }
    }
}
