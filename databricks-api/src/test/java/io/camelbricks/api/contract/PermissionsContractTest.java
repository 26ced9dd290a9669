package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.ResourceDoesNotExist;
import io.camelbricks.api.service.iam.AccessControlRequest;
import io.camelbricks.api.service.iam.AccessControlResponse;
import io.camelbricks.api.service.iam.ObjectPermissions;
import io.camelbricks.api.service.iam.PermissionLevel;
import io.camelbricks.api.service.iam.PermissionsGetPermissionLevelsRequest;
import io.camelbricks.api.service.iam.PermissionsGetRequest;
import io.camelbricks.api.service.iam.PermissionsSetRequest;
import io.camelbricks.api.service.iam.PermissionsUpdateRequest;
import io.camelbricks.emulator.clusters.EmulatedClusters;

/** The typed client's Permissions service against the emulator: jobs and clusters ACLs, set vs update, validation. */
class PermissionsContractTest extends EmulatorContract {

    @BeforeEach
    void seed() {
        emu.identities().addUser("ada@example.com");
        emu.identities().addGroup("analysts");
    }

    private static List<String> entries(ObjectPermissions p) {
        return p.getAccessControlList().stream().map(PermissionsContractTest::entry).toList();
    }

    private static String entry(AccessControlResponse a) {
        String who = a.getUserName() != null ? a.getUserName() : a.getGroupName() != null ? a.getGroupName()
                : a.getServicePrincipalName();
        return who + "=" + a.getAllPermissions().get(0).getPermissionLevel().value()
                + (Boolean.TRUE.equals(a.getAllPermissions().get(0).getInherited()) ? "(inherited)" : "");
    }

    @Test
    void aJobShowsItsOwnerAndAdminsUntilPermissionsAreSet() {
        String job = Long.toString(emu.jobs().createJob("etl"));
        ObjectPermissions p = w.permissions().get(new PermissionsGetRequest().setRequestObjectType("jobs")
                .setRequestObjectId(job));

        assertThat(p.getObjectId()).isEqualTo("/jobs/" + job);
        assertThat(p.getObjectType()).isEqualTo("job");
        assertThat(entries(p)).containsExactly(emu.options().userName() + "=IS_OWNER", "admins=CAN_MANAGE(inherited)");
    }

    @Test
    void setReplacesDirectEntriesAndKeepsTheOwnerWhileUpdateMerges() {
        String job = Long.toString(emu.jobs().createJob("etl"));
        w.permissions().set(new PermissionsSetRequest().setRequestObjectType("jobs").setRequestObjectId(job)
                .setAccessControlList(List.of(new AccessControlRequest().setUserName("ada@example.com")
                        .setPermissionLevel(PermissionLevel.CAN_MANAGE_RUN))));
        ObjectPermissions updated = w.permissions().update(new PermissionsUpdateRequest().setRequestObjectType("jobs")
                .setRequestObjectId(job).setAccessControlList(List.of(new AccessControlRequest()
                        .setGroupName("analysts").setPermissionLevel(PermissionLevel.CAN_VIEW))));

        assertThat(entries(updated)).containsExactly(emu.options().userName() + "=IS_OWNER",
                "ada@example.com=CAN_MANAGE_RUN", "analysts=CAN_VIEW", "admins=CAN_MANAGE(inherited)");

        ObjectPermissions replaced = w.permissions().set(new PermissionsSetRequest().setRequestObjectType("jobs")
                .setRequestObjectId(job).setAccessControlList(List.of(new AccessControlRequest()
                        .setGroupName("analysts").setPermissionLevel(PermissionLevel.CAN_MANAGE_RUN))));
        assertThat(entries(replaced)).containsExactly(emu.options().userName() + "=IS_OWNER",
                "analysts=CAN_MANAGE_RUN", "admins=CAN_MANAGE(inherited)");
        assertThat(emu.permissions().entries("jobs", job)).hasValueSatisfying(m -> assertThat(m)
                .containsEntry("group:analysts", "CAN_MANAGE_RUN").hasSize(2));
    }

    @Test
    void clusterLevelsAreCheckedAndPrincipalsMustExist() {
        String cluster = EmulatedClusters.SHARED_CLUSTER_ID;
        ObjectPermissions p = w.permissions().update(new PermissionsUpdateRequest().setRequestObjectType("clusters")
                .setRequestObjectId(cluster).setAccessControlList(List.of(new AccessControlRequest()
                        .setUserName("ada@example.com").setPermissionLevel(PermissionLevel.CAN_RESTART))));
        assertThat(entries(p)).contains("ada@example.com=CAN_RESTART");

        assertThatThrownBy(() -> w.permissions().update(new PermissionsUpdateRequest().setRequestObjectType("clusters")
                .setRequestObjectId(cluster).setAccessControlList(List.of(new AccessControlRequest()
                        .setUserName("ada@example.com").setPermissionLevel(PermissionLevel.CAN_MANAGE_RUN)))))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> w.permissions().update(new PermissionsUpdateRequest().setRequestObjectType("clusters")
                .setRequestObjectId(cluster).setAccessControlList(List.of(new AccessControlRequest()
                        .setUserName("ghost@example.com").setPermissionLevel(PermissionLevel.CAN_RESTART)))))
                .hasMessageContaining("ghost@example.com");
        assertThat(w.permissions().getPermissionLevels(new PermissionsGetPermissionLevelsRequest()
                .setRequestObjectType("clusters").setRequestObjectId(cluster)).getPermissionLevels())
                .extracting(l -> l.getPermissionLevel().value()).containsExactly("CAN_ATTACH_TO", "CAN_RESTART",
                        "CAN_MANAGE");
    }

    @Test
    void permissionsOfMissingObjectsAre404() {
        assertThatThrownBy(() -> w.permissions().get(new PermissionsGetRequest().setRequestObjectType("jobs")
                .setRequestObjectId("123"))).isInstanceOf(ResourceDoesNotExist.class);
        assertThatThrownBy(() -> w.permissions().get(new PermissionsGetRequest().setRequestObjectType("clusters")
                .setRequestObjectId("nope"))).isInstanceOf(ResourceDoesNotExist.class);
    }
}
