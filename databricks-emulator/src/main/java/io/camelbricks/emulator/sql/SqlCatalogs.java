package io.camelbricks.emulator.sql;

import java.util.List;

/**
 * What SQL statements need from Unity Catalog: which catalogs and schemas exist (for name resolution), and the
 * catalog and schema DDL ({@code CREATE CATALOG}, {@code CREATE SCHEMA}, {@code DROP ...}), which changes the
 * catalog's metadata and the H2 schemas together. Errors are {@link SqlFailure}s.
 */
public interface SqlCatalogs {

    boolean isCatalog(String catalog);

    boolean isSchema(String catalog, String schema);

    List<String> catalogNames();

    List<String> schemaNames(String catalog);

    void createCatalog(String name, boolean ifNotExists, String comment);

    void dropCatalog(String name, boolean ifExists, boolean cascade);

    void createSchema(String catalog, String schema, boolean ifNotExists, String comment);

    void dropSchema(String catalog, String schema, boolean ifExists, boolean cascade);
}
