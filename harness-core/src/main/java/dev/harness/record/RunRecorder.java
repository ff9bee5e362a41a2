package dev.harness.record;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency recorders and counters of a run: one HdrHistogram {@link Recorder} per metric per step,
 * recording microseconds with 3 significant digits, wait-free from any thread.
 *
 * <p>Usage: event loops call {@link #record}; one interval thread calls {@link #swapInterval()}
 * once a second, which moves each recorder's interval into the step's running total and returns
 * the interval, merged across steps, per metric (for the hlog and live progress):
 *
 * <pre>{@code
 * RunRecorder rec = new RunRecorder(stepCount, highestMicros);
 * rec.record(step, Metric.E2E, latencyNanos);          // hot path, any thread
 * Map<Metric, Histogram> interval = rec.swapInterval(); // interval thread
 * LatencySummary p = rec.summary(step, Metric.E2E, timeoutMicros);
 * }</pre>
 *
 * Values above the highest trackable value are clamped to it (it is at least twice the request
 * timeout, so only generator hiccups longer than that could be clamped).
 */
public final class RunRecorder {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final long highestMicros;
  private final List<Map<Metric, Recorder>> recorders = new ArrayList<>();
  private final List<Map<Metric, Histogram>> totals = new ArrayList<>();
  private final List<Map<Metric, Histogram>> recycled = new ArrayList<>();
  private final List<StepCounters> counters = new ArrayList<>();
  private final Map<Metric, Histogram> intervalMerged = new EnumMap<>(Metric.class);
  private final Map<Metric, Histogram> warmupMerged = new EnumMap<>(Metric.class);
  private final boolean[] warmup;

  public RunRecorder(int steps, long highestMicros) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (highestMicros < 2) {
      throw new IllegalArgumentException("highestMicros must be >= 2, got " + highestMicros);
    }
    this.highestMicros = highestMicros;
    for (int s = 0; s < steps; s++) {
      Map<Metric, Recorder> r = new EnumMap<>(Metric.class);
      Map<Metric, Histogram> t = new EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        r.put(m, new Recorder(1, highestMicros, SIGNIFICANT_DIGITS));
        t.put(m, newHistogram());
      }
      recorders.add(r);
      totals.add(t);
      recycled.add(new EnumMap<>(Metric.class));
      counters.add(new StepCounters());
    }
    for (Metric m : Metric.values()) {
      Histogram h = newHistogram();
      h.setTag(m.tag());
      intervalMerged.put(m, h);
      warmupMerged.put(m, newHistogram());
    }
    warmup = new boolean[steps];
  }

  /**
   * Marks steps as warm-up: {@link #swapInterval()} leaves their values out of the merged interval
   * and gathers them in {@link #warmupInterval()} instead (their step totals are kept as usual).
   */
  public synchronized void markWarmup(java.util.Set<Integer> steps) {
    for (int s : steps) {
      warmup[s] = true;
    }
  }

  /**
   * The warm-up steps' share of the last {@link #swapInterval()}, per metric; reused by the next
   * swap.
   */
  public synchronized Map<Metric, Histogram> warmupInterval() {
    return warmupMerged;
  }

  private Histogram newHistogram() {
    return new Histogram(1, highestMicros, SIGNIFICANT_DIGITS);
  }

  public int steps() {
    return recorders.size();
  }

  public long highestMicros() {
    return highestMicros;
  }

  /** Records one value given in nanoseconds (rounded to microseconds, at least 1 µs). */
  public void record(int step, Metric metric, long nanos) {
    record(step, metric, nanos, 1);
  }

  /** Records {@code count} occurrences of a value given in nanoseconds. */
  public void record(int step, Metric metric, long nanos, int count) {
    if (count <= 0) {
      return;
    }
    // nanos / 1000 rounded half up, without the overflow of (nanos + 500) near Long.MAX_VALUE
    long micros = nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0);
    micros = Math.max(1, Math.min(highestMicros, micros));
    Recorder r = recorders.get(step).get(metric);
    if (count == 1) {
      r.recordValue(micros);
    } else {
      r.recordValueWithCount(micros, count);
    }
  }

  public StepCounters counters(int step) {
    return counters.get(step);
  }

  /**
   * Moves every recorder's current interval into its step total and returns this interval merged
   * across steps, one histogram per metric (tagged with {@link Metric#tag()}). The returned
   * histograms are reused by the next call; copy them if they must outlive it. Call from one
   * thread only.
   */
  public synchronized Map<Metric, Histogram> swapInterval() {
    for (Map.Entry<Metric, Histogram> e : intervalMerged.entrySet()) {
      e.getValue().reset(); // reset() also clears the tag
      e.getValue().setTag(e.getKey().tag());
    }
    for (Histogram h : warmupMerged.values()) {
      h.reset();
    }
    for (int s = 0; s < recorders.size(); s++) {
      Map<Metric, Recorder> stepRecorders = recorders.get(s);
      Map<Metric, Histogram> stepRecycled = recycled.get(s);
      for (Metric m : Metric.values()) {
        Histogram interval = stepRecorders.get(m).getIntervalHistogram(stepRecycled.get(m));
        stepRecycled.put(m, interval);
        if (interval.getTotalCount() > 0) {
          totals.get(s).get(m).add(interval);
          (warmup[s] ? warmupMerged : intervalMerged).get(m).add(interval);
        }
      }
    }
    return intervalMerged;
  }

  /** A copy of the step's accumulated histogram (as of the last swap) in microseconds. */
  public synchronized Histogram total(int step, Metric metric) {
    return totals.get(step).get(metric).copy();
  }

  /** A percentile (0-100) of the step's accumulated values in milliseconds; 0 when empty. */
  public synchronized double percentileMillis(int step, Metric metric, double percentile) {
    Histogram h = totals.get(step).get(metric);
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Summary of the step's accumulated values; {@code censoredAtMicros} 0 if none censored. */
  public LatencySummary summary(int step, Metric metric, long censoredAtMicros) {
    return LatencySummary.of(total(step, metric), censoredAtMicros);
  }
}
