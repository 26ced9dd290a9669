package io.camelbricks.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .databrickscfg} file: INI sections ({@code [profile]}) of {@code key = value} lines. Comments start with
 * {@code ;} or {@code #}; a value wrapped in double quotes is unquoted; keys are case-sensitive like the other SDKs'.
 * The {@code [__settings__]} section holds file-wide settings such as {@code default_profile}.
 */
public final class ConfigFile {
    /** Section holding file-wide settings rather than a profile. */
    public static final String SETTINGS_SECTION = "__settings__";

    private final Path path;
    private final Map<String, Map<String, String>> sections;

    private ConfigFile(Path path, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.sections = sections;
    }

    /** Reads and parses the file. */
    public static ConfigFile read(Path path) throws IOException {
        return parse(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** A file that does not exist reads as empty. */
    public static ConfigFile empty(Path path) {
        return new ConfigFile(path, Map.of());
    }

    static ConfigFile parse(Path path, String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        int lineNo = 0;
        for (String raw : text.split("\\r?\\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = separatorIndex(line);
            if (eq <= 0) {
                throw new IllegalArgumentException(path + ":" + lineNo
                        + ": expected '[profile]' or 'key = value', got a line without '='");
            }
            if (current == null) {
                // keys before any section belong to DEFAULT, like configparser's default section
                current = sections.computeIfAbsent("DEFAULT", k -> new LinkedHashMap<>());
            }
            current.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return new ConfigFile(path, sections);
    }

    private static int separatorIndex(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    public Path path() {
        return path;
    }

    /** The keys of a profile, or empty when the file has no such section. */
    public Optional<Map<String, String>> profile(String name) {
        Map<String, String> section = sections.get(name);
        return section == null ? Optional.empty() : Optional.of(Collections.unmodifiableMap(section));
    }

    /** {@code [__settings__] default_profile}, when present and non-empty. */
    public Optional<String> defaultProfileSetting() {
        Map<String, String> settings = sections.get(SETTINGS_SECTION);
        String value = settings == null ? null : settings.get("default_profile");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
