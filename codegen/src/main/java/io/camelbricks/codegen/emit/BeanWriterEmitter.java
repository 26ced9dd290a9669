package io.camelbricks.codegen.emit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.naming.JavaNames;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BeanField;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes a bean's nested JSON writer, {@code <Bean>.ToJson} (a {@code BeanWriter}, named by the bean's
 * {@code @JsonSerialize}): one {@code writeField} per field, in the order Jackson's reflective serializer writes them
 * (the superclass's fields, then the class's own, each in declaration order), each through its getter and the writer
 * of its type, then the unknown fields ({@code additionalProperties()}) when the bean keeps them. Writers of field
 * types: scalars the {@code writeField} overloads ({@code ScalarWriter.*} inside lists and maps); open enums
 * {@code ScalarWriter.OPEN_ENUM}; models their own {@code ToJson.INSTANCE}; lists and maps
 * {@code ValueWriter.listOf/mapOf} of their element's writer; free-form values and anything else
 * {@code ScalarWriter.ANY} (the mapper). Streams ({@code @JsonIgnore}) are never written. Field names are
 * pre-encoded {@code SerializedString} constants, as Jackson's own bean serializer keeps them.
 */
final class BeanWriterEmitter extends NestedBindingEmitter {

    /** The nested writer's simple name; {@link ClassNames} keeps it free for this. */
    static final String NESTED = ClassNames.WRITER_CLASS;

    BeanWriterEmitter(JavaSourceFile file, BeanClass bean, ClassNames classNames) {
        super(file, bean, classNames);
    }

    /** The class annotation that makes Jackson use the writer. */
    static String annotation(JavaSourceFile f, String self) {
        return "@" + f.name(JACKSON_DATABIND + ".annotation", "JsonSerialize") + "(using = " + self + "." + NESTED
                + ".class)\n";
    }

    void write() {
        String self = bean.type().simpleName();
        String gen = f.name(JACKSON_CORE, "JsonGenerator");
        String provider = f.name(JACKSON_DATABIND, "SerializerProvider");
        String io = f.name("java.io", "IOException");
        List<BeanField> written = new ArrayList<>();
        for (BeanField field : bean.allFields()) {
            if (!field.jsonIgnore()) {
                written.add(field);
            }
        }
        List<String> constants = constants(written);

        out.append("    /** Writes a {@code ").append(self)
                .append("} as JSON without reflection (see {@code BeanWriter}). */\n")
                .append("    public static final class ").append(NESTED).append(" extends ")
                .append(f.name(BINDING, "BeanWriter")).append('<').append(self).append("> {\n");
        if (!written.isEmpty()) {
            String serialized = f.name(JACKSON_CORE + ".io", "SerializedString");
            for (int i = 0; i < written.size(); i++) {
                out.append("        private static final ").append(serialized).append(' ').append(constants.get(i))
                        .append(" = new ").append(serialized).append('(')
                        .append(JavaStrings.literal(written.get(i).wireName())).append(");\n");
            }
            out.append('\n');
        }
        out.append("        /** The writer of fields of this type. */\n")
                .append("        public static final ").append(NESTED).append(" INSTANCE = new ").append(NESTED)
                .append("();\n\n")
                .append("        public ").append(NESTED).append("() {\n")
                .append("            super(").append(self).append(".class);\n        }\n\n")
                .append("        @Override\n        protected void writeFields(").append(self).append(" bean, ")
                .append(gen).append(" gen, ").append(provider).append(" provider) throws ").append(io).append(" {\n");
        for (int i = 0; i < written.size(); i++) {
            BeanField field = written.get(i);
            String value = "bean." + field.getter() + "()";
            if (isScalar(field.type())) {
                out.append("            writeField(gen, ").append(constants.get(i)).append(", ").append(value)
                        .append(");\n");
            } else {
                out.append("            writeField(gen, provider, ").append(constants.get(i)).append(", ")
                        .append(value).append(", ").append(writer(field.type())).append(");\n");
            }
        }
        if (bean.keepUnknown()) {
            out.append("            writeUnknown(gen, provider, bean.additionalProperties());\n");
        }
        out.append("        }\n    }\n");
    }

    /** {@code F_<UPPER_SNAKE>} per field, unique in the class. */
    private static List<String> constants(List<BeanField> fields) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (BeanField field : fields) {
            String base = "F_" + JavaNames.upperSnake(field.camel()).replaceFirst("^_", "");
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean isScalar(JavaType type) {
        return type.equals(JavaType.STRING) || type.equals(JavaType.LONG) || type.equals(JavaType.INTEGER)
                || type.equals(JavaType.DOUBLE) || type.equals(JavaType.BOOLEAN);
    }

    /** An expression of the {@code ValueWriter} of {@code type}. */
    private String writer(JavaType type) {
        if (isScalar(type)) {
            return f.name(BINDING, "ScalarWriter") + "." + JavaNames.upperSnake(type.simpleName());
        }
        if (type.isList()) {
            return f.name(BINDING, "ValueWriter") + ".listOf(" + writer(type.typeArgs().get(0)) + ")";
        }
        if (type.packageName().equals("java.util") && type.simpleName().equals("Map")
                && type.typeArgs().size() == 2 && type.typeArgs().get(0).equals(JavaType.STRING)) {
            return f.name(BINDING, "ValueWriter") + ".mapOf(" + writer(type.typeArgs().get(1)) + ")";
        }
        if (classNames.isOpenEnum(type)) {
            return f.name(BINDING, "ScalarWriter") + ".OPEN_ENUM";
        }
        if (classNames.isGenerated(type)) {
            return f.ref(type) + "." + NESTED + ".INSTANCE";
        }
        return f.name(BINDING, "ScalarWriter") + ".ANY"; // Object, and anything unusual: the mapper's serializer
    }
}
