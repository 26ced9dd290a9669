package io.camelbricks.codegen.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.naming.ServiceAccessors;
import io.camelbricks.codegen.spec.ApiSpec;
import io.camelbricks.codegen.spec.OperationDef;
import io.camelbricks.codegen.spec.ParamDef;
import io.camelbricks.codegen.spec.PropertyDef;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.spec.ServiceDef;
import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.types.TypeMapper;

/** Decides the whole output from the spec: names, types, beans, operations and services. */
public final class Planner {

    private final List<String> notes = new ArrayList<>();

    public GenerationPlan plan(ApiSpec spec) {
        ClassNames classNames = new ClassNames(spec.schemas().values());
        TypeMapper types = new TypeMapper(classNames);
        ModelPlanner models = new ModelPlanner(classNames, types);
        models.plan(spec.schemas().values());
        Map<String, String> accessors = ServiceAccessors.assign(spec.services());

        OperationPlanner operationPlanner = new OperationPlanner(classNames, types, models);
        Map<String, OperationPlan> byId = new LinkedHashMap<>();
        for (OperationDef op : spec.operations()) {
            if (byId.put(op.id(), operationPlanner.plan(op, accessors.get(op.serviceKey()))) != null) {
                throw new SpecException("duplicate operationId " + op.id());
            }
        }

        PaginationPlanner paginationPlanner = new PaginationPlanner(models);
        WaitPlanner waitPlanner = new WaitPlanner(models);
        Map<String, OperationPlan> complete = new LinkedHashMap<>();
        for (OperationPlan base : byId.values()) {
            PaginationPlan pagination = paginationPlanner.plan(base);
            WaitPlan wait = waitPlanner.plan(base, byId);
            if (pagination != null && wait != null) {
                throw new SpecException(base.def().id() + ": both pagination and a waiter");
            }
            complete.put(base.def().id(), new OperationPlan(base.def(), base.constantName(), base.methodName(),
                    base.accessor(), base.requestType(), base.requestBean(), base.responseType(),
                    base.responseBean(), base.params(), base.body(), base.response(), pagination, wait,
                    base.idempotency()));
        }

        List<ServicePlan> services = new ArrayList<>();
        for (ServiceDef s : spec.services()) {
            List<OperationPlan> ops = new ArrayList<>();
            Set<String> constants = new HashSet<>();
            Set<String> methods = new HashSet<>();
            for (OperationDef op : s.operations()) {
                OperationPlan p = complete.get(op.id());
                if (!constants.add(p.constantName()) || !methods.add(p.methodName())
                        || !methods.add(p.methodName() + "Async")) {
                    throw new SpecException(op.id() + ": its constant " + p.constantName() + " or method "
                            + p.methodName() + " clashes with another operation of " + s.key());
                }
                ops.add(p);
            }
            services.add(new ServicePlan(s, accessors.get(s.key()), classNames.operationsClass(s),
                    classNames.serviceClass(s), List.copyOf(ops)));
        }

        notes.addAll(operationPlanner.notes());
        notes.addAll(waitPlanner.notes());
        return new GenerationPlan(models.models(), models.enums(), operationPlanner.requests(),
                operationPlanner.binaryResponses(), operationPlanner.arrayResponses(), List.copyOf(services),
                List.copyOf(complete.values()), classNames, sensitiveWireNames(spec));
    }

    /** Every wire name (property, parameter, response header) that the sensitive rule matches, sorted. */
    private static Set<String> sensitiveWireNames(ApiSpec spec) {
        Set<String> out = new TreeSet<>(SensitiveFieldRule.EXACT);
        for (SchemaDef s : spec.schemas().values()) {
            for (PropertyDef p : s.properties()) {
                if (SensitiveFieldRule.isSensitive(p.wireName())) {
                    out.add(p.wireName());
                }
            }
        }
        for (OperationDef op : spec.operations()) {
            for (ParamDef p : op.params()) {
                if (SensitiveFieldRule.isSensitive(p.name())) {
                    out.add(p.name());
                }
            }
            for (String h : op.response().headers().keySet()) {
                if (SensitiveFieldRule.isSensitive(h)) {
                    out.add(h);
                }
            }
            if (op.bodyField() != null && SensitiveFieldRule.isSensitive(op.bodyField())) {
                out.add(op.bodyField());
            }
        }
        return out;
    }

    /** Shapes handled with a caveat, for the build log. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
