package io.camelbricks.camel;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread does: bounded, and the assertion is on the condition, never on time. */
final class Conditions {
    private Conditions() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it never does (20 s). */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(5);
        }
    }
}
