package io.camelbricks.emulator.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.KeysetPager;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The jobs of the workspace, by ascending job_id. Thread-safe. */
final class JobStore {

    /** Job ids start above 2^31 so that a client storing them in an {@code int} fails at once. */
    static final long FIRST_JOB_ID = 3_000_000_001L;

    private final Clock clock;
    private final String userName;
    private final AtomicLong nextId = new AtomicLong(FIRST_JOB_ID);
    private final TreeMap<Long, StoredJob> jobs = new TreeMap<>();

    JobStore(Clock clock, String userName) {
        this.clock = clock;
        this.userName = userName;
    }

    /** A fresh job id (also used for the hidden one-time jobs of submitted runs). */
    long allocateJobId() {
        return nextId.getAndIncrement();
    }

    /** Stores a job with already validated settings (copied). */
    synchronized StoredJob create(ObjectNode settings) {
        StoredJob job = new StoredJob(allocateJobId(), clock.millis(), userName, settings.deepCopy());
        jobs.put(job.jobId(), job);
        return job;
    }

    synchronized Optional<StoredJob> find(long jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The job, or 400 INVALID_PARAMETER_VALUE "Job N does not exist." as the Jobs API answers. */
    StoredJob get(long jobId) {
        return find(jobId).orElseThrow(() -> ApiException.legacyDoesNotExist("Job " + jobId + " does not exist."));
    }

    /** Replaces the settings of a job (already validated, copied); 400 "Job N does not exist." when unknown. */
    synchronized StoredJob replaceSettings(long jobId, ObjectNode settings) {
        StoredJob job = jobs.get(jobId);
        if (job == null) {
            throw ApiException.legacyDoesNotExist("Job " + jobId + " does not exist.");
        }
        StoredJob updated = new StoredJob(jobId, job.createdTime(), job.creatorUserName(), settings.deepCopy());
        jobs.put(jobId, updated);
        return updated;
    }

    synchronized boolean delete(long jobId) {
        return jobs.remove(jobId) != null;
    }

    /**
     * One page of the jobs by ascending id, {@code name} (if not null) filtering on the exact name ignoring case:
     * read from the job table in place (O(page) without a name, no copy of the table), as {@code pager} cuts it.
     */
    synchronized KeysetPager.Page<StoredJob> page(KeysetPager<StoredJob> pager, String name, int limit,
                                                  String pageToken, long offset) {
        Predicate<StoredJob> filter = name == null ? null
                : job -> job.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        return pager.page(jobs, filter, limit, pageToken, offset);
    }

    synchronized int count() {
        return jobs.size();
    }

    synchronized void clear() {
        jobs.clear();
    }
}
