package io.camelbricks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.generated.GeneratedOperations;
import io.camelbricks.api.registry.ApiScope;
import io.camelbricks.api.registry.BodyKind;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.PaginationKind;
import io.camelbricks.api.registry.PaginationSpec;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.registry.WaitSpec;

/** The generated registry: complete, ordered, unique, and every type it names is a real class. */
class OperationRegistryTest {

    private final List<Operation<?, ?>> all = OperationRegistry.all();

    @Test
    void holdsEveryOperationOfBothDocumentsWorkspaceFirst() {
        assertThat(all).hasSize(987);
        assertThat(OperationRegistry.inScope(ApiScope.WORKSPACE)).hasSize(812);
        assertThat(OperationRegistry.inScope(ApiScope.ACCOUNT)).hasSize(175);
        assertThat(all.subList(0, 812)).allSatisfy(op -> assertThat(op.scope()).isEqualTo(ApiScope.WORKSPACE));
        assertThat(all.subList(812, 987)).allSatisfy(op -> assertThat(op.scope()).isEqualTo(ApiScope.ACCOUNT));
        assertThat(GeneratedOperations.WORKSPACE_OPERATIONS).isEqualTo(812);
        assertThat(GeneratedOperations.ACCOUNT_OPERATIONS).isEqualTo(175);
        assertThat(all.get(0).id()).isEqualTo("compute.CommandExecution.cancel");
    }

    @Test
    void idsAreUniqueAndFindable() {
        Set<String> ids = new HashSet<>();
        for (Operation<?, ?> op : all) {
            assertThat(ids.add(op.id())).as(op.id()).isTrue();
            assertThat(OperationRegistry.byId(op.id())).containsSame(op);
        }
        assertThat(OperationRegistry.byId("jobs.Jobs.submit")).isPresent();
    }

    @Test
    void everyOperationHasVerbPathAccessorAndLoadableTypes() throws ClassNotFoundException {
        for (Operation<?, ?> op : all) {
            assertThat(op.httpMethod()).as(op.id()).isNotNull();
            assertThat(op.path()).as(op.id()).startsWith("/"); // "/serving-endpoints/{name}/invocations" too
            assertThat(op.serviceAccessor()).as(op.id()).matches("[a-z][A-Za-z0-9]*");
            assertThat(op.requestType()).as(op.id()).isNotNull();
            assertThat(op.responseType()).as(op.id()).isNotNull();
            assertThat(Class.forName(op.requestType().getName())).isSameAs(op.requestType());
            assertThat(Class.forName(op.responseType().getName())).isSameAs(op.responseType());
            if (op.requestType() != Void.class) {
                assertThat(op.requestType().getPackageName()).as(op.id())
                        .isEqualTo("io.camelbricks.api.service." + op.packageName());
            }
        }
    }

    @Test
    void accessorsFollowTheNamingRule() {
        assertThat(OperationRegistry.byId("jobs.Jobs.submit").orElseThrow().serviceAccessor()).isEqualTo("jobs");
        assertThat(OperationRegistry.byId("sql.StatementExecution.executeStatement").orElseThrow().serviceAccessor())
                .isEqualTo("statementExecution");
        assertThat(OperationRegistry.byId("iam.AccountGroups.list").orElseThrow().serviceAccessor()).isEqualTo("groups");
        assertThat(OperationRegistry.byId("iam.AccountUsersV2.list").orElseThrow().serviceAccessor())
                .isEqualTo("usersV2");
        assertThat(OperationRegistry.byId("provisioning.Workspaces.create").orElseThrow().serviceAccessor())
                .isEqualTo("workspaces");
    }

    @Test
    void everyPathParameterIsBoundAndConfigParametersOnlyOnAccountOperations() {
        for (Operation<?, ?> op : all) {
            for (Param<?> p : op.params()) {
                if (p.fromConfig() != null) {
                    assertThat(op.scope()).as(op.id()).isEqualTo(ApiScope.ACCOUNT);
                    assertThat(p.name()).isEqualTo("account_id");
                } else {
                    assertThat(p.javaName()).as(op.id() + " " + p).isNotNull();
                    assertThat(p.type()).as(op.id() + " " + p).isNotNull();
                    assertThat(p.valueIn(null)).isNull();
                }
            }
            String path = op.path();
            for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', open + 1)) {
                String name = path.substring(open + 1, path.indexOf('}', open));
                assertThat(op.params()).as(op.id() + " {" + name + "}")
                        .anySatisfy(p -> assertThat(p.name()).isEqualTo(name));
            }
            if (op.bodyKind() == BodyKind.BODY_FIELD) {
                assertThat(op.bodyField()).as(op.id()).isNotBlank();
            }
        }
    }

    @Test
    void paginationsAreComplete() {
        long paginated = 0;
        for (Operation<?, ?> op : all) {
            PaginationSpec<?, ?, ?> pg = op.pagination();
            if (pg == null) {
                continue;
            }
            paginated++;
            assertThat(pg.itemType()).as(op.id()).isNotNull();
            assertThat(pg.itemsField()).as(op.id()).isNotBlank();
            assertThat(pg.itemsOf(null)).isEmpty();
            switch (pg.kind()) {
                case TOKEN -> {
                    assertThat(pg.requestField()).as(op.id()).isNotNull();
                    assertThat(pg.responseField()).as(op.id()).isNotNull();
                }
                case OFFSET, PAGE -> {
                    assertThat(pg.requestField()).as(op.id()).isNotNull();
                    assertThat(pg.firstPage()).as(op.id()).isEqualTo(1L);
                }
                case NEXT_PAGE_REQUEST -> assertThat(pg.responseField()).as(op.id()).isEqualTo("next_page");
                case SINGLE -> assertThat(pg.requestField()).as(op.id()).isNull();
            }
        }
        assertThat(paginated).isEqualTo(144);
        PaginationSpec<?, ?, ?> users = OperationRegistry.byId("iam.Users.list").orElseThrow().pagination();
        assertThat(users.kind()).isEqualTo(PaginationKind.OFFSET);
        assertThat(users.requestField()).isEqualTo("startIndex");
        assertThat(users.itemsField()).isEqualTo("Resources");
        assertThat(users.deduplicates()).isTrue();
    }

    @Test
    void waitersPollAnOperationOfTheRegistry() {
        long waiters = 0;
        for (Operation<?, ?> op : all) {
            WaitSpec w = op.waitSpec();
            if (w == null) {
                continue;
            }
            waiters++;
            Operation<?, ?> poll = OperationRegistry.byId(w.pollOperationId()).orElseThrow();
            assertThat(poll.scope()).as(op.id()).isEqualTo(op.scope());
            assertThat(w.pollFields()).as(op.id()).hasSameSizeAs(w.pollArguments());
            assertThat(w.targetStates()).as(op.id()).isNotEmpty();
            assertThat(w.defaultTimeout()).as(op.id()).isPositive();
        }
        assertThat(waiters).isEqualTo(36);
        WaitSpec execute = OperationRegistry.byId("compute.CommandExecution.execute").orElseThrow().waitSpec();
        assertThat(execute.pollArguments()).containsExactly("request.clusterId", "response.id", "request.contextId");
        assertThat(execute.pollFields()).containsExactly("clusterId", "commandId", "contextId");
    }
}
