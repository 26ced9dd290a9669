package io.camelbricks.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<Integer> SEVEN = List.of(1, 2, 3, 4, 5, 6, 7);

    @Test
    void tokenPagesWalkTheWholeListAndTheLastPageHasNoToken() {
        Paging.TokenPage<Integer> first = Paging.token("things", SEVEN, null, 3);
        Paging.TokenPage<Integer> second = Paging.token("things", SEVEN, first.nextPageToken(), 3);
        Paging.TokenPage<Integer> third = Paging.token("things", SEVEN, second.nextPageToken(), 3);

        assertThat(first.items()).containsExactly(1, 2, 3);
        assertThat(second.items()).containsExactly(4, 5, 6);
        assertThat(third.items()).containsExactly(7);
        assertThat(third.hasMore()).isFalse();
        ObjectNode json = third.writeTo(Json.object(), "things", i -> Json.MAPPER.getNodeFactory().numberNode(i));
        assertThat(json.toString()).isEqualTo("{\"things\":[7]}");
        assertThat(Paging.token("things", List.of(), null, 3).writeTo(Json.object(), "things", i -> null).toString())
                .as("empty lists leave the array out").isEqualTo("{}");
    }

    @Test
    void tokensOfAnotherListOrGarbledOnesAre400() {
        String token = Paging.token("things", SEVEN, null, 3).nextPageToken();

        assertThatThrownBy(() -> Paging.token("others", SEVEN, token, 3)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> Paging.token("things", SEVEN, "%%%", 3)).isInstanceOf(ApiException.class);
    }

    @Test
    void scimStartIndexIsOneBasedAndCountZeroGivesOnlyTheTotal() {
        Paging.ScimPage<Integer> page = Paging.scim(SEVEN, 3, 2);
        Paging.ScimPage<Integer> totalOnly = Paging.scim(SEVEN, 1, 0);
        Paging.ScimPage<Integer> belowOne = Paging.scim(SEVEN, 0, 2);

        assertThat(page.items()).containsExactly(3, 4);
        assertThat(page.totalResults()).isEqualTo(7);
        assertThat(page.startIndex()).isEqualTo(3);
        assertThat(totalOnly.items()).isEmpty();
        assertThat(belowOne.items()).containsExactly(1, 2);
        ObjectNode json = page.writeTo(Json.object(), i -> Json.MAPPER.getNodeFactory().numberNode(i));
        assertThat(json.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(json.path("Resources")).hasSize(2);
    }

    @Test
    void legacyPagesCountFromOne() {
        Paging.LegacyPage<Integer> third = Paging.legacyPage(SEVEN, 3, 3);

        assertThat(third.items()).containsExactly(7);
        assertThat(third.count()).isEqualTo(7);
        assertThat(Paging.legacyPage(SEVEN, 9, 3).items()).isEmpty();
        assertThatThrownBy(() -> Paging.legacyPage(SEVEN, 0, 3)).isInstanceOf(ApiException.class);
    }

    @Test
    void nextPageRequestIsTheSameRequestMovedOn() {
        ObjectNode request = Json.object().put("cluster_id", "c").put("order", "ASC");

        Paging.EventsPage<Integer> first = Paging.nextPageRequest(SEVEN, request, 5);
        Paging.EventsPage<Integer> second = Paging.nextPageRequest(SEVEN, first.nextPage(), 5);

        assertThat(first.items()).containsExactly(1, 2, 3, 4, 5);
        assertThat(first.nextPage().toString()).isEqualTo("{\"cluster_id\":\"c\",\"order\":\"ASC\",\"offset\":5,\"limit\":5}");
        assertThat(second.items()).containsExactly(6, 7);
        assertThat(second.nextPage()).isNull();
        assertThat(request.has("offset")).as("the request is not modified").isFalse();
    }

    @Test
    void pageSizesTakeTheClientsAskWithinTheApisAndTheForcedMaximum() {
        PageSizes sizes = new PageSizes(0);

        assertThat(sizes.resolve(OptionalLong.empty(), 20, 100, "jobs.Jobs.list")).isEqualTo(20);
        assertThat(sizes.resolve(OptionalLong.of(500), 20, 100, "jobs.Jobs.list")).isEqualTo(100);
        sizes.max(7);
        assertThat(sizes.resolve(OptionalLong.of(50), 20, 100, "jobs.Jobs.list")).isEqualTo(7);
        sizes.max("/jobs/list", 2);
        assertThat(sizes.resolve(OptionalLong.of(50), 20, 100, "jobs.Jobs.list", "/jobs/list")).isEqualTo(2);
        sizes.reset();
        assertThat(sizes.resolve(OptionalLong.of(50), 20, 100, "jobs.Jobs.list", "/jobs/list")).isEqualTo(50);
    }
}
