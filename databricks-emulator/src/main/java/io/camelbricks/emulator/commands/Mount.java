package io.camelbricks.emulator.commands;

import java.util.Map;

/** A mount of the emulated DBFS ({@code dbutils.fs.mount}): where, what, and the configuration it was given. */
public record Mount(String mountPoint, String source, String encryptionType, Map<String, String> extraConfigs) {
    public Mount {
        extraConfigs = Map.copyOf(extraConfigs);
    }
}
