package io.camelbricks.codegen.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.naming.JavaNames;
import io.camelbricks.codegen.spec.OperationDef;
import io.camelbricks.codegen.spec.ParamDef;
import io.camelbricks.codegen.spec.RequestBodyDef;
import io.camelbricks.codegen.spec.ResponseDef;
import io.camelbricks.codegen.spec.SpecException;
import io.camelbricks.codegen.spec.TypeShape;
import io.camelbricks.codegen.types.JavaType;
import io.camelbricks.codegen.types.TypeMapper;

/**
 * Decides the request and response types of each operation and binds its parameters, body and idempotency field.
 * <ul>
 * <li>JSON {@code $ref} body and no caller parameters: Q is the body schema;</li>
 * <li>caller parameters, a body field, a binary or a free-form body: Q is a generated request class; with a plain
 * JSON body it extends the body schema (parameters that already are body properties are not re-declared);</li>
 * <li>neither: Q is {@code Void}.</li>
 * </ul>
 * R is the JSON {@code $ref} schema, {@code Void} without content, a generated {@code ArrayList} subclass for a JSON
 * array, or a generated holder with the stream and the declared headers for binary / text content (and for a
 * response that has only headers, whose stream is then empty).
 */
public final class OperationPlanner {

    /** Wire name of the stream field of binary request and response classes. */
    public static final String CONTENTS = "contents";

    private final ClassNames classNames;
    private final TypeMapper types;
    private final ModelPlanner models;
    private final List<BeanClass> requests = new ArrayList<>();
    private final List<BinaryResponseClass> binaryResponses = new ArrayList<>();
    private final List<ArrayResponseClass> arrayResponses = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public OperationPlanner(ClassNames classNames, TypeMapper types, ModelPlanner models) {
        this.classNames = classNames;
        this.types = types;
        this.models = models;
    }

    /** The operation without pagination and waiter (those need every operation planned first). */
    public OperationPlan plan(OperationDef op, String accessor) {
        RequestBodyDef body = op.body();
        boolean jsonRef = body != null && body.kind() == RequestBodyDef.Kind.JSON_REF;
        List<ParamDef> callerParams = op.callerParams();
        boolean generated = !callerParams.isEmpty() || op.bodyField() != null || (body != null && !jsonRef);

        JavaType q;
        BeanClass qBean;
        BodyPlan bodyPlan;
        Map<String, ParamPlan> bound = new LinkedHashMap<>();
        if (!generated && jsonRef) {
            q = classNames.schemaType(body.schemaName());
            qBean = requireModel(op, q, "request body");
            bodyPlan = BodyPlan.JSON;
        } else if (generated) {
            q = classNames.requestClass(op);
            BeanClass parent = jsonRef && op.bodyField() == null
                    ? requireModel(op, classNames.schemaType(body.schemaName()), "request body") : null;
            List<BeanField> fields = new ArrayList<>();
            for (ParamDef p : callerParams) {
                BeanField inherited = parent == null ? null : parent.field(p.name());
                if (inherited != null) {
                    bound.put(p.name(), new ParamPlan(p, inherited, true));
                } else {
                    JavaType type = types.map(p.type());
                    if (p.in().equals("path") && (models.model(type) != null || type.isList()
                            || type.equals(JavaType.OBJECT) || type.packageName().equals("java.util"))) {
                        throw new SpecException(op.id() + ": path parameter " + p.name() + " is " + type
                                + ", which has no path form");
                    }
                    BeanField f = BeanField.of(p.name(), type);
                    fields.add(f);
                    bound.put(p.name(), new ParamPlan(p, f, false));
                }
            }
            if (op.bodyField() != null) {
                JavaType bodyType = classNames.schemaType(body.schemaName());
                requireModel(op, bodyType, "body field");
                BeanField f = BeanField.of(op.bodyField(), bodyType);
                fields.add(f);
                bodyPlan = new BodyPlan(BodyPlan.Kind.BODY_FIELD, f);
            } else if (body != null && body.kind() == RequestBodyDef.Kind.BINARY) {
                BeanField f = BeanField.of(CONTENTS, JavaType.INPUT_STREAM);
                fields.add(f);
                bodyPlan = new BodyPlan(BodyPlan.Kind.BINARY, f);
            } else if (body != null) {
                bodyPlan = BodyPlan.JSON; // a JSON_REF body (inherited) or a free-form body (unknown fields)
            } else {
                bodyPlan = BodyPlan.NONE;
            }
            qBean = new BeanClass(q, parent == null ? null : parent.type(),
                    parent == null ? List.of() : parent.allFields(), fields, true,
                    "Request of {@code " + op.id() + "}: {@code " + verbAndPath(op) + "}.");
            requests.add(qBean);
        } else {
            q = JavaType.VOID;
            qBean = null;
            bodyPlan = BodyPlan.NONE;
        }

        List<ParamPlan> params = new ArrayList<>();
        for (ParamDef p : op.params()) {
            params.add(p.isFromConfig() ? new ParamPlan(p, null, false) : bound.get(p.name()));
        }

        JavaType r;
        BeanClass rBean = null;
        ResponsePlan responsePlan;
        ResponseDef response = op.response();
        switch (response.kind()) {
            case JSON_REF -> {
                r = classNames.schemaType(response.schemaName());
                rBean = requireModel(op, r, "response");
                responsePlan = ResponsePlan.JSON;
                if (!response.headers().isEmpty()) {
                    notes.add(op.id() + ": JSON response; the response headers " + response.headers().keySet()
                            + " are not mapped (the registry has no JSON-plus-headers response kind)");
                }
            }
            case JSON_ARRAY -> {
                r = classNames.responseClass(op);
                JavaType item = classNames.schemaType(response.schemaName());
                arrayResponses.add(new ArrayResponseClass(r, item, op.id()));
                responsePlan = ResponsePlan.JSON;
            }
            case BINARY -> {
                r = classNames.responseClass(op);
                responsePlan = new ResponsePlan(ResponsePlan.Kind.BINARY, binaryHolder(op, r, true));
            }
            default -> {
                if (response.headers().isEmpty()) {
                    r = JavaType.VOID;
                    responsePlan = ResponsePlan.NONE;
                } else {
                    r = classNames.responseClass(op);
                    // headers only (HEAD): a holder like a download's, whose contents stream is empty
                    responsePlan = new ResponsePlan(ResponsePlan.Kind.BINARY, binaryHolder(op, r, false));
                }
            }
        }

        return new OperationPlan(op, JavaNames.upperSnake(op.method()), JavaNames.methodName(op.method()), accessor,
                q, qBean, r, rBean, List.copyOf(params), bodyPlan, responsePlan, null, null,
                idempotency(op, qBean, params));
    }

    private BinaryResponseClass binaryHolder(OperationDef op, JavaType type, boolean withContents) {
        List<BeanField> fields = new ArrayList<>();
        BeanField contents = BeanField.of(CONTENTS, JavaType.INPUT_STREAM);
        fields.add(contents);
        List<BeanField> headers = new ArrayList<>();
        for (Map.Entry<String, TypeShape> h : op.response().headers().entrySet()) {
            JavaType t = types.map(h.getValue());
            if (!t.equals(JavaType.STRING) && !t.equals(JavaType.LONG)) {
                throw new SpecException(op.id() + ": response header " + h.getKey() + " of type " + t
                        + " is not supported (String and Long are)");
            }
            BeanField f = BeanField.of(h.getKey(), t);
            headers.add(f);
            fields.add(f);
        }
        BeanClass bean = new BeanClass(type, null, List.of(), fields, false,
                "Response of {@code " + op.id() + "}: {@code " + verbAndPath(op) + "}"
                        + (withContents ? ", streamed; close {@code contents} when done."
                        : "; the response has only headers, so {@code contents} is empty."));
        BinaryResponseClass holder = new BinaryResponseClass(bean, contents, List.copyOf(headers));
        binaryResponses.add(holder);
        return holder;
    }

    /**
     * The auto-idempotency field of Q. Only a JSON body field qualifies: a field that travels only as a path or
     * query parameter identifies something and is not filled with a random token.
     */
    private BeanField idempotency(OperationDef op, BeanClass qBean, List<ParamPlan> params) {
        String name = op.autoIdempotencyField();
        if (name == null) {
            return null;
        }
        BeanField f = qBean == null ? null : qBean.field(name);
        if (f == null) {
            throw new SpecException(op.id() + ": auto-idempotency field " + name + " is not a field of the request");
        }
        for (ParamPlan p : params) {
            if (p.field() == f && !p.alsoInBody()) {
                notes.add(op.id() + ": auto-idempotency field " + name + " is a " + p.def().in()
                        + " parameter, not a body field; not filled automatically");
                return null;
            }
        }
        if (!f.type().equals(JavaType.STRING)) {
            throw new SpecException(op.id() + ": auto-idempotency field " + name + " is not a string");
        }
        return f;
    }

    private BeanClass requireModel(OperationDef op, JavaType type, String what) {
        BeanClass bean = models.model(type);
        if (bean == null) {
            throw new SpecException(op.id() + ": the " + what + " " + type + " is not an object schema");
        }
        return bean;
    }

    public static String verbAndPath(OperationDef op) {
        return op.verb().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
    }

    public List<BeanClass> requests() {
        return List.copyOf(requests);
    }

    public List<BinaryResponseClass> binaryResponses() {
        return List.copyOf(binaryResponses);
    }

    public List<ArrayResponseClass> arrayResponses() {
        return List.copyOf(arrayResponses);
    }

    /** Shapes that were handled with a caveat (printed by the generator, listed in codegen/README.md). */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
