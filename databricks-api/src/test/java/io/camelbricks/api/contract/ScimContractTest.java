package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.service.iam.ComplexValue;
import io.camelbricks.api.service.iam.Group;
import io.camelbricks.api.service.iam.GroupsGetRequest;
import io.camelbricks.api.service.iam.GroupsListRequest;
import io.camelbricks.api.service.iam.GroupsPatchRequest;
import io.camelbricks.api.service.iam.Patch;
import io.camelbricks.api.service.iam.PatchOp;
import io.camelbricks.api.service.iam.PatchSchema;
import io.camelbricks.api.service.iam.ServicePrincipal;
import io.camelbricks.api.service.iam.ServicePrincipalsListRequest;
import io.camelbricks.api.service.iam.User;
import io.camelbricks.api.service.iam.UsersDeleteRequest;
import io.camelbricks.api.service.iam.UsersGetRequest;
import io.camelbricks.api.service.iam.UsersListRequest;
import io.camelbricks.api.service.iam.UsersPatchRequest;

/**
 * The typed client's SCIM services against the emulator: users, groups and service principals, 1-based offset
 * paging, filters, PatchOp, membership seen from both sides, {@code Me}, SCIM error bodies.
 */
class ScimContractTest extends EmulatorContract {

    private static User user(String name) {
        return w.users().create(new User().setUserName(name));
    }

    @Test
    void meIsTheSeededUserWithItsGroups() {
        User me = w.currentUser().me();

        assertThat(me.getUserName()).isEqualTo(emu.options().userName());
        assertThat(me.getGroups()).extracting(ComplexValue::getDisplay).containsExactly("admins", "users");
        assertThat(w.users().get(new UsersGetRequest().setId(me.getId())).getUserName()).isEqualTo(me.getUserName());
    }

    @Test
    void usersAreListedInOneBasedPagesWithoutDuplicates() {
        for (int i = 0; i < 7; i++) {
            user("user" + i + "@example.com");
        }
        List<String> names = w.users().list(new UsersListRequest().setCount(3L)).stream().map(User::getUserName).toList();

        assertThat(names).hasSize(8).doesNotHaveDuplicates().contains("user0@example.com", "user6@example.com");
        assertThat(emu.requests().matching("GET", "/preview/scim/v2/Users").stream()
                .map(r -> r.queryParameter("startIndex"))).startsWith("1", "4", "7");
    }

    @Test
    void filtersSelectByUserNameAndDisplayName() {
        user("ada@example.com");
        user("bob@example.com");
        w.groups().create(new Group().setDisplayName("data-engineers"));

        assertThat(w.users().list(new UsersListRequest().setFilter("userName eq \"ADA@example.com\"")).stream()
                .map(User::getUserName)).containsExactly("ada@example.com");
        assertThat(w.users().list(new UsersListRequest().setFilter("userName sw \"b\" or userName co \"ada\""))
                .stream().map(User::getUserName)).containsExactly("ada@example.com", "bob@example.com");
        assertThat(w.groups().list(new GroupsListRequest().setFilter("displayName eq \"data-engineers\"")).stream()
                .map(Group::getDisplayName)).containsExactly("data-engineers");
        assertThatThrownBy(() -> w.users().list(new UsersListRequest().setFilter("userName ~~ 1")).stream().toList())
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void groupMembershipIsPatchedAndShowsOnTheMember() {
        User ada = user("ada@example.com");
        ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("etl-bot"));
        Group g = w.groups().create(new Group().setDisplayName("etl"));

        w.groups().patch(new GroupsPatchRequest().setId(g.getId())
                .setSchemas(List.of(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
                .setOperations(List.of(new Patch().setOp(PatchOp.ADD).setPath("members").setValue(List.of(
                        Map.of("value", ada.getId()), Map.of("value", sp.getId()))))));

        assertThat(w.groups().get(new GroupsGetRequest().setId(g.getId())).getMembers())
                .extracting(ComplexValue::getValue, ComplexValue::getDisplay).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ada.getId(), "ada@example.com"),
                        org.assertj.core.groups.Tuple.tuple(sp.getId(), "etl-bot"));
        assertThat(w.users().get(new UsersGetRequest().setId(ada.getId())).getGroups()).extracting(ComplexValue::getDisplay)
                .containsExactly("etl");

        w.groups().patch(new GroupsPatchRequest().setId(g.getId())
                .setOperations(List.of(new Patch().setOp(PatchOp.REMOVE)
                        .setPath("members[value eq \"" + ada.getId() + "\"]"))));
        assertThat(w.groups().get(new GroupsGetRequest().setId(g.getId())).getMembers())
                .extracting(ComplexValue::getValue).containsExactly(sp.getId());
    }

    @Test
    void aUserIsDeactivatedByPatchAndDeletedFromItsGroups() {
        User bob = user("bob@example.com");
        w.users().patch(new UsersPatchRequest().setId(bob.getId())
                .setOperations(List.of(new Patch().setOp(PatchOp.REPLACE).setPath("active").setValue(false))));
        assertThat(w.users().get(new UsersGetRequest().setId(bob.getId())).getActive()).isFalse();
        assertThat(w.users().list(new UsersListRequest().setFilter("active eq false")).stream().map(User::getId))
                .containsExactly(bob.getId());

        String group = emu.identities().addGroup("team", bob.getId());
        w.users().delete(new UsersDeleteRequest().setId(bob.getId()));
        assertThat(w.groups().get(new GroupsGetRequest().setId(group)).getMembers()).isNullOrEmpty();
        assertThatThrownBy(() -> w.users().get(new UsersGetRequest().setId(bob.getId())))
                .isInstanceOfSatisfying(DatabricksError.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getServerMessage()).contains("not found");
                });
    }

    @Test
    void duplicatesAreConflictsAndServicePrincipalsGetAnApplicationId() {
        user("ada@example.com");
        assertThatThrownBy(() -> user("ada@example.com"))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

        ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("bot"));
        assertThat(sp.getApplicationId()).matches("[0-9a-f-]{36}");
        assertThat(sp.getActive()).isTrue();
        assertThat(w.servicePrincipals().list(new ServicePrincipalsListRequest()
                .setFilter("applicationId eq \"" + sp.getApplicationId() + "\"")).stream()
                .map(ServicePrincipal::getDisplayName)).containsExactly("bot");
    }
}
