package io.camelbricks.emulator;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

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
 *
 * <p>Registered through {@link DatabricksEmulatorTest} (or {@code @ExtendWith} on a class carrying that annotation),
 * the no-argument extension takes its options from the annotation and can also inject a {@link ManualClock} and a
 * {@code WorkspaceClient} (see {@link DatabricksEmulatorTest}).
 */
public final class DatabricksEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabricksEmulatorExtension.class);
    private static final String EMULATOR = "emulator";
    private static final String OWNED = "owned-by:";

    private static final String CLIENTS = "workspace-clients:";

    private final EmulatorOptions options;
    private volatile DatabricksEmulator current;

    public DatabricksEmulatorExtension() {
        this(null);
    }

    /** @param options the emulator's options; null: from {@link DatabricksEmulatorTest} on the class, or defaults */
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
        Optional<DatabricksEmulatorTest> annotation = annotation(context);
        DatabricksEmulator emu = new DatabricksEmulator(options != null ? options
                : annotation.map(DatabricksEmulatorExtension::optionsOf).orElse(EmulatorOptions.defaults())).start();
        if (annotation.map(DatabricksEmulatorTest::demoWorkspace).orElse(false)) {
            DemoWorkspace.seed(emu);
        }
        store.put(EMULATOR, emu);
        store.put(OWNED + context.getUniqueId(), emu);
        current = emu;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        @SuppressWarnings("unchecked")
        List<Object> clients = store.remove(CLIENTS + context.getUniqueId(), List.class);
        if (clients != null) {
            clients.forEach(DatabricksEmulatorExtension::closeQuietly);
        }
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
    public void beforeEach(ExtensionContext context) {
        Optional<DatabricksEmulatorTest> annotation = annotation(context);
        if (options == null && annotation.map(DatabricksEmulatorTest::resetBeforeEach).orElse(false)) {
            DatabricksEmulator emu = context.getStore(NAMESPACE).get(EMULATOR, DatabricksEmulator.class);
            if (emu != null) {
                emu.reset();
                if (annotation.get().demoWorkspace()) {
                    DemoWorkspace.seed(emu);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DatabricksEmulator.class || type == ManualClock.class || workspaceClientConfig(type) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        DatabricksEmulator emu = extensionContext.getStore(NAMESPACE).get(EMULATOR, DatabricksEmulator.class);
        if (emu == null) {
            throw new ParameterResolutionException("No DatabricksEmulator: register DatabricksEmulatorExtension "
                    + "on the test class (@ExtendWith) or on a static @RegisterExtension field.");
        }
        Class<?> type = parameterContext.getParameter().getType();
        if (type == DatabricksEmulator.class) {
            return emu;
        }
        if (type == ManualClock.class) {
            if (emu.clock() instanceof ManualClock manual) {
                return manual;
            }
            throw new ParameterResolutionException("The emulator runs on " + emu.clock()
                    + ", not a ManualClock: use @DatabricksEmulatorTest(manualClock = true)");
        }
        return workspaceClient(type, emu, extensionContext);
    }

    // ---- options from @DatabricksEmulatorTest

    private static Optional<DatabricksEmulatorTest> annotation(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<Class<?>> testClass = c.get().getTestClass();
            if (testClass.isPresent()) {
                Optional<DatabricksEmulatorTest> found =
                        AnnotationSupport.findAnnotation(testClass.get(), DatabricksEmulatorTest.class);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static EmulatorOptions optionsOf(DatabricksEmulatorTest annotation) {
        EmulatorOptions.Builder builder = EmulatorOptions.builder().maxPageSize(annotation.maxPageSize());
        if (annotation.manualClock()) {
            builder.clock(new ManualClock());
        }
        if (!annotation.token().isEmpty()) {
            builder.token(annotation.token());
        }
        return builder.build();
    }

    // ---- a WorkspaceClient, by reflection (no compile dependency on databricks-api or the official SDK)

    /** The {@code DatabricksConfig} constructor parameter of a {@code WorkspaceClient} class, or null. */
    static Constructor<?> workspaceClientConfig(Class<?> type) {
        if (!"WorkspaceClient".equals(type.getSimpleName())) {
            return null;
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && "DatabricksConfig".equals(parameters[0].getSimpleName())) {
                try {
                    parameters[0].getConstructor();
                    parameters[0].getMethod("setHost", String.class);
                    parameters[0].getMethod("setToken", String.class);
                    return constructor;
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Object workspaceClient(Class<?> type, DatabricksEmulator emu, ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getParent().isPresent() && owner.getStore(NAMESPACE).get(OWNED + owner.getUniqueId()) == null) {
            owner = owner.getParent().get();
        }
        ExtensionContext.Store store = owner.getStore(NAMESPACE);
        String key = CLIENTS + owner.getUniqueId();
        @SuppressWarnings("unchecked")
        List<Object> clients = store.getOrComputeIfAbsent(key, k -> new ArrayList<>(), List.class);
        synchronized (clients) {
            for (Object client : clients) {
                if (type.isInstance(client)) {
                    return client;
                }
            }
            Constructor<?> constructor = workspaceClientConfig(type);
            try {
                Class<?> configType = constructor.getParameterTypes()[0];
                Object config = configType.getConstructor().newInstance();
                configType.getMethod("setHost", String.class).invoke(config, emu.url());
                configType.getMethod("setToken", String.class).invoke(config, emu.token());
                Object client = constructor.newInstance(config);
                clients.add(client);
                return client;
            } catch (InvocationTargetException e) {
                throw new ParameterResolutionException("Cannot create " + type.getName() + " for " + emu.url(),
                        e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ParameterResolutionException("Cannot create " + type.getName() + " for " + emu.url(), e);
            }
        }
    }

    private static void closeQuietly(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing a client of a stopped emulator: nothing to do
            }
        }
    }
}
