package dev.harness.report;

import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * What the charts need from a run's {@code latency.hlog} (HdrHistogram interval log, values in
 * microseconds, one tag per metric; see docs/results-schema.md), reduced while reading so that a
 * long run does not hold every interval histogram:
 *
 * <ul>
 *   <li>per tag, each interval's count and p50 / p90 / p99 / max, placed on the run's time axis
 *       (seconds since {@code startedAt});
 *   <li>per step, the {@code e2e} intervals whose midpoint lies in the step's window — from its
 *       start to the next step's start, so that the cohort's stragglers count — added into one
 *       histogram. Intervals record by completion time and hold every step's values, so this is
 *       an approximation of the step's cohort at one-interval resolution; the cohort's exact
 *       percentiles are in results.json.
 * </ul>
 */
public final class LatencyLog {
  /** The file name in a results directory. */
  public static final String FILE = "latency.hlog";

  /**
   * One interval of one tag.
   *
   * @param startSeconds interval start, seconds since the run's {@code startedAt}
   * @param endSeconds interval end, same axis
   * @param count values recorded
   */
  record Interval(double startSeconds, double endSeconds, long count, double p50Millis,
      double p90Millis, double p99Millis, double maxMillis) {
    double midSeconds() {
      return (startSeconds + endSeconds) / 2;
    }
  }

  private final Map<String, List<Interval>> intervals;
  private final Map<Integer, Histogram> steps;

  private LatencyLog(Map<String, List<Interval>> intervals, Map<Integer, Histogram> steps) {
    this.intervals = intervals;
    this.steps = steps;
  }

  /** A log with no intervals: charts that need one are left out. */
  public static LatencyLog empty() {
    return new LatencyLog(Map.of(), Map.of());
  }

  /**
   * Reads {@code file} for the run {@code r}; a missing file gives {@link #empty()}.
   *
   * @throws IOException when the file cannot be read or is not an interval log
   */
  public static LatencyLog read(Path file, RunResult r) throws IOException {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    long originMillis = r.startedAt() == null ? 0 : r.startedAt().toEpochMilli();
    Map<String, List<Interval>> intervals = new HashMap<>();
    Map<Integer, Histogram> steps = new HashMap<>();
    try {
      HistogramLogReader reader = new HistogramLogReader(file.toFile());
      EncodableHistogram e;
      while ((e = reader.nextIntervalHistogram()) != null) {
        if (!(e instanceof Histogram) || e.getTag() == null) {
          continue;
        }
        Histogram h = (Histogram) e;
        Interval in = new Interval(
            (h.getStartTimeStamp() - originMillis) / 1000.0,
            (h.getEndTimeStamp() - originMillis) / 1000.0,
            h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(90) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0);
        intervals.computeIfAbsent(h.getTag(), t -> new ArrayList<>()).add(in);
        if ("e2e".equals(h.getTag())) {
          StepResult s = stepAt(r.steps(), in.midSeconds());
          if (s != null) {
            steps.computeIfAbsent(s.index(), i -> new Histogram(3)).add(h);
          }
        }
      }
    } catch (RuntimeException ex) {
      throw new IOException(file + ": not a readable HdrHistogram interval log: " + ex, ex);
    }
    intervals.values().forEach(l -> l.sort(Comparator.comparingDouble(Interval::startSeconds)));
    return new LatencyLog(Map.copyOf(intervals), Map.copyOf(steps));
  }

  /** The intervals of {@code tag} in time order; empty when the log has none. */
  List<Interval> intervals(String tag) {
    return intervals.getOrDefault(tag, List.of());
  }

  /** The {@code e2e} values of step {@code index}'s window (microseconds), or null. */
  Histogram stepE2e(int index) {
    return steps.get(index);
  }

  boolean isEmpty() {
    return intervals.isEmpty();
  }

  /** The step whose window, extended to the next step's start, holds {@code seconds}. */
  private static StepResult stepAt(List<StepResult> steps, double seconds) {
    StepResult found = null;
    for (StepResult s : steps) {
      if (s.startOffsetSeconds() <= seconds
          && (found == null || s.startOffsetSeconds() >= found.startOffsetSeconds())) {
        found = s;
      }
    }
    return found;
  }
}
