package io.camelbricks.emulator.clusters;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The runtime versions ({@code clusters/spark-versions}) and node types ({@code clusters/list-node-types}) on offer. */
final class ClusterCatalog {

    private static final Pattern VERSION_KEY =
            Pattern.compile("^\\d+\\.\\d+\\.x-(photon-|cpu-ml-|gpu-ml-|aarch64-|aarch64-photon-)?scala2\\.1[23]$");

    private static final String[][] VERSIONS = {
        {"17.3.x-scala2.13", "17.3 LTS (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"17.3.x-photon-scala2.13", "17.3 LTS Photon (includes Apache Spark 4.0.0, Scala 2.13)"},
        {"16.4.x-scala2.12", "16.4 LTS (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-photon-scala2.12", "16.4 LTS Photon (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"16.4.x-cpu-ml-scala2.12", "16.4 LTS ML (includes Apache Spark 3.5.2, Scala 2.12)"},
        {"15.4.x-scala2.12", "15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-photon-scala2.12", "15.4 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-cpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"15.4.x-gpu-ml-scala2.12", "15.4 LTS ML (includes Apache Spark 3.5.0, GPU, Scala 2.12)"},
        {"14.3.x-scala2.12", "14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"14.3.x-photon-scala2.12", "14.3 LTS Photon (includes Apache Spark 3.5.0, Scala 2.12)"},
        {"13.3.x-scala2.12", "13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"},
        {"12.2.x-scala2.12", "12.2 LTS (includes Apache Spark 3.3.2, Scala 2.12)"},
    };

    /** node type id, category, cores, memory MB, GPUs, local disk GB, cloud. */
    private static final Object[][] NODE_TYPES = {
        {"m5d.large", "General Purpose", 2, 8192, 0, 75, "aws"},
        {"m5d.xlarge", "General Purpose", 4, 16384, 0, 150, "aws"},
        {"i3.xlarge", "Storage Optimized", 4, 31232, 0, 950, "aws"},
        {"i3.2xlarge", "Storage Optimized", 8, 62464, 0, 1900, "aws"},
        {"r5d.xlarge", "Memory Optimized", 4, 32768, 0, 150, "aws"},
        {"c5d.xlarge", "Compute Optimized", 4, 8192, 0, 100, "aws"},
        {"g4dn.xlarge", "GPU Accelerated", 4, 16384, 1, 125, "aws"},
        {"Standard_DS3_v2", "General Purpose", 4, 14336, 0, 28, "azure"},
        {"Standard_DS4_v2", "General Purpose", 8, 28672, 0, 56, "azure"},
        {"Standard_D4ds_v5", "General Purpose", 4, 16384, 0, 150, "azure"},
        {"Standard_E8ds_v4", "Memory Optimized", 8, 65536, 0, 300, "azure"},
        {"Standard_NC6s_v3", "GPU Accelerated", 6, 114688, 1, 736, "azure"},
        {"n2-standard-4", "General Purpose", 4, 16384, 0, 0, "gcp"},
        {"n2-highmem-4", "Memory Optimized", 4, 32768, 0, 0, "gcp"},
    };

    private static final Map<String, ObjectNode> NODES = new LinkedHashMap<>();

    static {
        int order = 0;
        for (Object[] n : NODE_TYPES) {
            String id = (String) n[0];
            ObjectNode node = Json.object();
            node.put("node_type_id", id);
            node.put("instance_type_id", id);
            node.put("category", (String) n[1]);
            node.put("num_cores", ((Integer) n[2]).doubleValue());
            node.put("memory_mb", (Integer) n[3]);
            node.put("num_gpus", (Integer) n[4]);
            node.put("description", id);
            node.put("is_deprecated", false);
            node.put("is_hidden", false);
            node.put("is_graviton", false);
            node.put("is_io_cache_enabled", (Integer) n[5] > 0);
            node.put("is_encrypted_in_transit", false);
            node.put("photon_driver_capable", (Integer) n[4] == 0);
            node.put("photon_worker_capable", (Integer) n[4] == 0);
            node.put("support_cluster_tags", true);
            node.put("support_ebs_volumes", "aws".equals(n[6]));
            node.put("support_port_forwarding", true);
            node.put("display_order", order++);
            ObjectNode instance = node.putObject("node_instance_type");
            instance.put("instance_type_id", id);
            if ((Integer) n[5] > 0) {
                instance.put("local_disks", 1);
                instance.put("local_disk_size_gb", (Integer) n[5]);
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
