package io.camelbricks.api;

import java.util.concurrent.CompletableFuture;

import io.camelbricks.api.paging.Paginated;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.wait.Wait;

/** PLACEHOLDER: replaced by the real pipeline. Signatures are the contract used by the generated services. */
public class ApiClient {
    public <Q, R> R execute(Operation<Q, R> op, Q request) {
        throw new UnsupportedOperationException("not yet");
    }

    public <Q, R> CompletableFuture<R> executeAsync(Operation<Q, R> op, Q request) {
        throw new UnsupportedOperationException("not yet");
    }

    public <Q, R, T> Paginated<T> paginate(Operation<Q, R> op, Q request) {
        throw new UnsupportedOperationException("not yet");
    }

    public <Q, R, T> Wait<T, R> waitFor(Operation<Q, R> op, Q request, R response) {
        throw new UnsupportedOperationException("not yet");
    }
}
