package io.camelbricks.camel;

import java.util.Locale;

/** What a consumer emits: each listed item once, or each observed change of an item's state. */
enum ConsumerMode {
    ITEMS, CHANGES;

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConsumerMode parse(String text) {
        return OptionValues.parse(ConsumerMode.class, "emit", text, ITEMS);
    }
}
