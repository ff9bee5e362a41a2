package dev.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoissonArrivalTest extends ArrivalContractTest {

  @Override
  Arrival arrival() {
    return Arrival.poisson();
  }

  /** Four standard deviations of a Poisson count. */
  @Override
  double countTolerance(double expected) {
    return 4 * Math.sqrt(expected);
  }

  @Test
  void poissonGapsAreExponential() {
    double rate = 100;
    double[] gaps = gapsInSeconds(arrival(), rate, 60);

    assertThat(gaps.length).isGreaterThanOrEqualTo(5000);
    assertThat(ksStatisticAgainstExponential(gaps, rate))
        .isLessThan(ksCriticalValue(gaps.length, 0.01));
  }

  @Test
  void theExponentialCheckRejectsGapsThatAreNotExponential() {
    double rate = 100;
    double[] gaps = gapsInSeconds(Arrival.gamma(0.5), rate, 60);

    assertThat(ksStatisticAgainstExponential(gaps, rate))
        .isGreaterThan(ksCriticalValue(gaps.length, 0.01));
  }

  @Test
  void gammaWithCvOneIsExponentialToo() {
    double rate = 100;
    double[] gaps = gapsInSeconds(Arrival.gamma(1), rate, 60);

    assertThat(ksStatisticAgainstExponential(gaps, rate))
        .isLessThan(ksCriticalValue(gaps.length, 0.01));
  }

  /** Gaps between consecutive sends of one constant phase (the first measured from its start). */
  static double[] gapsInSeconds(Arrival arrival, double rate, int seconds) {
    Schedule schedule =
        Schedule.of(
            List.of(new ConstantPhase("s", rate, Duration.ofSeconds(seconds), arrival)), SEED);
    long[] times = collect(schedule.arrivals());
    double[] gaps = new double[times.length];
    long previous = 0;
    for (int i = 0; i < times.length; i++) {
      gaps[i] = (times[i] - previous) / 1e9;
      previous = times[i];
    }
    return gaps;
  }

  /**
   * One-sample Kolmogorov–Smirnov statistic {@code D = sup |Fₙ(x) − F(x)|} against Exp(rate),
   * {@code F(x) = 1 − e^(−rate·x)}, evaluated on both sides of each step of the empirical CDF.
   */
  static double ksStatisticAgainstExponential(double[] sample, double rate) {
    double[] x = sample.clone();
    Arrays.sort(x);
    int n = x.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = 1 - Math.exp(-rate * x[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return d;
  }

  /** Large-sample critical value {@code √(−ln(α/2) / 2) / √n} of the KS test. */
  static double ksCriticalValue(int n, double alpha) {
    return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
  }
}
