package io.camelbricks.api.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One Databricks REST operation as the spec describes it: verb, path template, parameter placement, body and
 * response shape, pagination and waiter. Instances are generated from the OpenAPI documents (never written by hand)
 * and collected in {@link io.camelbricks.api.OperationRegistry}.
 *
 * @param <Q> the typed request ({@code Void} when the operation takes nothing)
 * @param <R> the typed response ({@code Void} when the operation answers nothing)
 */
public final class Operation<Q, R> {
    private final String id;
    private final String packageName;
    private final String serviceName;
    private final String serviceAccessor;
    private final String methodName;
    private final ApiScope scope;
    private final HttpMethod httpMethod;
    private final String path;
    private final Class<Q> requestType;
    private final Class<R> responseType;
    private final List<Param<Q>> params;
    private final BodyKind bodyKind;
    private final String bodyField;
    private final Function<Q, Object> bodyGetter;
    private final ResponseKind responseKind;
    private final BinaryResponseReader<R> binaryReader;
    private final PaginationSpec<Q, R, ?> pagination;
    private final WaitSpec wait;
    private final String autoIdempotencyField;
    private final Function<Q, Object> autoIdempotencyGetter;
    private final BiConsumer<Q, String> autoIdempotencySetter;

    private Operation(Builder<Q, R> b) {
        this.id = Objects.requireNonNull(b.id, "id");
        int first = id.indexOf('.');
        int last = id.lastIndexOf('.');
        this.packageName = id.substring(0, first);
        this.serviceName = id.substring(first + 1, last);
        this.methodName = id.substring(last + 1);
        this.serviceAccessor = Objects.requireNonNull(b.serviceAccessor, "serviceAccessor");
        this.scope = b.scope;
        this.httpMethod = b.httpMethod;
        this.path = b.path;
        this.requestType = b.requestType;
        this.responseType = b.responseType;
        this.params = Collections.unmodifiableList(new ArrayList<>(b.params));
        this.bodyKind = b.bodyKind;
        this.bodyField = b.bodyField;
        this.bodyGetter = b.bodyGetter;
        this.responseKind = b.responseKind;
        this.binaryReader = b.binaryReader;
        this.pagination = b.pagination;
        this.wait = b.wait;
        this.autoIdempotencyField = b.autoIdempotencyField;
        this.autoIdempotencyGetter = b.autoIdempotencyGetter;
        this.autoIdempotencySetter = b.autoIdempotencySetter;
    }

    public static <Q, R> Builder<Q, R> builder(String id, HttpMethod method, String path,
                                               Class<Q> requestType, Class<R> responseType) {
        return new Builder<>(id, method, path, requestType, responseType);
    }

    /** The spec's operationId, {@code <package>.<Service>.<method>}, e.g. {@code jobs.Jobs.submit}. */
    public String id() { return id; }

    /** The spec package, e.g. {@code jobs}. */
    public String packageName() { return packageName; }

    /** The spec service, e.g. {@code Jobs}. */
    public String serviceName() { return serviceName; }

    /** The client accessor and Camel service name, e.g. {@code jobs} ({@code w.jobs()}, {@code databricks:jobs/...}). */
    public String serviceAccessor() { return serviceAccessor; }

    /** The method name, e.g. {@code submit} ({@code w.jobs().submit(...)}). */
    public String methodName() { return methodName; }

    public ApiScope scope() { return scope; }

    public HttpMethod httpMethod() { return httpMethod; }

    /** The path template, e.g. {@code /api/2.2/jobs/runs/get} or {@code /api/2.0/fs/files{file_path}}. */
    public String path() { return path; }

    public Class<Q> requestType() { return requestType; }

    public Class<R> responseType() { return responseType; }

    /** Whether the operation takes a request at all. */
    public boolean hasRequest() { return requestType != Void.class; }

    public List<Param<Q>> params() { return params; }

    public BodyKind bodyKind() { return bodyKind; }

    /** For {@link BodyKind#BODY_FIELD}: the wire name of the field sent as body. */
    public String bodyField() { return bodyField; }

    /** The value sent as body for BODY_FIELD (the field) and BINARY (the {@code InputStream}) operations. */
    public Object bodyValueOf(Q request) {
        return bodyGetter == null || request == null ? null : bodyGetter.apply(request);
    }

    public ResponseKind responseKind() { return responseKind; }

    public BinaryResponseReader<R> binaryReader() { return binaryReader; }

    /** The pagination of a list operation, or null. */
    public PaginationSpec<Q, R, ?> pagination() { return pagination; }

    public boolean isPaginated() { return pagination != null; }

    /** The waiter of a long-running operation, or null. */
    public WaitSpec waitSpec() { return wait; }

    public boolean hasWaiter() { return wait != null; }

    /** The body field filled with a fresh random token when left empty, or null. */
    public String autoIdempotencyField() { return autoIdempotencyField; }

    /** Whether the request leaves the auto-idempotency field empty, so that a token must be filled in. */
    public boolean lacksIdempotencyToken(Q request) {
        if (autoIdempotencySetter == null || request == null) {
            return false;
        }
        Object current = autoIdempotencyGetter.apply(request);
        return current == null || current.toString().isEmpty();
    }

    /** Fills the auto-idempotency field with {@code token} when the request leaves it empty; no-op otherwise. */
    public void fillIdempotencyToken(Q request, java.util.function.Supplier<String> token) {
        if (autoIdempotencySetter != null && request != null) {
            Object current = autoIdempotencyGetter.apply(request);
            if (current == null || current.toString().isEmpty()) {
                autoIdempotencySetter.accept(request, token.get());
            }
        }
    }

    @Override
    public String toString() {
        return id + " (" + httpMethod + " " + path + ")";
    }

    /** Builder used by the generated registry. */
    public static final class Builder<Q, R> {
        private final String id;
        private final HttpMethod httpMethod;
        private final String path;
        private final Class<Q> requestType;
        private final Class<R> responseType;
        private String serviceAccessor;
        private ApiScope scope = ApiScope.WORKSPACE;
        private final List<Param<Q>> params = new ArrayList<>();
        private BodyKind bodyKind = BodyKind.NONE;
        private String bodyField;
        private Function<Q, Object> bodyGetter;
        private ResponseKind responseKind = ResponseKind.NONE;
        private BinaryResponseReader<R> binaryReader;
        private PaginationSpec<Q, R, ?> pagination;
        private WaitSpec wait;
        private String autoIdempotencyField;
        private Function<Q, Object> autoIdempotencyGetter;
        private BiConsumer<Q, String> autoIdempotencySetter;

        private Builder(String id, HttpMethod httpMethod, String path, Class<Q> requestType, Class<R> responseType) {
            this.id = id;
            this.httpMethod = httpMethod;
            this.path = path;
            this.requestType = requestType;
            this.responseType = responseType;
        }

        public Builder<Q, R> accessor(String serviceAccessor) { this.serviceAccessor = serviceAccessor; return this; }

        public Builder<Q, R> account() { this.scope = ApiScope.ACCOUNT; return this; }

        public Builder<Q, R> param(Param<Q> param) { this.params.add(param); return this; }

        public Builder<Q, R> jsonBody() { this.bodyKind = BodyKind.JSON; return this; }

        @SuppressWarnings("unchecked")
        public Builder<Q, R> bodyField(String wireName, Function<Q, ?> getter) {
            this.bodyKind = BodyKind.BODY_FIELD;
            this.bodyField = wireName;
            this.bodyGetter = (Function<Q, Object>) getter;
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder<Q, R> binaryBody(Function<Q, ?> getter) {
            this.bodyKind = BodyKind.BINARY;
            this.bodyGetter = (Function<Q, Object>) getter;
            return this;
        }

        public Builder<Q, R> jsonResponse() { this.responseKind = ResponseKind.JSON; return this; }

        public Builder<Q, R> binaryResponse(BinaryResponseReader<R> reader) {
            this.responseKind = ResponseKind.BINARY;
            this.binaryReader = reader;
            return this;
        }

        public Builder<Q, R> pagination(PaginationSpec<Q, R, ?> pagination) { this.pagination = pagination; return this; }

        public Builder<Q, R> waiter(WaitSpec wait) { this.wait = wait; return this; }

        @SuppressWarnings("unchecked")
        public Builder<Q, R> autoIdempotency(String field, Function<Q, ?> getter, BiConsumer<Q, String> setter) {
            this.autoIdempotencyField = field;
            this.autoIdempotencyGetter = (Function<Q, Object>) getter;
            this.autoIdempotencySetter = setter;
            return this;
        }

        public Operation<Q, R> build() { return new Operation<>(this); }
    }
}
