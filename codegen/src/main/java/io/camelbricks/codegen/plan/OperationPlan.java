package io.camelbricks.codegen.plan;

import java.util.List;

import io.camelbricks.codegen.spec.OperationDef;
import io.camelbricks.codegen.types.JavaType;

/**
 * Everything the writers need about one operation.
 *
 * @param def             the spec operation
 * @param constantName    the {@code Operation} constant in {@code <Service>Operations} ({@code GET_RUN})
 * @param methodName      the service method ({@code getRun})
 * @param accessor        the service accessor ({@code jobs})
 * @param requestType     Q ({@code Void} when the operation takes nothing)
 * @param requestBean     the bean of Q, or null when Q is Void
 * @param responseType    R ({@code Void} when it answers nothing)
 * @param responseBean    the bean of R when R is a model, otherwise null
 * @param idempotency     the auto-idempotency field of Q, or null
 */
public record OperationPlan(OperationDef def, String constantName, String methodName, String accessor,
                            JavaType requestType, BeanClass requestBean, JavaType responseType,
                            BeanClass responseBean, List<ParamPlan> params, BodyPlan body, ResponsePlan response,
                            PaginationPlan pagination, WaitPlan waiter, BeanField idempotency) {
}
