package dev.harness.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurveTest {

  @Test
  void readsTheMeasuredWindowNotTheWarmUpAtARateItMeasured() {
    Curve c = Curve.of(Runs.run("a").rung(100, 20).rung(200, 40).build());

    assertThat(c.rates()).containsExactly(100.0, 200.0);
    assertThat(c.at(Quantity.P99_E2E, 200).getAsDouble()).isEqualTo(40.0);
    assertThat(c.at(Quantity.ERROR_RATE, 100).getAsDouble()).isZero();
    assertThat(c.at(Quantity.ACHIEVED_SHARE, 100).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void interpolatesLinearlyInRateBetweenNeighbouringSteps() {
    Curve c = Curve.of(Runs.run("a").rung(100, 20).rung(200, 40).rung(400, 120).build());

    assertThat(c.at(Quantity.P99_E2E, 150).getAsDouble()).isCloseTo(30.0, within(1e-9));
    assertThat(c.at(Quantity.P99_E2E, 125).getAsDouble()).isCloseTo(25.0, within(1e-9));
    assertThat(c.at(Quantity.P99_E2E, 300).getAsDouble()).isCloseTo(80.0, within(1e-9));
  }

  @Test
  void hasNoValueOutsideTheMeasuredRatesNorForAMetricNotMeasured() {
    Curve c = Curve.of(Runs.run("a").rung(100, 20).rung(200, 40).build());

    assertThat(c.at(Quantity.P99_E2E, 99)).isEmpty();
    assertThat(c.at(Quantity.P99_E2E, 201)).isEmpty();
    assertThat(c.covers(200)).isTrue();
    assertThat(c.covers(201)).isFalse();
    assertThat(c.at(Quantity.P99_TTFT, 150)).isEmpty();
  }

  @Test
  void leavesOutSaturationAndInvalidStepsAndReadsARepeatedRateFromItsLongerStep() {
    RunResult base = Runs.run("a").rung(100, 20).rung(200, 40).rung(200, 60).build();
    List<CapacityStep> steps = new ArrayList<>(base.capacity().steps());
    CapacityStep longer = steps.get(2);
    steps.set(2, copy(longer, longer.offeredRps(), 0, "fail", longer.scheduled() * 3));
    // a saturation step (closed loop) and an invalid one measured on the same windows
    steps.add(copy(steps.get(0), null, 32, "pass", 5000));
    steps.add(copy(steps.get(1), 300.0, 0, "invalid", 5000));
    Curve c = Curve.of(withSteps(base, steps));

    assertThat(c.rates()).containsExactly(100.0, 200.0);
    assertThat(c.at(Quantity.P99_E2E, 200).getAsDouble()).isEqualTo(60.0);
  }

  @Test
  void aPlainRunHasAnEmptyCurve() {
    Curve c = Curve.of(Runs.run("a").kind("run").rung(100, 20).build());

    assertThat(c.isEmpty()).isTrue();
    assertThat(c.at(Quantity.P99_E2E, 100)).isEmpty();
  }

  static CapacityStep copy(CapacityStep s, Double rate, int concurrency, String verdict,
      long scheduled) {
    return new CapacityStep(s.index(), s.kind(), s.purpose(), rate, concurrency, s.resultStep(),
        s.warmupStep(), s.measuredSeconds(), scheduled, s.achievedRps(), s.goodputRps(),
        s.outputTokensPerSec(), verdict, s.reason(), s.stable(), s.stability(), s.exceedance(),
        s.checks(), s.percentileIntervals(), s.serverMetrics());
  }

  static RunResult withSteps(RunResult r, List<CapacityStep> steps) {
    CapacityResult c = r.capacity();
    CapacityResult cap = new CapacityResult(c.strategy(), c.status(), c.endReason(),
        c.settings() == null ? Map.of() : c.settings(), c.idleLatencyMillis(), c.saturationRps(),
        c.sustainable(), c.firstFailingStep(), c.firstBreach(), steps);
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(),
        r.generator(), r.anchors(), r.steps(), r.totals(), r.warnings(), cap);
  }
}
