package io.camelbricks.api.dbutils;

/** One DBFS mount, as {@code dbutils.fs.mounts()} lists it. */
public record MountInfo(String mountPoint, String source, String encryptionType) {
}
