package dev.harness.run;

import dev.harness.config.CloudWatchSpec;
import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.metrics.Series;
import dev.harness.metrics.StepMetrics;
import dev.harness.metrics.aws.AwsAccessException;
import dev.harness.metrics.cloudwatch.CloudWatchSource;
import dev.harness.metrics.cloudwatch.StepWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Server metrics that arrive after the traffic (CloudWatch: late and coarse): the source is opened
 * before the run, so missing credentials fail before anything is sent, and read once the search
 * has ended; its whole periods inside each step's window are joined to that step as {@code
 * cloudwatch.<metric>.mean|max|last|n}. Periods that straddle a step boundary are dropped.
 */
final class LateMetrics implements AutoCloseable {
  static final String PREFIX = "cloudwatch.";

  private final CloudWatchSpec spec;
  private CloudWatchSource source;
  private volatile Consumer<String> progress = m -> {};

  private LateMetrics(CloudWatchSpec spec) {
    this.spec = spec;
  }

  /** Opens the plan's CloudWatch source, if it names one (credentials are resolved now). */
  static LateMetrics open(Plan plan) throws PlanException {
    if (plan.metrics() == null || plan.metrics().cloudwatch() == null) {
      return new LateMetrics(null);
    }
    LateMetrics late = new LateMetrics(plan.metrics().cloudwatch());
    try {
      late.source = CloudWatchSource.builder(late.spec)
          .progress(m -> late.progress.accept(m))
          .open();
    } catch (AwsAccessException e) {
      throw new PlanException(plan.source(), 0, 0, "metrics.cloudwatch", e.getMessage());
    }
    return late;
  }

  boolean present() {
    return source != null;
  }

  /** Where "waiting for CloudWatch data …" lines go. */
  void onProgress(Consumer<String> p) {
    progress = p;
  }

  /** Marks the start of the run (the source queries from here). */
  void start() {
    if (source != null) {
      source.start();
    }
  }

  /**
   * The source's figures for each window (in order), read in one bounded wait for the late data.
   */
  List<Map<String, Double>> fetch(List<StepWindow> windows) {
    List<Map<String, Double>> out = new ArrayList<>();
    if (source == null || windows.isEmpty()) {
      windows.forEach(w -> out.add(Map.of()));
      return out;
    }
    Instant from = windows.get(0).from();
    Instant to = windows.get(windows.size() - 1).to();
    List<Series> series = source.fetch(from, to);
    for (StepWindow w : windows) {
      Map<String, Double> m = new LinkedHashMap<>();
      StepMetrics.summarisePeriods(series, w.from(), w.to(), spec.period()).asMap()
          .forEach((k, v) -> {
            if (k.indexOf('{') < 0) {
              m.put(PREFIX + k, v);
            }
          });
      out.add(m);
    }
    return out;
  }

  /** Steps too short for the source's period, and what the source noted while reading. */
  List<String> warnings(List<StepWindow> windows) {
    if (source == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(source.warnings(windows));
    source.notes().forEach(n -> out.add("cloudwatch: " + n));
    return out;
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
