package io.camelbricks.api.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelbricks.api.ApiClient;
import io.camelbricks.api.registry.HttpMethod;
import io.camelbricks.api.registry.Operation;
import io.camelbricks.api.registry.PaginationKind;
import io.camelbricks.api.registry.PaginationSpec;
import io.camelbricks.api.registry.Param;
import io.camelbricks.api.testing.LoopbackServer;
import io.camelbricks.api.testing.LoopbackServer.Reply;
import io.camelbricks.api.testing.TestClients;
import io.camelbricks.api.testing.TestModels.Item;
import io.camelbricks.api.testing.TestModels.Page;
import io.camelbricks.api.testing.TestModels.Req;

class PaginatorTest {
    private final LoopbackServer server = new LoopbackServer();
    private final ApiClient client = TestClients.fast(server);

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Operation<Req, Page> list(PaginationSpec<Req, Page, Item> spec, HttpMethod method) {
        Operation.Builder<Req, Page> b = Operation.<Req, Page>builder("test.Things.list", method, "/api/2.0/things",
                Req.class, Page.class).accessor("things").jsonResponse().pagination(spec);
        if (method == HttpMethod.GET) {
            b.param(Param.query("page_token", "pageToken", String.class, (Req r) -> r.pageToken))
                    .param(Param.query("start_index", "startIndex", Long.class, (Req r) -> r.startIndex))
                    .param(Param.query("page", "page", Long.class, (Req r) -> r.page));
        } else {
            b.jsonBody();
        }
        return b.build();
    }

    private static PaginationSpec.Builder<Req, Page, Item> spec(PaginationKind kind) {
        return PaginationSpec.<Req, Page, Item>builder(kind, Item.class, (Page p) -> p.items).itemsField("items");
    }

    private static Operation<Req, Page> tokenList() {
        return list(spec(PaginationKind.TOKEN)
                .requestCursor("page_token", (Req r, Object v) -> r.pageToken = (String) v)
                .responseCursor("next_page_token", (Page p) -> p.nextPageToken).build(), HttpMethod.GET);
    }

    private static List<String> ids(Iterable<Item> items) {
        List<String> out = new java.util.ArrayList<>();
        items.forEach(i -> out.add(i.id));
        return out;
    }

    @Test
    void tokenPaginationContinuesPastAnEmptyPageWhileATokenComesBack() {
        server.enqueue(Reply.ok("{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"next_page_token\":\"t1\"}"),
                Reply.ok("{\"items\":[],\"next_page_token\":\"t2\"}"),
                Reply.ok("{\"items\":[{\"id\":\"c\"}]}"));
        assertThat(ids(client.paginate(tokenList(), new Req()))).containsExactly("a", "b", "c");
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri)
                .containsExactly("/api/2.0/things", "/api/2.0/things?page_token=t1", "/api/2.0/things?page_token=t2");
    }

    @Test
    void aRepeatedTokenIsAnErrorNotAnEndlessLoop() {
        server.respondWith(r -> Reply.ok("{\"items\":[{\"id\":\"a\"}],\"next_page_token\":\"same\"}"));
        assertThatThrownBy(() -> ids(client.paginate(tokenList(), new Req())))
                .hasMessageContaining("page token 'same' a second time");
    }

    @Test
    void pagesAreFetchedLazilyAndTheCallersRequestIsUntouched() {
        AtomicInteger page = new AtomicInteger();
        server.respondWith(r -> Reply.ok("{\"items\":[{\"id\":\"x\"}],\"next_page_token\":\"n" + page.incrementAndGet() + "\"}"));
        Req request = new Req();
        Paginated<Item> items = client.paginate(tokenList(), request);
        assertThat(server.requests()).isEmpty();
        assertThat(items.stream().limit(3).count()).isEqualTo(3);
        assertThat(server.requests()).hasSize(3);
        assertThat(request.pageToken).isNull();
    }

    @Test
    void scimOffsetPaginationIsOneBasedAndDropsDuplicates() {
        Operation<Req, Page> op = list(spec(PaginationKind.OFFSET).firstPage(1)
                .requestCursor("start_index", (Req r, Object v) -> r.startIndex = ((Number) v).longValue())
                .dedupeBy("id", (Item i) -> i.id).build(), HttpMethod.GET);
        server.enqueue(Reply.ok("{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}]}"),
                Reply.ok("{\"items\":[{\"id\":\"2\"},{\"id\":\"3\"}]}"),
                Reply.ok("{\"items\":[]}"));
        assertThat(ids(client.paginate(op, new Req()))).containsExactly("1", "2", "3");
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri).containsExactly(
                "/api/2.0/things?start_index=1", "/api/2.0/things?start_index=3", "/api/2.0/things?start_index=5");
    }

    @Test
    void pageNumberPaginationStartsAtOneAndStopsOnAnEmptyPage() {
        Operation<Req, Page> op = list(spec(PaginationKind.PAGE).firstPage(1)
                .requestCursor("page", (Req r, Object v) -> r.page = ((Number) v).longValue()).build(), HttpMethod.GET);
        server.enqueue(Reply.ok("{\"items\":[{\"id\":\"1\"}]}"), Reply.ok("{\"items\":[{\"id\":\"2\"}]}"),
                Reply.ok("{\"items\":[]}"));
        assertThat(ids(client.paginate(op, new Req()))).containsExactly("1", "2");
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::uri)
                .containsExactly("/api/2.0/things?page=1", "/api/2.0/things?page=2", "/api/2.0/things?page=3");
    }

    @Test
    void nextPageRequestPaginationSendsTheReturnedBody() {
        Operation<Req, Page> op = list(spec(PaginationKind.NEXT_PAGE_REQUEST)
                .nextRequest("next_page", (Page p) -> p.nextPage).build(), HttpMethod.POST);
        server.enqueue(Reply.ok("{\"items\":[{\"id\":\"1\"}],\"next_page\":{\"name\":\"c\",\"run_id\":2}}"),
                Reply.ok("{\"items\":[{\"id\":\"2\"}]}"));
        Req first = new Req();
        first.name = "c";
        assertThat(ids(client.paginate(op, first))).containsExactly("1", "2");
        assertThat(server.requests().get(1).bodyText()).isEqualTo("{\"name\":\"c\",\"run_id\":2}");
    }

    @Test
    void singlePaginationMakesOneCall() {
        Operation<Req, Page> op = list(spec(PaginationKind.SINGLE).build(), HttpMethod.GET);
        AtomicInteger calls = new AtomicInteger();
        server.respondWith(r -> {
            calls.incrementAndGet();
            return Reply.ok("{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"next_page_token\":\"ignored\"}");
        });
        assertThat(ids(client.paginate(op, null))).containsExactly("1", "2");
        assertThat(calls).hasValue(1);
    }
}
