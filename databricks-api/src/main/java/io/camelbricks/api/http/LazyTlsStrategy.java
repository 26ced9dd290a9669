package io.camelbricks.api.http;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A TLS strategy built on the first TLS connection: a client that only talks plain HTTP (a loopback emulator, a
 * proxy in front) never loads the JVM's trust store nor initialises an {@code SSLContext}, which costs a new
 * process tens of milliseconds before its first call.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private final Supplier<TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy strategy;

    LazyTlsStrategy(Supplier<TlsSocketStrategy> factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy current = strategy;
        if (current == null) {
            synchronized (this) {
                current = strategy;
                if (current == null) {
                    current = factory.get();
                    strategy = current;
                }
            }
        }
        return current;
    }
}
