package dev.harness.run;

import dev.harness.config.Plan;
import dev.harness.engine.EngineOutcome;
import dev.harness.engine.Transport;
import dev.harness.payload.PayloadSet;
import dev.harness.protocol.sagemaker.SdkMetrics;
import dev.harness.record.TokenCountSource;
import dev.harness.record.LatencySummary;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RunRecorder;
import dev.harness.record.StepCounters;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.RunResult;
import dev.harness.result.SdkSummary;
import dev.harness.result.StepResult;
import dev.harness.result.Totals;
import dev.harness.traffic.Schedule;
import dev.harness.traffic.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns the recorder's histograms and counters into the results model. */
final class ResultAssembler {
  private final Plan plan;
  private final PayloadSet payloads;
  private final Schedule schedule;
  private final RunRecorder recorder;
  private final int eventLoops;
  private final RunFacts facts;

  ResultAssembler(
      Plan plan,
      PayloadSet payloads,
      Schedule schedule,
      RunRecorder recorder,
      String harnessVersion,
      int eventLoops) {
    this.plan = plan;
    this.payloads = payloads;
    this.schedule = schedule;
    this.recorder = recorder;
    this.eventLoops = eventLoops;
    this.facts = new RunFacts(plan, payloads, harnessVersion);
  }

  RunResult assemble(
      String runId,
      EngineOutcome outcome,
      Throwable failure,
      List<String> warnings,
      long startWall,
      long endWall,
      SdkSummary sdk) {
    long timeoutMicros = plan.limits().requestTimeout().toNanos() / 1000;
    List<StepResult> steps = new ArrayList<>();
    Map<String, Long> totalOutcomes = new TreeMap<>();
    long scheduled = 0;
    long ok = 0;
    long tokens = 0;
    long staleResends = 0;
    long scheduleEnd = outcome == null ? 0 : outcome.scheduleEndNanos();
    boolean cut = outcome == null || outcome.interrupted();
    for (Step step : schedule.steps()) {
      StepResult sr = step(step, timeoutMicros, cut ? scheduleEnd : Long.MAX_VALUE);
      steps.add(sr);
      StepCounters c = recorder.counters(step.index());
      scheduled += sr.scheduled();
      ok += c.count(Outcome.SUCCESS);
      tokens += c.outputTokens();
      staleResends += c.staleResends();
      sr.outcomes().forEach((k, v) -> totalOutcomes.merge(k, v, Long::sum));
    }
    boolean interrupted = failure != null || outcome == null || outcome.interrupted();
    String stopReason =
        failure != null
            ? "internal error: " + failure
            : outcome == null ? "did not start" : outcome.stopReason();
    double durationSeconds = outcome == null ? 0 : outcome.endNanos() / 1e9;
    List<RunResult.Anchor> anchors = new ArrayList<>();
    if (outcome != null) {
      anchors.add(new RunResult.Anchor(0, outcome.originWallMillis()));
      for (EngineOutcome.Anchor a : outcome.anchors()) {
        anchors.add(new RunResult.Anchor(a.nanoTime() - outcome.originNanos(), a.wallClockMillis()));
      }
    }
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        runId,
        "run",
        Instant.ofEpochMilli(outcome == null ? startWall : outcome.originWallMillis()),
        Instant.ofEpochMilli(endWall),
        interrupted,
        stopReason,
        plan.seed(),
        facts.versions(),
        facts.planSummary(),
        facts.payloadSummary(),
        generator(outcome, staleResends, sdk),
        anchors,
        steps,
        new Totals(
            scheduled,
            ok,
            totalOutcomes,
            scheduled == 0 ? 0 : (scheduled - ok) / (double) scheduled,
            tokens,
            durationSeconds),
        warnings,
        null);
  }

  /** Every step of the schedule as run (a capacity search assembles its steps one run at a time). */
  List<StepResult> stepResults(EngineOutcome outcome) {
    long timeoutMicros = plan.limits().requestTimeout().toNanos() / 1000;
    long end = outcome.interrupted() ? outcome.scheduleEndNanos() : Long.MAX_VALUE;
    List<StepResult> out = new ArrayList<>();
    for (Step step : schedule.steps()) {
      out.add(step(step, timeoutMicros, end));
    }
    return out;
  }

  /**
   * One step's figures. Rates are per second of the window that was actually scheduled: a step
   * cut short by an interrupted run is not diluted by the part that never ran.
   */
  private StepResult step(Step step, long timeoutMicros, long scheduleEndNanos) {
    StepCounters c = recorder.counters(step.index());
    Map<String, LatencySummary> latencies = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      long censoredAt =
          m == Metric.E2E || m == Metric.TTFT ? timeoutMicros : 0;
      LatencySummary s = recorder.summary(step.index(), m, censoredAt);
      if (s.n() > 0) {
        latencies.put(m.tag(), s);
      }
    }
    Map<String, Long> outcomes = new TreeMap<>();
    c.outcomeCounts().forEach((o, n) -> outcomes.put(o.label(), n));
    Map<String, Long> sources = new TreeMap<>();
    for (TokenCountSource s : TokenCountSource.values()) {
      long n = c.tokenSourceCount(s);
      if (n > 0 && s != TokenCountSource.NONE) {
        sources.put(s.name().toLowerCase(java.util.Locale.ROOT), n);
      }
    }
    long total = c.total();
    long successes = c.count(Outcome.SUCCESS);
    long ranNanos =
        Math.max(0, Math.min(step.endOffsetNanos(), scheduleEndNanos) - step.startOffsetNanos());
    double seconds = Math.max(1e-9, ranNanos) / 1e9;
    double windowSeconds = step.durationNanos() / 1e9;
    return new StepResult(
        step.index(),
        step.name(),
        step.phaseName(),
        step.startOffsetNanos() / 1e9,
        windowSeconds,
        step.meanRatePerSec(),
        step.startRatePerSec(),
        step.endRatePerSec(),
        total,
        ranNanos == 0 ? 0 : successes / seconds,
        outcomes,
        total == 0 ? 0 : (total - successes) / (double) total,
        latencies,
        c.outputTokens(),
        ranNanos == 0 ? 0 : c.outputTokens() / seconds,
        sources);
  }

  /** The SDK's own metrics of every engine run through {@code transport}; null without an SDK. */
  static SdkSummary sdk(Transport transport) {
    SdkMetrics m = transport.sdkMetrics();
    if (m == null) {
      return null;
    }
    return new SdkSummary(m.maxConcurrency(), m.apiCalls(), m.retries(), m.maxPendingAcquires(),
        m.maxLeasedConcurrency(), SdkSummary.Durations.ofMicros(m.concurrencyAcquireMicros()),
        SdkSummary.Durations.ofMicros(m.timeToFirstByteMicros()));
  }

  private GeneratorSummary generator(EngineOutcome outcome, long staleResends, SdkSummary sdk) {
    Histogram lag = merged(Metric.SCHEDULE_LAG);
    Histogram hiccup = merged(Metric.HICCUP);
    return new GeneratorSummary(
        outcome == null ? "none" : outcome.transport(),
        eventLoops,
        plan.limits().maxInFlight(),
        plan.limits().connections(),
        outcome == null ? 0 : outcome.preconnected(),
        ms(lag, 99),
        lag.getTotalCount() == 0 ? 0 : lag.getMaxValue() / 1000.0,
        ms(hiccup, 99.9),
        hiccup.getTotalCount() == 0 ? 0 : hiccup.getMaxValue() / 1000.0,
        staleResends,
        sdk);
  }

  private Histogram merged(Metric m) {
    Histogram h = recorder.total(0, m);
    for (int s = 1; s < recorder.steps(); s++) {
      h.add(recorder.total(s, m));
    }
    return h;
  }

  private static double ms(Histogram h, double pct) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(pct) / 1000.0;
  }

}
