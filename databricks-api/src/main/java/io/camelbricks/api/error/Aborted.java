package io.camelbricks.api.error;

/** error_code ABORTED: the operation was aborted, typically by a concurrent change. */
public class Aborted extends ResourceConflict {
    public Aborted(ErrorDetails error) {
        super(error);
    }
}
