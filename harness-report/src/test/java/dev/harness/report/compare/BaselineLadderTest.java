package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineLadderTest {

  @Test
  void theBaselinesOpenLoopRatesAscendingEachOnce() {
    // a search's order: start, double, bisect, re-measure the bounds
    RunResult r = Runs.run("b").rung(100, 20).rung(200, 80).rung(141, 30).rung(141, 31)
        .rung(200, 85).build();
    List<CapacityStep> steps = new ArrayList<>(r.capacity().steps());
    steps.add(CurveTest.copy(steps.get(0), null, 64, "pass", 100)); // closed-loop saturation
    steps.add(CurveTest.copy(steps.get(1), 170.0, 0, "invalid", 100));

    assertThat(BaselineLadder.rates(CurveTest.withSteps(r, steps)))
        .containsExactly(100.0, 141.0, 170.0, 200.0);
  }

  @Test
  void aRunWithoutACapacityCurveHasNoLadder() {
    assertThatThrownBy(() -> BaselineLadder.rates(Runs.run("plain").kind("run").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run plain is a 'run' run");
    assertThatThrownBy(() -> BaselineLadder.rates(Runs.run("empty").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measured no open-loop step");
  }
}
