package io.camelbricks.api.auth;

import java.lang.ref.Cleaner;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.http.ApacheHttpTransport;
import io.camelbricks.api.http.HttpTransport;

/**
 * The transport of a configuration's authentication calls (OAuth token endpoints and discovery, Azure AD, metadata
 * services) when none was set: the same kind as a client's default transport ({@link ApacheHttpTransport}) with the
 * configuration's own settings (proxy and its credentials, {@code SSLContext}, {@code skip_verify}, timeouts), so that
 * these calls go where the workspace calls go, the same way. A configuration has no {@code close()}: the transport
 * (its pool and idle-connection thread) is closed once the configuration that made it is unreachable.
 */
public final class DefaultAuthTransport {
    /** Two connections: a discovery and a token call at a time is all authentication needs. */
    static final int MAX_CONNECTIONS = 2;

    private DefaultAuthTransport() {
    }

    /** A new transport with {@code owner}'s settings, closed when {@code owner} is collected. */
    public static HttpTransport create(DatabricksConfig owner) {
        ApacheHttpTransport transport = new ApacheHttpTransport(owner.transportSettings(MAX_CONNECTIONS));
        Holder.CLEANER.register(owner, transport::close); // the action holds the transport only, never the owner
        return transport;
    }

    /** One cleaner thread, started only when a configuration first needs an authentication transport. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "camelbricks-auth-transport-cleaner");
            t.setDaemon(true);
            return t;
        });
    }
}
