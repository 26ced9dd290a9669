package io.camelbricks.codegen.plan;

import java.util.List;
import java.util.Set;

import io.camelbricks.codegen.naming.ClassNames;

/**
 * The whole output, decided: every class to write, in a stable order.
 *
 * @param operations         every operation in spec order (workspace first)
 * @param sensitiveWireNames every wire name of the spec the sensitive rule matches, sorted
 */
public record GenerationPlan(List<BeanClass> models, List<EnumClass> enums, List<BeanClass> requests,
                             List<BinaryResponseClass> binaryResponses, List<ArrayResponseClass> arrayResponses,
                             List<ServicePlan> services, List<OperationPlan> operations, ClassNames classNames,
                             Set<String> sensitiveWireNames) {
}
