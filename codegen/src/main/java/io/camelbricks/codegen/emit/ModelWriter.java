package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;

/** Writes one class per object schema. */
public final class ModelWriter {

    private final ClassNames classNames;

    public ModelWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaSourceFile write(BeanClass model) {
        String pkg = model.type().packageName();
        JavaSourceFile file = new JavaSourceFile(pkg, model.type().simpleName(), classNames.classesIn(pkg));
        BeanEmitter.emit(file, model, classNames, model.doc() + ". Unknown fields are kept ({@link #additionalProperties()}).");
        return file;
    }
}
