package io.camelbricks.camel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every secret option on an endpoint URI at once, through successful, failing and rejected calls, a wait that
 * fails, a consumer poll and a failed endpoint creation, with the DEBUG wire log on: no secret value appears in the
 * log, in endpoint strings, in exceptions, in the dev console.
 */
class SecretMaskingTest extends EmulatorTestSupport {
    private static final Map<String, String> SECRETS = Map.of(
            "clientSecret", "clientSecretValue0123",
            "password", "passwordValue0123",
            "azureClientSecret", "azureSecretValue0123",
            "googleCredentialsSecret", "googleCredentialsValue0123",
            "metadataServiceSecretUrl", "metadataServiceValue0123",
            "actionsIdTokenRequestToken", "actionsTokenValue0123");

    @Test
    void noSecretOptionValueAppearsInLogsUrisExceptionsOrTheConsole() throws Exception {
        StringBuilder secretOptions = new StringBuilder("authType=pat&debugHeaders=true");
        SECRETS.forEach((option, value) -> secretOptions.append('&').append(option).append('=').append(value));
        String uriOptions = secretOptions + "&" + connection();
        List<String> seen = new ArrayList<>();
        String log;
        try (LogCapture capture = new LogCapture()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10&" + uriOptions);
                    from("direct:getRun").to("databricks:jobs/getRun?" + uriOptions);
                    from("databricks:jobs/list?startScheduler=false&" + uriOptions).routeId("poller").to("mock:jobs");
                }
            });
            Exchange ok = template.request("direct:submit", e -> e.getMessage().setBody(
                    EmulatorRequests.notebookRunBody("secret-ok")));
            emulator().jobs().internalErrorOnNextRun("driver lost");
            Exchange failed = template.request("direct:submit", e -> e.getMessage().setBody(
                    EmulatorRequests.notebookRunBody("secret-failed")));
            Exchange notFound = template.request("direct:getRun", e -> e.getMessage().setHeader("CamelDatabricks.runId", 1L));
            Exchange badBody = template.request("direct:getRun", e -> e.getMessage().setBody("[]"));
            ((DatabricksConsumer) context.getRoute("poller").getConsumer()).poll();
            Throwable badUri = org.assertj.core.api.Assertions.catchThrowable(
                    () -> context.getEndpoint("databricks:jobs/getRun?runIdd=1&" + uriOptions));

            assertThat(ok.getException()).isNull();
            for (Exchange out : List.of(failed, notFound, badBody)) {
                assertThat(out.getException()).isNotNull();
                seen.add(stackTrace(out.getException()));
                seen.add(String.valueOf(out.getMessage().getHeaders()));
            }
            assertThat(badUri).hasMessageContaining("Unknown option 'runIdd'");
            seen.add(stackTrace(badUri));
            for (Endpoint endpoint : context.getEndpoints()) {
                seen.add(endpoint.toString());
                seen.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            }
            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("databricks");
            seen.add((String) console.call(DevConsole.MediaType.TEXT));
            seen.add(((JsonObject) console.call(DevConsole.MediaType.JSON)).toJson());
            log = capture.text();
        }

        assertThat(log).as("the DEBUG wire log was on").contains("> POST /api/2.2/jobs/runs/submit");
        assertThat(log).contains("Authorization: **REDACTED**");
        String everything = String.join("\n", seen) + "\n" + log;
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            assertThat(everything).as(secret.getKey()).doesNotContain(secret.getValue());
        }
        assertThat(everything).as("token").doesNotContain(emulator().token());
    }

    @Test
    void aFailingEndpointCreationDoesNotRepeatSecretsOfTheUri() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/sumbit?googleCredentialsSecret=gcpValue0123"
                + "&metadataServiceSecretUrl=http://169.254.169.254/secret0123&token=dapiValue0123"))
                .hasMessageContaining("Did you mean: jobs/submit")
                .hasMessageNotContaining("gcpValue0123")
                .hasMessageNotContaining("secret0123")
                .hasMessageNotContaining("dapiValue0123");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
