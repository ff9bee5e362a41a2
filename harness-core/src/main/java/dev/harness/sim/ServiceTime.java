package dev.harness.sim;

import java.util.SplittableRandom;

/**
 * The distribution of one request's service time in the classic (c-server) model. Samples are
 * drawn from a random source the model owns and seeds, so a seed replays the same service times in
 * arrival order.
 *
 * <pre>{@code
 * ServiceTime s = ServiceTime.exponential(2_000_000L);   // mean 2 ms, i.e. μ = 500/s
 * long nanos = s.sampleNanos(new SplittableRandom(1));
 * }</pre>
 */
public interface ServiceTime {

  /** One service time in nanoseconds (at least 1). */
  long sampleNanos(SplittableRandom random);

  /** The mean service time in nanoseconds (1/μ). */
  double meanNanos();

  /** Every request takes exactly {@code nanos} (the "D" of M/D/1). */
  static ServiceTime deterministic(long nanos) {
    return new ServiceTimes.Deterministic(nanos);
  }

  /**
   * Exponential with the given mean (the "M" of M/M/1), sampled by inversion: {@code S = −mean ×
   * ln(1 − U)}, U uniform on [0, 1) (Devroye, Non-Uniform Random Variate Generation, 1986, §II.2).
   */
  static ServiceTime exponential(long meanNanos) {
    return new ServiceTimes.Exponential(meanNanos);
  }

  /**
   * Log-normal with the given mean and shape σ (the standard deviation of ln S): {@code S =
   * exp(m + σZ)} with {@code m = ln(mean) − σ²/2} so that E[S] = mean, Z standard normal.
   */
  static ServiceTime logNormal(long meanNanos, double sigma) {
    return new ServiceTimes.LogNormal(meanNanos, sigma);
  }
}
