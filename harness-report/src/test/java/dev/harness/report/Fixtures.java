package dev.harness.report;

import dev.harness.record.LatencySummary;
import dev.harness.result.CapacityResult;
import dev.harness.result.CapacityStep;
import dev.harness.result.CheckResult;
import dev.harness.result.GeneratorSummary;
import dev.harness.result.PayloadSummary;
import dev.harness.result.PlanSummary;
import dev.harness.result.RecommendationResult;
import dev.harness.result.RunResult;
import dev.harness.result.StepResult;
import dev.harness.result.Totals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Fixed results for the report tests, written out by hand (every number a literal, so that the
 * golden files can be checked against this file line by line).
 */
public final class Fixtures {
  public static final Instant STARTED = Instant.parse("2026-11-23T10:00:00Z");

  private Fixtures() {}

  /** A capacity search over an HTTP scorer: 40 pass, 80 fail, 60 pass (each after a warm-up). */
  public static RunResult capacityRun() {
    Map<String, Object> slo = Map.of("objectives", List.of("e2e p99 <= 50 ms"),
        "maxErrorRate", 0.001);
    PlanSummary plan = new PlanSummary("plans/fraud.yaml", "fraud_scoring", "http",
        "http://10.0.0.5:8080/score", null, false, List.of("X-Team"), List.of(), slo,
        Map.of("requestTimeoutSeconds", 2.0));
    List<StepResult> steps = List.of(
        step(0, "warmup 40 req/s", 1.5, 5, 40, 200, 200, 0, 40.0, 0.0,
            e2e(200, 11.9, 10.3, 17.1, 20.2, 26.0, 26.0, 26.0)),
        step(1, "40 req/s", 6.5, 30, 40, 1200, 1200, 0, 40.0, 0.0,
            e2e(1200, 11.2, 9.8, 16.4, 19.9, 27.3, 38.1, 41.6)),
        step(2, "warmup 80 req/s", 40, 5, 80, 400, 400, 0, 80.0, 0.0,
            e2e(400, 18.5, 13.9, 29.0, 35.5, 47.7, 52.2, 52.2)),
        step(3, "80 req/s", 45, 30, 80, 2403, 2398, 5, 79.93, 0.00208,
            e2e(2398, 21.7, 14.6, 33.8, 41.2, 61.2, 95.4, 130.8)),
        step(4, "warmup 60 req/s", 80, 5, 60, 300, 300, 0, 60.0, 0.0,
            e2e(300, 14.1, 11.7, 21.0, 25.3, 33.9, 33.9, 33.9)),
        step(5, "60 req/s", 85, 30, 60, 1800, 1800, 0, 60.0, 0.0,
            e2e(1800, 14.9, 12.1, 22.5, 27.0, 38.4, 52.0, 57.5)));
    CheckResult pass40 = check(1200, 0, 0.0, 0.0, 0.0025, 27.3, "pass");
    CheckResult fail80 = check(2403, 44, 0.0183, 0.0137, 0.024, 61.2, "fail");
    CheckResult pass60 = check(1800, 2, 0.0011, 0.0, 0.0035, 38.4, "pass");
    List<CapacityStep> search = List.of(
        new CapacityStep(0, "trial", "start", 40.0, 0, 1, 0, 30, 1200, 40.0, 40.0, 0, "pass",
            "all met", true, "steady over 6 windows", 0.25, List.of(pass40),
            Map.of("e2e", Map.of("p50", List.of(9.5, 10.1), "p90", List.of(15.9, 17.0),
                "p99", List.of(25.8, 29.9))), Map.of()),
        new CapacityStep(1, "trial", "grow ×2.0 from 40", 80.0, 0, 3, 2, 30, 2403, 79.93, 77.5,
            0, "fail", "fail: p99 e2e ≤ 50 ms (share over 1.83%, n=2403)", true,
            "steady over 6 windows", 2.4, List.of(fail80),
            Map.of("e2e", Map.of("p50", List.of(14.2, 15.1), "p90", List.of(32.0, 35.9),
                "p99", List.of(56.0, 67.9))), Map.of()),
        new CapacityStep(2, "final", "bisect [40, 80]", 60.0, 0, 5, 4, 30, 1800, 60.0, 59.97, 0,
            "pass", "all met", true, "steady over 6 windows", 0.35, List.of(pass60),
            Map.of("e2e", Map.of("p50", List.of(11.8, 12.5), "p90", List.of(21.6, 23.4),
                "p99", List.of(35.1, 42.0))), Map.of()));
    CapacityResult capacity = new CapacityResult("search", "found",
        "bracket [60, 80] wider than asked, max-duration reached", Map.of("precision", 0.1),
        8.4, null,
        new CapacityResult.Sustainable(60.0, 60.0, true, 80.0, false, 68.5, 68.5, 0.1, 0.3333,
            false),
        1, fail80, search);
    return new RunResult(RunResult.SCHEMA_VERSION, "20261123-100000-fraud_scoring", "capacity",
        STARTED, Instant.parse("2026-11-23T10:02:03.500Z"), false, null, 7,
        Map.of("harness", "0.1.0-test", "java", "17"), plan,
        new PayloadSummary("payloads/fraud.jsonl", 200, 0, "shuffle", false,
            "0123456789abcdef0123456789abcdef"),
        new GeneratorSummary("epoll", 1, 128, 128, 8, 0.41, 1.92, 3.1, 7.8, 0),
        List.of(new RunResult.Anchor(0, STARTED.toEpochMilli())), steps,
        new Totals(6303, 6298, Map.of("success", 6298L, "http-5xx", 5L), 0.000793, 0, 117.2),
        List.of("payloads: about 6303 requests from a set of 200 (31.5× each)"), capacity);
  }

  /**
   * A plain LLM run of two stairs, interrupted, whose second step timed out requests (censored
   * percentiles), with plan text that needs escaping.
   */
  public static RunResult llmRun() {
    Map<String, Object> slo = Map.of(
        "objectives", List.of("ttft p99 <= 2000 ms", "e2e p99 <= 20000 ms"),
        "maxErrorRate", 0.01);
    PlanSummary plan = new PlanSummary(null, "chat <demo> | *v2*", "openai-chat",
        "http://127.0.0.1:8000/v1/chat/completions", "support-7b", true, List.of(),
        List.of(Map.of("name", "climb", "type", "stairs")), slo, Map.of());
    LatencySummary itl1 = new LatencySummary(7600, 31.5, 30.1, 38.8, 42.0, 51.9, 70.3, 88.0, 0);
    LatencySummary itl2 = new LatencySummary(29260, 44.2, 40.6, 61.0, 70.4, 93.7, 140.2, 201.9,
        0);
    List<StepResult> steps = List.of(
        new StepResult(0, "climb#1", "climb", 0, 20, 1.0, 1.0, 1.0, 20, 1.0,
            Map.of("success", 20L), 0.0,
            Map.of("e2e", new LatencySummary(20, 2950.4, 2801, 3790, 4012, 4410, 4410, 4410,
                    30000),
                "ttft", new LatencySummary(20, 95.2, 81.3, 150.7, 171.0, 188.2, 188.2, 188.2,
                    30000),
                "itl", itl1),
            7600, 380.0, Map.of("usage", 20L)),
        new StepResult(1, "climb#2", "climb", 20, 20, 4.0, 4.0, 4.0, 80, 3.85,
            Map.of("success", 77L, "timeout", 3L), 0.0375,
            Map.of("e2e", new LatencySummary(80, 13210.5, 12040, 28500, 30000, 30000, 30000,
                    30000, 30000),
                "ttft", new LatencySummary(80, 2410.0, 1980.5, 4410.0, 9010.0, 30000, 30000,
                    30000, 30000),
                "itl", itl2),
            29260, 1463.0, Map.of("usage", 77L)));
    return new RunResult(RunResult.SCHEMA_VERSION, "20261123-100000-chat", "run", STARTED,
        Instant.parse("2026-11-23T10:00:41.250Z"), true, "interrupted", 42,
        Map.of("harness", "0.1.0-test"), plan,
        new PayloadSummary("payloads/chat, support.jsonl", 360, 2, "sequential", true,
            "fedcba9876543210"),
        new GeneratorSummary("nio", 2, 144, 144, 2, 0.2, 0.9, 1.5, 4.0, 1),
        List.of(new RunResult.Anchor(0, STARTED.toEpochMilli())), steps,
        new Totals(100, 97, Map.of("success", 97L, "timeout", 3L), 0.03, 36860, 41.25),
        List.of("a warning with <script>alert('x')</script> | and *stars*"), null);
  }

  /**
   * A {@code harness recommend} result: three passing candidates (two tied at rank 2), one
   * rejected because the model does not fit, one not run; the decision with its runner-up and
   * biggest passing candidate; an output-length warning; one cold-start probe. Rates are
   * requests/s per instance (a few per minute, so the tables show req/min).
   */
  static RunResult recommendRun() {
    double min = 1 / 60.0;
    RecommendationResult.Candidate a = passed("sim-g5.2xlarge", "g5.2xlarge", 1, List.of(),
        1.515, 130 * min, 140 * min, 150 * min, 1340.0, 2, 3, 2848, 2948, 3048,
        new RecommendationResult.ColdStart(870.0, Arrays.asList(870.0, 910.0, null)));
    RecommendationResult.Candidate b = passed("sim-g5.4xlarge", "g5.4xlarge", 2,
        List.of("sim-g5.12xlarge"), 2.03, 200 * min, 220 * min, 240 * min, 1210.0, 2, 3, 3356,
        3456, 3556, null);
    RecommendationResult.Candidate c = passed("sim-g5.12xlarge", "g5.12xlarge", 2,
        List.of("sim-g5.4xlarge"), 7.09, 520 * min, 540 * min, 560 * min, 980.0, 2, 2, 3400,
        3500, 3600, null);
    RecommendationResult.Candidate oom = new RecommendationResult.Candidate("sim-g5.xlarge",
        "g5.xlarge", 1, 1, 1.408, null, null, null, "rejected", null, null, List.of(), null,
        null, null, null, null, null, null, Map.of(), null, null, null, null, null,
        "does-not-fit", "GET /health answered 503: out of memory while loading weights", null,
        "candidates/sim-g5.xlarge", null);
    RecommendationResult.Candidate notRun = new RecommendationResult.Candidate("inf2",
        "inf2.xlarge", 1, 0, 0.99, null, null, null, "not-run", null, null, List.of(), null,
        null, null, null, null, null, null, Map.of(), null, null, null, null, null, null, null,
        "declared incompatible: no Neuron build of this model", null, null);
    RecommendationResult rec = new RecommendationResult(
        new RecommendationResult.TrafficSummary(80 * min, 250 * min, 10, 1.3, 1, 1),
        "sagemaker",
        new RecommendationResult.CatalogSummary(List.of("profiles/aws.yaml"), "us-east-1"),
        List.of(oom, a, b, c, notRun),
        List.of("sim-g5.2xlarge", "sim-g5.4xlarge", "sim-g5.12xlarge"),
        new RecommendationResult.DecisionSummary("sim-g5.2xlarge", "g5.2xlarge", 2, 3, 2, 4, 1,
            3.125, 1.3, 140 * min, 130 * min, 2948,
            new RecommendationResult.Versus("sim-g5.4xlarge", "g5.4xlarge", 2, 3, 3456, 508,
                17.2, 0.2461, true),
            new RecommendationResult.Versus("sim-g5.12xlarge", "g5.12xlarge", 2, 2, 3500, 552,
                18.7, 0.2493, true)),
        false,
        List.of("median output lengths differ by more than 10 %: sim-g5.4xlarge 300 tokens, "
            + "sim-g5.12xlarge 240 tokens; costs per request are not comparable"));
    Map<String, Object> slo = Map.of("objectives", List.of("e2e p99 <= 2000 ms"),
        "maxErrorRate", 0.01);
    PlanSummary plan = new PlanSummary("plans/recommend.yaml", "support-bot", "openai-chat",
        null, "support-7b", true, List.of(), List.of(), slo, Map.of());
    return new RunResult(RunResult.SCHEMA_VERSION, "20261123-100000-support-bot", "recommend",
        STARTED, Instant.parse("2026-11-23T11:30:00Z"), false, null, 5,
        Map.of("harness", "0.1.0-test"), plan,
        new PayloadSummary("payloads/support.jsonl", 500, 0, "shuffle", false, "00ff"),
        new GeneratorSummary("netty", 1, 64, 64, 0, 0, 0, 0, 0, 0),
        List.of(new RunResult.Anchor(0, STARTED.toEpochMilli())), List.of(),
        new Totals(9000, 8990, Map.of("success", 8990L, "timeout", 10L), 0.0011, 2_700_000,
            5400), List.of(), null, rec);
  }

  private static RecommendationResult.Candidate passed(String name, String type, int rank,
      List<String> tied, double price, double low, double point, double high, double p99,
      int steady, int peak, double monthlyLow, double monthly, double monthlyHigh,
      RecommendationResult.ColdStart cold) {
    return new RecommendationResult.Candidate(name, type, 1, 1, price, "2026-11-01", null, null,
        "passed", rank, rank, tied, new RecommendationResult.Range(low, point, high), point,
        point, p99, 600.0, 80.0, 300.0, Map.of(), 1000 * price / (point * 3600),
        1e6 * price / (80.0 * 3600), new RecommendationResult.Range(monthlyLow, monthly,
            monthlyHigh), steady, peak, null, null, null, "candidates/" + name, cold);
  }

  /** {@code r} with search step {@code index} judged invalid for {@code reason}. */
  static RunResult withInvalidStep(RunResult r, int index, String reason) {
    List<CapacityStep> steps = new java.util.ArrayList<>(r.capacity().steps());
    CapacityStep c = steps.get(index);
    steps.set(index, new CapacityStep(c.index(), c.kind(), c.purpose(), c.offeredRps(),
        c.concurrency(), c.resultStep(), c.warmupStep(), c.measuredSeconds(), c.scheduled(),
        c.achievedRps(), c.goodputRps(), c.outputTokensPerSec(), "invalid", reason, c.stable(),
        c.stability(), c.exceedance(), c.checks(), c.percentileIntervals(), c.serverMetrics()));
    return withSteps(r, steps);
  }

  private static RunResult withSteps(RunResult r, List<CapacityStep> steps) {
    CapacityResult c = r.capacity();
    return new RunResult(r.schemaVersion(), r.runId(), r.kind(), r.startedAt(), r.endedAt(),
        r.interrupted(), r.stopReason(), r.seed(), r.versions(), r.plan(), r.payloads(),
        r.generator(), r.anchors(), r.steps(), r.totals(), r.warnings(),
        new CapacityResult(c.strategy(), c.status(), c.endReason(), c.settings(),
            c.idleLatencyMillis(), c.saturationRps(), c.sustainable(), c.firstFailingStep(),
            c.firstBreach(), steps));
  }

  /** {@code r} with server metrics on every search step: busy and KV share rise with the rate. */
  static RunResult withServerMetrics(RunResult r) {
    List<CapacityStep> steps = new java.util.ArrayList<>();
    for (CapacityStep c : r.capacity().steps()) {
      double load = c.offeredRps() / 100;
      steps.add(c.withServerMetrics(Map.of("gpu_busy.mean", load, "kv_cache_usage.mean",
          load * 0.8, "requests_waiting.max", Math.floor(load * 10), "requests_waiting.mean",
          load * 4)));
    }
    return withSteps(r, steps);
  }

  /**
   * Writes a {@code latency.hlog} for {@code r}: one interval per second of every step's
   * window, tagged {@code e2e} ({@code warmup-e2e} for capacity warm-ups), each with {@code
   * perInterval} values uniform in [5, 45) ms (seeded), StartTime at the run's start.
   *
   * @return values written per step index
   */
  static Map<Integer, Long> writeHlog(Path dir, RunResult r, int perInterval) throws IOException {
    return writeHlog(dir, r, perInterval, -1, 0);
  }

  /**
   * As {@link #writeHlog(Path, RunResult, int)}, and when {@code pauseSecond} ≥ 0 also a {@code
   * hiccup} interval for every second of the run: 1 000 wake-ups of 0.1–2 ms lateness each, plus
   * in the interval starting at {@code pauseSecond} one pause of {@code pauseMillis}.
   */
  static Map<Integer, Long> writeHlog(Path dir, RunResult r, int perInterval, int pauseSecond,
      long pauseMillis) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    java.util.Set<Integer> warmups = new java.util.HashSet<>();
    if (r.capacity() != null) {
      r.capacity().steps().forEach(c -> warmups.add(c.warmupStep()));
    }
    Map<Integer, Long> counts = new java.util.HashMap<>();
    long origin = r.startedAt().toEpochMilli();
    try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")),
        false, "UTF-8")) {
      HistogramLogWriter w = new HistogramLogWriter(out);
      w.outputLogFormatVersion();
      w.outputStartTime(origin);
      w.setBaseTime(origin);
      w.outputLegend();
      for (StepResult s : r.steps()) {
        for (int sec = 0; sec < (int) s.durationSeconds(); sec++) {
          Histogram h = new Histogram(3);
          for (int i = 0; i < perInterval; i++) {
            h.recordValue(5_000 + random.nextLong(40_000));
          }
          long start = origin + Math.round((s.startOffsetSeconds() + sec) * 1000);
          h.setStartTimeStamp(start);
          h.setEndTimeStamp(start + 1000);
          h.setTag(warmups.contains(s.index()) ? "warmup-e2e" : "e2e");
          w.outputIntervalHistogram(h);
          counts.merge(s.index(), (long) perInterval, Long::sum);
        }
      }
      StepResult last = r.steps().get(r.steps().size() - 1);
      int seconds = (int) (last.startOffsetSeconds() + last.durationSeconds());
      for (int sec = 0; pauseSecond >= 0 && sec < seconds; sec++) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 1000; i++) {
          h.recordValue(100 + random.nextLong(1_900));
        }
        if (sec == pauseSecond) {
          h.recordValue(pauseMillis * 1000);
        }
        h.setStartTimeStamp(origin + sec * 1000L);
        h.setEndTimeStamp(origin + sec * 1000L + 1000);
        h.setTag("hiccup");
        w.outputIntervalHistogram(h);
      }
    }
    return counts;
  }

  private static StepResult step(int index, String name, double start, double duration,
      double offered, long scheduled, long ok, long failed, double achieved, double errorRate,
      LatencySummary e2e) {
    Map<String, Long> outcomes = failed == 0 ? Map.of("success", ok)
        : Map.of("success", ok, "http-5xx", failed);
    return new StepResult(index, name, name, start, duration, offered, offered, offered,
        scheduled, achieved, outcomes, errorRate,
        Map.of("e2e", e2e, "schedule-lag",
            new LatencySummary(scheduled, 0.1, 0.08, 0.2, 0.25, 0.41, 0.9, 1.2, 0)),
        0, 0.0, Map.of());
  }

  private static LatencySummary e2e(long n, double mean, double p50, double p90, double p95,
      double p99, double p999, double max) {
    return new LatencySummary(n, mean, p50, p90, p95, p99, p999, max, 2000);
  }

  private static CheckResult check(long n, long violations, double share, double lower,
      double upper, double observed, String verdict) {
    return new CheckResult("p99 e2e ≤ 50 ms", "e2e", 99.0, 50.0, n, violations, share, 0.01,
        lower, upper, observed, verdict, "clopper-pearson");
  }
}
