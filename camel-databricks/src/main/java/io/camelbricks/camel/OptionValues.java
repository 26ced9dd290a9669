package io.camelbricks.camel;

import java.util.Arrays;
import java.util.Locale;

/** Parses the value of an option that takes one of a few words, with an error listing the words. */
final class OptionValues {
    private OptionValues() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + text + "' of option " + option + ": expected one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
