package io.camelbricks.api.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.paging.PagedResponse;
import io.camelbricks.api.service.jobs.JobsGetRunRequest;
import io.camelbricks.api.service.jobs.Run;

/**
 * {@code jobs/runs/get} in Jobs API 2.2 returns at most 100 tasks (or for-each iterations) per call, with a
 * {@code next_page_token}: the pages are merged into one {@link Run} (tasks or iterations, job clusters, job
 * parameters, repair history), as the Python SDK does and the Java SDK's unwired {@code JobsExt} meant to.
 */
public final class RunTaskPages implements PagedResponse<JobsGetRunRequest, Run> {

    @Override
    public String nextPageToken(Run run) {
        return run.getNextPageToken();
    }

    @Override
    public JobsGetRunRequest withPageToken(ObjectMapper mapper, JobsGetRunRequest request, String token) {
        return mapper.convertValue(request, JobsGetRunRequest.class).setPageToken(token);
    }

    @Override
    public void merge(Run into, Run page) {
        boolean iterations = into.getIterations() != null && !into.getIterations().isEmpty();
        if (iterations) {
            ListMerge.append(into.getIterations(), page.getIterations(), into::setIterations);
        } else {
            ListMerge.append(into.getTasks(), page.getTasks(), into::setTasks);
        }
        ListMerge.append(into.getJobClusters(), page.getJobClusters(), into::setJobClusters);
        ListMerge.append(into.getJobParameters(), page.getJobParameters(), into::setJobParameters);
        ListMerge.append(into.getRepairHistory(), page.getRepairHistory(), into::setRepairHistory);
        into.setNextPageToken(page.getNextPageToken());
        into.setHasMore(page.getHasMore());
    }
}
