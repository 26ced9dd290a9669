package io.camelbricks.api.error;

/** error_code ALREADY_EXISTS. */
public class AlreadyExists extends ResourceConflict {
    public AlreadyExists(ErrorDetails error) {
        super(error);
    }
}
