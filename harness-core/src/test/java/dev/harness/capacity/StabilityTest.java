package dev.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.harness.record.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class StabilityTest {
  private static final long MS = 1_000_000;

  /** n successes 1 ms apart with e2e given in millis by index. */
  private static List<Sample> cohort(int n, IntToDoubleFunction e2eMillis) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      samples.add(Sample.success(i * MS, (long) (e2eMillis.applyAsDouble(i) * MS)));
    }
    return samples;
  }

  private static double[] series(int seconds, IntToDoubleFunction value) {
    double[] s = new double[seconds];
    for (int i = 0; i < seconds; i++) {
      s[i] = value.applyAsDouble(i);
    }
    return s;
  }

  @Test
  void aSteadyCohortIsStable() {
    SplittableRandom random = new SplittableRandom(1);
    List<Sample> samples = cohort(2000, i -> 80 + 40 * random.nextDouble());
    SplittableRandom noise = new SplittableRandom(2);
    double[] inFlight = series(60, i -> 20 + noise.nextInt(-5, 6));

    StabilityResult r = Stability.assess(samples, inFlight, null);

    assertThat(r.stable()).isTrue();
    assertThat(r.windows()).isEqualTo(10);
    assertThat(r.latencyTrendRatio()).isCloseTo(1, within(0.1));
    assertThat(r.waitingSlopePerSec()).isNaN();
    assertThat(r.reason()).startsWith("steady over 10 windows");
  }

  @Test
  void latencyRisingWindowByWindowIsUnstable() {
    // 100 ms growing by 0.1 ms a request: window medians ≈ 110, 130, …, 290 ms
    StabilityResult r = Stability.assess(cohort(2000, i -> 100 + 0.1 * i), null, null);

    assertThat(r.stable()).isFalse();
    assertThat(r.latencyTrendRatio()).isCloseTo(290.0 / 110.0, within(0.01));
    assertThat(r.reason()).startsWith("latency rises window by window: median e2e 110 ms → 290");
  }

  @Test
  void aSignificantButSmallLatencyRiseIsStable() {
    // strictly rising, so Mann–Kendall is as significant as it gets, but only by 10%
    StabilityResult r = Stability.assess(cohort(2000, i -> 100 + 0.005 * i), null, null);

    assertThat(r.stable()).isTrue();
    assertThat(r.latencyTrendRatio()).isLessThan(1.2);
    List<Sample> done = Stability.completions(cohort(2000, i -> 100 + 0.005 * i));
    assertThat(Trend.mannKendallZ(Stability.windowMedians(done, 10)))
        .isGreaterThan(Stability.Z_ONE_PERCENT);
  }

  @Test
  void timeoutsCountAtTheirRecordedValueAndDropsDoNot() {
    List<Sample> samples = cohort(1000, i -> 100);
    for (int i = 1000; i < 2000; i++) {
      samples.add(new Sample(i * MS, Outcome.TIMEOUT, 2000 * MS, -1, -1));
      samples.add(new Sample(i * MS, Outcome.DROPPED, -1, -1, -1));
    }
    StabilityResult r = Stability.assess(samples, null, null);

    assertThat(r.windows()).isEqualTo(10);
    assertThat(r.latencyTrendRatio()).isCloseTo(20, within(1e-9));
    assertThat(r.stable()).isFalse();
  }

  @Test
  void inFlightRisingLinearlyIsUnstable() {
    SplittableRandom noise = new SplittableRandom(3);
    double[] inFlight = series(60, i -> 12 + 4.2 * i + noise.nextInt(-3, 4));

    StabilityResult r = Stability.assess(cohort(2000, i -> 100), inFlight, null);

    assertThat(r.stable()).isFalse();
    assertThat(r.inFlightSlopePerSec()).isCloseTo(4.2, within(0.1));
    assertThat(r.reason()).startsWith("in-flight grows 4.")
        .contains("/s over 60 s (from ")
        .endsWith("): the server does not keep up");
  }

  @Test
  void noisyFlatInFlightIsStable() {
    SplittableRandom noise = new SplittableRandom(4);
    double[] inFlight = series(120, i -> 50 + noise.nextInt(-10, 11));

    StabilityResult r = Stability.assess(cohort(2000, i -> 100), inFlight, null);

    assertThat(r.stable()).isTrue();
    assertThat(Math.abs(r.inFlightSlopePerSec() * 120)).isLessThan(25);
  }

  @Test
  void aSmallSignificantQueueDriftIsStable() {
    // rises exactly 0.05/s: t is infinite, but 3 requests over the minute is not a backlog
    double[] inFlight = series(60, i -> 30 + 0.05 * i);

    StabilityResult r = Stability.assess(cohort(2000, i -> 100), inFlight, null);

    assertThat(r.stable()).isTrue();
    assertThat(r.inFlightSlopePerSec()).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void aGrowingServerQueueIsUnstable() {
    double[] inFlight = series(30, i -> 64); // the generator's side looks flat
    double[] waiting = series(30, i -> 3.0 * i);

    StabilityResult r = Stability.assess(cohort(2000, i -> 100), inFlight, waiting);

    assertThat(r.stable()).isFalse();
    assertThat(r.waitingSlopePerSec()).isCloseTo(3, within(1e-9));
    assertThat(r.inFlightSlopePerSec()).isZero();
    assertThat(r.reason())
        .isEqualTo("server waiting queue grows 3/s over 30 s (from 0 to 87): the server is "
            + "overloaded");
  }

  @Test
  void tooFewCompletionsAreStable() {
    List<Sample> samples = cohort(150, i -> 100 + i);
    for (int i = 0; i < 500; i++) {
      samples.add(new Sample(i * MS, Outcome.DROPPED, -1, -1, -1));
    }
    StabilityResult r = Stability.assess(samples, null, null);

    assertThat(r.stable()).isTrue();
    assertThat(r.windows()).isEqualTo(1);
    assertThat(r.latencyTrendRatio()).isNaN();
    assertThat(r.reason()).isEqualTo("too few completions to judge stability (n=150)");
  }

  @Test
  void aStalledServerIsUnstableEvenWithoutCompletions() {
    double[] inFlight = series(20, i -> 10.0 * i);

    StabilityResult r = Stability.assess(List.of(), inFlight, null);

    assertThat(r.stable()).isFalse();
    assertThat(r.reason()).startsWith("in-flight grows 10/s over 20 s (from 0 to 190)");
  }

  @Test
  void mannKendallOfAStrictlyRisingSeriesUsesTheNoTieVariance() {
    // S = 10·9/2 = 45, Var = 10·9·25/18 = 125, z = (45 − 1)/√125
    double[] rising = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Trend.mannKendallZ(rising)).isCloseTo(44 / Math.sqrt(125), within(1e-12));
    assertThat(Trend.mannKendallZ(new double[] {5, 5, 5, 5})).isZero();
  }

  @Test
  void leastSquaresRecoversALine() {
    Trend.Line line = Trend.leastSquares(new double[] {1, 3, 2, 4});
    // x̄ = 1.5, ȳ = 2.5, Sxy = 4, Sxx = 5  ⇒  b = 0.8; residuals −0.3, 0.9, −0.9, 0.3
    double se = Math.sqrt((2 * 0.3 * 0.3 + 2 * 0.9 * 0.9) / 2 / 5);
    assertThat(line.slope()).isCloseTo(0.8, within(1e-12));
    assertThat(line.t()).isCloseTo(0.8 / se, within(1e-9));
    assertThat(line.mean()).isCloseTo(2.5, within(1e-12));
  }
}
