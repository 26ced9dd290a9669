package io.camelbricks.api.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.CloudProviderNodeStatus;
import io.camelbricks.api.service.compute.NodeInstanceType;
import io.camelbricks.api.service.compute.NodeType;

/**
 * What {@link ClustersExt#selectNodeType} looks for: the smallest node type (fewest cores, then least memory, local
 * disk and GPUs, then by id) that meets every criterion set. A criterion left unset does not filter; a boolean one
 * set to true requires the property and set to false excludes it (the Python SDK ignores false).
 *
 * <pre>{@code
 * String nodeType = w.clusters().selectNodeType(new NodeTypeSelector().minMemoryGb(16).localDisk(true));
 * }</pre>
 *
 * Deprecated and hidden node types, and those the cloud reports {@code NotAvailableInRegion} or
 * {@code NotEnabledOnSubscription}, are never chosen (the Python SDK sorts deprecated ones last instead).
 * Memory is counted in whole GB ({@code memory_mb / 1024}, rounded down), as the SDKs do; {@code minGpus(0)} excludes
 * GPU node types.
 */
public final class NodeTypeSelector {
    private Long minMemoryGb;
    private Long gbPerCore;
    private Long minCores;
    private Long minGpus;
    private Boolean localDisk;
    private Long localDiskMinSizeGb;
    private String category;
    private Boolean photonWorkerCapable;
    private Boolean photonDriverCapable;
    private Boolean graviton;
    private Boolean ioCacheEnabled;
    private Boolean supportPortForwarding;
    private String fleet;

    /** At least this much memory, in whole GB. */
    public NodeTypeSelector minMemoryGb(long gb) { this.minMemoryGb = gb; return this; }

    /** At least this many GB of memory per core. */
    public NodeTypeSelector gbPerCore(long gb) { this.gbPerCore = gb; return this; }

    public NodeTypeSelector minCores(long cores) { this.minCores = cores; return this; }

    /** At least this many GPUs; 0 means none. */
    public NodeTypeSelector minGpus(long gpus) { this.minGpus = gpus; return this; }

    /** With (true) or without (false) local disks (SSD or NVMe). */
    public NodeTypeSelector localDisk(boolean localDisk) { this.localDisk = localDisk; return this; }

    /** Local disks (SSD plus NVMe) of at least this many GB together; implies {@code localDisk(true)}. */
    public NodeTypeSelector localDiskMinSizeGb(long gb) { this.localDiskMinSizeGb = gb; return this; }

    /** The category, ignoring case, e.g. {@code Memory Optimized}. */
    public NodeTypeSelector category(String category) { this.category = category; return this; }

    public NodeTypeSelector photonWorkerCapable(boolean capable) { this.photonWorkerCapable = capable; return this; }

    public NodeTypeSelector photonDriverCapable(boolean capable) { this.photonDriverCapable = capable; return this; }

    /** Graviton (ARM) node types. */
    public NodeTypeSelector graviton(boolean graviton) { this.graviton = graviton; return this; }

    /** Node types with the disk (IO) cache. */
    public NodeTypeSelector ioCacheEnabled(boolean enabled) { this.ioCacheEnabled = enabled; return this; }

    public NodeTypeSelector supportPortForwarding(boolean support) { this.supportPortForwarding = support; return this; }

    /** Node type ids containing this text, e.g. {@code md-fleet} (AWS fleet instance types). */
    public NodeTypeSelector fleet(String fleet) { this.fleet = fleet; return this; }

    /**
     * The id of the smallest matching node type among {@code nodeTypes}.
     *
     * @throws DatabricksException when none matches; the message names the criteria and the node types on offer
     */
    public String select(List<NodeType> nodeTypes) {
        List<NodeType> candidates = new ArrayList<>();
        for (NodeType n : nodeTypes == null ? List.<NodeType>of() : nodeTypes) {
            if (!isTrue(n.getIsDeprecated()) && !isTrue(n.getIsHidden()) && !unavailable(n)) {
                candidates.add(n);
            }
        }
        candidates.sort(SMALLEST_FIRST);
        for (NodeType n : candidates) {
            if (matches(n)) {
                return n.getNodeTypeId();
            }
        }
        StringJoiner offered = new StringJoiner(", ");
        candidates.forEach(n -> offered.add(n.getNodeTypeId()));
        throw new DatabricksException("no node type matches: " + this + "; available (smallest first, without "
                + "deprecated, hidden and unavailable ones): " + offered);
    }

    private boolean matches(NodeType n) {
        long gb = number(n.getMemoryMb()) / 1024;
        double cores = n.getNumCores() == null ? 0 : n.getNumCores();
        long gpus = number(n.getNumGpus());
        if (fleet != null && (n.getNodeTypeId() == null || !n.getNodeTypeId().contains(fleet))) {
            return false;
        }
        if (minMemoryGb != null && gb < minMemoryGb) {
            return false;
        }
        if (gbPerCore != null && (cores <= 0 || Math.floor(gb / cores) < gbPerCore)) {
            return false;
        }
        if (minCores != null && cores < minCores) {
            return false;
        }
        if (minGpus != null && (gpus < minGpus || minGpus == 0 && gpus > 0)) {
            return false;
        }
        long disks = localDisks(n);
        if ((localDiskMinSizeGb != null || Boolean.TRUE.equals(localDisk)) && disks == 0) {
            return false;
        }
        if (Boolean.FALSE.equals(localDisk) && disks > 0) {
            return false;
        }
        if (localDiskMinSizeGb != null && localDiskSizeGb(n) < localDiskMinSizeGb) {
            return false;
        }
        if (category != null && (n.getCategory() == null || !n.getCategory().equalsIgnoreCase(category))) {
            return false;
        }
        return wanted(ioCacheEnabled, n.getIsIoCacheEnabled())
                && wanted(supportPortForwarding, n.getSupportPortForwarding())
                && wanted(photonDriverCapable, n.getPhotonDriverCapable())
                && wanted(photonWorkerCapable, n.getPhotonWorkerCapable())
                && wanted(graviton, n.getIsGraviton());
    }

    private static boolean wanted(Boolean criterion, Boolean actual) {
        return criterion == null || criterion == isTrue(actual);
    }

    private static boolean unavailable(NodeType n) {
        if (n.getNodeInfo() == null || n.getNodeInfo().getStatus() == null) {
            return false;
        }
        return n.getNodeInfo().getStatus().stream().anyMatch(s -> CloudProviderNodeStatus.NOT_AVAILABLE_IN_REGION
                .equals(s) || CloudProviderNodeStatus.NOT_ENABLED_ON_SUBSCRIPTION.equals(s));
    }

    private static long localDisks(NodeType n) {
        NodeInstanceType i = n.getNodeInstanceType();
        return i == null ? 0 : number(i.getLocalDisks()) + number(i.getLocalNvmeDisks());
    }

    private static long localDiskSizeGb(NodeType n) {
        NodeInstanceType i = n.getNodeInstanceType();
        return i == null ? 0 : number(i.getLocalDiskSizeGb()) + number(i.getLocalNvmeDiskSizeGb());
    }

    private static final Comparator<NodeType> SMALLEST_FIRST = Comparator
            .comparingDouble((NodeType n) -> n.getNumCores() == null ? 0 : n.getNumCores())
            .thenComparingLong(n -> number(n.getMemoryMb()))
            .thenComparingLong(n -> n.getNodeInstanceType() == null ? 0 : number(n.getNodeInstanceType().getLocalDisks()))
            .thenComparingLong(n -> n.getNodeInstanceType() == null ? 0
                    : number(n.getNodeInstanceType().getLocalDiskSizeGb()))
            .thenComparingLong(n -> n.getNodeInstanceType() == null ? 0
                    : number(n.getNodeInstanceType().getLocalNvmeDisks()))
            .thenComparingLong(n -> n.getNodeInstanceType() == null ? 0
                    : number(n.getNodeInstanceType().getLocalNvmeDiskSizeGb()))
            .thenComparingLong(n -> number(n.getNumGpus()))
            .thenComparing(n -> n.getInstanceTypeId() == null ? "" : n.getInstanceTypeId());

    private static long number(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** The criteria set, e.g. {@code min memory 16 GB, local disk}; {@code any} when none is. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ");
        add(s, "min memory %s GB", minMemoryGb);
        add(s, "%s GB per core", gbPerCore);
        add(s, "min cores %s", minCores);
        add(s, "min GPUs %s", minGpus);
        add(s, "local disk=%s", localDisk);
        add(s, "local disks >= %s GB", localDiskMinSizeGb);
        add(s, "category %s", category);
        add(s, "photon worker capable=%s", photonWorkerCapable);
        add(s, "photon driver capable=%s", photonDriverCapable);
        add(s, "graviton=%s", graviton);
        add(s, "io cache=%s", ioCacheEnabled);
        add(s, "port forwarding=%s", supportPortForwarding);
        add(s, "fleet %s", fleet);
        return s.length() == 0 ? "any" : s.toString();
    }

    private static void add(StringJoiner s, String format, Object value) {
        if (value != null) {
            s.add(String.format(format, value));
        }
    }
}
