package io.camelbricks.api.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Appends one page's list to the list accumulated so far (either may be null). */
final class ListMerge {
    private ListMerge() {
    }

    static <T> void append(List<T> current, List<T> more, Consumer<List<T>> setter) {
        if (more == null || more.isEmpty()) {
            return;
        }
        List<T> merged = new ArrayList<>(current == null ? List.of() : current);
        merged.addAll(more);
        setter.accept(merged);
    }
}
