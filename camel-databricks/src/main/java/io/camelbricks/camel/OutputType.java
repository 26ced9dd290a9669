package io.camelbricks.camel;

import java.util.Locale;

/**
 * The form of a response body: the client's typed object, a {@code Map} of its JSON, or JSON text; for the result
 * of a SQL statement also its rows, as a lazy {@code Iterator} or a {@code List} of {@code Map}s.
 */
enum OutputType {
    TYPED, MAP, JSON, ROWS, LIST;

    /** Whether this form holds a SQL statement's result rows rather than the response. */
    boolean isRows() {
        return this == ROWS || this == LIST;
    }

    /** The option value ({@code typed}, {@code map}, {@code json}). */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutputType parse(String text) {
        return OptionValues.parse(OutputType.class, "outputType", text, TYPED);
    }
}
