package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageToken;
import java.util.List;

/** Renders a {@link StoredJob} as the Jobs API {@code Job} ({@code jobs/get}) or {@code BaseJob} ({@code jobs/list}). */
final class JobRenderer {

    /** Jobs 2.2 returns at most this many tasks per {@code jobs/get} page and per job in an expanded list. */
    static final int TASK_PAGE_SIZE = 100;

    /** The arrays of the settings that Jobs 2.2 pages, 100 entries each per page. */
    private static final List<String> PAGED_ARRAYS = List.of("tasks", "job_clusters", "parameters", "environments");

    /**
     * Under 2.2 the k-th page holds the k-th slice of 100 of each paged array (tasks, job_clusters, parameters,
     * environments), so that clients appending every page's arrays get each entry once; an array with no entries on a
     * later page is left out there.
     */
    ObjectNode render(StoredJob job, String version, String tasksPageToken) {
        ObjectNode json = header(job);
        ObjectNode settings = job.settings().deepCopy();
        if ("2.2".equals(version)) {
            String scope = "job-" + job.jobId() + "-tasks";
            int longest = 0;
            for (String field : PAGED_ARRAYS) {
                longest = Math.max(longest, settings.path(field).size());
            }
            int from = 0;
            if (tasksPageToken != null && !tasksPageToken.isEmpty()) {
                long offset = PageToken.decode(tasksPageToken, scope).boundary();
                if (offset < 0 || offset > longest) {
                    throw ApiException.invalidParameter("Invalid page token: " + tasksPageToken);
                }
                from = (int) offset;
            }
            int to = from + TASK_PAGE_SIZE;
            for (String field : PAGED_ARRAYS) {
                JsonNode array = settings.get(field);
                if (array instanceof ArrayNode a) {
                    if (from > 0 && from >= a.size()) {
                        settings.remove(field);
                    } else {
                        settings.set(field, slice(a, Math.min(from, a.size()), Math.min(a.size(), to)));
                    }
                }
            }
            if (to < longest) {
                json.put("has_more", true);
                json.put("next_page_token", new PageToken(scope, true, to).encode());
            }
        }
        json.set("settings", settings);
        return json;
    }

    ObjectNode renderListItem(StoredJob job, boolean expandTasks) {
        ObjectNode json = header(job);
        json.remove("run_as_user_name");
        ObjectNode settings = job.settings().deepCopy();
        if (!expandTasks) {
            settings.remove("tasks");
            settings.remove("job_clusters");
        } else {
            JsonNode tasks = settings.path("tasks");
            if (tasks.isArray() && tasks.size() > TASK_PAGE_SIZE) {
                settings.set("tasks", slice((ArrayNode) tasks, 0, TASK_PAGE_SIZE));
                json.put("has_more", true);
            }
        }
        json.set("settings", settings);
        return json;
    }

    private static ObjectNode header(StoredJob job) {
        ObjectNode json = Json.object();
        json.put("job_id", job.jobId());
        json.put("creator_user_name", job.creatorUserName());
        json.put("run_as_user_name", job.creatorUserName());
        json.put("created_time", job.createdTime());
        return json;
    }

    private static ArrayNode slice(ArrayNode array, int from, int to) {
        ArrayNode result = Json.array();
        for (int i = from; i < to; i++) {
            result.add(array.get(i));
        }
        return result;
    }
}
