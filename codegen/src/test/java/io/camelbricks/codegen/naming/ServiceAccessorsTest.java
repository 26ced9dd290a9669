package io.camelbricks.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.codegen.spec.Scope;
import io.camelbricks.codegen.spec.ServiceDef;
import io.camelbricks.codegen.spec.SpecException;

class ServiceAccessorsTest {

    @Test
    void workspaceAccessorsAreLowerCamel() {
        assertThat(ServiceAccessors.accessor("Jobs", Scope.WORKSPACE)).isEqualTo("jobs");
        assertThat(ServiceAccessors.accessor("StatementExecution", Scope.WORKSPACE)).isEqualTo("statementExecution");
        assertThat(ServiceAccessors.accessor("ServicePrincipalsV2", Scope.WORKSPACE)).isEqualTo("servicePrincipalsV2");
        assertThat(ServiceAccessors.accessor("AccountAccessControlProxy", Scope.WORKSPACE))
                .isEqualTo("accountAccessControlProxy");
    }

    @Test
    void accountAccessorsDropALeadingAccount() {
        assertThat(ServiceAccessors.accessor("AccountGroups", Scope.ACCOUNT)).isEqualTo("groups");
        assertThat(ServiceAccessors.accessor("AccountUsersV2", Scope.ACCOUNT)).isEqualTo("usersV2");
        assertThat(ServiceAccessors.accessor("Workspaces", Scope.ACCOUNT)).isEqualTo("workspaces");
        assertThat(ServiceAccessors.accessor("Account", Scope.ACCOUNT)).isEqualTo("account");
        assertThat(ServiceAccessors.accessor("Accountant", Scope.ACCOUNT)).isEqualTo("accountant");
        assertThat(ServiceAccessors.accessor("OAuthPublishedApps", Scope.ACCOUNT)).isEqualTo("oAuthPublishedApps");
    }

    @Test
    void aClashWithinAScopeFailsTheGeneration() {
        List<ServiceDef> services = List.of(
                new ServiceDef("iam", "AccountGroups", Scope.ACCOUNT, List.of()),
                new ServiceDef("settings", "Groups", Scope.ACCOUNT, List.of()));
        assertThatThrownBy(() -> ServiceAccessors.assign(services))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("iam.AccountGroups")
                .hasMessageContaining("settings.Groups")
                .hasMessageContaining("groups");
    }

    @Test
    void theSameAccessorInDifferentScopesIsFine() {
        List<ServiceDef> services = List.of(
                new ServiceDef("iam", "Groups", Scope.WORKSPACE, List.of()),
                new ServiceDef("iam", "AccountGroups", Scope.ACCOUNT, List.of()));
        assertThat(ServiceAccessors.assign(services)).containsEntry("iam.Groups", "groups")
                .containsEntry("iam.AccountGroups", "groups");
    }

    @Test
    void unusableAccessorsAreRefused() {
        assertThatThrownBy(() -> ServiceAccessors.accessor("Default", Scope.WORKSPACE))
                .isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> ServiceAccessors.accessor("ApiClient", Scope.WORKSPACE))
                .isInstanceOf(SpecException.class);
    }
}
