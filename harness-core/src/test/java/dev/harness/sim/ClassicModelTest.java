package dev.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassicModelTest {
  private static final long MS = 1_000_000L;

  @Test
  void deterministicServiceWithTwoServersGivesHandComputedTimes() {
    ClassicModel m = new ClassicModel(2, ServiceTime.deterministic(10 * MS), 1);
    // servers free at (-, -) → r0 0..10, r1 1..11; r2 waits for the server free at 10,
    // r3 for the one free at 11; r4 arrives to an idle system.
    assertThat(m.admit(0)).isEqualTo(new ClassicModel.Admission(0, 0, 10 * MS));
    assertThat(m.admit(1 * MS)).isEqualTo(new ClassicModel.Admission(MS, MS, 11 * MS));
    assertThat(m.admit(2 * MS)).isEqualTo(new ClassicModel.Admission(2 * MS, 10 * MS, 20 * MS));
    assertThat(m.admit(3 * MS)).isEqualTo(new ClassicModel.Admission(3 * MS, 11 * MS, 21 * MS));
    assertThat(m.admit(25 * MS)).isEqualTo(new ClassicModel.Admission(25 * MS, 25 * MS, 35 * MS));
    assertThat(m.busyNanos()).isEqualTo(50 * MS);
  }

  @Test
  void oneServerFollowsLindleysRecursion() {
    ClassicModel m = new ClassicModel(1, ServiceTime.exponential(5 * MS), 3);
    SplittableRandom gaps = new SplittableRandom(9);
    long arrival = 0;
    long prevWait = 0;
    long prevService = 0;
    long prevArrival = 0;
    for (int i = 0; i < 10_000; i++) {
      arrival += (long) (-6 * MS * Math.log(1 - gaps.nextDouble()));
      ClassicModel.Admission a = m.admit(arrival);
      long wait = a.start() - a.arrival();
      if (i > 0) {
        assertThat(wait).isEqualTo(Math.max(0, prevWait + prevService - (arrival - prevArrival)));
      }
      prevWait = wait;
      prevService = a.departure() - a.start();
      prevArrival = arrival;
    }
  }

  @Test
  void mm1ResponseTimeP99IsLnHundredOverMuMinusLambda() {
    double mu = 1000; // per second
    double lambda = 700;
    long[] response = simulate(1, ServiceTime.exponential(1_000_000L), lambda, 2_000_000, 11);
    Arrays.sort(response);
    double p99 = response[(int) (0.99 * response.length)] / 1e9;
    assertThat(p99).isCloseTo(Math.log(100) / (mu - lambda), within(0.02 * Math.log(100) / 300));
  }

  @Test
  void md1MeanResponseTimeMatchesPollaczekKhinchine() {
    double mu = 1000;
    double lambda = 600;
    double rho = lambda / mu;
    long[] response = simulate(1, ServiceTime.deterministic(1_000_000L), lambda, 1_000_000, 5);
    double mean = Arrays.stream(response).average().orElseThrow() / 1e9;
    double exact = 1 / mu + rho / (2 * mu * (1 - rho));
    assertThat(mean).isCloseTo(exact, within(0.01 * exact));
  }

  @Test
  void mmcMeanWaitMatchesErlangC() {
    int c = 3;
    double mu = 1000;
    double lambda = 2400;
    long[] response = simulate(c, ServiceTime.exponential(1_000_000L), lambda, 1_000_000, 17);
    double meanWait = Arrays.stream(response).average().orElseThrow() / 1e9 - 1 / mu;
    double exact = Queues.erlangC(c, lambda / mu) / (c * mu - lambda);
    assertThat(meanWait).isCloseTo(exact, within(0.03 * exact));
  }

  @Test
  void mmcResponseTimeP99MatchesTheExactTail() {
    // M/M/4 at 70 % load: the p99 of 1 M simulated requests against the exact tail (Queues), and
    // c = 1 of the same formula against M/M/1's closed form ln(100)/(μ − λ)
    int c = 4;
    double mu = 500;
    double lambda = 1400;
    long[] response = simulate(c, ServiceTime.exponential(2_000_000L), lambda, 1_000_000, 23);
    Arrays.sort(response);
    double p99 = response[(int) Math.ceil(0.99 * response.length) - 1] / 1e9;
    double exact = Queues.responseQuantile(c, mu, lambda, 0.01);
    assertThat(p99).isCloseTo(exact, within(0.02 * exact));
    assertThat(Queues.responseQuantile(1, 1000, 700, 0.01))
        .isCloseTo(Math.log(100) / 300, within(1e-9));
    assertThat(Queues.sustainableRate(1, 1000, Math.log(100) / 300, 0.01))
        .isCloseTo(700, within(1e-6));
  }

  @Test
  void logNormalServiceHasTheConfiguredMean() {
    ServiceTime s = ServiceTime.logNormal(8 * MS, 0.5);
    SplittableRandom r = new SplittableRandom(2);
    double sum = 0;
    int n = 400_000;
    for (int i = 0; i < n; i++) {
      sum += s.sampleNanos(r);
    }
    assertThat(sum / n).isCloseTo(8.0 * MS, within(0.01 * 8 * MS));
  }

  @Test
  void arrivalsThatGoBackInTimeAreRefused() {
    ClassicModel m = new ClassicModel(1, ServiceTime.deterministic(MS), 1);
    m.admit(5 * MS);
    assertThatThrownBy(() -> m.admit(4 * MS)).hasMessageContaining("back in time");
    assertThatThrownBy(() -> new ClassicModel(0, ServiceTime.deterministic(MS), 1))
        .hasMessageContaining("servers must be >= 1, got 0");
  }

  /** Response times (ns) of n Poisson arrivals at rate λ/s through the model. */
  private static long[] simulate(int c, ServiceTime s, double lambda, int n, long seed) {
    ClassicModel m = new ClassicModel(c, s, seed);
    SplittableRandom gaps = new SplittableRandom(seed + 1);
    long[] out = new long[n];
    double t = 0;
    for (int i = 0; i < n; i++) {
      t += -Math.log(1 - gaps.nextDouble()) / lambda * 1e9;
      ClassicModel.Admission a = m.admit((long) t);
      out[i] = a.departure() - a.arrival();
    }
    return out;
  }
}
