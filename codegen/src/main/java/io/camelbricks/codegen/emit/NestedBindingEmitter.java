package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.BeanClass;

/**
 * What the emitters of a bean's nested JSON classes share (its reader {@code FromJson}, its writer {@code ToJson}):
 * the packages they name and the bean whose class body they append to.
 */
abstract class NestedBindingEmitter {
    static final String BINDING = "io.camelbricks.api.wire.binding";
    static final String JACKSON_CORE = "com.fasterxml.jackson.core";
    static final String JACKSON_DATABIND = "com.fasterxml.jackson.databind";

    final JavaSourceFile f;
    final BeanClass bean;
    final ClassNames classNames;
    /** The bean's class body, to which the nested class is appended. */
    final StringBuilder out;

    NestedBindingEmitter(JavaSourceFile file, BeanClass bean, ClassNames classNames) {
        this.f = file;
        this.bean = bean;
        this.classNames = classNames;
        this.out = file.body();
    }
}
