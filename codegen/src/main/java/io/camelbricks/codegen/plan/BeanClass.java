package io.camelbricks.codegen.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.types.JavaType;

/**
 * A generated bean: a model, a request class or a binary response holder.
 *
 * @param type        the class
 * @param superclass  the class it extends (a request extending its body schema), or null
 * @param inherited   the fields of the superclass (accessed through its accessors)
 * @param fields      the fields declared here
 * @param keepUnknown whether unknown JSON fields are kept ({@code @JsonAnySetter}) and re-serialised
 * @param doc         one-line description for the class Javadoc
 */
public record BeanClass(JavaType type, JavaType superclass, List<BeanField> inherited, List<BeanField> fields,
                        boolean keepUnknown, String doc) {

    /** Methods every bean has; a property accessor must not take one of these names. */
    private static final List<String> OWN_METHODS = List.of("getClass", "additionalProperties",
            "putAdditionalProperty", "equals", "hashCode", "toString");

    public BeanClass {
        inherited = List.copyOf(inherited);
        fields = List.copyOf(fields);
        Map<String, String> wire = new HashMap<>();
        Map<String, String> accessors = new HashMap<>();
        for (BeanField f : allFields(inherited, fields)) {
            String w = wire.put(f.wireName(), f.wireName());
            String a = accessors.put(f.getter(), f.wireName());
            if (w != null || a != null || OWN_METHODS.contains(f.getter())) {
                throw new SpecException(type.fqn() + ": field " + f.wireName() + " clashes with "
                        + (w != null ? "a field of the same wire name" : a != null ? "field " + a : f.getter() + "()"));
            }
        }
    }

    private static List<BeanField> allFields(List<BeanField> inherited, List<BeanField> fields) {
        List<BeanField> all = new ArrayList<>(inherited);
        all.addAll(fields);
        return all;
    }

    /** Inherited fields, then own fields. */
    public List<BeanField> allFields() {
        return allFields(inherited, fields);
    }

    /** The field with this wire name, inherited or own, or null. */
    public BeanField field(String wireName) {
        for (BeanField f : allFields()) {
            if (f.wireName().equals(wireName)) {
                return f;
            }
        }
        return null;
    }
}
