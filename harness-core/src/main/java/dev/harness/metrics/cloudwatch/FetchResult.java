package dev.harness.metrics.cloudwatch;

import dev.harness.metrics.Series;
import java.util.List;

/**
 * What one {@link CloudWatchSource#fetchResult} found.
 *
 * @param series one series per metric output and label set that was asked for, in query order,
 *     empty ones included (a metric CloudWatch had no data for); per-device aggregates follow
 * @param notes what went wrong or is missing, one line each (no data for a metric, data still
 *     late when the wait ended, throttled too often, a failed call)
 * @param calls GetMetricData and ListMetrics calls made, retries included
 * @param throttled calls CloudWatch answered with a throttling error (each was retried while the
 *     retry budget lasted)
 */
public record FetchResult(List<Series> series, List<String> notes, int calls, int throttled) {
  public FetchResult {
    series = List.copyOf(series);
    notes = List.copyOf(notes);
    if (calls < 0 || throttled < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got calls=" + calls
          + ", throttled=" + throttled);
    }
  }

  /** The series that hold at least one point (what {@link CloudWatchSource#fetch} returns). */
  public List<Series> nonEmpty() {
    return series.stream().filter(s -> !s.points().isEmpty()).toList();
  }
}
