package io.camelbricks.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.http.JdkHttpTransport;
import io.camelbricks.camel.DatabricksConstants;

/**
 * The child JVM of {@link UnresolvedHostAtStartIT}: started with {@code -Djdk.net.hosts.file} (its only resolver is
 * that file) and no negative DNS cache, it runs a {@code jobs/submit?wait=true} route to a host name the file does
 * not know yet, reports the error and the producer health check, waits for the parent to add the name, and sends
 * again through the same route.
 *
 * <p>Arguments: transport ({@code apache}: endpoint options, the default transport; {@code jdk}: an autowired
 * {@code ApiClient} on {@link JdkHttpTransport}), host URL, token. Lines printed: {@code error <messages>},
 * {@code health <state> <message>}, {@code waiting}, {@code ok <result state> <run id>}, {@code health <state>},
 * {@code route <same route object> <status>}.
 */
public final class UnresolvedHostChild {
    private UnresolvedHostChild() {
    }

    public static void main(String[] args) throws Exception {
        String transport = args[0];
        String host = args[1];
        String token = args[2];
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ApiClient jdkClient = null;
        try (CamelContext camel = new DefaultCamelContext()) {
            String options = "wait=true&pollInterval=10";
            if ("jdk".equals(transport)) {
                DatabricksConfig config = new DatabricksConfig().setHost(host).setToken(token)
                        .setAllowInsecureHttp(true).setRetryTimeoutSeconds(1).resolve(Map.of());
                jdkClient = ApiClient.builder(config).transport(new JdkHttpTransport(config.transportSettings(4)))
                        .build();
                camel.getRegistry().bind("databricksClient", jdkClient);
            } else {
                options += "&retryTimeoutSeconds=1&allowInsecureHttp=true&host=RAW(" + host + ")&token=RAW(" + token
                        + ")";
            }
            String uri = "databricks:jobs/submit?" + options;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").routeId("submit").to(uri);
                }
            });
            camel.start();
            HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
            registry.setEnabled(true);
            registry.register(registry.resolveById("producers"));
            HealthCheckHelper.getHealthCheckRepository(camel, "producers", WritableHealthCheckRepository.class)
                    .setEnabled(true);
            Route route = camel.getRoute("submit");
            ProducerTemplate template = camel.createProducerTemplate();

            Exchange failed = template.request("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-dns")));
            ChildJvm.say("error " + messages(failed.getException()));
            HealthCheck.Result down = producerCheck(camel);
            ChildJvm.say("health " + down.getState() + " " + down.getMessage().orElse(""));

            ChildJvm.say("waiting");
            if (!"resolvable".equals(ChildJvm.listen(parent))) {
                return;
            }
            Exchange ok = template.request("direct:submit",
                    e -> e.getMessage().setBody(Workspace.notebookRun("it-dns-resolved")));
            if (ok.getException() != null) {
                ChildJvm.say("failed again " + messages(ok.getException()));
                return;
            }
            ChildJvm.say("ok " + ok.getMessage().getHeader(DatabricksConstants.RESULT_STATE) + " "
                    + ok.getMessage().getHeader(DatabricksConstants.RUN_ID));
            HealthCheck.Result up = producerCheck(camel);
            ChildJvm.say("health " + up.getState() + " " + up.getMessage().orElse(""));
            ChildJvm.say("route " + (camel.getRoute("submit") == route) + " "
                    + camel.getRouteController().getRouteStatus("submit"));
        } finally {
            if (jdkClient != null) {
                jdkClient.close();
            }
        }
    }

    private static HealthCheck.Result producerCheck(CamelContext camel) {
        return HealthCheckHelper.getHealthCheckRepository(camel, "producers", WritableHealthCheckRepository.class)
                .stream().filter(c -> c.getId().startsWith("producer:databricks-jobs-submit-"))
                .map(HealthCheck::call).findFirst().orElseThrow();
    }

    /** Every message of the cause chain, on one line. */
    private static String messages(Throwable t) {
        if (t == null) {
            return "(no exception)";
        }
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getClass().getName()).append(": ").append(c.getMessage()).append(" || ");
        }
        return all.toString();
    }
}
