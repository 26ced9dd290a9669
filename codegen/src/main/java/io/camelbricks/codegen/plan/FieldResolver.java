package io.camelbricks.codegen.plan;

import java.util.Locale;

/**
 * Finds the field a spec extension names. The extensions use the SDK's snake_case names ({@code start_index},
 * {@code resources}) while some wire names are camelCase or capitalised ({@code startIndex}, {@code Resources}), so
 * an exact wire-name match wins and otherwise the one field whose name is equal ignoring case, {@code _} and
 * {@code -} is taken.
 */
final class FieldResolver {

    private FieldResolver() {
    }

    /** The field, or null when there is none or the loose match is ambiguous. */
    static BeanField resolve(BeanClass bean, String specName) {
        if (bean == null || specName == null) {
            return null;
        }
        BeanField exact = bean.field(specName);
        if (exact != null) {
            return exact;
        }
        BeanField found = null;
        String wanted = normalise(specName);
        for (BeanField f : bean.allFields()) {
            if (normalise(f.wireName()).equals(wanted)) {
                if (found != null) {
                    return null;
                }
                found = f;
            }
        }
        return found;
    }

    static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
