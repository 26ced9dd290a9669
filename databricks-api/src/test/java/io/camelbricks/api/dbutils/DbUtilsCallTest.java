package io.camelbricks.api.dbutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.service.compute.ResultType;
import io.camelbricks.api.service.compute.Results;

/** The camelbricks dbutils call protocol v1 on the client side: the code written and the output read. */
class DbUtilsCallTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void nullKeywordArgumentsAreLeftOutSoPythonDefaultsApply() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("default", null);
        kwargs.put("debugValue", 3);
        String code = new DbUtilsCall("jobs.taskValues.get", List.of("t", "k"), kwargs).code(mapper);
        assertThat(code.lines().toList().get(2))
                .isEqualTo("(args, kwargs) = json.loads(\"[[\\\"t\\\",\\\"k\\\"],{\\\"debugValue\\\":3}]\")");
    }

    @Test
    void nonAsciiTravelsEscapedSoTheLiteralIsPlainAscii() {
        String code = DbUtilsCall.of("widgets.get", "caf\u00e9 \ud83d\ude00").code(mapper);
        assertThat(code).doesNotContainPattern("[^\\x00-\\x7f]").contains("caf\\\\u00E9 \\\\uD83D\\\\uDE00");
    }

    @Test
    void aFunctionMustBeADottedPathOfIdentifiers() {
        assertThatThrownBy(() -> DbUtilsCall.of("fs.mounts(); import os"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a dbutils function: fs.mounts(); import os");
    }

    @Test
    void theResultIsTheLastPrintedLineWithoutAnOutPrefix() {
        DbUtilsCall call = DbUtilsCall.of("fs.mounts");
        assertThat(call.result(mapper, "a warning\n[[\"/mnt/x\",\"s3a://b\",\"\"]]\n").get(0).get(1).asText())
                .isEqualTo("s3a://b");
        assertThat(call.result(mapper, "Out[3]: true").asBoolean()).isTrue();
        assertThatThrownBy(() -> call.result(mapper, "no json here")).isInstanceOf(DatabricksException.class)
                .hasMessage("dbutils.fs.mounts printed what is not JSON: no json here");
    }

    @Test
    void aFailureMessageIsTheLastSummaryLineAsPlainText() {
        Results results = new Results().setResultType(ResultType.ERROR)
                .setSummary("<span class='ansi-red-fg'>NameError</span>: name &#39;x&#39; is not defined")
                .setCause("\u001b[0;31mNameError\u001b[0m   Traceback (most recent call last)");
        CommandFailedException e = CommandFailedException.of("dbutils.fs.mounts", results);
        assertThat(e.getMessage()).isEqualTo("dbutils.fs.mounts failed: NameError: name 'x' is not defined");
        assertThat(e.remoteCause()).isEqualTo("NameError   Traceback (most recent call last)");
    }
}
