package io.camelbricks.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.auth.CredentialsProvider;
import io.camelbricks.api.config.AttributeValues;
import io.camelbricks.api.config.ConfigAttribute;

/**
 * The clients the component created: one per distinct connection configuration, shared by the endpoints that use
 * it, reference-counted, closed when the last endpoint releases it or when the component stops. Keys hold the
 * non-secret attributes in clear and only a hash of each secret.
 */
final class SharedClients {
    private static final Logger LOG = LoggerFactory.getLogger(SharedClients.class);

    private static final class Shared {
        final String key;
        final ApiClient client;
        final Runnable onClose;
        int references;

        Shared(String key, ApiClient client, Runnable onClose) {
            this.key = key;
            this.client = client;
            this.onClose = onClose;
        }
    }

    /** A client made by a {@link ClientFactory}, and what to do once it is closed (e.g. stop its threads). */
    record Created(ApiClient client, Runnable onClose) {
    }

    /** Makes the client of a configuration. */
    @FunctionalInterface
    interface ClientFactory {
        Created create(DatabricksConfig config);
    }

    private final Map<String, Shared> byKey = new HashMap<>();
    private final Map<ApiClient, Shared> byClient = new IdentityHashMap<>();

    /**
     * The shared client for these connection attributes (and credentials provider, when one is given), created with
     * {@code factory} the first time.
     */
    synchronized ApiClient acquire(Map<ConfigAttribute, Object> attributes, CredentialsProvider provider,
                                   ClientFactory factory) {
        return acquire(attributes, provider, null, factory);
    }

    /** As {@link #acquire(Map, CredentialsProvider, ClientFactory)}, with a TLS context (keyed by identity). */
    synchronized ApiClient acquire(Map<ConfigAttribute, Object> attributes, CredentialsProvider provider,
                                   SSLContext sslContext, ClientFactory factory) {
        String key = keyOf(attributes) + (provider == null ? ""
                : ", credentials_provider=" + provider.getClass().getName() + "@"
                        + Integer.toHexString(System.identityHashCode(provider)))
                + (sslContext == null ? "" : ", ssl_context=" + Integer.toHexString(System.identityHashCode(sslContext)));
        Shared shared = byKey.get(key);
        if (shared == null) {
            DatabricksConfig config = new DatabricksConfig();
            attributes.forEach(config::set);
            if (provider != null) {
                config.setCredentialsProvider(provider);
            }
            config.setSslContext(sslContext);
            Created created = factory.create(config);
            ApiClient client = created.client();
            shared = new Shared(key, client, created.onClose());
            byKey.put(key, shared);
            byClient.put(client, shared);
            LOG.debug("Created Databricks client for {}", key.isEmpty() ? "the default configuration chain"
                    : config.toString());
        }
        shared.references++;
        return shared.client;
    }

    /** Gives back a client from {@link #acquire}; the last release closes it. Others' clients are ignored. */
    synchronized void release(ApiClient client) {
        Shared shared = byClient.get(client);
        if (shared == null) {
            return;
        }
        if (--shared.references <= 0) {
            byClient.remove(client);
            byKey.remove(shared.key);
            close(shared);
        }
    }

    /** Closes every client still held (component stop). */
    synchronized void closeAll() {
        List<Shared> all = new ArrayList<>(byKey.values());
        byKey.clear();
        byClient.clear();
        all.forEach(SharedClients::close);
    }

    synchronized int size() {
        return byKey.size();
    }

    /** The clients held now, for the dev console. */
    synchronized List<ApiClient> clients() {
        return byKey.values().stream().map(s -> s.client).toList();
    }

    /** How many endpoints use {@code client}; 0 for a client the component did not create. */
    synchronized int references(ApiClient client) {
        Shared shared = byClient.get(client);
        return shared == null ? 0 : shared.references;
    }

    private static void close(Shared shared) {
        try {
            shared.client.close();
        } catch (RuntimeException e) {
            LOG.warn("Error closing Databricks client: {}", e.getMessage(), e);
        } finally {
            if (shared.onClose != null) {
                shared.onClose.run();
            }
        }
    }

    /** A random salt per JVM: secret digests in client keys cannot be looked up in a dictionary of known tokens. */
    private static final String SALT = java.util.UUID.randomUUID().toString();

    /**
     * {@code host=https://x, token=sha256:1f0c…}: the set attributes in table order, each secret replaced by a
     * salted SHA-256 of its value (so two tokens never share a client, and no token sits in memory twice). The key
     * is never logged; log lines show the configuration with secrets as {@code ***}.
     */
    static String keyOf(Map<ConfigAttribute, Object> attributes) {
        StringJoiner key = new StringJoiner(", ");
        for (ConfigAttribute attribute : ConfigAttribute.all()) {
            Object value = attributes.get(attribute);
            if (value == null) {
                continue;
            }
            String text = AttributeValues.display(value);
            key.add(attribute.attributeName() + "="
                    + (attribute.isSensitive() ? "sha256:" + ItemKey.sha256(SALT + ":" + attribute.attributeName() + ":" + text) : text));
        }
        return key.toString();
    }
}
