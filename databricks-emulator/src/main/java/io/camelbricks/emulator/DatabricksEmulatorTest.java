package io.camelbricks.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test class against a local Databricks workspace: one started {@link DatabricksEmulator} per class
 * (shared with its {@code @Nested} classes), closed after the class.
 *
 * <pre>{@code
 * @DatabricksEmulatorTest(manualClock = true)
 * class NightlyJobTest {
 *     @Test
 *     void finishes(DatabricksEmulator emu, ManualClock clock) { ... clock.advance(Duration.ofHours(2)); ... }
 *
 *     @Test
 *     void withAClient(io.camelbricks.api.WorkspaceClient workspace) { ... }   // or com.databricks.sdk.WorkspaceClient
 * }
 * }</pre>
 *
 * Parameters of constructors, lifecycle and test methods that can be injected:
 * <ul>
 *   <li>{@link DatabricksEmulator}: the started emulator;</li>
 *   <li>{@link ManualClock}: its clock, when {@link #manualClock()} is set;</li>
 *   <li>a {@code WorkspaceClient} whose class has a public constructor taking a {@code DatabricksConfig} with
 *       {@code setHost(String)} and {@code setToken(String)}: this project's {@code io.camelbricks.api.WorkspaceClient}
 *       or the official {@code com.databricks.sdk.WorkspaceClient}, when on the test classpath. It is created by
 *       reflection (the emulator does not depend on either), configured with {@link DatabricksEmulator#url()} and
 *       {@link DatabricksEmulator#token()}, one per test class, closed after the class if it is AutoCloseable.</li>
 * </ul>
 * For other options register {@link DatabricksEmulatorExtension} on a static field instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabricksEmulatorExtension.class)
public @interface DatabricksEmulatorTest {

    /** Runs on a {@link ManualClock} (injectable) instead of the system clock. */
    boolean manualClock() default false;

    /** {@link DatabricksEmulator#reset()} before each test, for a fresh workspace per test (default: shared state). */
    boolean resetBeforeEach() default false;

    /** Starts (and, with {@link #resetBeforeEach()}, restarts) with the {@link DemoWorkspace} seeded. */
    boolean demoWorkspace() default false;

    /** Forces every list to pages of at most this many items (0: each API's own page sizes). */
    int maxPageSize() default 0;

    /** The personal access token to accept (empty: a random one). */
    String token() default "";
}
