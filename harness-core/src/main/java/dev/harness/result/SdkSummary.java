package dev.harness.result;

import org.HdrHistogram.Histogram;

/**
 * The AWS SDK's own view of a SageMaker run ({@code generator.sdk} in results.json): whether
 * requests waited for a connection slot inside the SDK client, where the engine cannot see them.
 * With the pool sized to the in-flight cap the acquire times stay near zero and {@code
 * maxPendingAcquires} at 0; anything else means part of the measured latency was a queue in the
 * client, not the endpoint.
 *
 * @param maxConcurrency the SDK client's connection pool (its max concurrency): the in-flight cap
 *     (the largest one over a capacity search's steps)
 * @param apiCalls API calls whose metrics the SDK published
 * @param retries retries the SDK made (always 0: retries are off)
 * @param maxPendingAcquires most requests seen waiting for a connection slot at once
 * @param maxLeasedConcurrency most connection slots seen in use at once
 * @param concurrencyAcquire the SDK's {@code ConcurrencyAcquireDuration}: the wait for a connection
 *     slot (a new connection's connect included)
 * @param timeToFirstByte the SDK's {@code TimeToFirstByte}: from the request's send to the
 *     response headers (excludes the engine's schedule lag, unlike {@code e2e})
 */
public record SdkSummary(
    int maxConcurrency,
    long apiCalls,
    long retries,
    int maxPendingAcquires,
    int maxLeasedConcurrency,
    Durations concurrencyAcquire,
    Durations timeToFirstByte) {

  public SdkSummary {
    if (maxConcurrency < 0 || apiCalls < 0 || retries < 0 || maxPendingAcquires < 0
        || maxLeasedConcurrency < 0) {
      throw new IllegalArgumentException("SDK counts must be >= 0, got pool " + maxConcurrency
          + ", calls " + apiCalls + ", retries " + retries + ", pending " + maxPendingAcquires
          + ", leased " + maxLeasedConcurrency);
    }
    if (concurrencyAcquire == null || timeToFirstByte == null) {
      throw new IllegalArgumentException("SDK durations must not be null");
    }
  }

  /**
   * A distribution of one SDK duration.
   *
   * @param n values recorded
   * @param p50Millis median
   * @param p99Millis 99th percentile
   * @param maxMillis largest
   */
  public record Durations(long n, double p50Millis, double p99Millis, double maxMillis) {
    public Durations {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
    }

    /** The figures of a histogram of microseconds; all 0 when it is empty. */
    public static Durations ofMicros(Histogram micros) {
      long n = micros.getTotalCount();
      if (n == 0) {
        return new Durations(0, 0, 0, 0);
      }
      return new Durations(n, micros.getValueAtPercentile(50) / 1000.0,
          micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
    }
  }
}
