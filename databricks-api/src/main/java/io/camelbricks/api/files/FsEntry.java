package io.camelbricks.api.files;

/**
 * One entry of {@link Fs#ls}: {@code path} in the scheme it was asked with ({@code /Volumes/...}, {@code dbfs:/...},
 * {@code file:/...}), {@code size} in bytes (0 for directories), {@code modificationTime} in epoch ms (0 when unknown).
 */
public record FsEntry(String path, String name, boolean isDir, long size, long modificationTime) {
}
