package io.camelbricks.codegen.plan;

import java.util.List;

import io.camelbricks.codegen.spec.ServiceDef;
import io.camelbricks.codegen.types.JavaType;

/** One service: its accessor, its two generated classes and its operations in spec order. */
public record ServicePlan(ServiceDef def, String accessor, JavaType operationsClass, JavaType serviceClass,
                          List<OperationPlan> operations) {
}
