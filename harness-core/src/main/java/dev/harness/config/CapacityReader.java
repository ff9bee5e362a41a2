package dev.harness.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code capacity:} into a {@link CapacitySpec}, filling defaults by target kind. */
final class CapacityReader {
  private CapacityReader() {}

  static final List<String> KEYS =
      List.of(
          "strategy",
          "ladder",
          "precision",
          "confidence",
          "start-rate",
          "min-rate",
          "max-rate",
          "saturation-concurrency",
          "trial-duration",
          "final-duration",
          "max-step-duration",
          "warmup",
          "cooldown-timeout",
          "max-duration",
          "max-requests",
          "error-storm",
          "instances",
          "hourly-price");

  private static final Map<String, Boolean> STRATEGIES = strategies();

  static CapacitySpec read(MappingReader plan, boolean llm) throws PlanException {
    CapacitySpec d = CapacitySpec.defaults(llm);
    MappingReader m = plan.mapping("capacity", "the capacity search");
    if (m == null) {
      return d;
    }
    m.allowOnly(KEYS);
    boolean ladderStrategy = m.choice("strategy", STRATEGIES, m.has("ladder"));
    List<Double> ladder = new ArrayList<>();
    List<Node> items = m.list("ladder");
    if (ladderStrategy) {
      if (items == null || items.isEmpty()) {
        throw m.has("ladder")
            ? m.errorAt("ladder", "needs at least one rate")
            : m.errorAt("strategy", "ladder needs a list of rates under capacity.ladder");
      }
      double last = 0;
      for (int i = 0; i < items.size(); i++) {
        String field = m.field("ladder") + "[" + i + "]";
        double r = Nodes.number(m.file(), items.get(i), field);
        if (!(r > 0)) {
          throw Nodes.error(m.file(), items.get(i), field, "a rate must be positive, got " + r);
        }
        if (r <= last) {
          throw Nodes.error(m.file(), items.get(i), field,
              "rates must increase along the ladder (" + r + " after " + last + ")");
        }
        ladder.add(r);
        last = r;
      }
    } else if (items != null) {
      throw m.errorAt("ladder", "applies only to strategy: ladder");
    }
    double precision = share(m, "precision", d.precision(), 0.005, 0.5);
    double confidence = share(m, "confidence", d.confidence(), 0.5, 0.999);
    double maxRate = rate(m, "max-rate", d.maxRate());
    double startRate = rate(m, "start-rate", Double.NaN);
    double minRate = rate(m, "min-rate",
        Math.min(d.minRate(), Double.isNaN(startRate) ? maxRate : startRate));
    if (startRate > maxRate) {
      throw m.errorAt("start-rate", "is above max-rate " + maxRate);
    }
    if (minRate > startRate) {
      throw m.errorAt("min-rate", "is above start-rate " + startRate);
    }
    Integer concurrency = m.positiveInt("saturation-concurrency");
    Duration trial = m.positiveDuration("trial-duration", d.trialDuration());
    Duration fin = m.positiveDuration("final-duration", max(d.finalDuration(), trial));
    Duration maxStep = m.positiveDuration("max-step-duration", max(d.maxStepDuration(), fin));
    if (fin.compareTo(trial) < 0) {
      throw m.errorAt("final-duration", "is shorter than trial-duration "
          + DurationParser.format(trial));
    }
    if (maxStep.compareTo(fin) < 0) {
      throw m.errorAt("max-step-duration", "is shorter than final-duration "
          + DurationParser.format(fin));
    }
    Duration warmup = null;
    if (m.has("warmup") && !"auto".equals(m.text("warmup"))) {
      warmup = Nodes.duration(m.file(), m.value("warmup"), m.field("warmup"));
    }
    Long maxRequests = m.wholeNumber("max-requests");
    if (maxRequests != null && maxRequests < 0) {
      throw m.errorAt("max-requests", "must be 0 (no bound) or positive");
    }
    double stormRate = d.errorStormRate();
    Duration stormFor = d.errorStormFor();
    MappingReader storm = m.mapping("error-storm", "the error-storm abort");
    if (storm != null) {
      storm.allowOnly(List.of("error-rate", "for"));
      stormRate = share(storm, "error-rate", stormRate, 0.01, 1);
      stormFor = storm.positiveDuration("for", stormFor);
    }
    Integer instances = m.positiveInt("instances");
    Double price = m.number("hourly-price");
    if (price != null && !(price >= 0)) {
      throw m.errorAt("hourly-price", "must be zero or positive");
    }
    return new CapacitySpec(
        ladder,
        precision,
        confidence,
        startRate,
        minRate,
        maxRate,
        concurrency != null ? concurrency : d.saturationConcurrency(),
        trial,
        fin,
        maxStep,
        warmup,
        m.positiveDuration("cooldown-timeout", d.cooldownTimeout()),
        m.positiveDuration("max-duration", d.maxDuration()),
        maxRequests == null ? 0 : maxRequests,
        stormRate,
        stormFor,
        instances != null ? instances : d.instances(),
        price != null ? price : d.hourlyPrice());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static double share(MappingReader m, String key, double absent, double lo, double hi)
      throws PlanException {
    Double v = m.number(key);
    if (v == null) {
      return absent;
    }
    if (!(v >= lo && v <= hi)) {
      throw m.errorAt(key, "must be from " + lo + " to " + hi + " (a share: 0.05 is 5%), got "
          + Nodes.describe(m.value(key)));
    }
    return v;
  }

  private static double rate(MappingReader m, String key, double absent) throws PlanException {
    Double v = m.number(key);
    if (v == null) {
      return absent;
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw m.errorAt(key, "must be a positive rate in requests per second, got "
          + Nodes.describe(m.value(key)));
    }
    return v;
  }

  private static Map<String, Boolean> strategies() {
    Map<String, Boolean> s = new LinkedHashMap<>();
    s.put("search", false);
    s.put("ladder", true);
    return s;
  }
}
