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

    @Test
    void anOptionOfChoicesRejectsOtherValuesNamingTheChoices() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/getRun?outputType=xml&" + CONNECTION))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid value 'xml' of option outputType: expected one of typed, map, json");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/submit?wait=true&onWaitTimeout=abort&"
                + CONNECTION)).hasMessageContaining("expected one of fail, cancel, continue");
        assertThatThrownBy(() -> context.getEndpoint("databricks:jobs/list?emit=events&" + CONNECTION))
                .hasMessageContaining("expected one of items, changes");
    }

    @Test
    void cancelOnWaitTimeoutWhereNothingCancelsFailsAtCreationNamingWhatCan() {
        assertThatThrownBy(() -> context.getEndpoint("databricks:genie/createMessage?wait=true&onWaitTimeout=cancel&"
                + CONNECTION))
                .hasMessageContaining("onWaitTimeout=cancel on databricks:genie/createMessage")
                .hasMessageContaining("jobs/submit").hasMessageContaining("clusters/create");
        DatabricksEndpoint submit = context.getEndpoint("databricks:jobs/submit?wait=true&onWaitTimeout=cancel&"
                + CONNECTION, DatabricksEndpoint.class);
        assertThat(OperationLookup.pathOf(submit.cancellation().operation())).isEqualTo("jobs/cancelRun");
    }

    @Test
    void everyWaitCancellationExistsAndTakesThePollsFields() {
        for (var pair : WaitCancellation.CANCEL_BY_POLL.entrySet()) {
            var poll = io.camelbricks.api.OperationRegistry.byId(pair.getKey());
            var cancel = io.camelbricks.api.OperationRegistry.byId(pair.getValue());
            assertThat(poll).as(pair.getKey()).isPresent();
            assertThat(cancel).as(pair.getValue()).isPresent();
            RequestFields cancelFields = RequestFields.of(cancel.get().requestType(),
                    io.camelbricks.api.wire.JsonMapper.create());
            for (var op : io.camelbricks.api.OperationRegistry.all()) {
                if (op.hasWaiter() && op.waitSpec().pollOperationId().equals(pair.getKey())) {
                    for (String field : op.waitSpec().pollFields()) {
                        assertThat(cancelFields.find(field)).as("%s takes %s of %s", pair.getValue(), field, op.id())
                                .isPresent();
                    }
                }
            }
        }
    }

    @Test
    void waitTimeoutHasNoHiddenCeilingAndPollIntervalBacksOffUpToMaxPollInterval() {
        DatabricksEndpoint unlimited = context.getEndpoint("databricks:jobs/submit?wait=true&" + CONNECTION,
                DatabricksEndpoint.class);
        DatabricksEndpoint twoHours = context.getEndpoint("databricks:jobs/submit?wait=true&waitTimeout=2h&"
                + CONNECTION, DatabricksEndpoint.class);
        DatabricksEndpoint backoff = context.getEndpoint("databricks:jobs/submit?wait=true&pollInterval=100"
                + "&maxPollInterval=1s&" + CONNECTION, DatabricksEndpoint.class);
        DatabricksEndpoint fixed = context.getEndpoint("databricks:jobs/submit?wait=true&pollInterval=250&"
                + CONNECTION, DatabricksEndpoint.class);

        assertThat(unlimited.effectiveWaitTimeout()).isEqualTo(DatabricksEndpoint.NO_WAIT_TIMEOUT)
                .isGreaterThan(java.time.Duration.ofDays(365));
        assertThat(twoHours.effectiveWaitTimeout()).isEqualTo(java.time.Duration.ofHours(2));
        var policy = backoff.waitPolicy(backoff.client());
        assertThat(policy.delayBefore(1).toMillis()).isEqualTo(100);
        assertThat(policy.delayBefore(5).toMillis()).isEqualTo(500);
        assertThat(policy.delayBefore(50).toMillis()).isEqualTo(1000);
        assertThat(fixed.waitPolicy(fixed.client()).delayBefore(9).toMillis()).isEqualTo(250);
        assertThat(unlimited.waitPolicy(unlimited.client())).isEqualTo(unlimited.client().waitPolicy());
    }

    @Test
    void pollIntervalZeroPollsWithoutPause() {
        DatabricksEndpoint zero = context.getEndpoint("databricks:jobs/submit?wait=true&pollInterval=0&"
                + CONNECTION, DatabricksEndpoint.class);
        var policy = zero.waitPolicy(zero.client());
        assertThat(policy.delayBefore(1)).isZero();
        assertThat(policy.delayBefore(20)).isZero();
    }

    @Test
    void consumersPlanFromTheRegistryItemsChangesOrFollowingOneEntity() throws Exception {
        assertThat(plan("databricks:jobs/list?" + CONNECTION).kind()).isEqualTo(ConsumerPlan.Kind.ITEMS);
        ConsumerPlan runs = plan("databricks:jobs/listRuns?emit=changes&" + CONNECTION);
        assertThat(runs.kind()).isEqualTo(ConsumerPlan.Kind.RUN_EVENTS);
        assertThat(runs.statePath()).isEqualTo("state.life_cycle_state");
        ConsumerPlan clusters = plan("databricks:clusters/list?emit=changes&" + CONNECTION);
        assertThat(clusters.kind()).isEqualTo(ConsumerPlan.Kind.CHANGES);
        assertThat(clusters.statePath()).isEqualTo("state");
        ConsumerPlan warehouses = plan("databricks:warehouses/list?emit=changes&" + CONNECTION);
        assertThat(warehouses.kind()).isEqualTo(ConsumerPlan.Kind.CHANGES);
        assertThat(warehouses.statePath()).isEqualTo("state");
        assertThat(plan("databricks:jobs/list?emit=changes&stateField=settings.name&" + CONNECTION).statePath())
                .isEqualTo("settings.name");
        ConsumerPlan follow = plan("databricks:jobs/getRun?runId=1&" + CONNECTION);
        assertThat(follow.kind()).isEqualTo(ConsumerPlan.Kind.FOLLOW);
        assertThat(follow.statePath()).isEqualTo("state.life_cycle_state");
        assertThat(follow.terminalStates()).containsExactlyInAnyOrder("TERMINATED", "SKIPPED", "INTERNAL_ERROR");
        assertThat(plan("databricks:clusters/get?clusterId=c&terminalStates=TERMINATED,ERROR&" + CONNECTION)
                .terminalStates()).containsExactlyInAnyOrder("TERMINATED", "ERROR");
    }

    @Test
    void changesOfItemsWithoutAStateFieldNeedStateField() {
        assertThatThrownBy(() -> plan("databricks:jobs/list?emit=changes&" + CONNECTION))
                .hasMessageContaining("emit=changes on databricks:jobs/list: set stateField")
                .hasMessageContaining("BaseJob");
    }

    @Test
    void runEventsRefuseActivityFiltersThatHideTransitionsAndAnUnreadableStartFrom() {
        assertThatThrownBy(() -> plan("databricks:jobs/listRuns?emit=changes&activeOnly=true&" + CONNECTION))
                .hasMessageContaining("remove the option active_only");
        assertThatThrownBy(() -> plan("databricks:jobs/listRuns?emit=changes&completedOnly=true&" + CONNECTION))
                .hasMessageContaining("remove the option completed_only");
        assertThatThrownBy(() -> plan("databricks:jobs/listRuns?emit=changes&startFrom=yesterday&" + CONNECTION))
                .hasMessageContaining("startFrom must be now, earliest, an ISO-8601 instant");
        assertThat(RunEventCursor.initial("2026-11-01T00:00:00Z", () -> 0L)).isEqualTo(1_793_491_200_000L);
        assertThat(RunEventCursor.initial("earliest", () -> 5L)).isZero();
        assertThat(RunEventCursor.initial("now", () -> 5L)).isEqualTo(5L);
    }

    @Test
    void runEventCursorsAreKeyedByTheListingFiltersNotByPagingOrConnection() throws Exception {
        DatabricksEndpoint endpoint = context.getEndpoint("databricks:jobs/listRuns?emit=changes&jobId=42&limit=25"
                + "&runType=JOB_RUN&delay=5000&" + CONNECTION, DatabricksEndpoint.class);
        assertThat(RunEventCursor.keyFor(endpoint.getPath(), endpoint.requestAssembler().uriFields()))
                .isEqualTo("databricks:jobs/listRuns?job_id=42&run_type=JOB_RUN");
        assertThat(RunEventCursor.keyFor("jobs/listRuns", java.util.Map.of())).isEqualTo("databricks:jobs/listRuns");
    }

    @Test
    void connectionOptionsReachTheClientAndSizeItsThreadPool() {
        DatabricksEndpoint endpoint = context.getEndpoint("databricks:jobs/list?rateLimit=7&httpTimeoutSeconds=5"
                + "&retryTimeoutSeconds=9&maxConnectionsPerPool=3&debugTruncateBytes=50&debugHeaders=true"
                + "&scopes=all-apis,sql&azureEnvironment=PUBLIC&" + CONNECTION, DatabricksEndpoint.class);
        var config = endpoint.client().config();

        assertThat(config.getRateLimit()).isEqualTo(7);
        assertThat(config.getHttpTimeoutSeconds()).isEqualTo(5);
        assertThat(config.getRetryTimeoutSeconds()).isEqualTo(9);
        assertThat(config.getMaxConnectionsPerPool()).isEqualTo(3);
        assertThat(config.getDebugTruncateBytes()).isEqualTo(50);
        assertThat(config.isDebugHeaders()).isTrue();
        assertThat(config.getScopes()).containsExactly("all-apis", "sql");
        var pool = (java.util.concurrent.ThreadPoolExecutor) endpoint.getComponent()
                .blockingExecutor(endpoint.client());
        assertThat(pool.getMaximumPoolSize()).as("one I/O thread per pooled connection").isEqualTo(3);
    }

    @Test
    void aCredentialsProviderBeanAuthenticatesAndSeparatesClients() {
        io.camelbricks.api.auth.CredentialsProvider vault = new io.camelbricks.api.auth.CredentialsProvider() {
            @Override
            public String authType() {
                return "vault";
            }

            @Override
            public java.util.Optional<io.camelbricks.api.auth.HeaderFactory> configure(
                    io.camelbricks.api.DatabricksConfig config) {
                return java.util.Optional.of(() -> java.util.Map.of("Authorization", "Bearer from-vault"));
            }
        };
        context.getRegistry().bind("vault", vault);
        DatabricksEndpoint withProvider = context.getEndpoint("databricks:jobs/list?credentialsProvider=#vault"
                + "&host=https://dbc-1234.cloud.databricks.com", DatabricksEndpoint.class);
        DatabricksEndpoint autowired = context.getEndpoint("databricks:jobs/get?"
                + "host=https://dbc-1234.cloud.databricks.com", DatabricksEndpoint.class);

        assertThat(withProvider.client().config().getAuthType()).isEqualTo("vault");
        assertThat(autowired.client()).as("the single CredentialsProvider bean is autowired").isSameAs(withProvider.client());
    }

    private ConsumerPlan plan(String uri) throws Exception {
        DatabricksEndpoint endpoint = context.getEndpoint(uri, DatabricksEndpoint.class);
        return ((DatabricksConsumer) endpoint.createConsumer(exchange -> { })).plan();
    }
}
