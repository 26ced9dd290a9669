package io.camelbricks.api.observe;

/**
 * Told about every call an {@link io.camelbricks.api.ApiClient} makes, once the call has its outcome (see
 * {@link ApiCall}); for metrics and tracing (the Camel component binds one to Micrometer). Called on the thread
 * that completed the call: keep it quick and non-blocking. What it throws is logged and ignored; the call's
 * outcome stays as it was.
 */
@FunctionalInterface
public interface ApiCallListener {
    void onCall(ApiCall call);
}
