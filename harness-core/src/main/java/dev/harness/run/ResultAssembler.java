package dev.harness.run;

import dev.harness.config.Objective;
import dev.harness.config.Plan;
import dev.harness.engine.EngineOutcome;
import dev.harness.payload.PayloadSet;
import dev.harness.record.TokenCountSource;
import dev.harness.record.LatencySummary;
import dev.harness.record.Metric;
import dev.harness.record.Outcome;
import dev.harness.record.RunRecorder;
import dev.harness.record.StepCounters;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.result.Totals;
import dev.harness.traffic.ConstantPhase;
import dev.harness.traffic.Phase;
import dev.harness.traffic.RampPhase;
import dev.harness.traffic.Schedule;
import dev.harness.traffic.StairsPhase;
import dev.harness.traffic.Step;
import io.netty.util.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/** Turns the recorder's histograms and counters into the results model. */
final class ResultAssembler {
  private final Plan plan;
  private final PayloadSet payloads;
  private final Schedule schedule;
  private final RunRecorder recorder;
  private final String harnessVersion;
  private final int eventLoops;

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
    this.harnessVersion = harnessVersion;
    this.eventLoops = eventLoops;
  }

  RunResult assemble(
      String runId,
      EngineOutcome outcome,
      Throwable failure,
      List<String> warnings,
      long startWall,
      long endWall) {
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
        versions(),
        planSummary(),
        payloadSummary(),
        generator(outcome, staleResends),
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

  private GeneratorSummary generator(EngineOutcome outcome, long staleResends) {
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
        staleResends);
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

  private Map<String, String> versions() {
    Map<String, String> v = new TreeMap<>();
    v.put("harness", harnessVersion);
    v.put("java", Runtime.version().toString());
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    Version netty = Version.identify().get("netty-transport");
    v.put("netty", netty == null ? "unknown" : netty.artifactVersion());
    return v;
  }

  private PlanSummary planSummary() {
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Phase p : plan.phases()) {
      phases.add(phase(p));
    }
    Map<String, Object> slo = new LinkedHashMap<>();
    List<String> objectives = new ArrayList<>();
    for (Objective o : plan.slo().objectives()) {
      objectives.add(
          String.format(
              java.util.Locale.ROOT,
              "%s p%s <= %d ms",
              o.metric().tag(),
              trim(o.percentile()),
              o.threshold().toMillis()));
    }
    slo.put("objectives", objectives);
    slo.put("maxErrorRate", plan.slo().maxErrorRate());
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("requestTimeoutSeconds", plan.limits().requestTimeout().toMillis() / 1000.0);
    limits.put("connectTimeoutSeconds", plan.limits().connectTimeout().toMillis() / 1000.0);
    limits.put("maxInFlight", plan.limits().maxInFlight());
    limits.put("connections", plan.limits().connections());
    limits.put("maxDurationSeconds", plan.limits().maxDuration().toMillis() / 1000.0);
    limits.put("drainTimeoutSeconds", plan.limits().drainTimeout().toMillis() / 1000.0);
    limits.put("connectionPerRequest", plan.target().connectionPerRequest());
    TreeSet<String> headerNames = new TreeSet<>(plan.target().headers().keySet());
    headerNames.addAll(plan.target().headersFromEnv().keySet());
    if (plan.target().bearerTokenEnv() != null) {
      headerNames.add("Authorization");
    }
    java.net.URI u = plan.target().url();
    String url =
        u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
            + (u.getRawPath() == null ? "" : u.getRawPath());
    return new PlanSummary(
        plan.source() == null ? null : plan.source().toString(),
        plan.name(),
        plan.target().protocol().yamlName(),
        url,
        plan.target().model(),
        plan.target().stream(),
        new ArrayList<>(headerNames),
        phases,
        slo,
        limits);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static Map<String, Object> phase(Phase p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    if (p instanceof ConstantPhase) {
      ConstantPhase c = (ConstantPhase) p;
      m.put("type", "constant");
      m.put("rate", c.ratePerSec());
    } else if (p instanceof RampPhase) {
      RampPhase r = (RampPhase) p;
      m.put("type", "ramp");
      m.put("from", r.fromRatePerSec());
      m.put("to", r.toRatePerSec());
    } else {
      StairsPhase s = (StairsPhase) p;
      m.put("type", "stairs");
      m.put("from", s.fromRatePerSec());
      m.put("to", s.toRatePerSec());
      m.put("steps", s.steps());
      m.put("stepDurationSeconds", s.stepDuration().toMillis() / 1000.0);
    }
    m.put("durationSeconds", p.duration().toMillis() / 1000.0);
    m.put("arrival", p.arrival().kind().name().toLowerCase(java.util.Locale.ROOT));
    if (p.arrival().kind() == dev.harness.traffic.Arrival.Kind.GAMMA) {
      m.put("cv", p.arrival().cv());
    }
    return m;
  }

  private PayloadSummary payloadSummary() {
    return new PayloadSummary(
        plan.payloads().file().toString(),
        payloads.size(),
        payloads.skippedLines(),
        plan.payloads().sampling().name().toLowerCase(java.util.Locale.ROOT),
        plan.payloads().saltPrompts(),
        sha256(plan.payloads().file()));
  }

  private static String sha256(java.nio.file.Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unavailable";
    }
  }
}
