package io.camelbricks.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one started {@link DatabricksEmulator} per test class (shared with its {@code @Nested}
 * classes), closed after the class; injects it into constructors, lifecycle and test methods.
 *
 * <pre>{@code
 * @ExtendWith(DatabricksEmulatorExtension.class)
 * class MyRouteTest {
 *     @Test
 *     void submits(DatabricksEmulator emu) { ... emu.url() ... emu.token() ... }
 * }
 *
 * // or with options, on a static field:
 * @RegisterExtension
 * static DatabricksEmulatorExtension databricks = new DatabricksEmulatorExtension(
 *         EmulatorOptions.builder().clock(clock).build());
 * ... databricks.emulator() ...
 * }</pre>
 *
 * State is shared by the tests of a class; call {@link DatabricksEmulator#reset()} in {@code @BeforeEach} for a
 * fresh workspace per test.
 */
public final class DatabricksEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabricksEmulatorExtension.class);
    private static final String EMULATOR = "emulator";
    private static final String OWNED = "owned-by:";

    private final EmulatorOptions options;
    private volatile DatabricksEmulator current;

    public DatabricksEmulatorExtension() {
        this(EmulatorOptions.defaults());
    }

    public DatabricksEmulatorExtension(EmulatorOptions options) {
        this.options = options;
    }

    /** The emulator of the running test class (for {@code @RegisterExtension} users). */
    public DatabricksEmulator emulator() {
        DatabricksEmulator emu = current;
        if (emu == null) {
            throw new IllegalStateException("no emulator: the extension starts one before all tests of a class "
                    + "(register it with @ExtendWith or on a static @RegisterExtension field)");
        }
        return emu;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        DatabricksEmulator inherited = store.get(EMULATOR, DatabricksEmulator.class);
        if (inherited != null) {
            current = inherited;
            return;
        }
        DatabricksEmulator emu = new DatabricksEmulator(options).start();
        store.put(EMULATOR, emu);
        store.put(OWNED + context.getUniqueId(), emu);
        current = emu;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        DatabricksEmulator owned = store.remove(OWNED + context.getUniqueId(), DatabricksEmulator.class);
        if (owned != null) {
            store.remove(EMULATOR);
            owned.close();
            if (current == owned) {
                current = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DatabricksEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        DatabricksEmulator emu = extensionContext.getStore(NAMESPACE).get(EMULATOR, DatabricksEmulator.class);
        if (emu == null) {
            throw new ParameterResolutionException("No DatabricksEmulator: register DatabricksEmulatorExtension "
                    + "on the test class (@ExtendWith) or on a static @RegisterExtension field.");
        }
        return emu;
    }
}
