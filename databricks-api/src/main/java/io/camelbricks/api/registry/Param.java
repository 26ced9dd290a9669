package io.camelbricks.api.registry;

import java.util.Objects;
import java.util.function.Function;

/**
 * One path, query or header parameter of an operation: its wire name, where it goes, and how to read it from the
 * typed request.
 *
 * @param <Q> the request type
 */
public final class Param<Q> {
    private final String name;
    private final String javaName;
    private final ParamLocation location;
    private final boolean multiSegment;
    private final boolean alsoInBody;
    private final String fromConfig;
    private final Class<?> type;
    private final Function<Q, Object> getter;

    private Param(String name, String javaName, ParamLocation location, boolean multiSegment, boolean alsoInBody,
                  String fromConfig, Class<?> type, Function<Q, Object> getter) {
        this.name = Objects.requireNonNull(name, "name");
        this.javaName = javaName;
        this.location = Objects.requireNonNull(location, "location");
        this.multiSegment = multiSegment;
        this.alsoInBody = alsoInBody;
        this.fromConfig = fromConfig;
        this.type = type;
        this.getter = getter;
    }

    @SuppressWarnings("unchecked")
    public static <Q> Param<Q> path(String name, String javaName, Class<?> type, Function<Q, ?> getter) {
        return new Param<>(name, javaName, ParamLocation.PATH, false, false, null, type, (Function<Q, Object>) getter);
    }

    @SuppressWarnings("unchecked")
    public static <Q> Param<Q> query(String name, String javaName, Class<?> type, Function<Q, ?> getter) {
        return new Param<>(name, javaName, ParamLocation.QUERY, false, false, null, type, (Function<Q, Object>) getter);
    }

    @SuppressWarnings("unchecked")
    public static <Q> Param<Q> header(String name, String javaName, Class<?> type, Function<Q, ?> getter) {
        return new Param<>(name, javaName, ParamLocation.HEADER, false, false, null, type, (Function<Q, Object>) getter);
    }

    /** A path parameter filled from a configuration attribute (e.g. {@code account_id}); the request has no field for it. */
    public static <Q> Param<Q> pathFromConfig(String name, String configAttribute) {
        return new Param<>(name, null, ParamLocation.PATH, false, false, configAttribute, String.class, null);
    }

    /** This parameter's value may contain {@code /} and is encoded segment by segment. */
    public Param<Q> multiSegment() {
        return new Param<>(name, javaName, location, true, alsoInBody, fromConfig, type, getter);
    }

    /** The parameter is also a field of the JSON body (it is sent in both places). */
    public Param<Q> alsoInBody() {
        return new Param<>(name, javaName, location, multiSegment, true, fromConfig, type, getter);
    }

    public String name() { return name; }

    /** The camelCase name of the request field (and Camel option) that holds this parameter; null when from config. */
    public String javaName() { return javaName; }

    public ParamLocation location() { return location; }

    public boolean isMultiSegment() { return multiSegment; }

    public boolean isAlsoInBody() { return alsoInBody; }

    /** The configuration attribute that supplies this parameter, or {@code null}. */
    public String fromConfig() { return fromConfig; }

    /** The Java type of the request field. */
    public Class<?> type() { return type; }

    /** The parameter's value in the request, or {@code null} (always null for config-supplied parameters). */
    public Object valueIn(Q request) {
        return getter == null || request == null ? null : getter.apply(request);
    }

    @Override
    public String toString() {
        return location.name().toLowerCase() + ":" + name;
    }
}
