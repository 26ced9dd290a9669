package io.camelbricks.codegen.plan;

import io.camelbricks.codegen.naming.JavaNames;
import io.camelbricks.codegen.types.JavaType;

/**
 * One field of a generated bean.
 *
 * @param wireName   the JSON name (or header / parameter name)
 * @param camel      the logical lowerCamel name (bean property, Camel option)
 * @param fieldName  the Java field name (keyword-escaped {@code camel})
 * @param type       its Java type
 * @param sensitive  whether {@code toString()} masks it
 * @param jsonIgnore whether it never travels as JSON (streams)
 */
public record BeanField(String wireName, String camel, String fieldName, JavaType type, boolean sensitive,
                        boolean jsonIgnore) {

    public static BeanField of(String wireName, JavaType type) {
        return of(wireName, type, SensitiveFieldRule.isSensitive(wireName));
    }

    /** A field of the model of schema {@code schemaName}: also masked where that schema holds a secret in it. */
    public static BeanField ofSchema(String schemaName, String wireName, JavaType type) {
        return of(wireName, type, SensitiveFieldRule.isSensitive(schemaName, wireName));
    }

    private static BeanField of(String wireName, JavaType type, boolean sensitive) {
        String camel = JavaNames.camel(wireName);
        return new BeanField(wireName, camel, JavaNames.fieldName(camel), type, sensitive,
                type.equals(JavaType.INPUT_STREAM));
    }

    public String getter() {
        return "get" + JavaNames.capitalize(camel);
    }

    public String setter() {
        return "set" + JavaNames.capitalize(camel);
    }

    /** Whether the field name differs from the bean property name, so accessors need their own annotation. */
    public boolean escaped() {
        return !fieldName.equals(camel);
    }
}
