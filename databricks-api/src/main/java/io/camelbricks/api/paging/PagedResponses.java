package io.camelbricks.api.paging;

import java.util.Map;

import io.camelbricks.api.jobs.JobSettingsPages;
import io.camelbricks.api.jobs.RunTaskPages;
import io.camelbricks.api.registry.Operation;

/** The operations whose responses are paged entities, and how to complete them. */
public final class PagedResponses {
    private static final Map<String, PagedResponse<?, ?>> BY_OPERATION = Map.of(
            "jobs.Jobs.getRun", new RunTaskPages(),
            "jobs.Jobs.get", new JobSettingsPages());

    private PagedResponses() {
    }

    /** How to complete the responses of {@code op}, or null when they are not paged. */
    @SuppressWarnings("unchecked")
    public static <Q, R> PagedResponse<Q, R> of(Operation<Q, R> op) {
        return (PagedResponse<Q, R>) BY_OPERATION.get(op.id());
    }
}
