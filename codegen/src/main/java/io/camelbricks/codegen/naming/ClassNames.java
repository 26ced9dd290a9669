package io.camelbricks.codegen.naming;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelbricks.codegen.spec.OperationDef;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.spec.ServiceDef;
import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.types.JavaType;

/**
 * Assigns every generated class its package and simple name, and refuses two classes with the same name in a
 * package.
 * <ul>
 * <li>schema {@code <pkg>.<Name>} → {@code io.camelbricks.api.service.<pkg>.<Name>} ({@link JavaNames#className});</li>
 * <li>request class of an operation → {@code <Service><Method>Request} in the service's package, or
 * {@code <Service><Method>RequestParams} when a schema already has that name;</li>
 * <li>response class of a binary or array response → {@code <Service><Method>Response};</li>
 * <li>per service {@code <Service>Operations} and {@code <Service>Service}.</li>
 * </ul>
 * {@value #READER_CLASS} is kept for the JSON reader nested in every generated bean and enum, {@value #WRITER_CLASS}
 * for the JSON writer nested in every generated bean: no class takes them.
 */
public final class ClassNames {

    /** The simple name of the JSON reader nested in each generated bean and open enum. */
    public static final String READER_CLASS = "FromJson";
    /** The simple name of the JSON writer nested in each generated bean. */
    public static final String WRITER_CLASS = "ToJson";

    private final Map<String, JavaType> schemaTypes = new LinkedHashMap<>();
    private final Set<JavaType> enumTypes = new HashSet<>();
    private final Map<String, Map<String, String>> owners = new HashMap<>();

    public ClassNames(Collection<SchemaDef> schemas) {
        for (SchemaDef s : schemas) {
            JavaType t = JavaType.of(JavaNames.servicePackage(s.specPackage()), JavaNames.className(s.simpleName()));
            claim(t, "schema " + s.name());
            schemaTypes.put(s.name(), t);
            if (s.isEnum()) {
                enumTypes.add(t);
            }
        }
    }

    public JavaType schemaType(String schemaName) {
        JavaType t = schemaTypes.get(schemaName);
        if (t == null) {
            throw new SpecException("unknown schema " + schemaName);
        }
        return t;
    }

    /** Claims {@code <Service><Method>Request}, or {@code …RequestParams} when a schema has that name. */
    public JavaType requestClass(OperationDef op) {
        String pkg = JavaNames.servicePackage(op.specPackage());
        String base = JavaNames.className(op.service()) + JavaNames.pascal(op.method()) + "Request";
        String owner = ownerOf(pkg, base);
        String name = owner != null && owner.startsWith("schema ") ? base + "Params" : base;
        JavaType t = JavaType.of(pkg, name);
        claim(t, "request of " + op.id());
        return t;
    }

    /** Claims {@code <Service><Method>Response}. */
    public JavaType responseClass(OperationDef op) {
        String pkg = JavaNames.servicePackage(op.specPackage());
        JavaType t = JavaType.of(pkg, JavaNames.className(op.service()) + JavaNames.pascal(op.method()) + "Response");
        claim(t, "response of " + op.id());
        return t;
    }

    public JavaType operationsClass(ServiceDef service) {
        JavaType t = JavaType.of(JavaNames.servicePackage(service.specPackage()),
                JavaNames.className(service.name()) + "Operations");
        claim(t, "operations of " + service.key());
        return t;
    }

    public JavaType serviceClass(ServiceDef service) {
        JavaType t = JavaType.of(JavaNames.servicePackage(service.specPackage()),
                JavaNames.className(service.name()) + "Service");
        claim(t, "service " + service.key());
        return t;
    }

    /** Every simple name claimed in a package (the generated code must not import other classes by those names). */
    public Set<String> classesIn(String javaPackage) {
        Map<String, String> names = owners.get(javaPackage);
        return names == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(names.keySet()));
    }

    /** Whether {@code type} is one of the generated classes. */
    public boolean isGenerated(JavaType type) {
        return type.typeArgs().isEmpty() && ownerOf(type.packageName(), type.simpleName()) != null;
    }

    /** Whether {@code type} is a generated open enum (not a bean). */
    public boolean isOpenEnum(JavaType type) {
        return enumTypes.contains(type);
    }

    private String ownerOf(String pkg, String simpleName) {
        Map<String, String> names = owners.get(pkg);
        return names == null ? null : names.get(simpleName);
    }

    private void claim(JavaType t, String owner) {
        if (t.simpleName().equals(READER_CLASS) || t.simpleName().equals(WRITER_CLASS)) {
            throw new SpecException("class name clash: " + t.fqn() + " (" + owner + ") would hide the JSON "
                    + (t.simpleName().equals(READER_CLASS) ? "reader " : "writer ") + t.simpleName()
                    + " nested in the generated classes");
        }
        String previous = owners.computeIfAbsent(t.packageName(), k -> new HashMap<>()).putIfAbsent(t.simpleName(), owner);
        if (previous != null) {
            throw new SpecException("class name clash: " + t.fqn() + " is wanted by " + previous + " and " + owner);
        }
    }
}
