package io.camelbricks.api.error;

/** error_code INVALID_STATE: the resource is not in a state that allows the operation. */
public class InvalidState extends BadRequest {
    public InvalidState(ErrorDetails error) {
        super(error);
    }
}
