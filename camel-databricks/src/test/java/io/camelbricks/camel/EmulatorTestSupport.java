package io.camelbricks.camel;

import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelbricks.emulator.DatabricksEmulator;
import io.camelbricks.emulator.DatabricksEmulatorExtension;

/** A Camel context per test, talking to one loopback Databricks emulator per test class. */
abstract class EmulatorTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final DatabricksEmulatorExtension DATABRICKS = new DatabricksEmulatorExtension();

    static DatabricksEmulator emulator() {
        return DATABRICKS.emulator();
    }

    /** The URI options that point an endpoint at the emulator. */
    static String connection() {
        return "host=RAW(" + emulator().url() + ")&token=RAW(" + emulator().token() + ")";
    }
}
