package dev.harness.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A time series of one metric with one label set, points in time order.
 *
 * <p>Aggregates over several label sets (for example all GPUs of a host) carry empty labels;
 * per-device series carry the server's labels ({@code gpu="0"}, {@code model="llama"}).
 *
 * @param name canonical name ({@link ServerMetric#id()}) or the server's own name for passthrough
 * @param unit unit of the values ({@code "ratio"}, {@code "bytes"}, {@code "ms"}, {@code
 *     "requests"}, or {@code ""} when unknown)
 * @param labels label names to values (copied; empty for an aggregate)
 * @param points samples in non-decreasing time order (copied)
 */
public record Series(String name, String unit, Map<String, String> labels, List<Sample> points) {
  public Series {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("series name is blank");
    }
    unit = unit == null ? "" : unit;
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).time().isBefore(points.get(i - 1).time())) {
        throw new IllegalArgumentException(
            "points of series " + name + " are not in time order at index " + i);
      }
    }
  }

  /** True when this series is an aggregate (no labels). */
  public boolean isAggregate() {
    return labels.isEmpty();
  }
}
