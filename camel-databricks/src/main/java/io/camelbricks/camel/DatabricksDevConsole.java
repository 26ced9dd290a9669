package io.camelbricks.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;

/**
 * The {@code databricks} dev console: the shared clients (host, authentication method, pool size, rate limit,
 * endpoints using each) and every Databricks endpoint (operation, sanitized URI, calls, failures, waits in
 * progress). Never a secret: clients show their host and auth type only, URIs are sanitized.
 */
@DevConsole(name = "databricks", displayName = "Databricks", description = "Databricks clients, endpoints and waits")
public class DatabricksDevConsole extends AbstractDevConsole {

    public DatabricksDevConsole() {
        super("camel", "databricks", "Databricks", "Databricks clients, endpoints and waits");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> client : clients()) {
            sb.append(String.format("Client: %s (auth: %s, connections: %s, rate limit: %s, endpoints: %s)%n",
                    client.get("host"), client.get("authType"), client.get("maxConnectionsPerPool"),
                    client.get("rateLimit"), client.get("endpoints")));
        }
        for (Map<String, Object> endpoint : endpoints()) {
            sb.append(String.format("Endpoint: %s%n    operation: %s, calls: %s, failures: %s, waits in progress: %s%n",
                    endpoint.get("uri"), endpoint.get("operation"), endpoint.get("calls"), endpoint.get("failures"),
                    endpoint.get("waitsInProgress")));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray clients = new JsonArray();
        clients().forEach(c -> clients.add(new JsonObject(c)));
        JsonArray endpoints = new JsonArray();
        endpoints().forEach(e -> endpoints.add(new JsonObject(e)));
        root.put("clients", clients);
        root.put("endpoints", endpoints);
        return root;
    }

    private List<Map<String, Object>> clients() {
        List<Map<String, Object>> list = new ArrayList<>();
        CamelContext context = getCamelContext();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof DatabricksComponent databricks) {
                for (ApiClient client : databricks.sharedClients()) {
                    DatabricksConfig config = client.config();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("component", name);
                    row.put("host", config.getHost());
                    row.put("authType", config.getAuthType());
                    row.put("maxConnectionsPerPool", config.getMaxConnectionsPerPool());
                    row.put("rateLimit", config.getRateLimit());
                    row.put("endpoints", databricks.endpointsUsing(client));
                    list.add(row);
                }
            }
        }
        return list;
    }

    private List<Map<String, Object>> endpoints() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof DatabricksEndpoint endpoint) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
                row.put("operation", endpoint.getPath());
                row.put("wait", endpoint.isWait());
                row.put("started", endpoint.clientOrNull() != null);
                row.put("sharedClient", endpoint.usesSharedClient());
                row.put("calls", endpoint.calls.sum());
                row.put("failures", endpoint.failures.sum());
                row.put("waitsInProgress", endpoint.waitsInProgress.get());
                list.add(row);
            }
        }
        return list;
    }
}
