package dev.harness.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Server-side metrics of one step: for each series, the mean, maximum, last value and number of
 * samples inside the step's window. Pure: built from {@link Series} by {@link #summarise}.
 *
 * <p><b>Windows are half-open</b>, {@code [from, to)}: a sample stamped exactly at {@code from}
 * belongs to the step, one stamped at {@code to} to the next, so back-to-back steps never share a
 * sample. Values that are NaN or infinite are left out of every figure (and of the count). The
 * mean is the plain mean of the samples, which is the time average when samples are evenly
 * spaced (a scrape every interval, one CloudWatch datum every period).
 *
 * <p><b>Coarse sources</b> ({@link #alignToPeriods}): a datum stamped {@code t} with period
 * {@code P} describes {@code [t, t + P)}, and periods are aligned to the epoch (as CloudWatch
 * aligns them). Only periods wholly inside the step count: the window becomes {@code
 * [ceil(from / P) × P, floor(to / P) × P)}, dropping the periods that straddle either boundary;
 * a step shorter than one whole period gets no window at all.
 *
 * @param window the window summarised
 * @param summaries one per series with at least one finite sample, aggregates first
 */
public record StepMetrics(Window window, List<Summary> summaries) {
  public StepMetrics {
    Objects.requireNonNull(window, "window");
    summaries = List.copyOf(summaries);
  }

  /**
   * A half-open wall-clock window {@code [from, to)}.
   *
   * @param from first instant inside
   * @param to first instant after
   */
  public record Window(Instant from, Instant to) {
    public Window {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("window ends before it starts: " + from + " to " + to);
      }
    }

    /** Whether {@code t} lies in {@code [from, to)}. */
    public boolean contains(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }

    public Duration length() {
      return Duration.between(from, to);
    }
  }

  /**
   * Figures of one series in a window.
   *
   * @param name series name (canonical or raw)
   * @param unit unit of the values
   * @param labels the series' labels (empty for an aggregate)
   * @param mean mean of the finite samples
   * @param max largest finite sample
   * @param last the latest finite sample
   * @param count number of finite samples (at least 1)
   */
  public record Summary(
      String name, String unit, Map<String, String> labels, double mean, double max, double last,
      int count) {
    public Summary {
      labels = Map.copyOf(labels);
      if (count < 1) {
        throw new IllegalArgumentException("a summary needs at least one sample, got " + count);
      }
    }

    /** {@code name} for an aggregate, {@code name{a="x",b="y"}} (labels sorted) otherwise. */
    public String key() {
      if (labels.isEmpty()) {
        return name;
      }
      StringBuilder sb = new StringBuilder(name).append('{');
      new TreeMap<>(labels).forEach((k, v) -> sb.append(k).append("=\"").append(v).append("\","));
      sb.setLength(sb.length() - 1);
      return sb.append('}').toString();
    }
  }

  /** Summarises every series over {@code [from, to)}. */
  public static StepMetrics summarise(List<Series> series, Instant from, Instant to) {
    Window window = new Window(from, to);
    List<Summary> aggregates = new ArrayList<>();
    List<Summary> labelled = new ArrayList<>();
    for (Series s : series) {
      summary(s, window).ifPresent(x -> (x.labels().isEmpty() ? aggregates : labelled).add(x));
    }
    aggregates.addAll(labelled);
    return new StepMetrics(window, aggregates);
  }

  /**
   * Summarises over the whole {@code period}s inside {@code [from, to)} (see the class comment);
   * the result has no summaries when no whole period fits.
   */
  public static StepMetrics summarisePeriods(
      List<Series> series, Instant from, Instant to, Duration period) {
    Optional<Window> aligned = alignToPeriods(from, to, period);
    return aligned.isPresent()
        ? summarise(series, aligned.get().from(), aligned.get().to())
        : new StepMetrics(new Window(from, to), List.of());
  }

  /**
   * The part of {@code [from, to)} made of whole epoch-aligned periods: {@code [ceil(from / P) ×
   * P, floor(to / P) × P)}, or empty when that is shorter than one period.
   */
  public static Optional<Window> alignToPeriods(Instant from, Instant to, Duration period) {
    Window step = new Window(from, to); // checks the order
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be > 0, got " + period);
    }
    long p = period.toNanos();
    long start = ceilDiv(SeriesStore.epochNanos(step.from()), p) * p;
    long end = Math.floorDiv(SeriesStore.epochNanos(step.to()), p) * p;
    if (end - start < p) {
      return Optional.empty();
    }
    return Optional.of(new Window(instant(start), instant(end)));
  }

  /** Number of whole periods {@link #alignToPeriods} keeps (0 when none). */
  public static long wholePeriods(Instant from, Instant to, Duration period) {
    return alignToPeriods(from, to, period)
        .map(w -> w.length().toNanos() / period.toNanos())
        .orElse(0L);
  }

  /** The summary of the aggregate {@code name}, if the window had samples of it. */
  public Optional<Summary> aggregate(String name) {
    return summaries.stream().filter(s -> s.labels().isEmpty() && s.name().equals(name))
        .findFirst();
  }

  /**
   * Flat figures for results ({@code serverMetrics}): for every summary, {@code <key>.mean},
   * {@code <key>.max}, {@code <key>.last} and {@code <key>.n}, with {@link Summary#key()}.
   */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Summary s : summaries) {
      String k = s.key();
      m.put(k + ".mean", s.mean());
      m.put(k + ".max", s.max());
      m.put(k + ".last", s.last());
      m.put(k + ".n", (double) s.count());
    }
    return Collections.unmodifiableMap(m);
  }

  private static Optional<Summary> summary(Series s, Window w) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double last = Double.NaN;
    Instant lastTime = null;
    int n = 0;
    for (Sample p : s.points()) {
      if (!w.contains(p.time()) || !Double.isFinite(p.value())) {
        continue;
      }
      sum += p.value();
      max = Math.max(max, p.value());
      if (lastTime == null || !p.time().isBefore(lastTime)) {
        last = p.value();
        lastTime = p.time();
      }
      n++;
    }
    return n == 0
        ? Optional.empty()
        : Optional.of(new Summary(s.name(), s.unit(), s.labels(), sum / n, max, last, n));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }
}
