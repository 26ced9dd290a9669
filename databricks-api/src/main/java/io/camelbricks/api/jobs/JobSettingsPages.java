package io.camelbricks.api.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.paging.PagedResponse;
import io.camelbricks.api.service.jobs.Job;
import io.camelbricks.api.service.jobs.JobSettings;
import io.camelbricks.api.service.jobs.JobsGetRequest;

/**
 * {@code jobs/get} in Jobs API 2.2 pages a job's settings arrays at 100: tasks, job clusters, parameters and
 * environments of every page are merged into one {@link Job}.
 */
public final class JobSettingsPages implements PagedResponse<JobsGetRequest, Job> {

    @Override
    public String nextPageToken(Job job) {
        return job.getNextPageToken();
    }

    @Override
    public JobsGetRequest withPageToken(ObjectMapper mapper, JobsGetRequest request, String token) {
        return mapper.convertValue(request, JobsGetRequest.class).setPageToken(token);
    }

    @Override
    public void merge(Job into, Job page) {
        JobSettings target = into.getSettings();
        JobSettings more = page.getSettings();
        if (more != null) {
            if (target == null) {
                into.setSettings(more);
            } else {
                ListMerge.append(target.getTasks(), more.getTasks(), target::setTasks);
                ListMerge.append(target.getJobClusters(), more.getJobClusters(), target::setJobClusters);
                ListMerge.append(target.getParameters(), more.getParameters(), target::setParameters);
                ListMerge.append(target.getEnvironments(), more.getEnvironments(), target::setEnvironments);
            }
        }
        into.setNextPageToken(page.getNextPageToken());
        into.setHasMore(page.getHasMore());
    }
}
