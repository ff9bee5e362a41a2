package dev.harness.run;

import dev.harness.capacity.Check;
import dev.harness.capacity.Percentiles;
import dev.harness.capacity.Rates;
import dev.harness.capacity.Sample;
import dev.harness.capacity.SloJudge;
import dev.harness.capacity.Stability;
import dev.harness.metrics.cloudwatch.StepWindow;
import dev.harness.capacity.StabilityResult;
import dev.harness.capacity.StepPlan;
import dev.harness.capacity.StepReport;
import dev.harness.capacity.StepRunner;
import dev.harness.capacity.StepVerdict;
import dev.harness.capacity.Verdict;
import dev.harness.config.CapacitySpec;
import dev.harness.config.Defaults;
import dev.harness.config.Plan;
import dev.harness.engine.EngineConfig;
import dev.harness.engine.EngineListener;
import dev.harness.engine.EngineOutcome;
import dev.harness.engine.LoadEngine;
import dev.harness.engine.Segment;
import dev.harness.payload.PayloadSampler;
import dev.harness.record.IntervalLog;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RequestLog;
import dev.harness.record.RunRecorder;
import dev.harness.result.CapacityStep;
import dev.harness.result.CheckResult;
import dev.harness.result.StepResult;
import dev.harness.traffic.Arrival;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Phase;
import dev.harness.traffic.Schedule;
import dev.harness.traffic.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Runs capacity-search steps on the real engine: each step is one engine run of [warm-up, measured
 * window] at the step's rate, into the search's shared requests.bin and latency.hlog. While the
 * window runs, the verdict is re-judged every two seconds with every still-unknown request counted
 * both ways; once both agree (and the minimum window has passed) the step ends early, so a clear
 * pass or fail costs little and an inconclusive one is extended up to its maximum.
 */
final class EngineStepRunner implements StepRunner {
  private static final Duration CLASSIC_WARMUP = Duration.ofSeconds(5);
  private static final Duration LLM_MIN_WARMUP = Duration.ofSeconds(30);

  private final Plan plan;
  private final CapacitySpec spec;
  private final RunContext ctx;
  private final SloJudge judge;
  private final IntervalLog hlog;
  private final RequestLog requestLog;
  private final long logOrigin;
  private final EngineListener progress;
  private final Probe probe;
  private final ServerWatch server;
  private final List<StepResult> stepResults = new ArrayList<>();
  private final List<CapacityStep> capacitySteps = new ArrayList<>();
  private final List<StepWindow> windows = new ArrayList<>();
  private final List<Double> p99ByStep = new ArrayList<>();
  private int nextGlobalStep;
  private long nextSaltBase;
  private volatile LoadEngine engine;
  private volatile String abort;
  private volatile boolean stopped;

  EngineStepRunner(
      Plan plan,
      RunContext ctx,
      IntervalLog hlog,
      RequestLog requestLog,
      long logOrigin,
      EngineListener progress,
      Probe probe,
      ServerWatch server) {
    this.probe = probe;
    this.server = server;
    this.plan = plan;
    this.spec = plan.capacity();
    this.ctx = ctx;
    this.judge = new SloJudge(plan.slo(), spec.confidence());
    this.hlog = hlog;
    this.requestLog = requestLog;
    this.logOrigin = logOrigin;
    this.progress = progress;
  }

  List<StepResult> stepResults() {
    return stepResults;
  }

  List<CapacityStep> capacitySteps() {
    return capacitySteps;
  }

  /** Stops the running step and marks the search as stopped from outside. */
  void stop(String reason) {
    stopped = true;
    abort = reason;
    stopStep(reason);
  }

  /** Ends the running step early (its cohort still drains); the search goes on. */
  private void stopStep(String reason) {
    LoadEngine e = engine;
    if (e != null) {
      e.stop(reason);
    }
  }

  @Override
  public String abortReason() {
    return abort;
  }

  @Override
  public StepReport run(StepPlan step, int index, List<StepReport> history)
      throws InterruptedException {
    if (index > 0 && !stopped && !server.awaitIdle(spec.cooldownTimeout())) {
      probe.coolDown(spec.cooldownTimeout());
    }
    boolean open = step.openLoop();
    double rate = open ? step.rate() : Math.max(1, step.concurrency());
    Duration warmup = warmup();
    String label = open ? Rates.label(rate) + " req/s" : "saturation ×" + step.concurrency();
    List<Phase> phases = new ArrayList<>();
    if (!warmup.isZero()) {
      phases.add(new ConstantPhase("warmup " + label, rate, warmup, Arrival.poisson()));
    }
    phases.add(new ConstantPhase(label, rate, step.maxDuration(), Arrival.poisson()));
    Schedule schedule = Schedule.of(phases, plan.seed() + index);
    int local = phases.size() - 1;
    int base = nextGlobalStep;
    nextGlobalStep += phases.size();
    Step window = schedule.steps().get(local);
    long timeoutNanos = plan.limits().requestTimeout().toNanos();
    int cap = open
        ? Math.max(plan.limits().maxInFlight(),
            Defaults.maxInFlight(rate, plan.limits().requestTimeout()))
        : step.concurrency();
    int connections = open ? Math.max(plan.limits().connections(), cap) : step.concurrency();
    RunRecorder recorder = new RunRecorder(phases.size(),
        Math.max(2 * timeoutNanos / 1000, 10_000_000L));
    CohortCollector cohort = new CohortCollector(base + local, timeoutNanos);
    boolean tokenObjective =
        plan.slo().objectives().stream().anyMatch(o -> o.metric() == Metric.ITL);
    StepMonitor monitor = new StepMonitor(step, window, schedule, cohort, judge, spec,
        timeoutNanos, open && !tokenObjective, open ? Rates.label(rate) + " req/s" : "saturation",
        server, this::stopStep);
    EngineOutcome outcome;
    try (PreparedRequests requests = new PreparedRequests(ctx.payloads(),
        PayloadSampler.of(plan.payloads().sampling(), ctx.payloads(), plan.seed()),
        ctx.protocol(), plan.payloads().saltPrompts(), nextSaltBase)) {
      EngineConfig config = new EngineConfig(
          plan.target().url(),
          ctx.headers(),
          ctx.protocol(),
          plan.target().protocol().isLlm(),
          requests,
          schedule,
          plan.limits().requestTimeout(),
          plan.limits().connectTimeout(),
          cap,
          connections,
          warmup.plus(step.maxDuration()).plus(plan.limits().requestTimeout())
              .plusSeconds(30),
          plan.limits().requestTimeout().plusSeconds(5),
          plan.target().connectionPerRequest(),
          ctx.eventLoops(),
          Duration.ofMillis(250),
          ctx.clock(),
          new Segment(open ? 0 : step.concurrency(), base, logOrigin,
              warmup.isZero() ? Set.of() : Set.of(0)),
          plan.target().tls());
      requestLog.observe(cohort);
      LoadEngine e = new LoadEngine(config, ctx.transport(), recorder, hlog, requestLog, p -> {
        progress.onProgress(p);
        monitor.onProgress(p);
      });
      engine = e;
      if (stopped) {
        e.stop(abort);
      }
      outcome = e.run();
    } finally {
      engine = null;
      requestLog.observe(null);
    }
    nextSaltBase += outcome.scheduled();
    List<Sample> samples = cohort.snapshot();
    double seconds = windowSeconds(window, outcome);
    StepWindow wall = wallWindow(label, window, outcome, seconds);
    windows.add(wall);
    Map<String, Double> serverMetrics = server.summarise(wall.from(), wall.to());
    Map<Metric, Histogram> gaps = new EnumMap<>(Metric.class);
    gaps.put(Metric.ITL, recorder.total(local, Metric.ITL));
    gaps.put(Metric.ICL, recorder.total(local, Metric.ICL));
    StepVerdict v = judge.judge(samples, gaps);
    StabilityResult stability =
        Stability.assess(samples, monitor.inFlight(), monitor.waiting());
    long successes = samples.stream().filter(s -> s.outcome() == Outcome.SUCCESS).count();
    long drops = samples.stream().filter(s -> s.outcome() == Outcome.DROPPED).count();
    Verdict verdict = v.verdict();
    String reason = v.reason();
    if (verdict != Verdict.FAIL && !stability.stable()) {
      verdict = Verdict.FAIL;
      reason = "unstable: " + stability.reason();
    }
    String errors = errorBreakdown(samples);
    if (verdict != Verdict.PASS && !errors.isEmpty()) {
      reason = reason + " [non-successes: " + errors + "]";
    }
    String fault = open ? generatorFault(recorder, local, drops) : null;
    if (fault != null) {
      verdict = Verdict.INVALID;
      reason = fault;
    }
    double achieved = successes / seconds;
    double goodput = v.goodRequests() / seconds;
    double exceedance = exceedance(v.checks());
    boolean pointPass = v.checks().stream().allMatch(c -> c.share() <= c.allowedShare());
    p99ByStep.add(percentileMillis(recorder.total(local, Metric.E2E), 99));

    double offset = (outcome.originNanos() - logOrigin) / 1e9;
    for (StepResult sr : new ResultAssembler(plan, ctx.payloads(), schedule, recorder,
        ctx.version(), ctx.eventLoops()).stepResults(outcome)) {
      stepResults.add(rebase(sr.index() == local ? measured(sr, seconds) : sr, base, offset));
    }
    int resultIndex = base + local;
    StepReport report = new StepReport(step, verdict, reason, pointPass, exceedance,
        samples.size(), achieved, goodput, seconds, resultIndex);
    long tokens = recorder.counters(local).outputTokens();
    capacitySteps.add(new CapacityStep(index, step.kind().label(), step.purpose(),
        open ? step.rate() : null, open ? 0 : step.concurrency(), resultIndex,
        warmup.isZero() ? null : base, seconds, samples.size(), achieved,
        goodput, tokens / seconds, verdict.name().toLowerCase(Locale.ROOT), reason,
        stability.stable(), stability.reason(), finite(exceedance), checks(v.checks()),
        intervals(samples), serverMetrics));
    if (monitor.storm() != null && abort == null) {
      abort = monitor.storm();
    }
    return report;
  }

  /** "timeout 12, http-5xx 3" for the non-successes of a cohort, most frequent first. */
  private static String errorBreakdown(List<Sample> samples) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Sample s : samples) {
      if (s.outcome() != Outcome.SUCCESS) {
        counts.merge(s.outcome(), 1L, Long::sum);
      }
    }
    StringBuilder sb = new StringBuilder();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey().label())
            .append(' ').append(e.getValue()));
    return sb.toString();
  }

  /** Warm-up before a window: the plan's, else LLM max(2 × previous p99, 30 s), else 5 s. */
  private Duration warmup() {
    if (spec.warmup() != null) {
      return spec.warmup();
    }
    if (!plan.target().protocol().isLlm()) {
      return CLASSIC_WARMUP;
    }
    double prev = p99ByStep.isEmpty() ? 0 : p99ByStep.get(p99ByStep.size() - 1);
    Duration twice = Duration.ofMillis((long) Math.ceil(2 * prev));
    return twice.compareTo(LLM_MIN_WARMUP) > 0 ? twice : LLM_MIN_WARMUP;
  }

  /**
   * The generator was at fault when its own schedule lag (p99) or a pause exceeded a bound
   * while nothing was dropped at the in-flight cap: max(5 ms, 5 % of the tightest latency
   * threshold).
   */
  private String generatorFault(RunRecorder recorder, int local, long drops) {
    double tightest = plan.slo().objectives().stream()
        .mapToDouble(o -> o.threshold().toNanos() / 1e6).min().orElse(1000);
    double bound = Math.max(5, 0.05 * tightest);
    double lag = percentileMillis(recorder.total(local, Metric.SCHEDULE_LAG), 99);
    Histogram hic = recorder.total(local, Metric.HICCUP);
    double hiccup = hic.getTotalCount() == 0 ? 0 : hic.getMaxValue() / 1000.0;
    if (drops > 0) {
      return null;
    }
    if (lag > bound) {
      return String.format(Locale.ROOT,
          "the load generator fell behind its schedule: lag p99 %.1f ms > %.1f ms", lag, bound);
    }
    if (hiccup > 10 * bound) {
      return String.format(Locale.ROOT,
          "the load generator paused for %.1f ms (bound %.1f ms)", hiccup, 10 * bound);
    }
    return null;
  }

  /** The step's measured window in calendar time (to join server metrics by timestamp). */
  private StepWindow wallWindow(String label, Step window, EngineOutcome outcome,
      double seconds) {
    long nowNanos = ctx.clock().nanoTime();
    long nowWall = ctx.clock().wallClockMillis();
    long startNanos = outcome.originNanos() + window.startOffsetNanos();
    Instant from = Instant.ofEpochMilli(nowWall - (nowNanos - startNanos) / 1_000_000);
    return new StepWindow(label, from, from.plusMillis(Math.round(seconds * 1000)));
  }

  /** Each capacity step's measured window in calendar time, in order. */
  List<StepWindow> windows() {
    return windows;
  }

  private static double windowSeconds(Step window, EngineOutcome outcome) {
    long end = window.endOffsetNanos();
    if (outcome.interrupted()) {
      end = Math.min(end, outcome.scheduleEndNanos());
    }
    return Math.max(1e-3, (end - window.startOffsetNanos()) / 1e9);
  }

  /**
   * The window as measured: a step that ended early (conclusive, stopped) lasted {@code seconds},
   * not its planned maximum (its rates are already per second of what ran).
   */
  private static StepResult measured(StepResult s, double seconds) {
    if (!(seconds < s.durationSeconds())) {
      return s;
    }
    return new StepResult(s.index(), s.name(), s.phase(), s.startOffsetSeconds(), seconds,
        s.offeredRps(), s.startRps(), s.endRps(), s.scheduled(), s.achievedRps(), s.outcomes(),
        s.errorRate(), s.latencies(), s.outputTokens(), s.outputTokensPerSec(),
        s.tokenCountSources());
  }

  private static StepResult rebase(StepResult s, int base, double offsetSeconds) {
    return new StepResult(base + s.index(), s.name(), s.phase(),
        offsetSeconds + s.startOffsetSeconds(), s.durationSeconds(), s.offeredRps(),
        s.startRps(), s.endRps(), s.scheduled(), s.achievedRps(), s.outcomes(), s.errorRate(),
        s.latencies(), s.outputTokens(), s.outputTokensPerSec(), s.tokenCountSources());
  }

  private static double exceedance(List<Check> checks) {
    double worst = Double.NaN;
    for (Check c : checks) {
      if (c.n() == 0) {
        continue;
      }
      double e = c.allowedShare() > 0
          ? c.share() / c.allowedShare()
          : c.violations() > 0 ? Double.POSITIVE_INFINITY : 0;
      worst = Double.isNaN(worst) ? e : Math.max(worst, e);
    }
    return worst;
  }

  static List<CheckResult> checks(List<Check> checks) {
    List<CheckResult> out = new ArrayList<>();
    for (Check c : checks) {
      out.add(check(c));
    }
    return out;
  }

  static CheckResult check(Check c) {
    return c == null ? null : new CheckResult(c.name(), c.metric(), finite(c.percentile()),
        finite(c.thresholdMillis()), c.n(), c.violations(), c.share(), c.allowedShare(),
        c.lowerBound(), c.upperBound(), finite(c.observedMillis()),
        c.verdict().name().toLowerCase(Locale.ROOT), c.method());
  }

  private Map<String, Map<String, List<Double>>> intervals(List<Sample> samples) {
    Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
    boolean llm = plan.target().protocol().isLlm();
    for (Metric m : llm ? List.of(Metric.E2E, Metric.TTFT) : List.of(Metric.E2E)) {
      long[] values = new long[samples.size()];
      for (int i = 0; i < values.length; i++) {
        Sample s = samples.get(i);
        long v = m == Metric.E2E ? s.e2eNanos() : s.ttftNanos();
        values[i] = s.outcome() == Outcome.SUCCESS && v >= 0 ? v : Long.MAX_VALUE;
      }
      Arrays.sort(values);
      Map<String, List<Double>> byP = new LinkedHashMap<>();
      for (double p : new double[] {50, 90, 99}) {
        double[] ci = Percentiles.interval(values, p, spec.confidence());
        if (ci != null) {
          byP.put("p" + (int) p, List.of(ci[0] / 1e6, ci[1] / 1e6));
        }
      }
      if (!byP.isEmpty()) {
        out.put(m.tag(), byP);
      }
    }
    return out;
  }

  static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static double percentileMillis(Histogram h, double p) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1000.0;
  }
}
