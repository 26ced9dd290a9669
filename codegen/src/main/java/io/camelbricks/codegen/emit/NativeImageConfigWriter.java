package io.camelbricks.codegen.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.ArrayResponseClass;
import io.camelbricks.codegen.plan.BeanClass;
import io.camelbricks.codegen.plan.BinaryResponseClass;
import io.camelbricks.codegen.plan.EnumClass;
import io.camelbricks.codegen.plan.GenerationPlan;

/**
 * Writes the GraalVM reflection configuration of the generated types
 * ({@value #PATH}): every class Jackson binds (models, open enums, request classes and response classes), with
 * their constructors, fields and methods, since Jackson reaches their private annotated fields, accessors and
 * {@code @JsonAnySetter}s reflectively when it writes them, plus their nested {@code FromJson} readers and (beans
 * only) {@code ToJson} writers, which it instantiates through {@code @JsonDeserialize} and {@code @JsonSerialize}. {@code native-image} reads the file from
 * the jar by itself; Quarkus and Spring AOT builds pick it up the same way.
 * <p>
 * Entries are sorted by class name and written with a fixed layout, so the same spec always gives the same bytes.
 */
public final class NativeImageConfigWriter {

    /** Where the file goes below the resources root (the directory GraalVM scans: group id / artifact id). */
    public static final String PATH = "META-INF/native-image/io.camelbricks/databricks-api/reflect-config.json";

    /** The names of the classes the configuration registers, sorted. */
    public static List<String> reflectedClasses(GenerationPlan plan) {
        TreeSet<String> names = new TreeSet<>();
        List<String> beans = new ArrayList<>();
        for (BeanClass model : plan.models()) {
            beans.add(model.type().fqn());
        }
        for (BeanClass request : plan.requests()) {
            beans.add(request.type().fqn());
        }
        for (BinaryResponseClass holder : plan.binaryResponses()) {
            beans.add(holder.bean().type().fqn());
        }
        List<String> all = new ArrayList<>(beans);
        for (EnumClass e : plan.enums()) {
            all.add(e.type().fqn());
        }
        for (String withReader : List.copyOf(all)) {
            all.add(withReader + "$" + ClassNames.READER_CLASS); // Jackson instantiates it (@JsonDeserialize)
        }
        for (String bean : beans) {
            all.add(bean + "$" + ClassNames.WRITER_CLASS); // and this one (@JsonSerialize)
        }
        for (ArrayResponseClass array : plan.arrayResponses()) {
            all.add(array.type().fqn());
        }
        for (String name : all) {
            if (!names.add(name)) {
                throw new IllegalStateException("planned twice: " + name);
            }
        }
        return List.copyOf(names);
    }

    public String write(GenerationPlan plan) {
        List<String> classes = reflectedClasses(plan);
        StringBuilder json = new StringBuilder(classes.size() * 240);
        json.append("[\n");
        for (int i = 0; i < classes.size(); i++) {
            json.append("  {\n")
                    .append("    \"name\" : \"").append(classes.get(i)).append("\",\n")
                    .append("    \"allDeclaredConstructors\" : true,\n")
                    .append("    \"allPublicConstructors\" : true,\n")
                    .append("    \"allDeclaredFields\" : true,\n")
                    .append("    \"allPublicFields\" : true,\n")
                    .append("    \"allDeclaredMethods\" : true,\n")
                    .append("    \"allPublicMethods\" : true\n")
                    .append(i + 1 < classes.size() ? "  },\n" : "  }\n");
        }
        return json.append("]\n").toString();
    }
}
