package io.camelbricks.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.camelbricks.codegen.emit.EnumWriter;
import io.camelbricks.codegen.emit.GeneratedSources;
import io.camelbricks.codegen.emit.ModelWriter;
import io.camelbricks.codegen.emit.NativeImageConfigWriter;
import io.camelbricks.codegen.emit.OperationsWriter;
import io.camelbricks.codegen.emit.RegistryWriter;
import io.camelbricks.codegen.emit.RequestClassWriter;
import io.camelbricks.codegen.emit.ResponseClassWriter;
import io.camelbricks.codegen.emit.ServiceAccessorsWriter;
import io.camelbricks.codegen.emit.ServiceWriter;
import io.camelbricks.codegen.emit.SupportClassesWriter;
import io.camelbricks.codegen.plan.ArrayResponseClass;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BinaryResponseClass;
import io.camelbricks.codegen.plan.EnumClass;
import io.camelbricks.codegen.plan.GenerationPlan;
import io.camelbricks.codegen.plan.Planner;
import io.camelbricks.codegen.plan.ServicePlan;
import io.camelbricks.codegen.spec.ApiSpec;
import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.spec.SpecCorrections;
import io.camelbricks.codegen.spec.SpecReader;

/** Spec → plan → sources. Pure apart from reading the spec; the same spec always gives the same files. */
public final class Generator {

    /**
     * What one run produced.
     *
     * @param sources   the Java sources of {@code databricks-api}
     * @param resources the resources beside them (the native-image reflection configuration)
     */
    public record Result(GenerationPlan plan, GeneratedSources sources, GeneratedSources resources,
                         List<String> notes) {
    }

    public Result generate(Path specDir) throws IOException {
        SpecCorrections corrections = SpecCorrections.standard();
        ApiSpec spec = new SpecReader(corrections).read(specDir);
        corrections.verifyAllApplied();
        Planner planner = new Planner();
        GenerationPlan plan = planner.plan(spec);
        return new Result(plan, write(plan), writeResources(plan), planner.notes());
    }

    static GeneratedSources writeResources(GenerationPlan plan) {
        GeneratedSources out = new GeneratedSources();
        out.add(NativeImageConfigWriter.PATH, new NativeImageConfigWriter().write(plan));
        return out;
    }

    static GeneratedSources write(GenerationPlan plan) {
        GeneratedSources out = new GeneratedSources();
        ModelWriter models = new ModelWriter(plan.classNames());
        for (BeanClass model : plan.models()) {
            out.add(models.write(model));
        }
        EnumWriter enums = new EnumWriter(plan.classNames());
        for (EnumClass e : plan.enums()) {
            out.add(enums.write(e));
        }
        RequestClassWriter requests = new RequestClassWriter(plan.classNames());
        for (BeanClass request : plan.requests()) {
            out.add(requests.write(request));
        }
        ResponseClassWriter responses = new ResponseClassWriter(plan.classNames());
        for (BinaryResponseClass holder : plan.binaryResponses()) {
            out.add(responses.write(holder));
        }
        for (ArrayResponseClass array : plan.arrayResponses()) {
            out.add(responses.write(array));
        }
        OperationsWriter operations = new OperationsWriter(plan.classNames());
        ServiceWriter services = new ServiceWriter(plan.classNames());
        for (ServicePlan service : plan.services()) {
            out.add(operations.write(service));
            out.add(services.write(service));
        }
        out.add(new RegistryWriter().write(plan.operations(), plan.services()));
        ServiceAccessorsWriter accessors = new ServiceAccessorsWriter();
        out.add(accessors.write(Scope.WORKSPACE, plan.services()));
        out.add(accessors.write(Scope.ACCOUNT, plan.services()));
        SupportClassesWriter support = new SupportClassesWriter();
        out.add(support.sensitiveFieldNames(plan.sensitiveWireNames()));
        out.add(support.modelToString());
        return out;
    }
}
