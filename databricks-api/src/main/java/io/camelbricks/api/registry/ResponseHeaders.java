package io.camelbricks.api.registry;

/** Read access to the headers of an HTTP response, by case-insensitive name. */
@FunctionalInterface
public interface ResponseHeaders {
    /** The first value of the header, or {@code null} when absent. */
    String first(String name);

    /** The header as a {@code Long}, or {@code null} when absent or not a number. */
    default Long longValue(String name) {
        String v = first(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
