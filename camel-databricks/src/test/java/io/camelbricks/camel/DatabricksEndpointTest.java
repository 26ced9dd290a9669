package io.camelbricks.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.DatabricksConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint creation and validation; nothing here talks to a workspace. */
class DatabricksEndpointTest extends CamelTestSupport {
    private static final String CONNECTION = "host=https://dbc-1234.cloud.databricks.com&token=dapiSECRET0123456789";

    @Test
    void unknownOperationFailsAtEndpointCreationNamingClosestMatch() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/sumbit?" + CONNECTION))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown operation 'sumbit'")
                .hasMessageContaining("jobs/submit")
                .hasMessageNotContaining("dapiSECRET");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jbos/list"))
                .hasMessageContaining("Unknown Databricks service 'jbos'")
                .hasMessageContaining("Did you mean: databricks:jobs/list");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs"))
                .hasMessageContaining("databricks:<service>/<operation>");
    }

    @Test
    void tokenIsMaskedInEndpointUri() {
        Endpoint endpoint = context.getEndpoint("databricks:jobs/submit?wait=true&authType=pat&" + CONNECTION
                + "&clientSecret=topSecretValue&password=hunter2hunter2");

        assertThat(endpoint.toString()).doesNotContain("dapiSECRET", "topSecretValue", "hunter2")
                .contains("token=xxxxxx");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain("dapiSECRET", "topSecretValue", "hunter2");
    }

    @Test
    void unknownRequestFieldOptionFailsNamingValidFields() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/getRun?runIdd=42&" + CONNECTION))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown option 'runIdd'")
                .hasMessageContaining("(did you mean run_id?)")
                .hasMessageContaining("run_id (runId: Long)");
    }

    @Test
    void requestFieldOptionOfTheWrongTypeFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/getRun?runId=abc&" + CONNECTION))
                .hasMessageContaining("run_id expects Long")
                .hasMessageContaining("'abc'");
    }

    @Test
    void requestFieldOptionsAcceptSnakeCaseAndMakeDistinctEndpoints() {
        DatabricksEndpoint one = context.getEndpoint("databricks:jobs/getRun?run_id=1&" + CONNECTION,
                DatabricksEndpoint.class);
        DatabricksEndpoint two = context.getEndpoint("databricks:jobs/getRun?runId=2&" + CONNECTION,
                DatabricksEndpoint.class);

        assertThat(one).isNotSameAs(two);
        assertThat(one.requestAssembler().uriFields().get("run_id").asLong()).isEqualTo(1);
        assertThat(two.requestAssembler().uriFields().get("run_id").asLong()).isEqualTo(2);
    }

    @Test
    void waitOnOperationWithoutWaiterFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/getRun?wait=true&" + CONNECTION))
                .hasMessageContaining("wait=true on databricks:jobs/getRun, which has no waiter")
                .hasMessageContaining("submit");
    }

    @Test
    void consumerOnNonListOperationFails() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:jobs/submit?" + CONNECTION).to("mock:never");
            }
        })).hasStackTraceContaining("databricks:jobs/submit cannot be consumed")
                .hasStackTraceContaining("list");
    }

    @Test
    void consumerPollsEvery30SecondsUnlessToldOtherwise() throws Exception {
        DatabricksEndpoint endpoint = context.getEndpoint("databricks:jobs/list?" + CONNECTION,
                DatabricksEndpoint.class);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) endpoint.createConsumer(exchange -> { });
        assertThat(consumer.getDelay()).isEqualTo(DatabricksEndpoint.DEFAULT_CONSUMER_DELAY_MILLIS);
    }

    @Test
    void accountOperationsAreAddressedWithTheAccountPrefix() {
        DatabricksEndpoint endpoint = context.getEndpoint("databricks:account/groups/list?accountId=abc&"
                + "host=https://accounts.cloud.databricks.com&token=dapiSECRET0123456789", DatabricksEndpoint.class);

        assertThat(endpoint.definition().id()).isEqualTo("iam.AccountGroups.list");
        assertThat(endpoint.getService()).isEqualTo("account/groups");
        assertThatThrownBy(() -> context.getEndpoint("databricks:account/grups/list"))
                .hasMessageContaining("account/groups");
    }

    @Test
    void endpointsWithTheSameConnectionShareOneClientWhichTheComponentCloses() throws Exception {
        DatabricksEndpoint submit = context.getEndpoint("databricks:jobs/submit?" + CONNECTION, DatabricksEndpoint.class);
        DatabricksEndpoint list = context.getEndpoint("databricks:jobs/list?" + CONNECTION, DatabricksEndpoint.class);
        DatabricksEndpoint other = context.getEndpoint("databricks:jobs/list?host=https://dbc-1234.cloud.databricks.com"
                + "&token=dapiOTHER0123456789", DatabricksEndpoint.class);
        DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);

        assertThat(submit.client()).isSameAs(list.client()).isNotSameAs(other.client());
        assertThat(component.sharedClientCount()).isEqualTo(2);

        context.stop();
        assertThat(component.sharedClientCount()).isZero();
    }

    @Test
    void aClientBeanIsUsedAndNeverClosed() throws Exception {
        try (ApiClient own = new ApiClient(new DatabricksConfig().setHost("https://dbc-9.cloud.databricks.com")
                .setToken("dapiBEAN0123456789"))) {
            context.getRegistry().bind("myDatabricks", own);
            DatabricksEndpoint endpoint = context.getEndpoint("databricks:jobs/list", DatabricksEndpoint.class);
            DatabricksComponent component = context.getComponent("databricks", DatabricksComponent.class);

            assertThat(endpoint.client()).isSameAs(own);
            assertThat(component.sharedClientCount()).isZero();

            context.stop();
            assertThat(own.scheduler().isShutdown()).isFalse();
        }
    }

    @Test
    void clientKeysHashSecrets() {
        DatabricksConfiguration configuration = new DatabricksConfiguration();
        configuration.setHost("https://dbc-1234.cloud.databricks.com");
        configuration.setToken("dapiSECRET0123456789");
        configuration.setRateLimit(5);

        String key = SharedClients.keyOf(configuration.connectionAttributes());

        assertThat(key).startsWith("host=https://dbc-1234.cloud.databricks.com, token=sha256:")
                .contains("rate_limit=5")
                .doesNotContain("dapiSECRET");
    }
}
