package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.ArrayResponseClass;
import io.camelbricks.codegen.plan.BeanField;
import io.camelbricks.codegen.plan.BinaryResponseClass;
import io.camelbricks.codegen.types.JavaType;

/**
 * Writes generated response classes: the holder of a streamed (binary / text) response with its declared headers,
 * and the {@code ArrayList} subclass of an operation that answers a bare JSON array.
 */
public final class ResponseClassWriter {

    private final ClassNames classNames;

    public ResponseClassWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaSourceFile write(BinaryResponseClass holder) {
        JavaType type = holder.bean().type();
        JavaSourceFile file = new JavaSourceFile(type.packageName(), type.simpleName(),
                classNames.classesIn(type.packageName()));
        BeanEmitter.emit(file, holder.bean(), classNames, holder.bean().doc());
        return file;
    }

    public JavaSourceFile write(ArrayResponseClass array) {
        JavaType type = array.type();
        JavaSourceFile file = new JavaSourceFile(type.packageName(), type.simpleName(),
                classNames.classesIn(type.packageName()));
        String item = file.ref(array.itemType());
        file.body().append("/**\n * Response of {@code ").append(array.operationId())
                .append("}: the JSON array of {@code ").append(array.itemType().simpleName()).append("}.\n */\n")
                .append("public class ").append(type.simpleName()).append(" extends ")
                .append(file.name("java.util", "ArrayList")).append('<').append(item).append("> {\n")
                .append("    private static final long serialVersionUID = 1L;\n\n")
                .append("    public ").append(type.simpleName()).append("() {\n    }\n\n")
                .append("    public ").append(type.simpleName()).append('(').append(file.name("java.util", "Collection"))
                .append("<? extends ").append(item).append("> items) {\n        super(items);\n    }\n}\n");
        return file;
    }

    /** {@code .setContentLength(h.longValue("content-length")).setContentType(h.first("content-type"))...} */
    static String headerSetters(BinaryResponseClass holder, String headersVar) {
        StringBuilder sb = new StringBuilder();
        for (BeanField h : holder.headers()) {
            String read = h.type().equals(JavaType.LONG) ? "longValue" : "first";
            sb.append('.').append(h.setter()).append('(').append(headersVar).append('.').append(read).append('(')
                    .append(JavaStrings.literal(h.wireName())).append("))");
        }
        return sb.toString();
    }
}
