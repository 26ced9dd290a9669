package io.camelbricks.it;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.error.PermissionDenied;
import io.camelbricks.camel.DatabricksConstants;
import io.camelbricks.camel.DatabricksOperationException;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a route sees when the workspace refuses it, and when the route itself names something that does not exist. */
class FailuresIT extends CamelContextSupport {
    private static final String WRONG_TOKEN = "dapi00000000000000000000000000000000";

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    private DatabricksEmulator emulator;

    @BeforeEach
    void fresh() {
        emulator = DATABRICKS.emulator();
        emulator.reset();
    }

    @Test
    void wrongTokenFailsWithPermissionDeniedAndNoRetry() throws Exception {
        String wrongToken = "host=RAW(" + emulator.url() + ")&token=RAW(" + WRONG_TOKEN + ")";
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getRun").to("databricks:jobs/getRun?runId=5000000001&" + wrongToken);
                from("direct:submit").to("databricks:jobs/submit?wait=true&pollInterval=10&" + wrongToken);
            }
        });

        // a GET (which the client may retry when that is safe) and a POST: one request each, no retry of a 403
        for (String route : new String[] {"direct:getRun", "direct:submit"}) {
            emulator.requests().clear();

            Exchange out = template.request(route, e -> e.getMessage().setBody(Workspace.notebookRun("it-denied")));

            assertThat(out.getException()).as(route).isInstanceOf(DatabricksOperationException.class)
                    .hasCauseInstanceOf(PermissionDenied.class)
                    .hasMessageContaining("Invalid access token")
                    .hasMessageNotContaining(WRONG_TOKEN);
            assertThat(((HttpResponseAware) out.getException()).getHttpResponseCode()).isEqualTo(403);
            assertThat(out.getMessage().getHeaders())
                    .containsEntry(DatabricksConstants.STATUS_CODE, 403)
                    .containsEntry(DatabricksConstants.ERROR_CODE, "PERMISSION_DENIED")
                    .doesNotContainKey(DatabricksConstants.RUN_ID);
            assertThat(emulator.requests().count()).as("requests that reached the workspace for %s", route)
                    .isEqualTo(1);
            assertThat(emulator.requests().last().orElseThrow().status()).isEqualTo(403);
        }
        assertThat(emulator.jobs().runCount()).isZero();
    }

    @Test
    void unknownOperationFailsAtStartupNamingTheClosestOne() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        try (camel) {
            assertThatThrownBy(() -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:submit").to("databricks:jobs/sumbit?" + Workspace.connection(emulator));
                    }
                });
                camel.start();
            }).hasStackTraceContaining("Unknown operation 'sumbit' of Databricks service 'jobs'")
                    .hasStackTraceContaining("Did you mean: jobs/submit")
                    .hasStackTraceContaining("databricks://jobs/sumbit")
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalArgumentException.class));
            assertThat(camel.isStarted()).isFalse();
        }
        // the same for a misspelt service, and nothing was sent to the workspace
        CamelContext other = new DefaultCamelContext();
        try (other) {
            assertThatThrownBy(() -> {
                other.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("databricks:jbos/list?" + Workspace.connection(emulator)).to("mock:never");
                    }
                });
                other.start();
            }).hasStackTraceContaining("Unknown Databricks service 'jbos'")
                    .hasStackTraceContaining("databricks:jobs/list");
        }
        assertThat(emulator.requests().count()).isZero();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
