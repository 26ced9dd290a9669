package io.camelbricks.kamelets;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

/**
 * A CamelContext per test in which the Kamelets of {@code classpath:kamelets} are loaded as a Camel runtime loads
 * them (camel-kamelet + camel-yaml-dsl), the connection given as the properties {@code databricks.host} and
 * {@code databricks.token} of one loopback emulator per test class.
 */
abstract class KameletTestSupport {
    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    static final ObjectMapper JSON = new ObjectMapper();

    /** The Kamelet options that point a Kamelet at the emulator. */
    static final String CONNECTION = "host={{databricks.host}}&token={{databricks.token}}";

    CamelContext context;
    ProducerTemplate template;

    static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    @BeforeEach
    void freshWorkspace() {
        emulator().reset();
    }

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        Properties connection = new Properties();
        connection.setProperty("databricks.host", emulator().url());
        connection.setProperty("databricks.token", emulator().token());
        context.getPropertiesComponent().setInitialProperties(connection);
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    void start(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
        context.start();
    }

    static JsonNode json(Object body) throws Exception {
        return JSON.readTree(body.toString());
    }
}
