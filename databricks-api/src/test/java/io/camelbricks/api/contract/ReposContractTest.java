package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.workspace.CreateRepoRequest;
import io.camelbricks.api.service.workspace.CreateRepoResponse;
import io.camelbricks.api.service.workspace.GetRepoResponse;
import io.camelbricks.api.service.workspace.RepoInfo;
import io.camelbricks.api.service.workspace.ReposDeleteRequest;
import io.camelbricks.api.service.workspace.ReposGetRequest;
import io.camelbricks.api.service.workspace.ReposListRequest;
import io.camelbricks.api.service.workspace.ReposUpdateRequest;
import io.camelbricks.api.service.workspace.SparseCheckout;

/** The typed client's Repos service against the emulator: create, get, paged list, checkout, delete. */
class ReposContractTest extends EmulatorContract {

    @Test
    void aRepoIsCreatedOnMainAndFollowsBranchCheckoutsUntilDeleted() {
        CreateRepoResponse created = w.repos().create(new CreateRepoRequest()
                .setUrl("https://github.com/acme/etl.git").setProvider("gitHub")
                .setSparseCheckout(new SparseCheckout().setPatterns(List.of("jobs"))));
        assertThat(created.getPath()).isEqualTo("/Repos/" + emu.options().userName() + "/etl");
        assertThat(created.getBranch()).isEqualTo("main");
        assertThat(created.getHeadCommitId()).hasSize(40);
        assertThat(created.getSparseCheckout().getPatterns()).containsExactly("jobs");

        w.repos().update(new ReposUpdateRequest().setRepoId(created.getId()).setBranch("release"));
        GetRepoResponse got = w.repos().get(new ReposGetRequest().setRepoId(created.getId()));
        assertThat(got.getBranch()).isEqualTo("release");
        assertThat(got.getHeadCommitId()).isNotEqualTo(created.getHeadCommitId())
                .isEqualTo(emu.repos().repo(created.getId()).orElseThrow().headCommitId());

        w.repos().delete(new ReposDeleteRequest().setRepoId(created.getId()));
        assertThatThrownBy(() -> w.repos().get(new ReposGetRequest().setRepoId(created.getId())))
                .isInstanceOf(ResourceDoesNotExist.class)
                .hasMessageContaining("Repo " + created.getId() + " does not exist.");
    }

    @Test
    void listingFollowsNextPageTokensAndFiltersByPathPrefix() {
        for (int i = 0; i < 5; i++) {
            emu.repos().createRepo("https://gitlab.com/acme/r" + i, "gitLab", "/Repos/team/r" + i);
        }
        emu.repos().createRepo("https://gitlab.com/acme/x", "gitLab", "/Repos/other/x");
        emu.pageSizes().max(2);

        assertThat(w.repos().list(new ReposListRequest().setPathPrefix("/Repos/team")).stream()
                .map(RepoInfo::getPath))
                .containsExactly("/Repos/team/r0", "/Repos/team/r1", "/Repos/team/r2", "/Repos/team/r3", "/Repos/team/r4");
        assertThat(w.repos().list(new ReposListRequest()).stream().count()).isEqualTo(6);
        assertThat(emu.requests().count("GET", "/repos")).isEqualTo(3 + 3);
    }
}
