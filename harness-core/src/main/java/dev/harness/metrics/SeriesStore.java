package dev.harness.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded, thread-safe storage of time series: one ring per (name, labels), holding at most
 * {@code capacity} points (the oldest are overwritten), and at most {@code maxSeries} series (new
 * label sets beyond that are counted and dropped). Times are kept as nanoseconds since the epoch.
 */
final class SeriesStore {
  private static final int INITIAL = 64;

  private record Key(String name, Map<String, String> labels) {}

  /** A ring of points that grows by doubling up to the capacity. */
  private static final class Ring {
    final String unit;
    long[] times = new long[0];
    double[] values = new double[0];
    int head; // index of the oldest point
    int size;

    Ring(String unit) {
      this.unit = unit;
    }

    long lastTime() {
      return times[(head + size - 1) % times.length];
    }

    void add(long time, double value, int capacity) {
      if (size == times.length && times.length < capacity) {
        int grown = Math.min(capacity, Math.max(INITIAL, times.length * 2));
        long[] t = new long[grown];
        double[] v = new double[grown];
        for (int i = 0; i < size; i++) {
          t[i] = times[(head + i) % times.length];
          v[i] = values[(head + i) % times.length];
        }
        times = t;
        values = v;
        head = 0;
      }
      if (size < times.length) {
        times[(head + size) % times.length] = time;
        values[(head + size) % times.length] = value;
        size++;
      } else { // full: overwrite the oldest
        times[head] = time;
        values[head] = value;
        head = (head + 1) % times.length;
      }
    }
  }

  private final int capacity;
  private final int maxSeries;
  private final Map<Key, Ring> rings = new LinkedHashMap<>();
  private long droppedSeriesPoints;
  private long outOfOrderPoints;

  SeriesStore(int capacity, int maxSeries) {
    if (capacity < 1 || maxSeries < 1) {
      throw new IllegalArgumentException(
          "capacity and maxSeries must be >= 1, got " + capacity + " and " + maxSeries);
    }
    this.capacity = capacity;
    this.maxSeries = maxSeries;
  }

  /** Appends a point; one older than the series' last point (the clock stepped back) is dropped. */
  synchronized void add(
      String name, String unit, Map<String, String> labels, Instant time, double value) {
    Key key = new Key(name, Map.copyOf(labels));
    Ring ring = rings.get(key);
    if (ring == null) {
      if (rings.size() >= maxSeries) {
        droppedSeriesPoints++;
        return;
      }
      ring = new Ring(unit);
      rings.put(key, ring);
    }
    long t = epochNanos(time);
    if (ring.size > 0 && t < ring.lastTime()) {
      outOfOrderPoints++;
      return;
    }
    ring.add(t, value, capacity);
  }

  /** Every series with at least one point in {@code [from, to)}, holding only those points. */
  synchronized List<Series> between(Instant from, Instant to) {
    long lo = epochNanos(from);
    long hi = epochNanos(to);
    List<Series> result = new ArrayList<>();
    for (Map.Entry<Key, Ring> e : rings.entrySet()) {
      Ring r = e.getValue();
      List<Sample> points = new ArrayList<>();
      for (int i = 0; i < r.size; i++) {
        int at = (r.head + i) % r.times.length;
        long t = r.times[at];
        if (t >= lo && t < hi) {
          points.add(new Sample(instant(t), r.values[at]));
        }
      }
      if (!points.isEmpty()) {
        result.add(new Series(e.getKey().name(), r.unit, e.getKey().labels(), points));
      }
    }
    return result;
  }

  /** The newest point of one series, if it has any. */
  synchronized Optional<Sample> last(String name, Map<String, String> labels) {
    Ring r = rings.get(new Key(name, Map.copyOf(labels)));
    if (r == null || r.size == 0) {
      return Optional.empty();
    }
    int at = (r.head + r.size - 1) % r.times.length;
    return Optional.of(new Sample(instant(r.times[at]), r.values[at]));
  }

  /** Points dropped because the series limit was reached. */
  synchronized long droppedSeriesPoints() {
    return droppedSeriesPoints;
  }

  /** Points dropped because they were older than their series' last point. */
  synchronized long outOfOrderPoints() {
    return outOfOrderPoints;
  }

  static long epochNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }
}
