package io.camelbricks.camel;

import java.util.Locale;

/** What a producer does when {@code waitTimeout} elapses before the awaited entity reached a final state. */
enum WaitTimeoutAction {
    /** The exchange fails with {@code WaitTimeoutException}; the remote work goes on. */
    FAIL,
    /** The remote work is cancelled (e.g. {@code jobs/cancelRun}), then the exchange fails. */
    CANCEL,
    /** The exchange goes on with the last polled entity, header {@code CamelDatabricksWaitTimedOut=true}. */
    CONTINUE;

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static WaitTimeoutAction parse(String text) {
        return OptionValues.parse(WaitTimeoutAction.class, "onWaitTimeout", text, FAIL);
    }
}
