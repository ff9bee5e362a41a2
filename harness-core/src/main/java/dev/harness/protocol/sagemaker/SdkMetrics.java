package dev.harness.protocol.sagemaker;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.SdkMetric;

/**
 * The AWS SDK's own view of the calls, gathered from its metric collections: how long each request
 * waited for a connection slot in the SDK's HTTP client ({@code ConcurrencyAcquireDuration}), how
 * many waited ({@code PendingConcurrencyAcquires}), time to first byte and API call duration, and
 * retries. With the pool sized to the in-flight cap, acquire times stay near zero and nothing is
 * pending: no queue hides inside the SDK. Thread-safe; values are microseconds.
 *
 * <p>One instance per {@link SageMakerInvoker}; {@link #add} sums several (the engine runs of a
 * capacity search) into one, keeping the largest pool size.
 */
public final class SdkMetrics {
  private final Histogram acquireMicros = new Histogram(3);
  private final Histogram firstByteMicros = new Histogram(3);
  private final Histogram apiCallMicros = new Histogram(3);
  private long apiCalls;
  private long retries;
  private int maxPendingAcquires;
  private int maxLeased;
  private int maxConcurrency;

  SdkMetrics(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  /** Nothing recorded yet, pool size 0: a sum to {@link #add} invokers' metrics into. */
  public static SdkMetrics empty() {
    return new SdkMetrics(0);
  }

  /** Adds everything {@code other} recorded; pool size and the maxima become the larger ones. */
  public void add(SdkMetrics other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot add SdkMetrics to itself");
    }
    Histogram acquire;
    Histogram firstByte;
    Histogram apiCall;
    long calls;
    long retried;
    int pending;
    int leased;
    int pool;
    synchronized (other) { // copied first: never two locks at once
      acquire = other.acquireMicros.copy();
      firstByte = other.firstByteMicros.copy();
      apiCall = other.apiCallMicros.copy();
      calls = other.apiCalls;
      retried = other.retries;
      pending = other.maxPendingAcquires;
      leased = other.maxLeased;
      pool = other.maxConcurrency;
    }
    synchronized (this) {
      acquireMicros.add(acquire);
      firstByteMicros.add(firstByte);
      apiCallMicros.add(apiCall);
      apiCalls += calls;
      retries += retried;
      maxPendingAcquires = Math.max(maxPendingAcquires, pending);
      maxLeased = Math.max(maxLeased, leased);
      maxConcurrency = Math.max(maxConcurrency, pool);
    }
  }

  /** Records one API call's collection (its attempts and HTTP client metrics are children). */
  synchronized void record(MetricCollection call) {
    apiCalls++;
    for (Duration d : values(call, CoreMetric.API_CALL_DURATION)) {
      apiCallMicros.recordValue(micros(d));
    }
    for (Integer r : values(call, CoreMetric.RETRY_COUNT)) {
      retries += r;
    }
    walk(call);
  }

  private void walk(MetricCollection c) {
    for (Duration d : values(c, HttpMetric.CONCURRENCY_ACQUIRE_DURATION)) {
      acquireMicros.recordValue(micros(d));
    }
    for (Duration d : values(c, CoreMetric.TIME_TO_FIRST_BYTE)) {
      firstByteMicros.recordValue(micros(d));
    }
    for (Integer p : values(c, HttpMetric.PENDING_CONCURRENCY_ACQUIRES)) {
      maxPendingAcquires = Math.max(maxPendingAcquires, p);
    }
    for (Integer l : values(c, HttpMetric.LEASED_CONCURRENCY)) {
      maxLeased = Math.max(maxLeased, l);
    }
    for (MetricCollection child : c.children()) {
      walk(child);
    }
  }

  private static <T> List<T> values(MetricCollection c, SdkMetric<T> metric) {
    return c.metricValues(metric);
  }

  private static long micros(Duration d) {
    return Math.max(0, d.toNanos() / 1000);
  }

  /** API calls whose metrics have been published (published after each call ends). */
  public synchronized long apiCalls() {
    return apiCalls;
  }

  /** Retries the SDK made; always 0 with retries off. */
  public synchronized long retries() {
    return retries;
  }

  /** The SDK client's connection pool size (its max concurrency): the plan's in-flight cap. */
  public synchronized int maxConcurrency() {
    return maxConcurrency;
  }

  /** Most requests seen waiting for a connection slot at once. */
  public synchronized int maxPendingAcquires() {
    return maxPendingAcquires;
  }

  /** Most connection slots seen in use at once. */
  public synchronized int maxLeasedConcurrency() {
    return maxLeased;
  }

  /** A copy of the connection-slot wait per request attempt, in microseconds. */
  public synchronized Histogram concurrencyAcquireMicros() {
    return acquireMicros.copy();
  }

  /** A copy of the SDK's time to first byte per attempt, in microseconds. */
  public synchronized Histogram timeToFirstByteMicros() {
    return firstByteMicros.copy();
  }

  /** A copy of the SDK's API call duration, in microseconds. */
  public synchronized Histogram apiCallMicros() {
    return apiCallMicros.copy();
  }

  @Override
  public synchronized String toString() {
    return "SdkMetrics[calls=" + apiCalls + ", retries=" + retries + ", acquire p100="
        + acquireMicros.getMaxValue() + "us, maxPending=" + maxPendingAcquires + "]";
  }
}
