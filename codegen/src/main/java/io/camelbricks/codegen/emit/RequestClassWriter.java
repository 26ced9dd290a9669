package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;

/**
 * Writes the generated request classes ({@code <Service><Method>Request}): path and query parameters as fields,
 * plus the body (inherited from the body schema, a single body field, or a {@code contents} stream).
 */
public final class RequestClassWriter {

    private final ClassNames classNames;

    public RequestClassWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaSourceFile write(BeanClass request) {
        String pkg = request.type().packageName();
        JavaSourceFile file = new JavaSourceFile(pkg, request.type().simpleName(), classNames.classesIn(pkg));
        BeanEmitter.emit(file, request, classNames, request.doc());
        return file;
    }
}
