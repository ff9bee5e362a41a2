package dev.harness.config;

import dev.harness.traffic.Phase;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code limits:}, fills in the computed defaults from the (already overridden) phases, and
 * warns about limits that will cut the run short or drop requests.
 */
final class LimitsReader {
  private LimitsReader() {}

  private static final List<String> KEYS =
      List.of(
          "request-timeout",
          "connect-timeout",
          "max-in-flight",
          "connections",
          "max-duration",
          "drain-timeout");

  static Limits read(MappingReader plan, List<Phase> phases, List<String> warnings)
      throws PlanException {
    MappingReader m = plan.mapping("limits", "limits");
    if (m != null) {
      m.allowOnly(KEYS);
    }
    Duration requestTimeout = duration(m, "request-timeout", Defaults.REQUEST_TIMEOUT);
    Duration connectTimeout = duration(m, "connect-timeout", Defaults.CONNECT_TIMEOUT);
    Duration drainTimeout = duration(m, "drain-timeout", Defaults.DRAIN_TIMEOUT);
    double peak = phases.stream().mapToDouble(Phase::peakRatePerSec).max().orElse(0);
    Duration total = phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);

    int recommended = Defaults.recommendedInFlight(peak, requestTimeout);
    String why = "1.2 × peak " + rate(peak) + " req/s × request-timeout "
        + DurationParser.format(requestTimeout);
    Integer maxInFlight = m == null ? null : m.positiveInt("max-in-flight");
    if (maxInFlight != null && maxInFlight < recommended) {
      warnings.add(m.field("max-in-flight") + ": " + maxInFlight + " is below the recommended "
          + recommended + " (" + why + "); requests due beyond the cap are dropped, not queued");
    }
    Integer connections = m == null ? null : m.positiveInt("connections");
    if (connections != null && connections < recommended) {
      warnings.add(m.field("connections") + ": " + connections + " is below the recommended "
          + recommended + " (" + why + "); a stream holds its connection for its whole life, so "
          + "requests beyond the pool wait for one and that wait counts in their latency");
    }
    int inFlight = maxInFlight != null ? maxInFlight : Defaults.maxInFlight(peak, requestTimeout);

    Duration maxDuration = duration(m, "max-duration", null);
    if (maxDuration == null) {
      maxDuration = Defaults.maxDuration(total, requestTimeout);
    } else if (maxDuration.compareTo(total) < 0) {
      warnings.add(m.field("max-duration") + ": " + DurationParser.format(maxDuration)
          + " is shorter than the phases (" + DurationParser.format(total)
          + "); the schedule will be cut at " + DurationParser.format(maxDuration));
    }
    return new Limits(requestTimeout, connectTimeout, inFlight,
        connections != null ? connections : inFlight, maxDuration, drainTimeout);
  }

  private static Duration duration(MappingReader m, String key, Duration absent)
      throws PlanException {
    return m == null ? absent : m.positiveDuration(key, absent);
  }

  /** A rate as people write it: {@code 10}, {@code 2.5}. */
  private static String rate(double r) {
    return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
  }
}
