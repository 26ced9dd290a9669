package io.camelbricks.api.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.emulator.DatabricksEmulatorTest;

/**
 * {@code w.clusters().selectSparkVersion(...)} and {@code selectNodeType(...)} against the emulator's catalogs
 * (clusters/spark-versions, clusters/list-node-types), one criterion at a time.
 */
@DatabricksEmulatorTest
class ClusterSelectorsEmulatorTest {

    private static String version(WorkspaceClient w, SparkVersionSelector selector) {
        return w.clusters().selectSparkVersion(selector);
    }

    private static String node(WorkspaceClient w, NodeTypeSelector selector) {
        return w.clusters().selectNodeType(selector);
    }

    @Test
    void byDefaultTheLatestPlainScala212RuntimeIsChosenNeverALightOne(WorkspaceClient w) {
        assertThat(version(w, new SparkVersionSelector())).isEqualTo("16.4.x-scala2.12");
    }

    @Test
    void longTermSupportSkipsNewerRuntimesThatAreNotLts(WorkspaceClient w) {
        assertThat(version(w, new SparkVersionSelector().scala("2.13"))).isEqualTo("17.4.x-scala2.13");
        assertThat(version(w, new SparkVersionSelector().scala("2.13").longTermSupport(true)))
                .isEqualTo("17.3.x-scala2.13");
    }

    @Test
    void extendedSupportRuntimesCountAsLongTermSupport(WorkspaceClient w) {
        assertThat(version(w, new SparkVersionSelector().scala("2.11").longTermSupport(true)))
                .isEqualTo("6.4.x-esr-scala2.11");
    }

    @Test
    void mlGpuPhotonGravitonGenomicsAndBetaRuntimesAreChosenOnlyWhenAskedFor(WorkspaceClient w) {
        assertThat(version(w, new SparkVersionSelector().ml(true))).isEqualTo("16.4.x-cpu-ml-scala2.12");
        assertThat(version(w, new SparkVersionSelector().ml(true).gpu(true))).isEqualTo("16.4.x-gpu-ml-scala2.12");
        assertThat(version(w, new SparkVersionSelector().photon(true))).isEqualTo("16.4.x-photon-scala2.12");
        assertThat(version(w, new SparkVersionSelector().graviton(true))).isEqualTo("16.4.x-aarch64-scala2.12");
        assertThat(version(w, new SparkVersionSelector().graviton(true).photon(true)))
                .isEqualTo("16.4.x-aarch64-photon-scala2.12");
        assertThat(version(w, new SparkVersionSelector().genomics(true))).isEqualTo("7.3.x-hls-scala2.12");
        assertThat(version(w, new SparkVersionSelector().scala("2.13").beta(true))).isEqualTo("18.0.x-scala2.13");
    }

    @Test
    void theApacheSparkVersionNarrowsTheChoice(WorkspaceClient w) {
        assertThat(version(w, new SparkVersionSelector().sparkVersion("3.5.0"))).isEqualTo("15.4.x-scala2.12");
        assertThat(version(w, new SparkVersionSelector().sparkVersion("3.4.1").latest(false)))
                .isEqualTo("13.3.x-scala2.12");
    }

    @Test
    void severalMatchingVersionsWithoutLatestAreAnErrorListingThem(WorkspaceClient w) {
        assertThatThrownBy(() -> version(w, new SparkVersionSelector().longTermSupport(true).latest(false)))
                .isInstanceOf(DatabricksException.class)
                .hasMessageStartingWith("5 spark versions match exactly one, LTS, scala 2.12")
                .hasMessageContaining("latest=false asks for exactly one: 16.4.x-scala2.12, 15.4.x-scala2.12");
    }

    @Test
    void noMatchingVersionIsAnErrorNamingTheCriteriaAndWhatIsAvailable(WorkspaceClient w) {
        assertThatThrownBy(() -> version(w, new SparkVersionSelector().longTermSupport(true).genomics(true)
                .photon(true))).isInstanceOf(DatabricksException.class)
                .hasMessageStartingWith("no spark version matches: latest, LTS, scala 2.12, ml=false, genomics=true, "
                        + "gpu=false, photon=true, graviton=false, beta=false; available: 18.0.x-scala2.13, ")
                .hasMessageContaining("7.3.x-hls-scala2.12");
    }

    @Test
    void theSmallestNodeTypeIsChosenSkippingDeprecatedHiddenAndUnavailableOnes(WorkspaceClient w) {
        // c5d.large (hidden) and m4.large (deprecated) are smaller or as small; i4i.large is not in the region
        assertThat(node(w, new NodeTypeSelector())).isEqualTo("m5d.large");
        assertThat(node(w, new NodeTypeSelector().localDisk(false))).isEqualTo("n2-standard-4");
        assertThat(node(w, new NodeTypeSelector().minMemoryGb(16).gbPerCore(8))).isEqualTo("n2-highmem-4");
    }

    @Test
    void memoryCoresAndCategoryCriteriaApply(WorkspaceClient w) {
        assertThat(node(w, new NodeTypeSelector().minMemoryGb(16))).isEqualTo("n2-standard-4");
        assertThat(node(w, new NodeTypeSelector().gbPerCore(8))).isEqualTo("n2-highmem-4");
        assertThat(node(w, new NodeTypeSelector().minCores(8).category("memory optimized")))
                .isEqualTo("Standard_E8ds_v4");
    }

    @Test
    void gpuCriteriaRequireOrExcludeGpus(WorkspaceClient w) {
        assertThat(node(w, new NodeTypeSelector().minGpus(1))).isEqualTo("g4dn.xlarge");
        assertThat(node(w, new NodeTypeSelector().minGpus(2))).isEqualTo("g4dn.12xlarge");
        // g4dn.xlarge has the smallest local disk among 16 GB nodes, but minGpus(0) excludes GPUs
        assertThat(node(w, new NodeTypeSelector().minMemoryGb(16).localDisk(true))).isEqualTo("g4dn.xlarge");
        assertThat(node(w, new NodeTypeSelector().minMemoryGb(16).localDisk(true).minGpus(0)))
                .isEqualTo("Standard_D4ds_v5");
    }

    @Test
    void localDiskSizeCountsSsdAndNvmeDisks(WorkspaceClient w) {
        assertThat(node(w, new NodeTypeSelector().localDiskMinSizeGb(900))).isEqualTo("i3.xlarge");
        assertThat(node(w, new NodeTypeSelector().localDiskMinSizeGb(900).minMemoryGb(32))).isEqualTo("i4i.xlarge");
    }

    @Test
    void photonGravitonPortForwardingIoCacheAndFleetCriteriaApply(WorkspaceClient w) {
        assertThat(node(w, new NodeTypeSelector().photonWorkerCapable(true))).isEqualTo("m6gd.large");
        assertThat(node(w, new NodeTypeSelector().photonDriverCapable(true).graviton(false))).isEqualTo("c5d.xlarge");
        assertThat(node(w, new NodeTypeSelector().graviton(true))).isEqualTo("m6gd.large");
        assertThat(node(w, new NodeTypeSelector().supportPortForwarding(false))).isEqualTo("n2-standard-4");
        assertThat(node(w, new NodeTypeSelector().ioCacheEnabled(false))).isEqualTo("n2-standard-4");
        assertThat(node(w, new NodeTypeSelector().fleet("md-fleet"))).isEqualTo("md-fleet.xlarge");
    }

    @Test
    void noMatchingNodeTypeIsAnErrorNamingTheCriteria(WorkspaceClient w) {
        assertThatThrownBy(() -> node(w, new NodeTypeSelector().minGpus(8).category("GPU Accelerated")))
                .isInstanceOf(DatabricksException.class)
                .hasMessageStartingWith("no node type matches: min GPUs 8, category GPU Accelerated; available "
                        + "(smallest first, without deprecated, hidden and unavailable ones): m5d.large, m6gd.large, ")
                .hasMessageNotContaining("m4.large").hasMessageNotContaining("c5d.large,")
                .hasMessageNotContaining("i4i.large");
    }

    @Test
    void theAsyncSelectorsAnswerTheSame(WorkspaceClient w) {
        assertThat(w.clusters().selectSparkVersionAsync(new SparkVersionSelector().photon(true)).join())
                .isEqualTo("16.4.x-photon-scala2.12");
        assertThat(w.clusters().selectNodeTypeAsync(new NodeTypeSelector().minGpus(1)).join())
                .isEqualTo("g4dn.xlarge");
    }
}
