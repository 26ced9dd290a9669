package io.camelbricks.it;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.api.DatabricksConfig;
import io.camelbricks.api.WorkspaceClient;
import io.camelbricks.api.service.jobs.BaseJob;
import io.camelbricks.api.service.jobs.JobsListRequest;
import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults survived: a 100,000-item listing ({@code jobs/list}, 100 per page, 1,000 pages) through the lazy
 * paginator while the emulator injects the {@link FaultMix} on every page request: exactly 100,000 distinct job
 * ids, no duplicates, no gaps.
 */
class LargeListingUnderFaultsIT {
    static final int ITEMS = Integer.getInteger("it.listing.items", 100_000);

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension(
            io.camelbricks.emulator.EmulatorOptions.builder().requestLogCapacity(ITEMS / 50 + 1_000).build());

    @RegisterExtension
    final ItReport report = new ItReport();

    @Test
    void aHundredThousandItemListingUnderFaultsHasEveryItemOnce() {
        DatabricksEmulator emulator = DATABRICKS.emulator();
        emulator.reset();
        List<Long> seeded = emulator.jobs().createJobs(ITEMS);
        FaultMix.on(emulator, "GET", "/jobs/list", 8);
        report.scenario(String.format(java.util.Locale.ROOT, "%,d-item listing, 5%% 503 / 1%% 429 / 1%% reset / 1%% slow > read"
                + " timeout", ITEMS));

        long duplicates = 0;
        Set<Long> listed = new HashSet<>();
        try (WorkspaceClient w = new WorkspaceClient(FaultMix.client(
                new DatabricksConfig().setHost(emulator.url()).setToken(emulator.token())))) {
            for (BaseJob job : w.jobs().list(new JobsListRequest().setLimit(100L))) {
                if (!listed.add(job.getJobId())) {
                    duplicates++;
                }
            }
        }

        long pageRequests = emulator.requests().count("GET", "/jobs/list");
        long missing = seeded.stream().filter(id -> !listed.contains(id)).count();
        report.figure("items", listed.size()).figure("duplicates", duplicates).figure("missing", missing)
                .figure("page requests", pageRequests).figure("faults injected", emulator.faults().injectedCount())
                .figure("by kind", FaultMix.injected(emulator));
        assertThat(duplicates).isZero();
        assertThat(missing).isZero();
        assertThat(listed).hasSize(ITEMS); // (AssertJ's containsAll on 100,000 items would take seconds)
        assertThat(emulator.faults().injectedCount()).as("the mix really hit the listing").isGreaterThan(50);
        assertThat(pageRequests).isGreaterThanOrEqualTo(ITEMS / 100);
    }
}
