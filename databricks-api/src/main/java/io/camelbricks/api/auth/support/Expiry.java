package io.camelbricks.api.auth.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Optional;

/**
 * Expiry times printed by CLIs: RFC 3339 with an offset ({@code 2024-03-20T10:30:00.123456789Z}, the Databricks
 * CLI), or a local date-time with a space or a {@code T} and optional fractions ({@code 2024-03-20 10:30:00.123456},
 * the Azure CLI's {@code expiresOn}), which is read in the time zone the tool ran in: {@code TZ} of the resolved
 * environment, else the system's.
 */
public final class Expiry {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private Expiry() {
    }

    /** The instant, or empty when the text has none of the known forms. */
    public static Optional<Instant> parse(String text, Map<String, String> env) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not RFC 3339 with an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(t, LOCAL).atZone(zone(env)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(Map<String, String> env) {
        String tz = env.get("TZ");
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (RuntimeException e) {
                // a POSIX TZ rule Java does not read: fall back to the system zone
            }
        }
        return ZoneId.systemDefault();
    }
}
