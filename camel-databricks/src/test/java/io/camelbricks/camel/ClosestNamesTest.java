package io.camelbricks.camel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestNamesTest {

    @Test
    void nearestNamesComeFirst() {
        List<String> valid = List.of("submit", "runNow", "getRun", "list", "listRuns", "cancelRun");

        assertThat(ClosestNames.closestTo("sumbit", valid)).startsWith("submit");
        assertThat(ClosestNames.closestTo("getrun", valid)).startsWith("getRun");
        assertThat(ClosestNames.closestTo("lsit", valid)).startsWith("list");
    }

    @Test
    void somethingIsSuggestedEvenWhenNothingIsClose() {
        assertThat(ClosestNames.closestTo("completelyDifferent", List.of("a", "b"))).isNotEmpty();
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestNames.distance("jbos", "jobs")).isEqualTo(1);
        assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestNames.distance("same", "same")).isZero();
    }
}
