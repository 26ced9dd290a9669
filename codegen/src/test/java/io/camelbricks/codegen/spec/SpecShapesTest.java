package io.camelbricks.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.codegen.plan.GenerationPlan;
import io.camelbricks.codegen.plan.Planner;

/** Small hand-written specs for the shapes the generator refuses. */
class SpecShapesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String EMPTY_ACCOUNT = "{\"paths\":{},\"components\":{\"schemas\":{}},\"tags\":[]}";

    private static GenerationPlan plan(String workspace) throws Exception {
        JsonNode ws = MAPPER.readTree(workspace.replace('\'', '"'));
        ApiSpec spec = new SpecReader(SpecCorrections.none()).read(ws, MAPPER.readTree(EMPTY_ACCOUNT));
        return new Planner().plan(spec);
    }

    private static String listSpec(String pagination) {
        return "{'paths':{'/api/x/list':{'get':{'operationId':'x.Things.list','tags':['x.Things'],"
                + "'parameters':[{'name':'page_token','in':'query','schema':{'type':'string'}}],"
                + "'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/x.ListThings'}}}}},"
                + "'x-databricks-pagination':" + pagination + "}}},"
                + "'components':{'schemas':{'x.Thing':{'type':'object','properties':{'id':{'type':'string'}}},"
                + "'x.ListThings':{'type':'object','properties':{'things':{'type':'array','items':{'$ref':'#/components/schemas/x.Thing'}},"
                + "'next_page_token':{'type':'string'}}}}},"
                + "'tags':[{'name':'x.Things'}]}";
    }

    @Test
    void aResolvablePaginationIsPlanned() throws Exception {
        GenerationPlan plan = plan(listSpec("{'kind':'token','request_field':'page_token',"
                + "'response_field':'next_page_token','items_field':'things'}"));
        assertThat(plan.operations().get(0).pagination().itemType().simpleName()).isEqualTo("Thing");
    }

    @Test
    void aPaginationRequestFieldMissingFromTheRequestStopsTheGeneration() {
        assertThatThrownBy(() -> plan(listSpec("{'kind':'token','request_field':'cursor',"
                + "'response_field':'next_page_token','items_field':'things'}")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("x.Things.list")
                .hasMessageContaining("request_field cursor");
    }

    @Test
    void anUnresolvableItemsFieldStopsTheGeneration() {
        assertThatThrownBy(() -> plan(listSpec("{'kind':'token','request_field':'page_token',"
                + "'response_field':'next_page_token','items_field':'items'}")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("items_field items");
    }

    @Test
    void anUnknownPaginationKindStopsTheGeneration() {
        assertThatThrownBy(() -> plan(listSpec("{'kind':'cursor','items_field':'things'}")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown pagination kind cursor");
    }

    @Test
    void aStaleCorrectionIsReported() {
        SpecCorrections corrections = new SpecCorrections(java.util.List.of(
                new SpecCorrections.ItemsField("x.Things.list", "wrong", "things", "test")));
        assertThatThrownBy(() -> new SpecReader(corrections).read(
                MAPPER.readTree(listSpec("{'kind':'single','items_field':'things'}").replace('\'', '"')),
                MAPPER.readTree(EMPTY_ACCOUNT)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("no longer applies");
    }
}
