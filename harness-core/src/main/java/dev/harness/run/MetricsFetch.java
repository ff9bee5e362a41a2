package dev.harness.run;

import dev.harness.config.Plan;
import dev.harness.config.PlanException;
import dev.harness.metrics.cloudwatch.StepWindow;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.ResultsJson;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code harness metrics fetch}: CloudWatch read again for a finished capacity run, because its
 * data arrives late (minutes for SageMaker's one-minute metrics). Each capacity step's measured
 * window is rebuilt from results.json (the run's wall-clock anchor plus the step's offset and
 * measured length), the plan's {@code metrics.cloudwatch} source reads them as {@link LateMetrics}
 * does after a search, and the step's {@code cloudwatch.*} server metrics are replaced by what it
 * finds now. The previous results.json is kept as {@value #BACKUP}; the new one replaces it
 * atomically.
 *
 * <pre>{@code
 * MetricsFetch.Outcome o = MetricsFetch.fetch(resultsDir, plan, progress::println);
 * }</pre>
 */
public final class MetricsFetch {
  /** The copy of results.json as it was before the fetch. */
  public static final String BACKUP = ResultsJson.FILE_NAME + ".bak";

  private MetricsFetch() {}

  /**
   * What a fetch did.
   *
   * @param result the results as rewritten
   * @param steps capacity steps whose windows were read
   * @param stepsWithData those that got at least one CloudWatch figure
   * @param warnings what the source noted (missing data, steps shorter than its period)
   * @param backup where the previous results.json was copied
   */
  public record Outcome(RunResult result, int steps, int stepsWithData, List<String> warnings,
      Path backup) {
    public Outcome {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads {@code plan}'s CloudWatch source for every capacity step of the run in {@code dir} and
   * rewrites its results.json.
   *
   * @param progress where "reading …" and "waiting for CloudWatch data …" lines go
   * @throws IllegalArgumentException when the run is not a capacity run, has no measured step, or
   *     the plan has no {@code metrics.cloudwatch} source (nothing is written)
   * @throws PlanException when the source's credentials cannot be resolved
   */
  public static Outcome fetch(Path dir, Plan plan, Consumer<String> progress)
      throws IOException, PlanException {
    RunResult r = ResultsJson.read(dir);
    CapacityResult cap = r.capacity();
    if (cap == null) {
      throw new IllegalArgumentException(dir + " holds a " + r.kind() + " run; CloudWatch "
          + "metrics are fetched for a capacity run (a recommendation's candidates are each one, "
          + "in candidates/<name>/)");
    }
    if (plan.metrics() == null || plan.metrics().cloudwatch() == null) {
      throw new IllegalArgumentException("the run had no CloudWatch source: its plan "
          + (plan.source() == null ? "" : plan.source() + " ") + "has no metrics.cloudwatch "
          + "section, so there is nothing to fetch");
    }
    List<StepWindow> windows = windows(r);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException(dir + ": the run measured no capacity step; nothing "
          + "to fetch");
    }
    List<Map<String, Double>> figures;
    List<String> warnings;
    try (LateMetrics late = LateMetrics.open(plan)) {
      late.onProgress(progress);
      progress.accept(String.format(Locale.ROOT,
          "reading CloudWatch metrics for %d step(s) of %s, %s to %s", windows.size(),
          r.runId(), windows.get(0).from(), windows.get(windows.size() - 1).to()));
      figures = late.fetch(windows);
      warnings = late.warnings(windows);
    }
    List<CapacityStep> steps = new ArrayList<>();
    int withData = 0;
    for (int i = 0; i < cap.steps().size(); i++) {
      Map<String, Double> found = i < figures.size() ? figures.get(i) : Map.of();
      withData += found.isEmpty() ? 0 : 1;
      steps.add(replaceCloudWatch(cap.steps().get(i), found));
    }
    RunResult updated = withCapacity(r, new CapacityResult(cap.strategy(), cap.status(),
        cap.endReason(), cap.settings(), cap.idleLatencyMillis(), cap.saturationRps(),
        cap.sustainable(), cap.firstFailingStep(), cap.firstBreach(), steps), warnings);
    Path backup = dir.resolve(BACKUP);
    Files.copy(dir.resolve(ResultsJson.FILE_NAME), backup, StandardCopyOption.REPLACE_EXISTING);
    ResultsJson.write(updated, dir);
    return new Outcome(updated, windows.size(), withData, warnings, backup);
  }

  /**
   * Each capacity step's measured window on the wall clock: the run's first anchor (wall time at
   * an offset) plus the offset of the step's results window, for its measured length.
   */
  static List<StepWindow> windows(RunResult r) {
    long originMillis = r.anchors().isEmpty() ? r.startedAt().toEpochMilli()
        : r.anchors().get(0).wallClockMillis() - r.anchors().get(0).offsetNanos() / 1_000_000L;
    List<StepWindow> out = new ArrayList<>();
    for (CapacityStep s : r.capacity().steps()) {
      if (s.resultStep() < 0 || s.resultStep() >= r.steps().size()) {
        continue;
      }
      StepResult window = r.steps().get(s.resultStep());
      Instant from = Instant.ofEpochMilli(
          originMillis + Math.round(window.startOffsetSeconds() * 1000));
      out.add(new StepWindow("step " + (s.index() + 1) + " (" + window.name() + ")", from,
          from.plusMillis(Math.round(s.measuredSeconds() * 1000))));
    }
    return out;
  }

  /** The step with its {@code cloudwatch.*} figures replaced by {@code found}. */
  private static CapacityStep replaceCloudWatch(CapacityStep s, Map<String, Double> found) {
    Map<String, Double> metrics = new TreeMap<>(s.serverMetrics());
    metrics.keySet().removeIf(k -> k.startsWith(LateMetrics.PREFIX));
    metrics.putAll(found);
    return new CapacityStep(s.index(), s.kind(), s.purpose(), s.offeredRps(), s.concurrency(),
        s.resultStep(), s.warmupStep(), s.measuredSeconds(), s.scheduled(), s.achievedRps(),
        s.goodputRps(), s.outputTokensPerSec(), s.verdict(), s.reason(), s.stable(),
        s.stability(), s.exceedance(), s.checks(), s.percentileIntervals(), metrics);
  }

  /** {@code r} with another capacity section and the source's new notes in its warnings. */
  private static RunResult withCapacity(RunResult r, CapacityResult capacity,
      List<String> fetched) {
    List<String> warnings = new ArrayList<>();
    for (String w : r.warnings()) {
      if (!w.startsWith("cloudwatch: ")) { // the previous reading's notes: replaced below
        warnings.add(w);
      }
    }
    for (String w : fetched) {
      if (!warnings.contains(w)) {
        warnings.add(w);
      }
    }
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(),
        r.generator(), r.anchors(), r.steps(), r.totals(), warnings, capacity,
        r.recommendation());
  }
}
