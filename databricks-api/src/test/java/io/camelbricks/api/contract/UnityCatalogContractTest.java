package io.camelbricks.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.error.DatabricksError;
import io.camelbricks.api.error.NotFound;
import io.camelbricks.api.service.catalog.CatalogInfo;
import io.camelbricks.api.service.catalog.CatalogsDeleteRequest;
import io.camelbricks.api.service.catalog.CatalogsGetRequest;
import io.camelbricks.api.service.catalog.CatalogsListRequest;
import io.camelbricks.api.service.catalog.CatalogsUpdateRequest;
import io.camelbricks.api.service.catalog.ColumnInfo;
import io.camelbricks.api.service.catalog.CreateCatalog;
import io.camelbricks.api.service.catalog.CreateSchema;
import io.camelbricks.api.service.catalog.CreateTableRequest;
import io.camelbricks.api.service.catalog.CreateVolumeRequestContent;
import io.camelbricks.api.service.catalog.SchemaInfo;
import io.camelbricks.api.service.catalog.SchemasDeleteRequest;
import io.camelbricks.api.service.catalog.SchemasListRequest;
import io.camelbricks.api.service.catalog.TableInfo;
import io.camelbricks.api.service.catalog.TableSummary;
import io.camelbricks.api.service.catalog.TableType;
import io.camelbricks.api.service.catalog.TablesDeleteRequest;
import io.camelbricks.api.service.catalog.TablesExistsRequest;
import io.camelbricks.api.service.catalog.TablesGetRequest;
import io.camelbricks.api.service.catalog.TablesListRequest;
import io.camelbricks.api.service.catalog.TablesListSummariesRequest;
import io.camelbricks.api.service.catalog.VolumeInfo;
import io.camelbricks.api.service.catalog.VolumeType;
import io.camelbricks.api.service.catalog.VolumesListRequest;
import io.camelbricks.api.service.catalog.VolumesReadRequest;
import io.camelbricks.api.service.catalog.VolumesUpdateRequest;
import io.camelbricks.api.service.sql.ExecuteStatementRequest;
import io.camelbricks.emulator.sql.EmulatedSql;

/**
 * The typed client's Unity Catalog services against the emulator: catalogs, schemas, tables (the SQL engine's tables,
 * both ways) and volumes, with paging, renames and the errors of missing or non-empty objects.
 */
class UnityCatalogContractTest extends EmulatorContract {

    @Test
    void theWorkspaceStartsWithMainAndANewCatalogGetsADefaultSchema() {
        CatalogInfo created = w.catalogs().create(new CreateCatalog().setName("Sales").setComment("sales data"));

        assertThat(created.getName()).isEqualTo("sales");
        assertThat(created.getOwner()).isEqualTo(emu.options().userName());
        assertThat(created.getCreatedAt()).isPositive();
        assertThat(w.catalogs().list(new CatalogsListRequest()).stream().map(CatalogInfo::getName))
                .containsExactly("main", "sales");
        assertThat(w.schemas().list(new SchemasListRequest().setCatalogName("sales")).stream()
                .map(SchemaInfo::getFullName)).containsExactly("sales.default");
        assertThatThrownBy(() -> w.catalogs().create(new CreateCatalog().setName("sales")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }

    @Test
    void listsArePagedWithMaxResultsAndTokens() {
        for (int i = 0; i < 5; i++) {
            w.schemas().create(new CreateSchema().setCatalogName("main").setName("s" + i));
        }
        List<String> names = w.schemas().list(new SchemasListRequest().setCatalogName("main").setMaxResults(2L))
                .stream().map(SchemaInfo::getName).toList();

        assertThat(names).containsExactly("default", "s0", "s1", "s2", "s3", "s4");
        assertThat(emu.requests().count("GET", "/unity-catalog/schemas")).isEqualTo(3);
    }

    @Test
    void tablesCreatedWithSqlAreTablesOfTheCatalogWithTheirColumns() {
        w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(EmulatedSql.DEFAULT_WAREHOUSE_ID)
                .setStatement("CREATE TABLE main.default.events (id BIGINT NOT NULL, kind STRING, at TIMESTAMP,"
                        + " amount DECIMAL(12,3))"));

        TableInfo t = w.tables().get(new TablesGetRequest().setFullName("main.default.events"));
        assertThat(t.getTableType()).isEqualTo(TableType.MANAGED);
        assertThat(t.getDataSourceFormat().value()).isEqualTo("DELTA");
        assertThat(t.getColumns()).extracting(ColumnInfo::getName, c -> c.getTypeName().value(), ColumnInfo::getNullable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("id", "LONG", false),
                        org.assertj.core.groups.Tuple.tuple("kind", "STRING", true),
                        org.assertj.core.groups.Tuple.tuple("at", "TIMESTAMP", true),
                        org.assertj.core.groups.Tuple.tuple("amount", "DECIMAL", true));
        assertThat(t.getColumns().get(3).getTypeText()).isEqualTo("decimal(12,3)");
        assertThat(w.tables().exists(new TablesExistsRequest().setFullName("main.default.events")).getTableExists())
                .isTrue();
        assertThat(w.tables().listSummaries(new TablesListSummariesRequest().setCatalogName("main")
                .setTableNamePattern("ev%")).stream().map(TableSummary::getFullName)).containsExactly("main.default.events");
    }

    @Test
    void tablesCreatedThroughTheApiCanBeQueriedAndDropped() {
        w.tables().create(new CreateTableRequest().setCatalogName("main").setSchemaName("default").setName("people")
                .setTableType(TableType.MANAGED).setColumns(List.of(
                        new ColumnInfo().setName("name").setTypeText("string"),
                        new ColumnInfo().setName("age").setTypeText("int"))));
        emu.sql().execute("INSERT INTO people VALUES ('ada', 36)");

        assertThat(emu.sql().execute("SELECT name, age FROM main.default.people").rows())
                .containsExactly(new String[] {"ada", "36"});
        assertThat(w.tables().list(new TablesListRequest().setCatalogName("main").setSchemaName("default"))
                .stream().map(TableInfo::getName)).containsExactly("people");

        w.tables().delete(new TablesDeleteRequest().setFullName("main.default.people"));
        assertThat(w.tables().exists(new TablesExistsRequest().setFullName("main.default.people")).getTableExists())
                .isFalse();
        assertThatThrownBy(() -> w.tables().get(new TablesGetRequest().setFullName("main.default.people")))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("TABLE_DOES_NOT_EXIST"));
    }

    @Test
    void volumesAreCreatedListedRenamedAndMustBeManagedOrExternal() {
        VolumeInfo v = w.volumes().create(new CreateVolumeRequestContent().setCatalogName("main")
                .setSchemaName("default").setName("raw").setVolumeType(VolumeType.MANAGED).setComment("landing"));
        assertThat(v.getFullName()).isEqualTo("main.default.raw");
        assertThat(v.getVolumeId()).isNotBlank();

        VolumeInfo renamed = w.volumes().update(new VolumesUpdateRequest().setName("main.default.raw")
                .setNewName("bronze"));
        assertThat(renamed.getFullName()).isEqualTo("main.default.bronze");
        assertThat(w.volumes().read(new VolumesReadRequest().setName("main.default.bronze")).getComment())
                .isEqualTo("landing");
        assertThat(w.volumes().list(new VolumesListRequest().setCatalogName("main").setSchemaName("default")).stream()
                .map(VolumeInfo::getName)).containsExactly("bronze");
        assertThat(emu.catalog().volumeId("main", "default", "bronze")).contains(v.getVolumeId());
        assertThatThrownBy(() -> w.volumes().create(new CreateVolumeRequestContent().setCatalogName("main")
                .setSchemaName("default").setName("ext").setVolumeType(VolumeType.EXTERNAL)))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> w.volumes().read(new VolumesReadRequest().setName("main.default.raw")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void nonEmptyCatalogsAndSchemasNeedForce() {
        w.catalogs().create(new CreateCatalog().setName("tmp"));
        w.schemas().create(new CreateSchema().setCatalogName("tmp").setName("s"));
        emu.sql().execute("CREATE TABLE tmp.s.t (x INT)");

        assertThatThrownBy(() -> w.schemas().delete(new SchemasDeleteRequest().setFullName("tmp.s")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> w.catalogs().delete(new CatalogsDeleteRequest().setName("tmp")))
                .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        w.catalogs().delete(new CatalogsDeleteRequest().setName("tmp").setForce(true));

        assertThatThrownBy(() -> w.catalogs().get(new CatalogsGetRequest().setName("tmp")))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("CATALOG_DOES_NOT_EXIST"));
        assertThatThrownBy(() -> emu.sql().execute("SELECT * FROM tmp.s.t")).hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
    }

    @Test
    void aRenamedCatalogKeepsItsSchemasAndTables() {
        w.catalogs().create(new CreateCatalog().setName("old"));
        emu.sql().execute("CREATE TABLE old.default.t (x INT)");
        emu.sql().execute("INSERT INTO old.default.t VALUES (7)");

        assertThat(w.catalogs().update(new CatalogsUpdateRequest().setName("old").setNewName("new").setComment("moved"))
                .getName()).isEqualTo("new");
        assertThat(emu.sql().execute("SELECT x FROM new.default.t").rows()).containsExactly(new String[] {"7"});
        assertThat(w.tables().get(new TablesGetRequest().setFullName("new.default.t")).getCatalogName()).isEqualTo("new");
    }
}
