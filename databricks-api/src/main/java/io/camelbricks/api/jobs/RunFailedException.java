package io.camelbricks.api.jobs;

import java.util.Objects;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.jobs.Run;

/**
 * A job run ended without success. The message is {@link RunFailure#message()}: the failed tasks with their errors
 * and the run page URL.
 */
public class RunFailedException extends DatabricksException {
    private final transient RunFailure failure;
    private final transient Run run;

    public RunFailedException(RunFailure failure, Run run) {
        super(Objects.requireNonNull(failure, "failure").message());
        this.failure = failure;
        this.run = run;
    }

    /** What failed, task by task. */
    public RunFailure getFailure() {
        return failure;
    }

    /** The terminal run. */
    public Run getRun() {
        return run;
    }
}
