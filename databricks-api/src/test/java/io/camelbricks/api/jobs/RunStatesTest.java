package io.camelbricks.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.camelbricks.api.service.jobs.Run;
import io.camelbricks.api.service.jobs.RunLifeCycleState;
import io.camelbricks.api.service.jobs.RunLifecycleStateV2State;
import io.camelbricks.api.service.jobs.RunResultState;
import io.camelbricks.api.service.jobs.RunState;
import io.camelbricks.api.service.jobs.RunStatus;
import io.camelbricks.api.service.jobs.RunTask;
import io.camelbricks.api.service.jobs.TerminationCodeCode;
import io.camelbricks.api.service.jobs.TerminationDetails;

/** {@link RunStates}: {@code status} first, the deprecated {@code state} as fall-back. */
class RunStatesTest {

    private static RunState state(String lifeCycle, String result) {
        return new RunState().setLifeCycleState(RunLifeCycleState.of(lifeCycle))
                .setResultState(result == null ? null : RunResultState.of(result));
    }

    private static RunStatus status(String state, String code, String message) {
        RunStatus status = new RunStatus().setState(RunLifecycleStateV2State.of(state));
        if (code != null) {
            status.setTerminationDetails(new TerminationDetails().setCode(TerminationCodeCode.of(code))
                    .setMessage(message));
        }
        return status;
    }

    @Test
    void statusWinsOverTheDeprecatedStateWhenBothArePresent() {
        Run run = new Run().setState(state("TERMINATED", "SUCCESS"))
                .setStatus(status("TERMINATED", "RUN_EXECUTION_ERROR", "Task x failed"));
        assertThat(RunStates.isTerminal(run)).isTrue();
        assertThat(RunStates.isSuccess(run)).isFalse();
        assertThat(RunStates.isFailed(run)).isTrue();
        assertThat(RunStates.message(run.getState(), run.getStatus())).isEqualTo("Task x failed");

        Run running = new Run().setState(state("TERMINATED", null)).setStatus(status("RUNNING", null, null));
        assertThat(RunStates.isTerminal(running)).isFalse();
    }

    @Test
    void withoutStatusTheThreeTerminalLifeCycleStatesCount() {
        assertThat(RunStates.isTerminal(new Run().setState(state("TERMINATED", "FAILED")))).isTrue();
        assertThat(RunStates.isTerminal(new Run().setState(state("SKIPPED", null)))).isTrue();
        assertThat(RunStates.isTerminal(new Run().setState(state("INTERNAL_ERROR", "FAILED")))).isTrue();
        assertThat(RunStates.isTerminal(new Run().setState(state("TERMINATING", null)))).isFalse();
        assertThat(RunStates.isTerminal(new Run().setState(state("WAITING_FOR_RETRY", null)))).isFalse();
        assertThat(RunStates.isTerminal(new Run())).isFalse();
        assertThat(RunStates.isFailed(new Run().setState(state("SKIPPED", null)))).isTrue();
    }

    @Test
    void successIsSuccessOrSuccessWithFailures() {
        assertThat(RunStates.isSuccess(new Run().setState(state("TERMINATED", "SUCCESS")))).isTrue();
        assertThat(RunStates.isSuccess(new Run().setState(state("TERMINATED", "SUCCESS_WITH_FAILURES")))).isTrue();
        assertThat(RunStates.isSuccess(new Run().setStatus(status("TERMINATED", "SUCCESS", "")))).isTrue();
        assertThat(RunStates.isSuccess(new Run().setState(state("TERMINATED", "CANCELED")))).isFalse();
        assertThat(RunStates.isSuccess(new Run().setState(state("RUNNING", null)))).isFalse();
    }

    @Test
    void excludedAndDisabledTasksAreNotFailures() {
        assertThat(RunStates.isFailedTask(new RunTask().setState(state("TERMINATED", "EXCLUDED")))).isFalse();
        assertThat(RunStates.isFailedTask(new RunTask().setState(state("TERMINATED", "DISABLED")))).isFalse();
        assertThat(RunStates.isFailedTask(new RunTask().setState(state("TERMINATED", "UPSTREAM_FAILED")))).isTrue();
        assertThat(RunStates.isFailedTask(new RunTask().setState(state("TERMINATED", "TIMEDOUT")))).isTrue();
        assertThat(RunStates.isFailedTask(new RunTask().setState(state("RUNNING", null)))).isFalse();
    }

    @Test
    void anUnknownStateFromANewerServiceIsNotTerminal() {
        assertThat(RunStates.isTerminal(new Run().setStatus(status("ARCHIVING", null, null)))).isFalse();
        assertThat(RunStates.outcome(null, status("ARCHIVING", null, null))).isEqualTo("ARCHIVING");
    }
}
