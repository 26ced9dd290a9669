package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BeanField;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes a bean's nested JSON reader, {@code <Bean>.FromJson} (a {@code BeanReader}, named by the bean's
 * {@code @JsonDeserialize}): a {@code switch} on the wire name per field that calls the field's setter with the
 * reader of its type, so Jackson introspects nothing and loads a field's class only when the field is present.
 * Readers of field types: scalars and free-form values {@code ScalarReader.*}; models and open enums their own
 * {@code FromJson.INSTANCE}; lists and maps {@code ValueReader.listOf/mapOf} of their element's reader. Streams never
 * travel as JSON and are skipped.
 */
final class BeanReaderEmitter extends NestedBindingEmitter {

    /** The nested reader's simple name; {@link ClassNames} keeps it free for this. */
    static final String NESTED = ClassNames.READER_CLASS;

    BeanReaderEmitter(JavaSourceFile file, BeanClass bean, ClassNames classNames) {
        super(file, bean, classNames);
    }

    /** The class annotation that makes Jackson use the reader. */
    static String annotation(JavaSourceFile f, String self) {
        return "@" + f.name(JACKSON_DATABIND + ".annotation", "JsonDeserialize") + "(using = " + self + "." + NESTED
                + ".class)\n";
    }

    /**
     * Opens the nested reader class of {@code self}: its Javadoc, {@code extends base<self>}, the {@code INSTANCE} the
     * readers of other classes use and the constructor; the caller writes the methods and closes it.
     */
    static void openReaderClass(JavaSourceFile f, String self, String base, String javadoc) {
        f.body().append("    /** ").append(javadoc).append(" */\n")
                .append("    public static final class ").append(NESTED).append(" extends ")
                .append(f.name(BINDING, base)).append('<').append(self).append("> {\n")
                .append("        /** The reader of fields of this type. */\n")
                .append("        public static final ").append(NESTED).append(" INSTANCE = new ").append(NESTED).append("();\n\n")
                .append("        public ").append(NESTED).append("() {\n")
                .append("            super(").append(self).append(".class);\n        }\n\n");
    }

    void write() {
        String self = bean.type().simpleName();
        String parser = f.name(JACKSON_CORE, "JsonParser");
        String ctxt = f.name(JACKSON_DATABIND, "DeserializationContext");
        String io = f.name("java.io", "IOException");
        openReaderClass(f, self, "BeanReader",
                "Reads a {@code " + self + "} from JSON without reflection (see {@code BeanReader}).");
        out.append("        @Override\n        protected ").append(self).append(" newBean() {\n")
                .append("            return new ").append(self).append("();\n        }\n\n")
                .append("        @Override\n        protected boolean readField(").append(self).append(" bean, String name, ")
                .append(parser).append(" p, ").append(ctxt).append(" ctxt) throws ").append(io).append(" {\n");
        if (bean.allFields().isEmpty()) {
            out.append("            return false;\n");
        } else {
            out.append("            switch (name) {\n");
            for (BeanField field : bean.allFields()) {
                out.append("                case ").append(JavaStrings.literal(field.wireName())).append(":\n");
                if (field.jsonIgnore()) {
                    out.append("                    p.skipChildren();\n");
                } else {
                    out.append("                    bean.").append(field.setter()).append('(').append(reader(field.type()))
                            .append(".read(p, ctxt));\n");
                }
                out.append("                    return true;\n");
            }
            out.append("                default:\n                    return false;\n            }\n");
        }
        out.append("        }\n");
        if (bean.keepUnknown()) {
            out.append("\n        @Override\n        protected void readUnknown(").append(self).append(" bean, String name, ")
                    .append(parser).append(" p, ").append(ctxt).append(" ctxt) throws ").append(io).append(" {\n")
                    .append("            bean.putAdditionalProperty(name, ").append(f.name(BINDING, "ScalarReader"))
                    .append(".ANY.read(p, ctxt));\n        }\n");
        }
        out.append("    }\n");
    }

    /** An expression of the {@code ValueReader} of {@code type}. */
    private String reader(JavaType type) {
        if (type.typeArgs().isEmpty() && type.packageName().equals("java.lang")) {
            return f.name(BINDING, "ScalarReader") + "." + scalar(type);
        }
        if (type.isList()) {
            return f.name(BINDING, "ValueReader") + ".listOf(" + reader(type.typeArgs().get(0)) + ")";
        }
        if (type.packageName().equals("java.util") && type.simpleName().equals("Map")) {
            return f.name(BINDING, "ValueReader") + ".mapOf(" + reader(type.typeArgs().get(1)) + ")";
        }
        if (!classNames.isGenerated(type)) {
            throw new IllegalStateException(bean.type().fqn() + ": no JSON reader for " + type);
        }
        return f.ref(type) + "." + NESTED + ".INSTANCE";
    }

    private static String scalar(JavaType type) {
        switch (type.simpleName()) {
            case "String":
                return "STRING";
            case "Long":
                return "LONG";
            case "Integer":
                return "INTEGER";
            case "Double":
                return "DOUBLE";
            case "Boolean":
                return "BOOLEAN";
            case "Object":
                return "ANY";
            default:
                throw new IllegalStateException("no JSON reader for " + type);
        }
    }
}
