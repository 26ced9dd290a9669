package io.camelbricks.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.EofSensorWatcher;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * An answer's body that gives its connection back when it is done with: to the pool once the body was read to its
 * end or closed (closing reads what is left, so that the connection can carry the next request), to nobody when the
 * stream is aborted or reading fails (the connection is closed and dropped). Whatever happens, the exchange lets go
 * of its connection, so that a body never holds a pooled connection after it is finished with.
 */
final class ConnectionReleasingEntity extends HttpEntityWrapper implements EofSensorWatcher {
    private final ExecRuntime runtime;

    ConnectionReleasingEntity(HttpEntity body, ExecRuntime runtime) {
        super(body);
        this.runtime = runtime;
    }

    /** The body can be read once: it comes off the connection. */
    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new EofSensorInputStream(super.getContent(), this);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        releaseAfter(() -> super.writeTo(out == null ? OutputStream.nullOutputStream() : out));
    }

    /** The end of the body: the connection goes back to the pool. */
    @Override
    public boolean eofDetected(InputStream wrapped) throws IOException {
        releaseAfter(() -> closeIfAny(wrapped));
        return false; // closed here already
    }

    /** Closed before its end: the rest is read (by closing the wrapped stream) and the connection goes back. */
    @Override
    public boolean streamClosed(InputStream wrapped) throws IOException {
        releaseAfter(() -> closeIfAny(wrapped));
        return false; // closed here already
    }

    /** Aborted: the connection is closed, not reused. */
    @Override
    public boolean streamAbort(InputStream wrapped) {
        letGo();
        return false;
    }

    @Override
    public void close() throws IOException {
        releaseAfter(super::close);
    }

    /** An I/O step that ends with the body. */
    private interface BodyStep {
        void run() throws IOException;
    }

    /** Runs {@code last}, then gives the connection back to the pool; drops it if {@code last} fails. */
    private void releaseAfter(BodyStep last) throws IOException {
        try {
            last.run();
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            letGo();
        }
    }

    private static void closeIfAny(InputStream wrapped) throws IOException {
        if (wrapped != null) {
            wrapped.close(); // reads what is left of the body
        }
    }

    /**
     * After a release this finds nothing to do; otherwise (an abort, a failure) the connection is closed and
     * dropped from the exchange.
     */
    private void letGo() {
        try {
            if (runtime.isEndpointConnected()) {
                runtime.disconnectEndpoint();
            }
        } catch (IOException ignored) {
            // closing a connection that is being dropped anyway
        } finally {
            runtime.discardEndpoint();
        }
    }
}
