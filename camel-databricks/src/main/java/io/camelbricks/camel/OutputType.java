package io.camelbricks.camel;

import java.util.Locale;

/** The form of a response body: the client's typed object, a {@code Map} of its JSON, or JSON text. */
enum OutputType {
    TYPED, MAP, JSON;

    /** The option value ({@code typed}, {@code map}, {@code json}). */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutputType parse(String text) {
        return OptionValues.parse(OutputType.class, "outputType", text, TYPED);
    }
}
