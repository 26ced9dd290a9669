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
        try {
            super.writeTo(out == null ? OutputStream.nullOutputStream() : out);
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            letGo();
        }
    }

    /** The end of the body: the connection goes back to the pool. */
    @Override
    public boolean eofDetected(InputStream wrapped) throws IOException {
        return finish(wrapped);
    }

    /** Closed before its end: the rest is read (by closing the wrapped stream) and the connection goes back. */
    @Override
    public boolean streamClosed(InputStream wrapped) throws IOException {
        return finish(wrapped);
    }

    /** Aborted: the connection is closed, not reused. */
    @Override
    public boolean streamAbort(InputStream wrapped) {
        letGo();
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            letGo();
        }
    }

    /** Closes {@code wrapped} (reading the rest of the body), then releases the connection; drops it on failure. */
    private boolean finish(InputStream wrapped) throws IOException {
        try {
            if (wrapped != null) {
                wrapped.close();
            }
            runtime.releaseEndpoint();
        } catch (IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        } finally {
            letGo();
        }
        return false; // the wrapped stream is closed here already
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
