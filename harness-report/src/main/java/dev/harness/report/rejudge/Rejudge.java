package dev.harness.report.rejudge;

import dev.harness.capacity.Bracket;
import dev.harness.capacity.Check;
import dev.harness.capacity.Sample;
import dev.harness.capacity.SloJudge;
import dev.harness.capacity.StepKind;
import dev.harness.capacity.StepPlan;
import dev.harness.capacity.StepReport;
import dev.harness.capacity.StepVerdict;
import dev.harness.capacity.Verdict;
import dev.harness.config.Objective;
import dev.harness.config.Slo;
import dev.harness.record.RequestRecord;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.CheckResult;
import dev.harness.result.PlanSummary;
import dev.harness.result.RunResult;
import dev.harness.run.CohortCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a capacity run's steps again with another SLO, from its {@code requests.bin}: every
 * search step's cohort (the records whose {@code step} is the step's measured window) is judged by
 * harness-core's {@link SloJudge} with the run's confidence, then the sustainable bracket is found
 * again by {@link Bracket#of} with the run's precision — the same code and rules as during the
 * run. What does not depend on the SLO is kept: a step the generator made invalid stays invalid,
 * an unstable step still fails ("unstable: …"), the confidence intervals of the percentiles and
 * the server metrics are unchanged. The result is a new {@link RunResult} for the reports only
 * (results.json is never rewritten) whose {@code plan.slo} is the new SLO and whose first warning,
 * starting with {@link #NOTE_PREFIX}, says so and names the SLO the run was judged with.
 */
public final class Rejudge {
  /** The start of the warning that marks re-judged results; the reports put it first. */
  public static final String NOTE_PREFIX = "verdicts re-judged from requests.bin";

  /** Used when results.json's capacity settings lack one (older results). */
  static final double DEFAULT_CONFIDENCE = 0.95;

  private Rejudge() {}

  /**
   * The run {@code r} with every search step judged again by {@code slo} from {@code records}.
   *
   * @throws IllegalArgumentException when {@code r} is not a capacity search, or {@code slo} asks
   *     for a metric the run did not measure
   */
  public static RunResult apply(RunResult r, List<RequestRecord> records, Slo slo) {
    CapacityResult c = r.capacity();
    if (c == null) {
      throw new IllegalArgumentException("only a capacity search has verdicts to judge again; "
          + "this results directory is kind '" + r.kind() + "'");
    }
    for (Objective o : slo.objectives()) {
      String tag = o.metric().tag();
      boolean measured = r.steps().stream().anyMatch(s -> s.latencies().containsKey(tag)
          || "tpot".equals(tag) && s.latencies().containsKey("ttft"));
      if (!measured) {
        throw new IllegalArgumentException("--slo '" + SloSpec.text(o) + "': this run measured "
            + "no " + tag + " (protocol " + r.plan().protocol() + ")");
      }
    }
    double confidence = setting(c, "confidence", DEFAULT_CONFIDENCE);
    double precision = setting(c, "precision", Double.NaN);
    long timeoutNanos = Math.round(setting(r.plan().limits(), "requestTimeoutSeconds", 0) * 1e9);
    Map<Integer, List<Sample>> cohorts = new HashMap<>();
    for (RequestRecord rec : records) {
      cohorts.computeIfAbsent(rec.step(), k -> new ArrayList<>())
          .add(CohortCollector.sample(rec, timeoutNanos));
    }
    SloJudge judge = new SloJudge(slo, confidence);
    List<CapacityStep> steps = new ArrayList<>();
    List<StepReport> history = new ArrayList<>();
    Map<StepReport, CapacityStep> byReport = new IdentityHashMap<>();
    for (CapacityStep s : c.steps()) {
      List<Sample> cohort = cohorts.getOrDefault(s.resultStep(), List.of());
      StepVerdict v = judge.judge(cohort, Map.of());
      CapacityStep again = step(s, v, cohort.size());
      steps.add(again);
      StepReport report = report(again, v, cohort.size());
      history.add(report);
      byReport.put(report, again);
    }
    Bracket b = Bracket.of(history, Double.isNaN(precision) ? 0 : precision);
    CapacityStep failStep = b.failStep() == null ? null : byReport.get(b.failStep());
    CheckResult breach = failStep == null ? null : failStep.checks().stream()
        .filter(x -> "fail".equals(x.verdict())).findFirst().orElse(null);
    CapacityResult judged = new CapacityResult(c.strategy(),
        Double.isNaN(b.highestPass()) ? "none-passed" : "found", "as run: " + c.endReason(),
        c.settings(),
        c.idleLatencyMillis(), c.saturationRps(), sustainable(b, precision),
        failStep == null ? null : failStep.index(), breach, steps);
    List<String> warnings = new ArrayList<>();
    warnings.add(note(r, slo));
    warnings.addAll(r.warnings());
    PlanSummary p = r.plan();
    PlanSummary plan = new PlanSummary(p.file(), p.name(), p.protocol(), p.url(), p.model(),
        p.stream(), p.headerNames(), p.phases(), sloMap(slo), p.limits());
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), plan, r.payloads(),
        r.generator(), r.anchors(), r.steps(), r.totals(), warnings, judged,
        r.recommendation());
  }

  /** The step with the new verdict, reason, checks, goodput and exceedance. */
  private static CapacityStep step(CapacityStep s, StepVerdict v, int n) {
    String verdict = v.verdict().name().toLowerCase(Locale.ROOT);
    String reason = v.reason();
    if ("invalid".equals(s.verdict())) {
      verdict = s.verdict();
      reason = s.reason();
    } else if (v.verdict() != Verdict.FAIL && !s.stable()) {
      verdict = "fail";
      reason = "unstable: " + s.stability();
    }
    List<CheckResult> checks = new ArrayList<>();
    for (Check x : v.checks()) {
      checks.add(new CheckResult(x.name(), x.metric(), finite(x.percentile()),
          finite(x.thresholdMillis()), x.n(), x.violations(), x.share(), x.allowedShare(),
          x.lowerBound(), x.upperBound(), finite(x.observedMillis()),
          x.verdict().name().toLowerCase(Locale.ROOT), x.method()));
    }
    double goodput = s.measuredSeconds() > 0 ? v.goodRequests() / s.measuredSeconds() : 0;
    return new CapacityStep(s.index(), s.kind(), s.purpose(), s.offeredRps(), s.concurrency(),
        s.resultStep(), s.warmupStep(), s.measuredSeconds(), n, s.achievedRps(), goodput,
        s.outputTokensPerSec(), verdict, reason, s.stable(), s.stability(),
        finite(exceedance(v.checks())), checks, s.percentileIntervals(), s.serverMetrics());
  }

  /** What {@link Bracket#of} reads of a step: its plan (kind, rate), verdict and exceedance. */
  private static StepReport report(CapacityStep s, StepVerdict v, int n) {
    StepKind kind = StepKind.valueOf(s.kind().toUpperCase(Locale.ROOT));
    Duration window = Duration.ofMillis(Math.round(s.measuredSeconds() * 1000));
    StepPlan plan = new StepPlan(kind, s.offeredRps() == null ? Double.NaN : s.offeredRps(),
        s.concurrency(), window, window, s.purpose());
    boolean pointPass = v.checks().stream().allMatch(x -> x.share() <= x.allowedShare());
    Double e = s.exceedance();
    return new StepReport(plan, Verdict.valueOf(s.verdict().toUpperCase(Locale.ROOT)),
        s.reason(), pointPass, e == null ? Double.NaN : e, n, s.achievedRps(), s.goodputRps(),
        s.measuredSeconds(), s.resultStep());
  }

  /**
   * The worst objective's share over its threshold divided by its allowed share (results.json
   * {@code exceedance}, as the capacity runner computes it; infinite when nothing is allowed and
   * something violated); NaN when no check judged anything.
   */
  static double exceedance(List<Check> checks) {
    double worst = Double.NaN;
    for (Check c : checks) {
      if (c.n() == 0) {
        continue;
      }
      double e = c.allowedShare() > 0 ? c.share() / c.allowedShare()
          : c.violations() > 0 ? Double.POSITIVE_INFINITY : 0;
      worst = Double.isNaN(worst) ? e : Math.max(worst, e);
    }
    return worst;
  }

  private static CapacityResult.Sustainable sustainable(Bracket b, double precision) {
    Double hp = finite(b.highestPass());
    Double lf = finite(b.lowestFail());
    Double width = hp == null || lf == null ? null : lf / hp - 1;
    return new CapacityResult.Sustainable(hp, hp, b.passConfirmed(), lf, b.failConfirmed(),
        finite(b.pointEstimate()), finite(b.isotonicCrossing()),
        Double.isNaN(precision) ? 0 : precision, width, b.precisionReached());
  }

  private static String note(RunResult r, Slo slo) {
    List<String> was = new ArrayList<>(objectives(r.plan().slo()));
    Object maxErrors = r.plan().slo() == null ? null : r.plan().slo().get("maxErrorRate");
    if (maxErrors instanceof Number) {
      was.add("error rate <= " + percent(((Number) maxErrors).doubleValue()));
    }
    List<String> now = new ArrayList<>();
    slo.objectives().forEach(o -> now.add(SloSpec.text(o)));
    now.add("error rate <= " + percent(slo.maxErrorRate()));
    return NOTE_PREFIX + " with the SLO " + String.join(", ", now).replace("<=", "≤")
        + "; results.json (unchanged) was judged with " + (was.isEmpty() ? "no objectives"
            : String.join(", ", was).replace("<=", "≤"));
  }

  private static Map<String, Object> sloMap(Slo slo) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    slo.objectives().forEach(o -> texts.add(SloSpec.text(o)));
    m.put("objectives", texts);
    m.put("maxErrorRate", slo.maxErrorRate());
    return m;
  }

  private static List<String> objectives(Map<String, Object> slo) {
    List<String> out = new ArrayList<>();
    Object o = slo == null ? null : slo.get("objectives");
    if (o instanceof List<?>) {
      ((List<?>) o).forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  private static double setting(Map<String, Object> map, String key, double fallback) {
    Object v = map == null ? null : map.get(key);
    return v instanceof Number ? ((Number) v).doubleValue() : fallback;
  }

  private static double setting(CapacityResult c, String key, double fallback) {
    return setting(c.settings(), key, fallback);
  }

  private static String percent(double share) {
    return java.math.BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros()
        .toPlainString() + "%";
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
