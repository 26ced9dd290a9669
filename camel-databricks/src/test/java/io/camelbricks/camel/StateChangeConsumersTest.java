package io.camelbricks.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State-change consumers of clusters and warehouses ({@code emit=changes} on {@code clusters/list} and
 * {@code warehouses/list}): each observed state of each item once per time the item enters it (a warehouse stopped
 * and started again is RUNNING again), over polls the test makes itself. Emulated transitional states (PENDING,
 * TERMINATING, STARTING, STOPPING) last one look.
 */
class StateChangeConsumersTest extends EmulatorTestSupport {
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fresh() {
        emulator().reset();
        received.clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("databricks:clusters/list?emit=changes&startScheduler=false&" + connection())
                        .routeId("clusters").process(received::add);
                from("databricks:warehouses/list?emit=changes&startScheduler=false&" + connection())
                        .routeId("warehouses").process(received::add);
            }
        };
    }

    @Test
    void eachObservedStateOfEachClusterComesOnceAndAgainWhenItComesBack() throws Exception {
        String clusterId = emulator().clusters().addCluster("etl", "PENDING");

        poll("clusters");
        poll("clusters");
        template.requestBody("databricks:clusters/delete?clusterId=" + clusterId + "&" + connection(), (Object) null);
        for (int i = 0; i < 4; i++) {
            poll("clusters");
        }
        template.requestBody("databricks:clusters/start?clusterId=" + clusterId + "&" + connection(), (Object) null);
        for (int i = 0; i < 3; i++) {
            poll("clusters");
        }

        assertThat(states("cluster_id=" + clusterId)).containsExactly("PENDING", "RUNNING", "TERMINATING",
                "TERMINATED", "PENDING", "RUNNING");
        Exchange terminated = events("cluster_id=" + clusterId).get(3);
        assertThat(terminated.getMessage().getHeaders())
                .containsEntry(DatabricksConstants.CLUSTER_ID, clusterId)
                .containsEntry(DatabricksConstants.PREVIOUS_STATE, "TERMINATING")
                .containsEntry(DatabricksConstants.OPERATION, "clusters/list");
    }

    @Test
    void eachObservedStateOfEachWarehouseComesOnceAndAgainWhenItComesBack() throws Exception {
        String warehouseId = emulator().sql().createWarehouse("reporting");

        poll("warehouses");
        template.requestBody("databricks:warehouses/stop?id=" + warehouseId + "&" + connection(), (Object) null);
        poll("warehouses");
        poll("warehouses");
        template.requestBody("databricks:warehouses/start?id=" + warehouseId + "&" + connection(), (Object) null);
        for (int i = 0; i < 3; i++) {
            poll("warehouses");
        }

        assertThat(states("id=" + warehouseId)).containsExactly("RUNNING", "STOPPING", "STOPPED", "STARTING",
                "RUNNING");
        assertThat(events("id=" + warehouseId).get(3).getMessage().getHeader(DatabricksConstants.PREVIOUS_STATE))
                .isEqualTo("STOPPED");
    }

    private int poll(String routeId) throws Exception {
        return ((DatabricksConsumer) context.getRoute(routeId).getConsumer()).poll();
    }

    private List<Exchange> events(String itemKey) {
        return received.stream()
                .filter(e -> itemKey.equals(e.getMessage().getHeader(DatabricksConstants.ITEM_KEY))).toList();
    }

    private List<String> states(String itemKey) {
        return events(itemKey).stream()
                .map(e -> e.getMessage().getHeader(DatabricksConstants.OBSERVED_STATE, String.class)).toList();
    }
}
