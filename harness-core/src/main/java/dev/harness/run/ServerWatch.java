package dev.harness.run;

import dev.harness.config.Plan;
import dev.harness.metrics.PrometheusSource;
import dev.harness.metrics.ServerMetric;
import dev.harness.metrics.StepMetrics;
import dev.harness.time.NanoClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The server's own view of its load during a capacity search, where the plan names a metrics
 * source ({@code metrics.prometheus}): its waiting queue for the stability check, "nothing
 * running or waiting" for the cool-down, and each step window's summary for the results. Without
 * a source every answer is empty and the search relies on what the client sees.
 */
final class ServerWatch implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(250);

  private final PrometheusSource source;
  private final Duration maxAge;
  private final NanoClock clock;

  private ServerWatch(PrometheusSource source, Duration interval, NanoClock clock) {
    this.source = source;
    this.maxAge = interval.multipliedBy(3);
    this.clock = clock;
  }

  /** Starts scraping the plan's Prometheus source, if it names one. */
  static ServerWatch start(Plan plan, NanoClock clock) {
    if (plan.metrics() == null || plan.metrics().prometheus() == null) {
      return new ServerWatch(null, Duration.ZERO, clock);
    }
    PrometheusSource s = PrometheusSource.of(plan.metrics().prometheus(), wallClock(clock));
    s.start();
    return new ServerWatch(s, plan.metrics().prometheus().interval(), clock);
  }

  boolean present() {
    return source != null;
  }

  /** Requests the server holds in its waiting queue now, if it says so (recently). */
  OptionalDouble waiting() {
    return latest(ServerMetric.REQUESTS_WAITING);
  }

  /** Requests the server is working on now, if it says so (recently). */
  OptionalDouble running() {
    return latest(ServerMetric.REQUESTS_RUNNING);
  }

  private OptionalDouble latest(ServerMetric m) {
    return source == null ? OptionalDouble.empty() : source.latestValue(m.id(), maxAge);
  }

  /**
   * Waits until the server reports nothing running and nothing waiting, at most {@code timeout}.
   *
   * @return true when it did; false on timeout or when the source does not report both
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (source == null) {
      return false;
    }
    long limit = clock.nanoTime() + timeout.toNanos();
    while (true) {
      source.scrapeNow();
      OptionalDouble run = running();
      OptionalDouble wait = waiting();
      if (run.isEmpty() || wait.isEmpty()) {
        return false;
      }
      if (run.getAsDouble() == 0 && wait.getAsDouble() == 0) {
        return true;
      }
      if (clock.nanoTime() >= limit) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * The window's server metrics as {@code name.mean}, {@code name.max}, {@code name.last} and
   * {@code name.n} for each metric the server reported (label-free aggregates only); empty
   * without a source.
   */
  Map<String, Double> summarise(Instant from, Instant to) {
    if (source == null) {
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    StepMetrics.summarise(source.fetch(from, to), from, to).asMap().forEach((k, v) -> {
      if (k.indexOf('{') < 0) {
        out.put(k, v);
      }
    });
    return out;
  }

  String describe() {
    return source == null ? "none" : source.describe();
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }

  /** The injected clock's calendar time, for the source's timestamps. */
  private static Clock wallClock(NanoClock clock) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(clock.wallClockMillis());
      }
    };
  }
}
