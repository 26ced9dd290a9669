package io.camelbricks.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.api.service.jobs.JobsListRequest;

/**
 * The child JVM of {@link HttpsProxyTunnelIT} for the JDK transport in a JVM started with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=""}: lists the jobs of an https workspace through an
 * authenticating CONNECT proxy. Arguments: host URL, token, proxy port, proxy user, proxy password, trust store
 * (PKCS12), its password. Prints {@code jobs <count>} or {@code failed <messages>}.
 */
public final class JdkTunnelChild {
    private JdkTunnelChild() {
    }

    public static void main(String[] args) throws Exception {
        DatabricksConfig config = new DatabricksConfig().setHost(args[0]).setToken(args[1])
                .setProxyHost("127.0.0.1").setProxyPort(Integer.parseInt(args[2])).setProxyUsername(args[3])
                .setProxyPassword(args[4]).setDisableRetries(true).resolve(Map.of())
                .setSslContext(trusting(Path.of(args[5]), args[6]));
        try (JdkHttpTransport jdk = new JdkHttpTransport(config.transportSettings(2));
             WorkspaceClient w = new WorkspaceClient(ApiClient.builder(config).transport(jdk).build())) {
            int jobs = 0;
            for (Object job : w.jobs().list(new JobsListRequest())) {
                jobs++;
            }
            ChildJvm.say("jobs " + jobs);
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" || ");
            }
            ChildJvm.say("failed " + all);
        }
    }

    private static SSLContext trusting(Path trustStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
