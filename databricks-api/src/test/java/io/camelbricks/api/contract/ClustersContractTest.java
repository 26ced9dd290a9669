package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.InvalidState;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.compute.AutoScale;
import io.camelbricks.api.service.compute.ClusterDetails;
import io.camelbricks.api.service.compute.ClusterEvent;
import io.camelbricks.api.service.compute.ClusterPoliciesGetRequest;
import io.camelbricks.api.service.compute.ClusterPoliciesListRequest;
import io.camelbricks.api.service.compute.ClustersGetRequest;
import io.camelbricks.api.service.compute.ClustersListRequest;
import io.camelbricks.api.service.compute.CreateCluster;
import io.camelbricks.api.service.compute.CreateInstancePool;
import io.camelbricks.api.service.compute.CreatePolicy;
import io.camelbricks.api.service.compute.DeleteCluster;
import io.camelbricks.api.service.compute.DeleteInstancePool;
import io.camelbricks.api.service.compute.DeletePolicy;
import io.camelbricks.api.service.compute.EditCluster;
import io.camelbricks.api.service.compute.EditInstancePool;
import io.camelbricks.api.service.compute.EditPolicy;
import io.camelbricks.api.service.compute.GetEvents;
import io.camelbricks.api.service.compute.GetEventsOrder;
import io.camelbricks.api.service.compute.GetInstancePool;
import io.camelbricks.api.service.compute.InstancePoolsGetRequest;
import io.camelbricks.api.service.compute.ListClustersFilterBy;
import io.camelbricks.api.service.compute.PermanentDeleteCluster;
import io.camelbricks.api.service.compute.Policy;
import io.camelbricks.api.service.compute.ResizeCluster;
import io.camelbricks.api.service.compute.RestartCluster;
import io.camelbricks.api.service.compute.StartCluster;
import io.camelbricks.api.service.compute.State;
import io.camelbricks.api.wait.WaitFailedException;
import io.camelbricks.emulator.clusters.EmulatedClusters;

/** The typed client's compute services against the emulator: cluster waits, events, lists, pools, policies. */
class ClustersContractTest extends EmulatorContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CreateCluster small(String name) {
        return new CreateCluster().setClusterName(name).setSparkVersion("15.4.x-scala2.12").setNodeTypeId("i3.xlarge")
                .setNumWorkers(2L);
    }

    @Test
    void createWaitsForRunningAndDeleteWaitsForTerminated() {
        List<String> seen = new ArrayList<>();
        ClusterDetails running = w.clusters().create(small("contract"))
                .onProgress(c -> seen.add(c.getState().value())).get(WAIT);
        assertThat(running.getState().value()).isEqualTo("RUNNING");
        assertThat(running.getExecutors()).hasSize(2);
        assertThat(running.getClusterSource().value()).isEqualTo("API");
        assertThat(seen).containsExactly("PENDING", "RUNNING");

        ClusterDetails terminated = w.clusters().delete(new DeleteCluster().setClusterId(running.getClusterId()))
                .get(WAIT);
        assertThat(terminated.getState().value()).isEqualTo("TERMINATED");
        assertThat(terminated.getTerminationReason().getCode().value()).isEqualTo("USER_REQUEST");

        ClusterDetails restarted = w.clusters().start(new StartCluster().setClusterId(running.getClusterId())).get(WAIT);
        assertThat(restarted.getState().value()).isEqualTo("RUNNING");
        w.clusters().permanentDelete(new PermanentDeleteCluster().setClusterId(running.getClusterId()));
        assertThatThrownBy(() -> w.clusters().get(new ClustersGetRequest().setClusterId(running.getClusterId())))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void restartResizeAndEditWaitForRunningAgain() {
        String id = EmulatedClusters.SHARED_CLUSTER_ID;
        assertThat(w.clusters().restart(new RestartCluster().setClusterId(id)).get(WAIT).getState().value())
                .isEqualTo("RUNNING");
        ClusterDetails resized = w.clusters().resize(new ResizeCluster().setClusterId(id)
                .setAutoscale(new AutoScale().setMinWorkers(1L).setMaxWorkers(6L))).get(WAIT);
        assertThat(resized.getAutoscale().getMaxWorkers()).isEqualTo(6L);
        ClusterDetails edited = w.clusters().edit(new EditCluster().setClusterId(id).setClusterName("renamed")
                .setSparkVersion("16.4.x-scala2.12").setNodeTypeId("i3.2xlarge").setNumWorkers(1L)).get(WAIT);
        assertThat(edited.getClusterName()).isEqualTo("renamed");
        assertThat(edited.getSparkVersion()).isEqualTo("16.4.x-scala2.12");
        assertThat(edited.getState().value()).isEqualTo("RUNNING");
    }

    @Test
    void aClusterThatFailsToStartFailsTheWait() {
        emu.clusters().failNextStart("No capacity");
        var wait = w.clusters().create(small("unlucky"));
        assertThatThrownBy(() -> wait.get(WAIT)).isInstanceOfSatisfying(WaitFailedException.class, e -> {
            assertThat(e.getState()).isEqualTo("TERMINATED");
            assertThat(e.getMessage()).contains("No capacity");
        });
    }

    @Test
    void startingARunningClusterIsAnInvalidState() {
        assertThatThrownBy(() -> w.clusters().start(new StartCluster().setClusterId(EmulatedClusters.SHARED_CLUSTER_ID)))
                .isInstanceOf(InvalidState.class).hasMessageContaining("unexpected state Running");
    }

    @Test
    void eventsArePagedThroughNextPage() {
        String id = EmulatedClusters.SHARED_CLUSTER_ID;
        for (int i = 0; i < 3; i++) {
            w.clusters().restart(new RestartCluster().setClusterId(id)).get(WAIT);
        }
        List<String> types = new ArrayList<>();
        for (ClusterEvent e : w.clusters().events(new GetEvents().setClusterId(id).setLimit(2L)
                .setOrder(GetEventsOrder.ASC))) {
            types.add(e.getType().value());
        }
        assertThat(types).containsExactly("RESTARTING", "RUNNING", "RESTARTING", "RUNNING", "RESTARTING", "RUNNING");
        assertThat(emu.requests().count("POST", "/clusters/events")).isEqualTo(3);
    }

    @Test
    void listPagesWithPageSizeAndFiltersByState() {
        for (int i = 0; i < 3; i++) {
            w.clusters().createAsync(small("c" + i)).join();
        }
        List<String> all = new ArrayList<>();
        w.clusters().list(new ClustersListRequest().setPageSize(2L)).forEach(c -> all.add(c.getClusterId()));
        assertThat(all).containsExactlyElementsOf(emu.clusters().clusterIds());
        assertThat(emu.requests().count("GET", "/clusters/list")).isEqualTo(3);

        List<ClusterDetails> terminated = w.clusters().list(new ClustersListRequest()
                .setFilterBy(new ListClustersFilterBy().setClusterStates(List.of(State.TERMINATED)))).stream().toList();
        assertThat(terminated).extracting(ClusterDetails::getClusterId).containsExactly(EmulatedClusters.JOBS_CLUSTER_ID);
    }

    @Test
    void sparkVersionsAndNodeTypesAreOffered() {
        assertThat(w.clusters().sparkVersions().getVersions()).extracting(v -> v.getKey()).contains("15.4.x-scala2.12");
        assertThat(w.clusters().listNodeTypes().getNodeTypes()).extracting(n -> n.getNodeTypeId()).contains("i3.xlarge");
    }

    @Test
    void instancePoolsAreCreatedEditedListedAndDeleted() {
        String poolId = w.instancePools().create(new CreateInstancePool().setInstancePoolName("warm")
                .setNodeTypeId("m5d.large").setMinIdleInstances(1L)).getInstancePoolId();
        w.clusters().create(new CreateCluster().setSparkVersion("15.4.x-scala2.12").setInstancePoolId(poolId)
                .setNumWorkers(2L)).get(WAIT);
        GetInstancePool pool = w.instancePools().get(new InstancePoolsGetRequest().setInstancePoolId(poolId));
        assertThat(pool.getState().value()).isEqualTo("ACTIVE");
        assertThat(pool.getStats().getUsedCount()).isEqualTo(3L);
        w.instancePools().edit(new EditInstancePool().setInstancePoolId(poolId).setInstancePoolName("warmer")
                .setNodeTypeId("m5d.large"));
        assertThat(w.instancePools().list().stream().toList()).extracting(p -> p.getInstancePoolName())
                .containsExactly("warmer");
        w.instancePools().delete(new DeleteInstancePool().setInstancePoolId(poolId));
        assertThatThrownBy(() -> w.instancePools().get(new InstancePoolsGetRequest().setInstancePoolId(poolId)))
                .isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void clusterPoliciesAreCreatedEditedListedAndDeleted() {
        String policyId = w.clusterPolicies().create(new CreatePolicy().setName("small")
                .setDefinition("{\"num_workers\":{\"type\":\"range\",\"maxValue\":4}}")).getPolicyId();
        w.clusterPolicies().create(new CreatePolicy().setName("large"));
        w.clusterPolicies().edit(new EditPolicy().setPolicyId(policyId).setName("tiny").setDefinition("{}"));
        Policy policy = w.clusterPolicies().get(new ClusterPoliciesGetRequest().setPolicyId(policyId));
        assertThat(policy.getName()).isEqualTo("tiny");
        assertThat(policy.getDefinition()).isEqualTo("{}");
        assertThat(w.clusterPolicies().list(new ClusterPoliciesListRequest()).stream().toList())
                .extracting(Policy::getName).containsExactlyInAnyOrder("tiny", "large");
        w.clusterPolicies().delete(new DeletePolicy().setPolicyId(policyId));
        assertThatThrownBy(() -> w.clusterPolicies().get(new ClusterPoliciesGetRequest().setPolicyId(policyId)))
                .isInstanceOf(ResourceDoesNotExist.class);
    }
}
