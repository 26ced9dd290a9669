package io.camelbricks.api.error;

/** error_code DATA_LOSS. */
public class DataLoss extends InternalError {
    public DataLoss(ErrorDetails error) {
        super(error);
    }
}
