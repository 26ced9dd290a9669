package io.camelbricks.codegen.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.naming.JavaNames;
import io.camelbricks.codegen.spec.PropertyDef;
import io.camelbricks.codegen.spec.SchemaDef;
import io.camelbricks.codegen.types.JavaType;
import io.camelbricks.codegen.types.TypeMapper;

/** Turns every schema into a model bean or an open enum, keeping spec order. */
public final class ModelPlanner {

    /** Names of the private members of an open enum, which constants must not take. */
    static final Set<String> ENUM_MEMBER_NAMES = Set.of("KNOWN", "BY_VALUE");

    private final ClassNames classNames;
    private final TypeMapper types;
    private final Map<JavaType, BeanClass> models = new LinkedHashMap<>();
    private final Map<JavaType, EnumClass> enums = new LinkedHashMap<>();

    public ModelPlanner(ClassNames classNames, TypeMapper types) {
        this.classNames = classNames;
        this.types = types;
    }

    public void plan(Iterable<SchemaDef> schemas) {
        for (SchemaDef s : schemas) {
            JavaType type = classNames.schemaType(s.name());
            if (s.isEnum()) {
                enums.put(type, new EnumClass(type, s.name(), constants(s.enumValues())));
            } else {
                List<BeanField> fields = new ArrayList<>();
                for (PropertyDef p : s.properties()) {
                    fields.add(BeanField.ofSchema(s.name(), p.wireName(), types.map(p.type())));
                }
                models.put(type, new BeanClass(type, null, List.of(), fields, true, "{@code " + s.name() + "}"));
            }
        }
    }

    /** Constant names for enum values ({@link JavaNames#upperSnake}); a clash gets {@code _2}, {@code _3}, ... */
    public static List<EnumClass.Constant> constants(List<String> values) {
        List<EnumClass.Constant> out = new ArrayList<>();
        Set<String> taken = new HashSet<>(ENUM_MEMBER_NAMES);
        Set<String> seenValues = new HashSet<>();
        for (String value : values) {
            if (!seenValues.add(value)) {
                continue; // a repeated wire value is one constant
            }
            String base = JavaNames.upperSnake(value);
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            out.add(new EnumClass.Constant(name, value));
        }
        return out;
    }

    /** The model bean of a type, or null when the type is not a generated model. */
    public BeanClass model(JavaType type) {
        return models.get(type);
    }

    public boolean isEnum(JavaType type) {
        return enums.containsKey(type);
    }

    public List<BeanClass> models() {
        return List.copyOf(models.values());
    }

    public List<EnumClass> enums() {
        return List.copyOf(enums.values());
    }
}
