package io.camelbricks.api.dbutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelbricks.api.DatabricksException;

/**
 * {@code dbutils.fs} calls that run on the cluster: DBFS mounts. Each returns what dbutils returns ({@code true});
 * a refusal (e.g. {@code Directory already mounted}) is a {@link CommandFailedException}.
 */
public final class RemoteFs {
    private final RemoteDbUtils remote;

    RemoteFs(RemoteDbUtils remote) {
        this.remote = remote;
    }

    /** {@code dbutils.fs.mounts()}. */
    public List<MountInfo> mounts() {
        JsonNode list = remote.call(DbUtilsCall.of("fs.mounts"));
        if (!list.isArray()) {
            throw new DatabricksException("dbutils.fs.mounts answered " + list.getNodeType() + ", not a list");
        }
        List<MountInfo> mounts = new ArrayList<>();
        for (JsonNode m : list) {
            // a MountInfo is a namedtuple, which json.dumps writes as [mountPoint, source, encryptionType]
            mounts.add(m.isArray()
                    ? new MountInfo(m.path(0).asText(), m.path(1).asText(), m.path(2).asText(""))
                    : new MountInfo(m.path("mountPoint").asText(), m.path("source").asText(),
                            m.path("encryptionType").asText("")));
        }
        return mounts;
    }

    /** {@code dbutils.fs.mount(source, mount_point)}. */
    public boolean mount(String source, String mountPoint) {
        return mount(source, mountPoint, null, null);
    }

    /** {@code dbutils.fs.mount(source, mount_point, extra_configs=...)}. */
    public boolean mount(String source, String mountPoint, Map<String, String> extraConfigs) {
        return mount(source, mountPoint, null, extraConfigs);
    }

    /** {@code dbutils.fs.mount(source, mount_point, encryption_type=..., extra_configs=...)}; nulls are left out. */
    public boolean mount(String source, String mountPoint, String encryptionType, Map<String, String> extraConfigs) {
        return mountCall("fs.mount", source, mountPoint, encryptionType, extraConfigs);
    }

    /** {@code dbutils.fs.updateMount(source, mount_point, extra_configs=...)}: the mount point must be mounted. */
    public boolean updateMount(String source, String mountPoint, Map<String, String> extraConfigs) {
        return updateMount(source, mountPoint, null, extraConfigs);
    }

    public boolean updateMount(String source, String mountPoint, String encryptionType,
                               Map<String, String> extraConfigs) {
        return mountCall("fs.updateMount", source, mountPoint, encryptionType, extraConfigs);
    }

    /** {@code dbutils.fs.unmount(mount_point)}. */
    public boolean unmount(String mountPoint) {
        return remote.call(DbUtilsCall.of("fs.unmount", mountPoint)).asBoolean();
    }

    /** {@code dbutils.fs.refreshMounts()}: the cluster's executors re-read the mount table. */
    public boolean refreshMounts() {
        return remote.call(DbUtilsCall.of("fs.refreshMounts")).asBoolean();
    }

    private boolean mountCall(String function, String source, String mountPoint, String encryptionType,
                              Map<String, String> extraConfigs) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("encryption_type", encryptionType);
        kwargs.put("extra_configs", extraConfigs);
        return remote.call(new DbUtilsCall(function, List.of(source, mountPoint), kwargs)).asBoolean();
    }
}
