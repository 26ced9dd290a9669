package io.camelbricks.codegen.emit;

import java.util.List;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BeanField;

/**
 * Writes the class body of a {@link BeanClass}: {@code @JsonProperty} fields, getters, fluent setters, the
 * unknown-field map ({@code @JsonAnySetter}/{@code @JsonAnyGetter}), {@code equals}/{@code hashCode} over every
 * field (unknown ones included) and a {@code toString} that prints non-null fields and masks sensitive ones.
 * A bean extending another one overrides the inherited setters so that chained calls keep the subclass type.
 * Every bean ends with its JSON reader ({@link BeanReaderEmitter}) and writer ({@link BeanWriterEmitter}).
 */
public final class BeanEmitter {

    static final String JACKSON = "com.fasterxml.jackson.annotation";
    static final String GENERATED = "io.camelbricks.api.generated";
    private static final String UNKNOWN = "additionalProperties";

    private final JavaSourceFile f;
    private final BeanClass bean;
    private final ClassNames classNames;
    private final String self;
    private final StringBuilder out;

    private BeanEmitter(JavaSourceFile file, BeanClass bean, ClassNames classNames) {
        this.f = file;
        this.bean = bean;
        this.classNames = classNames;
        this.self = bean.type().simpleName();
        this.out = file.body();
    }

    /** Writes the whole class (Javadoc, annotations, declaration and members) for {@code bean}. */
    public static void emit(JavaSourceFile file, BeanClass bean, ClassNames classNames, String classJavadoc) {
        new BeanEmitter(file, bean, classNames).write(classJavadoc);
    }

    private void write(String classJavadoc) {
        String jsonInclude = f.name(JACKSON, "JsonInclude");
        out.append("/**\n * ").append(classJavadoc).append("\n */\n");
        out.append('@').append(jsonInclude).append('(').append(jsonInclude).append(".Include.NON_NULL)\n");
        out.append(BeanReaderEmitter.annotation(f, self));
        out.append(BeanWriterEmitter.annotation(f, self));
        out.append("public class ").append(self);
        if (bean.superclass() != null) {
            out.append(" extends ").append(f.ref(bean.superclass()));
        }
        out.append(" {\n");

        boolean ownsUnknown = bean.keepUnknown() && bean.superclass() == null;
        for (BeanField field : bean.fields()) {
            out.append("    ").append(fieldAnnotation(field)).append('\n');
            out.append("    private ").append(f.ref(field.type())).append(' ').append(field.fieldName()).append(";\n\n");
        }
        if (ownsUnknown) {
            out.append("    private ").append(f.name("java.util", "Map")).append("<String, Object> ").append(UNKNOWN)
                    .append(";\n\n");
        }

        for (BeanField field : bean.fields()) {
            accessors(field);
        }
        for (BeanField field : bean.inherited()) {
            overridingSetter(field);
        }
        if (bean.keepUnknown()) {
            unknownAccessors(ownsUnknown);
        }
        if (bean.superclass() == null || !bean.fields().isEmpty()) {
            equalsAndHashCode(); // a subclass without own fields inherits them unchanged
        }
        toStringMethod();
        out.append('\n');
        new BeanReaderEmitter(f, bean, classNames).write();
        out.append('\n');
        new BeanWriterEmitter(f, bean, classNames).write();
        out.append("}\n");
    }

    private String fieldAnnotation(BeanField field) {
        if (field.jsonIgnore()) {
            return "@" + f.name(JACKSON, "JsonIgnore");
        }
        return jsonProperty(field);
    }

    private String jsonProperty(BeanField field) {
        return "@" + f.name(JACKSON, "JsonProperty") + "(\"" + JavaStrings.escape(field.wireName()) + "\")";
    }

    /** Accessors of an escaped field ({@code package_}) carry the wire name too, so Jackson links them. */
    private void accessorAnnotation(BeanField field) {
        if (field.escaped() && !field.jsonIgnore()) {
            out.append("    ").append(jsonProperty(field)).append('\n');
        }
    }

    private void accessors(BeanField field) {
        String type = f.ref(field.type());
        accessorAnnotation(field);
        out.append("    public ").append(type).append(' ').append(field.getter()).append("() {\n")
                .append("        return ").append(field.fieldName()).append(";\n    }\n\n");
        accessorAnnotation(field);
        out.append("    public ").append(self).append(' ').append(field.setter()).append('(').append(type)
                .append(' ').append(field.fieldName()).append(") {\n")
                .append("        this.").append(field.fieldName()).append(" = ").append(field.fieldName()).append(";\n")
                .append("        return this;\n    }\n\n");
    }

    private void overridingSetter(BeanField field) {
        out.append("    @Override\n");
        accessorAnnotation(field);
        out.append("    public ").append(self).append(' ').append(field.setter()).append('(')
                .append(f.ref(field.type())).append(' ').append(field.fieldName()).append(") {\n")
                .append("        super.").append(field.setter()).append('(').append(field.fieldName()).append(");\n")
                .append("        return this;\n    }\n\n");
    }

    private void unknownAccessors(boolean owns) {
        String map = f.name("java.util", "Map");
        if (owns) {
            String collections = f.name("java.util", "Collections");
            out.append("    /** Fields this version does not know: kept as received and serialised back. */\n")
                    .append("    @").append(f.name(JACKSON, "JsonAnyGetter")).append('\n')
                    .append("    public ").append(map).append("<String, Object> additionalProperties() {\n")
                    .append("        return ").append(UNKNOWN).append(" == null ? ").append(collections)
                    .append(".emptyMap() : ").append(collections).append(".unmodifiableMap(").append(UNKNOWN)
                    .append(");\n    }\n\n");
            out.append("    /** Sets a field this version does not declare (or one the server added later). */\n")
                    .append("    @").append(f.name(JACKSON, "JsonAnySetter")).append('\n')
                    .append("    public ").append(self).append(" putAdditionalProperty(String name, Object value) {\n")
                    .append("        if (").append(UNKNOWN).append(" == null) {\n")
                    .append("            ").append(UNKNOWN).append(" = new ").append(f.name("java.util", "LinkedHashMap"))
                    .append("<>();\n        }\n")
                    .append("        ").append(UNKNOWN).append(".put(name, value);\n")
                    .append("        return this;\n    }\n\n");
        } else {
            out.append("    @Override\n")
                    .append("    @").append(f.name(JACKSON, "JsonAnySetter")).append('\n')
                    .append("    public ").append(self).append(" putAdditionalProperty(String name, Object value) {\n")
                    .append("        super.putAdditionalProperty(name, value);\n")
                    .append("        return this;\n    }\n\n");
        }
    }

    private void equalsAndHashCode() {
        String objects = f.name("java.util", "Objects");
        boolean sub = bean.superclass() != null;
        boolean ownsUnknown = bean.keepUnknown() && !sub;
        List<BeanField> fields = bean.fields();

        out.append("    @Override\n    public boolean equals(Object o) {\n");
        if (sub) {
            out.append("        if (!super.equals(o)) {\n            return false;\n        }\n");
        } else {
            out.append("        if (this == o) {\n            return true;\n        }\n")
                    .append("        if (o == null || getClass() != o.getClass()) {\n            return false;\n        }\n");
        }
        if (fields.isEmpty() && !ownsUnknown) {
            out.append("        return true;\n    }\n\n");
        } else {
            out.append("        ").append(self).append(" that = (").append(self).append(") o;\n");
            String sep = "        return ";
            for (BeanField field : fields) {
                out.append(sep).append(objects).append(".equals(this.").append(field.fieldName()).append(", that.")
                        .append(field.fieldName()).append(")");
                sep = "\n                && ";
            }
            if (ownsUnknown) {
                out.append(sep).append("additionalProperties().equals(that.additionalProperties())");
            }
            out.append(";\n    }\n\n");
        }

        out.append("    @Override\n    public int hashCode() {\n        return ");
        StringBuilder args = new StringBuilder();
        for (BeanField field : fields) {
            args.append(args.length() == 0 ? "" : ", ").append(field.fieldName());
        }
        if (ownsUnknown) {
            args.append(args.length() == 0 ? "" : ", ").append("additionalProperties()");
        }
        if (sub) {
            out.append("31 * super.hashCode()");
            if (args.length() > 0) {
                out.append(" + ").append(objects).append(".hash(").append(args).append(')');
            }
        } else {
            out.append(args.length() == 0 ? "0" : objects + ".hash(" + args + ")");
        }
        out.append(";\n    }\n\n");
    }

    private void toStringMethod() {
        out.append("    @Override\n    public String toString() {\n        return new ")
                .append(f.name(GENERATED, "ModelToString")).append("(\"").append(self).append("\")");
        for (BeanField field : bean.inherited()) {
            toStringPart(field, field.getter() + "()");
        }
        for (BeanField field : bean.fields()) {
            toStringPart(field, "this." + field.fieldName());
        }
        if (bean.keepUnknown()) {
            out.append("\n                .unknown(additionalProperties())");
        }
        out.append("\n                .toString();\n    }\n");
    }

    private void toStringPart(BeanField field, String value) {
        out.append("\n                .").append(field.sensitive() ? "masked" : "add").append("(\"")
                .append(field.camel()).append("\", ").append(value).append(')');
    }
}
