package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The runtime versions ({@code clusters/spark-versions}) and node types ({@code clusters/list-node-types}) on offer:
 * varied enough for the SDKs' {@code select_spark_version} and {@code select_node_type} to have something to choose
 * from and something to skip (deprecated, hidden and region-unavailable node types).
 */
final class ClusterCatalog {

    private static final Pattern VERSION_KEY =
            Pattern.compile("^\\d+\\.\\d+\\.x-(photon-|cpu-ml-|gpu-ml-|aarch64-|aarch64-photon-)?scala2\\.1[23]$");

    /**
     * Keys and names as a workspace lists them: LTS and non-LTS, Photon, ML (CPU and GPU), Graviton (aarch64), a Beta,
     * Genomics (hls), Extended Support (esr), Scala 2.11/2.12/2.13 and a light "apache-spark" runtime.
     */
    private static final String[][] VERSIONS = {
        {"18.0.x-scala2.13", "18.0 Beta (includes Apache Spark 4.1.0, Scala 2.13)"},
        {"17.4.x-scala2.13", "17.4 (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-scala2.13", "17.3 LTS (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-photon-scala2.13", "17.3 LTS Photon (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-cpu-ml-scala2.13", "17.3 LTS ML (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-gpu-ml-scala2.13", "17.3 LTS ML (includes Apache Spark 4.0.0, GPU, Scala 2.13)"},
        {"17.2.x-scala2.13", "17.2 (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"16.4.x-scala2.12", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-photon-scala2.12", "16.4 LTS Photon (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-cpu-ml-scala2.12", "16.4 LTS ML (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-gpu-ml-scala2.12", "16.4 LTS ML (includes Apache Spark 3.5.2, GPU, Scala 2.12)"},
        {"16.4.x-aarch64-scala2.12", "16.4 LTS aarch64 (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-aarch64-photon-scala2.12", "16.4 LTS aarch64 Photon (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.3.x-scala2.12", "16.3 (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.3.x-photon-scala2.12", "16.3 Photon (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.2.x-scala2.12", "16.2 (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"15.4.x-scala2.12", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-photon-scala2.12", "15.4 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-cpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-gpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)"},
        {"14.3.x-scala2.12", "14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"14.3.x-photon-scala2.12", "14.3 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"13.3.x-scala2.12", "13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"},
        {"12.2.x-scala2.12", "12.2 LTS (includes Apache Spark 3.3.2, Scala 2.12)"},
        {"7.3.x-hls-scala2.12", "7.3 LTS Genomics (includes Apache Spark 3.0.1, Scala 2.12)"},
        {"6.4.x-esr-scala2.11", "6.4 Extended Support (includes Apache Spark 2.4.5, Scala 2.11)"},
        {"apache-spark-3.5.x-scala2.12", "Light 3.5 (includes Apache Spark 3.5, Scala 2.12)"},
    };

    /**
     * node type id, category, cores, memory MB, GPUs, local disk GB, local NVMe disk GB, cloud, flags: {@code
     * deprecated}, {@code hidden}, {@code graviton}, {@code unavailable} (NotAvailableInRegion), {@code nophoton}.
     * GPU types are never Photon-capable; GCP types do not support port forwarding.
     */
    private static final Object[][] NODE_TYPES = {
        {"m5d.large", "General Purpose", 2, 8192, 0, 75, 0, "aws", "nophoton"},
        {"m5d.xlarge", "General Purpose", 4, 16384, 0, 150, 0, "aws", ""},
        {"i3.xlarge", "Storage Optimized", 4, 31232, 0, 950, 0, "aws", ""},
        {"i3.2xlarge", "Storage Optimized", 8, 62464, 0, 1900, 0, "aws", ""},
        {"r5d.xlarge", "Memory Optimized", 4, 32768, 0, 150, 0, "aws", ""},
        {"c5d.xlarge", "Compute Optimized", 4, 8192, 0, 100, 0, "aws", ""},
        {"g4dn.xlarge", "GPU Accelerated", 4, 16384, 1, 125, 0, "aws", ""},
        {"g4dn.12xlarge", "GPU Accelerated", 48, 196608, 4, 900, 0, "aws", ""},
        {"m4.large", "General Purpose", 2, 8192, 0, 0, 0, "aws", "deprecated"},
        {"c5d.large", "Compute Optimized", 2, 4096, 0, 50, 0, "aws", "hidden"},
        {"m6gd.large", "General Purpose", 2, 8192, 0, 118, 0, "aws", "graviton"},
        {"m6gd.xlarge", "General Purpose", 4, 16384, 0, 237, 0, "aws", "graviton"},
        {"i4i.large", "Storage Optimized", 2, 16384, 0, 0, 468, "aws", "unavailable"},
        {"i4i.xlarge", "Storage Optimized", 4, 32768, 0, 0, 937, "aws", ""},
        {"md-fleet.xlarge", "General Purpose", 4, 16384, 0, 150, 0, "aws", ""},
        {"rd-fleet.xlarge", "Memory Optimized", 4, 32768, 0, 150, 0, "aws", ""},
        {"Standard_DS3_v2", "General Purpose", 4, 14336, 0, 28, 0, "azure", ""},
        {"Standard_DS4_v2", "General Purpose", 8, 28672, 0, 56, 0, "azure", ""},
        {"Standard_D4ds_v5", "General Purpose", 4, 16384, 0, 150, 0, "azure", ""},
        {"Standard_E8ds_v4", "Memory Optimized", 8, 65536, 0, 300, 0, "azure", ""},
        {"Standard_NC6s_v3", "GPU Accelerated", 6, 114688, 1, 736, 0, "azure", ""},
        {"n2-standard-4", "General Purpose", 4, 16384, 0, 0, 0, "gcp", ""},
        {"n2-highmem-4", "Memory Optimized", 4, 32768, 0, 0, 0, "gcp", ""},
    };

    private static final Map<String, ObjectNode> NODES = new LinkedHashMap<>();

    static {
        int order = 0;
        for (Object[] n : NODE_TYPES) {
            String id = (String) n[0];
            int gpus = (Integer) n[4];
            int disk = (Integer) n[5];
            int nvme = (Integer) n[6];
            String cloud = (String) n[7];
            java.util.List<String> flags = java.util.List.of(((String) n[8]).split(","));
            boolean photon = gpus == 0 && !flags.contains("nophoton");
            ObjectNode node = Json.object();
            node.put("node_type_id", id);
            node.put("instance_type_id", id);
            node.put("category", (String) n[1]);
            node.put("num_cores", ((Integer) n[2]).doubleValue());
            node.put("memory_mb", (Integer) n[3]);
            node.put("num_gpus", gpus);
            node.put("description", id);
            node.put("is_deprecated", flags.contains("deprecated"));
            node.put("is_hidden", flags.contains("hidden"));
            node.put("is_graviton", flags.contains("graviton"));
            node.put("is_io_cache_enabled", disk > 0 || nvme > 0);
            node.put("is_encrypted_in_transit", false);
            node.put("photon_driver_capable", photon);
            node.put("photon_worker_capable", photon);
            node.put("support_cluster_tags", true);
            node.put("support_ebs_volumes", "aws".equals(cloud));
            node.put("support_port_forwarding", !"gcp".equals(cloud));
            node.put("display_order", order++);
            ObjectNode instance = node.putObject("node_instance_type");
            instance.put("instance_type_id", id);
            if (disk > 0) {
                instance.put("local_disks", 1);
                instance.put("local_disk_size_gb", disk);
            }
            if (nvme > 0) {
                instance.put("local_nvme_disks", 1);
                instance.put("local_nvme_disk_size_gb", nvme);
            }
            if (flags.contains("unavailable")) {
                node.putObject("node_info").putArray("status").add("NotAvailableInRegion");
            }
            NODES.put(id, node);
        }
    }

    private ClusterCatalog() {
    }

    static ObjectNode sparkVersions() {
        ObjectNode json = Json.object();
        ArrayNode versions = json.putArray("versions");
        for (String[] v : VERSIONS) {
            versions.addObject().put("key", v[0]).put("name", v[1]);
        }
        return json;
    }

    static boolean isSparkVersion(String key) {
        for (String[] v : VERSIONS) {
            if (v[0].equals(key)) {
                return true;
            }
        }
        return VERSION_KEY.matcher(key).matches();
    }

    static ObjectNode nodeTypes() {
        ObjectNode json = Json.object();
        ArrayNode nodes = json.putArray("node_types");
        NODES.values().forEach(n -> nodes.add(n.deepCopy()));
        return json;
    }

    static Optional<ObjectNode> nodeType(String id) {
        ObjectNode n = NODES.get(id);
        return n == null ? Optional.empty() : Optional.of(n);
    }
}
