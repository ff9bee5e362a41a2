package dev.harness.metrics;

import java.time.Instant;
import java.util.List;

/**
 * A server-side metrics source sampled alongside a run: a Prometheus scrape of the endpoint, or
 * CloudWatch metrics of a SageMaker endpoint or EC2 host.
 *
 * <p>Results are joined to steps by wall-clock time, so every {@link Sample} carries an {@link
 * Instant}. The life of a source in a run:
 *
 * <pre>{@code
 * try (MetricsSource source = ...) {
 *   source.start();                       // before the first step
 *   ... run a step from t0 to t1 ...
 *   List<Series> s = source.fetch(t0, t1); // may wait (bounded) for late data
 *   StepMetrics.summarise(s, t0, t1);
 * }
 * }</pre>
 *
 * <p>Series names are the canonical names of {@link ServerMetric} where the source knows the
 * metric, otherwise the name the server uses (raw passthrough of series the user asked for).
 * Failing to reach the server is data (counted by the source, see its {@link #describe()}), never
 * an exception from {@link #start()} or {@link #fetch}. Implementations are thread-safe.
 */
public interface MetricsSource extends AutoCloseable {

  /**
   * Begins sampling (a scraping source starts its thread here). A no-op for sources that are
   * queried afterwards, such as CloudWatch. Calling it twice has no further effect.
   */
  void start();

  /**
   * What the source has for the wall-clock interval {@code [from, to)}: one {@link Series} per
   * metric and label set, holding only the points whose time lies in the interval. Series without
   * points are left out. A source whose data arrives late may block for a bounded time waiting
   * for it; it then returns what it has.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  List<Series> fetch(Instant from, Instant to);

  /** One line for logs and results: the kind of source, where it reads from, failures so far. */
  String describe();

  /** Stops sampling and releases threads and connections. Idempotent; never throws. */
  @Override
  void close();
}
